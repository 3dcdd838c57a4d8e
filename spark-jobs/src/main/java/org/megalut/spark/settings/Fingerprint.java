package org.megalut.spark.settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * What determines a step's output for one subfield, as named entries: the settings under their
 * configuration keys (e.g. {@code measure.guess-sigma}) and the identities of the inputs it reads. A
 * completion record stores the {@link #digest} of these entries, so a change of any entry redoes the
 * subfield, while renaming a Java field, reordering code or changing a setting that only divides the
 * work (left out on purpose) redoes nothing.
 *
 * <p>Values are written with {@link String#valueOf}: doubles as the shortest text that reads back to the
 * same double, so the digest depends on the value, not on how it was written in the configuration.
 */
public final class Fingerprint {
    private final List<String> entries;

    private Fingerprint(List<String> entries) {
        this.entries = entries;
    }

    /** An empty fingerprint. */
    public static Fingerprint of() {
        return new Fingerprint(List.of());
    }

    /**
     * This fingerprint with one more entry.
     *
     * @param key   the configuration key of a setting, or {@code input.<table>} for an input's identity;
     *              each key at most once
     * @param value its value (a number, boolean, text, or a list of those)
     */
    public Fingerprint with(String key, Object value) {
        if (key.isBlank() || key.contains("=") || key.contains("\n")) {
            throw new IllegalArgumentException("fingerprint key must be a plain name, found '" + key + "'");
        }
        for (String e : entries) {
            if (e.startsWith(key + "=")) {
                throw new IllegalArgumentException("fingerprint key " + key + " given twice");
            }
        }
        List<String> next = new ArrayList<>(entries);
        next.add(key + "=" + String.valueOf(value).replace("\n", "\\n"));
        return new Fingerprint(Collections.unmodifiableList(next));
    }

    /** This fingerprint with the entries of another appended. */
    public Fingerprint with(Fingerprint other) {
        Fingerprint f = this;
        for (String e : other.entries) {
            int eq = e.indexOf('=');
            f = f.with(e.substring(0, eq), e.substring(eq + 1));
        }
        return f;
    }

    /** The entries, {@code key=value}, in the order given. */
    public List<String> entries() {
        return entries;
    }

    /** SHA-256 (hex) of the entries, one per line: what a completion record stores. */
    public String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String e : entries) {
                md.update(e.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The entries, one per line (for messages). */
    @Override
    public String toString() {
        return String.join("\n", entries);
    }
}
