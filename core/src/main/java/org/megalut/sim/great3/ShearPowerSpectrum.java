package org.megalut.sim.great3;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tabulated E-mode shear power spectrum C_ℓ [rad²] against the multipole ℓ [rad⁻¹], interpolated
 * linearly in (ln ℓ, ln C_ℓ) between the nodes, as GREAT3 interpolated its tables (GalSim lookup table
 * with logarithmic abscissa and ordinate). Immutable.
 */
public final class ShearPowerSpectrum {
    /** The cosmological table shipped with the project (see the resource's header and docs/variable-shear.md). */
    static final String FIDUCIAL_RESOURCE = "shear-power-zmed1.00.txt";

    private final double[] logEll;
    private final double[] logPower;

    /**
     * @param ell   multipoles [rad⁻¹], strictly increasing and positive
     * @param power C_ℓ [rad²] at those multipoles, positive
     * @throws IllegalArgumentException for fewer than two nodes, unequal lengths, or non-positive or
     *                                  unordered values
     */
    public ShearPowerSpectrum(double[] ell, double[] power) {
        if (ell.length != power.length || ell.length < 2) {
            throw new IllegalArgumentException("a power spectrum needs at least two (ell, C_ell) nodes of equal count, got "
                    + ell.length + " and " + power.length);
        }
        logEll = new double[ell.length];
        logPower = new double[ell.length];
        for (int i = 0; i < ell.length; i++) {
            if (!(ell[i] > 0 && power[i] > 0) || (i > 0 && !(ell[i] > ell[i - 1]))) {
                throw new IllegalArgumentException("power spectrum node " + i + ": need ell > 0 increasing and C_ell > 0, got ("
                        + ell[i] + ", " + power[i] + ")");
            }
            logEll[i] = Math.log(ell[i]);
            logPower[i] = Math.log(power[i]);
        }
    }

    /** The shipped cosmological spectrum (GalSim's iCosmo table for median source redshift 1.00). */
    public static ShearPowerSpectrum fiducial() {
        return Fiducial.SPECTRUM;
    }

    /** Smallest tabulated ℓ [rad⁻¹]. */
    public double minEll() {
        return Math.exp(logEll[0]);
    }

    /** Largest tabulated ℓ [rad⁻¹]. */
    public double maxEll() {
        return Math.exp(logEll[logEll.length - 1]);
    }

    /**
     * C_ℓ [rad²] at ℓ [rad⁻¹].
     *
     * @throws IllegalArgumentException outside [{@link #minEll()}, {@link #maxEll()}] (no extrapolation)
     */
    public double power(double ell) {
        double x = Math.log(ell);
        int n = logEll.length;
        // Tolerate rounding at the ends: the table's end nodes are printed with 7 digits.
        if (!(x >= logEll[0] - 1e-12 && x <= logEll[n - 1] + 1e-12)) {
            throw new IllegalArgumentException("ell = " + ell + " rad^-1 is outside the tabulated range [" + minEll() + ", "
                    + maxEll() + "]");
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (logEll[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (x - logEll[lo]) / (logEll[hi] - logEll[lo]);
        return Math.exp(logPower[lo] + t * (logPower[hi] - logPower[lo]));
    }

    /**
     * Reads a table: two whitespace-separated columns ℓ [rad⁻¹], C_ℓ [rad²], {@code #} comment lines.
     *
     * @param name the table's name for error messages
     * @throws IOException naming the table and line for a malformed line
     */
    public static ShearPowerSpectrum read(InputStream in, String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            try {
                if (f.length != 2) {
                    throw new NumberFormatException("expected 2 columns (ell, C_ell), found " + f.length);
                }
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            } catch (NumberFormatException e) {
                throw new IOException(name + " line " + lineNo + ": " + e.getMessage() + ": '" + t + "'", e);
            }
        }
        double[] ell = new double[rows.size()];
        double[] power = new double[rows.size()];
        for (int i = 0; i < ell.length; i++) {
            ell[i] = rows.get(i)[0];
            power[i] = rows.get(i)[1];
        }
        try {
            return new ShearPowerSpectrum(ell, power);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /** Loads the shipped table once, on first use. */
    private static final class Fiducial {
        static final ShearPowerSpectrum SPECTRUM = load();

        private static ShearPowerSpectrum load() {
            try (InputStream in = ShearPowerSpectrum.class.getResourceAsStream(FIDUCIAL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + FIDUCIAL_RESOURCE + " missing from the class path");
                }
                return read(in, FIDUCIAL_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
