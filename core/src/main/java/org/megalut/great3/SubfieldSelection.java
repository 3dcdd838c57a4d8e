package org.megalut.great3;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses subfield selections such as {@code "0-199"}, {@code "0-4,200-204"} or {@code "3, 7, 10-12"}.
 *
 * <p>The parser checks syntax only; numbers outside the branch (e.g. 1099) are kept so that
 * {@link BranchLayout#requireValid(int[])} can report them all at once.
 */
public final class SubfieldSelection {
    /** Upper bound on numbers, so a typo like "0-99999999" cannot exhaust memory. */
    private static final int MAX_NUMBER = 999_999;
    private static final Pattern ITEM = Pattern.compile("(\\d{1,7})(?:\\s*-\\s*(\\d{1,7}))?");

    private SubfieldSelection() {
    }

    /**
     * Parses a comma-separated list of numbers and inclusive ranges {@code a-b} (a ≤ b), with
     * optional spaces.
     *
     * @return the selected numbers, sorted ascending, without duplicates
     * @throws IllegalArgumentException quoting the text and the offending item if it is malformed
     */
    public static int[] parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty subfield selection; expected e.g. \"0-199\" or \"0-4,200-204\"");
        }
        BitSet selected = new BitSet();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("malformed subfield selection \"" + text + "\": item \"" + item
                        + "\" is not a number or a range a-b; expected e.g. \"0-199\" or \"0-4,200-204\"");
            }
            int from = number(text, m.group(1));
            int to = m.group(2) == null ? from : number(text, m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("malformed subfield selection \"" + text + "\": range \"" + item
                        + "\" is descending; expected a-b with a <= b");
            }
            selected.set(from, to + 1);
        }
        return selected.stream().toArray();
    }

    private static int number(String text, String digits) {
        int n = Integer.parseInt(digits);
        if (n > MAX_NUMBER) {
            throw new IllegalArgumentException("malformed subfield selection \"" + text + "\": " + n
                    + " is larger than " + MAX_NUMBER);
        }
        return n;
    }
}
