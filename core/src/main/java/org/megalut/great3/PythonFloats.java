package org.megalut.great3;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles exactly as the Python 2.7 that wrote GREAT3 did (CPython pystrtod.c
 * {@code format_float_short}), so that our text files are byte-identical to GREAT3's.
 */
final class PythonFloats {
    /** {@code str()} switches to exponent notation from 10^11 on (12 digits, one kept for ".0"). */
    private static final int STR_EXPONENT_LIMIT = 11;
    /** {@code repr()} switches to exponent notation from 10^16 on. */
    private static final int REPR_EXPONENT_LIMIT = 16;
    private static final int STR_DIGITS = 12;
    private static final int MAX_DIGITS = 17;

    private PythonFloats() {
    }

    /**
     * Python 2 {@code str(float)}: 12 significant digits, trailing zeros dropped, ".0" added to
     * integral values; e.g. 0.0, -10.0, 0.0123456789012, 1e-05, 1e+11, nan, inf.
     */
    static String str(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return special(x);
        }
        return layout(new BigDecimal(x).round(new MathContext(STR_DIGITS, RoundingMode.HALF_EVEN)),
                STR_EXPONENT_LIMIT);
    }

    /**
     * Python 2.7 {@code repr(float)}: the shortest decimal that reads back as the same double;
     * e.g. 0.1, 0.30000000000000004, 1e-05, 1e+16.
     */
    static String repr(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return special(x);
        }
        return layout(shortest(x), REPR_EXPONENT_LIMIT);
    }

    /**
     * PyYAML's float representation: {@code repr(x).lower()}, with ".0" inserted before the exponent
     * when there is no point (1e-05 → 1.0e-05), and .nan, .inf, -.inf.
     */
    static String yaml(double x) {
        if (Double.isNaN(x)) {
            return ".nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? ".inf" : "-.inf";
        }
        String r = repr(x);
        if (!r.contains(".") && r.contains("e")) {
            r = r.replaceFirst("e", ".0e");
        }
        return r;
    }

    /** The closest decimal with the fewest digits that parses back to x. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == x) {
                return candidate;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static String special(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return 1 / x < 0 ? "-0.0" : "0.0";
    }

    /**
     * Writes d1.d2d3…×10^e in fixed notation when −4 ≤ e &lt; limit, else as d1.d2…e±XX, as
     * CPython does; integral fixed values get ".0".
     */
    private static String layout(BigDecimal value, int limit) {
        BigDecimal v = value.stripTrailingZeros();
        String digits = v.unscaledValue().abs().toString();
        int e = digits.length() - 1 - v.scale();
        StringBuilder sb = new StringBuilder(v.signum() < 0 ? "-" : "");
        if (e < -4 || e >= limit) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(e < 0 ? '-' : '+');
            if (Math.abs(e) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(e));
        } else if (e < 0) {
            sb.append("0.").append("0".repeat(-e - 1)).append(digits);
        } else if (digits.length() <= e + 1) {
            sb.append(digits).append("0".repeat(e + 1 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, e + 1).append('.').append(digits, e + 1, digits.length());
        }
        return sb.toString();
    }
}
