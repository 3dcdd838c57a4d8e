package org.megalut.great3;

import java.util.Locale;
import java.util.regex.Pattern;

/** Strict parsing of the numbers found in GREAT3 text files (numpy, Python and PyYAML output). */
public final class TextNumbers {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    /** Largest magnitude below which every integer is exact in a double. */
    private static final double EXACT_INTEGER_LIMIT = 9.007199254740992e15;

    /** Field separator of numpy and Python text output. */
    static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextNumbers() {
    }

    /**
     * Parses a decimal number, or nan/inf as written by Python ("nan", "inf", "-inf") and PyYAML
     * (".nan", ".inf", "-.inf").
     *
     * @param what describes the value for the message, e.g. "column x" or "key g1"
     */
    public static double parseDouble(String token, String file, int line, String what) {
        if (isDecimal(token)) {
            return Double.parseDouble(token);
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "nan", ".nan":
                return Double.NaN;
            case "inf", "+inf", ".inf", "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-.inf":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new Great3FormatException(file, line, what + " = '" + token + "', expected a number");
        }
    }

    /**
     * True for {@code [+-]?(digits[.digits?] | .digits)([eE][+-]?digits)?}: decimal numbers only,
     * since Java's parseDouble would also take "1f", "0x1p3" or "Infinity". Scanned by hand because
     * a regex match per value dominated the reading of 10 000-row catalogues.
     */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when the token is written as a plain integer (no point, no exponent). */
    static boolean isIntegerLiteral(String token) {
        return INTEGER.matcher(token).matches();
    }

    /**
     * True when the value is an integer exactly representable as a double (GREAT3 text catalogues
     * write integers as {@code %.18e}, e.g. {@code 2.300000000000000000e+01}).
     */
    static boolean isExactInteger(double value) {
        return Math.abs(value) < EXACT_INTEGER_LIMIT && value == Math.rint(value);
    }
}
