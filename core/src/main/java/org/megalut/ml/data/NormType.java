package org.megalut.ml.data;

import java.util.Arrays;

/**
 * Tenbilac's normalisation types; one (a, b) pair per feature (or label).
 *
 * <table>
 * <caption>Normalisations</caption>
 * <tr><th>name</th><th>a</th><th>b</th><th>x'</th><th>x</th></tr>
 * <tr><td>sa1</td><td>0</td><td>max|x|</td><td>x/b</td><td>x'·b</td></tr>
 * <tr><td>-11</td><td>min</td><td>max − min</td><td>2(x − a)/b − 1</td><td>(x' + 1)/2·b + a</td></tr>
 * <tr><td>01</td><td>min</td><td>max − min</td><td>(x − a)/b</td><td>x'·b + a</td></tr>
 * <tr><td>std</td><td>mean</td><td>std (population)</td><td>(x − a)/b</td><td>x'·b + a</td></tr>
 * </table>
 */
public enum NormType {
    SA1("sa1") {
        @Override
        double normalise(double x, double a, double b) {
            return x / b;
        }

        @Override
        double denormalise(double y, double a, double b) {
            return y * b;
        }
    },
    MINUS_ONE_ONE("-11") {
        @Override
        double normalise(double x, double a, double b) {
            return 2.0 * (x - a) / b - 1.0;
        }

        @Override
        double denormalise(double y, double a, double b) {
            return (y + 1.0) / 2.0 * b + a;
        }
    },
    ZERO_ONE("01") {
        @Override
        double normalise(double x, double a, double b) {
            return (x - a) / b;
        }

        @Override
        double denormalise(double y, double a, double b) {
            return y * b + a;
        }
    },
    STD("std") {
        @Override
        double normalise(double x, double a, double b) {
            return (x - a) / b;
        }

        @Override
        double denormalise(double y, double a, double b) {
            return y * b + a;
        }
    };

    private final String configName;

    NormType(String configName) {
        this.configName = configName;
    }

    /** The Tenbilac / config name. */
    public String configName() {
        return configName;
    }

    abstract double normalise(double x, double a, double b);

    abstract double denormalise(double y, double a, double b);

    /**
     * Looks a type up by its config name ("sa1", "-11", "01", "std").
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static NormType byName(String name) {
        for (NormType t : values()) {
            if (t.configName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown normalisation type '" + name + "', valid: "
                + Arrays.stream(values()).map(NormType::configName).toList());
    }
}
