package org.megalut.great3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A flat GREAT3 dict file ({@code subfield_offset}, {@code epoch_dither}, {@code shear_params},
 * {@code starshape_parameters}) in its {@code .yaml} or {@code .txt} form. Immutable.
 *
 * <p>Values are numbers: integers are kept as {@link Long} and written without a decimal point
 * ({@code subfield_index: 7}), other values are {@link Double}. Keys are kept sorted, as both GREAT3
 * writers sort them. The file name read from is kept for error messages.
 */
public final class DictFile {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final SortedMap<String, Number> values;

    private DictFile(String name, SortedMap<String, Number> values) {
        this.name = name;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * A dict built in memory. Integer and Long values are integers, Float and Double are floats.
     *
     * @throws IllegalArgumentException for keys that are not identifiers or for other value types
     */
    public static DictFile of(Map<String, ? extends Number> values) {
        SortedMap<String, Number> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("dict key '" + e.getKey() + "' must be an identifier");
            }
            Number v = e.getValue();
            if (v instanceof Integer || v instanceof Long) {
                sorted.put(e.getKey(), v.longValue());
            } else if (v instanceof Double || v instanceof Float) {
                sorted.put(e.getKey(), v.doubleValue());
            } else {
                throw new IllegalArgumentException("dict value for '" + e.getKey() + "' must be an Integer, Long, "
                        + "Float or Double, got " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
        return new DictFile("in-memory dict", sorted);
    }

    /** Builds a parsed dict; used by the format readers, which have validated keys and values. */
    static DictFile parsed(String name, SortedMap<String, Number> values) {
        return new DictFile(name, values);
    }

    static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /**
     * Reads a {@code .yaml} (flow or block style) or {@code .txt} dict, chosen by the name's extension.
     *
     * @throws Great3FormatException naming the file and line for malformed text or non-numeric values
     */
    public static DictFile read(InputStream in, String name) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return switch (DictFormat.forName(name)) {
            case YAML -> DictYaml.parse(name, text);
            case TXT -> DictTxt.parse(name, text);
        };
    }

    /** Reads a local {@code .yaml} or {@code .txt} dict. */
    public static DictFile read(Path path) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString());
        }
    }

    /** The file this dict was read from, or "in-memory dict". */
    public String name() {
        return name;
    }

    /** Keys in sorted order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The values (Long or Double) by key, sorted by key. */
    public SortedMap<String, Number> values() {
        return values;
    }

    /**
     * The value of a key as a double.
     *
     * @throws Great3FormatException naming the file if the key is missing
     */
    public double getDouble(String key) {
        return get(key).doubleValue();
    }

    /**
     * The value of a key as an int; it must be integral.
     *
     * @throws Great3FormatException naming the file if the key is missing or not an integer
     */
    public int getInt(String key) {
        Number v = get(key);
        double d = v.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new Great3FormatException(name, "key " + key + " = " + v + ", expected an integer");
        }
        return (int) d;
    }

    private Number get(String key) {
        Number v = values.get(key);
        if (v == null) {
            throw new Great3FormatException(name, "missing key " + key + "; found keys " + keys());
        }
        return v;
    }

    /**
     * Checks that the keys are exactly the expected ones (GREAT3 dicts have fixed key sets; an
     * unknown key is more likely a wrong file than something to ignore).
     *
     * @return this dict
     * @throws Great3FormatException naming the file, the expected and the found keys
     */
    public DictFile requireKeys(Collection<String> expected) {
        if (!values.keySet().equals(new TreeSet<>(expected))) {
            throw new Great3FormatException(name, "expected keys " + new TreeSet<>(expected) + ", found " + keys());
        }
        return this;
    }

    /** The file content in the given format, byte-identical to what GREAT3's Python wrote. */
    public String format(DictFormat format) {
        return switch (format) {
            case YAML -> DictYaml.format(values);
            case TXT -> DictTxt.format(values);
        };
    }

    /** Writes the dict in the given format (ASCII). The stream is flushed, not closed. */
    public void write(OutputStream out, DictFormat format) throws IOException {
        out.write(format(format).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes a local file, in the format given by its extension (.yaml or .txt). */
    public void write(Path path) throws IOException {
        DictFormat format = DictFormat.forName(path.toString());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out, format);
        }
    }

    /** Dicts are equal when their keys and values are (the source name is not compared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DictFile d && values.equals(d.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return name + " " + values;
    }
}
