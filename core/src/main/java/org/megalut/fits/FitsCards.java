package org.megalut.fits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Formats FITS header cards (fixed format, FITS standard 4.0 §4.2) and whole headers.
 *
 * <p>We format cards ourselves instead of through nom-tam-fits because its default formatting of
 * doubles rounds them (0.30000000000000004 is written as 0.3); here every number round-trips
 * exactly, which keeps pixel scales and offsets bit-identical across write and read.
 */
final class FitsCards {
    static final int CARD = 80;
    private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9_-]{1,8}");
    /** Fixed format puts logical and numeric values right-justified ending in column 30. */
    private static final int VALUE_END = 30;

    private FitsCards() {
    }

    /** A card with a value; {@code value} is a Boolean, an integral Number, a Double/Float or a String. */
    static String card(String keyword, Object value, String comment) {
        if (!KEYWORD.matcher(keyword).matches()) {
            throw new IllegalArgumentException("FITS keyword '" + keyword
                    + "' must be 1-8 characters of A-Z, 0-9, '_' or '-'");
        }
        StringBuilder sb = new StringBuilder(CARD);
        sb.append(String.format("%-8s= ", keyword));
        if (value instanceof String s) {
            sb.append(quoted(keyword, s));
        } else {
            String text = scalar(keyword, value);
            sb.append(" ".repeat(Math.max(0, VALUE_END - 10 - text.length()))).append(text);
        }
        if (comment != null && !comment.isEmpty() && sb.length() + 3 < CARD) {
            sb.append(" / ").append(comment, 0, Math.min(comment.length(), CARD - sb.length()));
        }
        if (sb.length() > CARD) {
            throw new IllegalArgumentException("FITS card for " + keyword + " is longer than 80 characters: " + sb);
        }
        return pad(sb.toString());
    }

    /** The header bytes: the cards, END, then spaces up to a whole 2880-byte block. */
    static byte[] header(List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            sb.append(c);
        }
        sb.append(pad("END"));
        int blocks = (sb.length() + FitsImageHeader.BLOCK - 1) / FitsImageHeader.BLOCK;
        sb.append(" ".repeat(blocks * FitsImageHeader.BLOCK - sb.length()));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String scalar(String keyword, Object value) {
        if (value instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("FITS card " + keyword + " cannot hold " + d);
            }
            // Java's shortest round-trip form, e.g. 0.2, -10.0, 1.0E-20: all valid FITS reals.
            return Double.toString(d);
        }
        throw new IllegalArgumentException("FITS card " + keyword + ": unsupported value type "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + ", expected Boolean, Integer, Long, Double or String");
    }

    private static String quoted(String keyword, String s) {
        for (char ch : s.toCharArray()) {
            if (ch < 32 || ch > 126) {
                throw new IllegalArgumentException("FITS card " + keyword + ": string value must be printable ASCII");
            }
        }
        // Strings are padded to at least 8 characters inside the quotes (FITS standard §4.2.1).
        return "'" + String.format("%-8s", s.replace("'", "''")) + "'";
    }

    private static String pad(String s) {
        return s + " ".repeat(CARD - s.length());
    }
}
