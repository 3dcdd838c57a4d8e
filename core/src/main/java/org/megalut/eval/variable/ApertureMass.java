package org.megalut.eval.variable;

/**
 * The aperture-mass dispersions ⟨M_ap²⟩ (E mode) and ⟨M_×²⟩ (B mode) of one field, from its binned ξ±
 * with the Crittenden filter, as corr2's m2 output that GREAT3's presubmission script reports.
 *
 * <p>At the nominal centre R_i of each bin, with s = r̄_j / R_i (r̄_j = exp of bin j's mean ln r) and b the
 * bin width in ln r, the integral over ln r becomes the sum over the same bins:
 * ⟨M_ap²⟩(R_i) = (b/2) Σ_j s² [T+(s) ξ+_j + T−(s) ξ−_j], ⟨M_×²⟩(R_i) = (b/2) Σ_j s² [T+(s) ξ+_j − T−(s) ξ−_j],
 * with T+(s) = (s⁴ − 16 s² + 32)/128 · e^{−s²/4} and T−(s) = s⁴/128 · e^{−s²/4}; its shape-noise variance
 * is (b²/4) Σ_j s⁴ [T+(s)² + T−(s)²] var ξ_j.
 *
 * @param theta  nominal bin centres R [deg]
 * @param mapE   ⟨M_ap²⟩, E mode
 * @param mapB   ⟨M_×²⟩, B mode
 * @param sigMap shape-noise error of ⟨M_ap²⟩
 */
public record ApertureMass(double[] theta, double[] mapE, double[] mapB, double[] sigMap) {
    public ApertureMass {
        int n = theta.length;
        if (mapE.length != n || mapB.length != n || sigMap.length != n) {
            throw new IllegalArgumentException("theta, mapE, mapB and sigMap need equal lengths, got " + n + ", "
                    + mapE.length + ", " + mapB.length + ", " + sigMap.length);
        }
        theta = theta.clone();
        mapE = mapE.clone();
        mapB = mapB.clone();
        sigMap = sigMap.clone();
    }

    /** The dispersions of a field's correlation functions. */
    public static ApertureMass of(ShearCorrelation xi) {
        AngularBins bins = xi.bins();
        int n = bins.count();
        double b = bins.binSize();
        double[] meanLogR = xi.meanLogR();
        double[] xip = xi.xiPlus();
        double[] xim = xi.xiMinus();
        double[] varXi = xi.varXi();
        double[] theta = new double[n];
        double[] mapE = new double[n];
        double[] mapB = new double[n];
        double[] sig = new double[n];
        for (int i = 0; i < n; i++) {
            double big = bins.nominalR(i);
            theta[i] = big;
            double plus = 0;
            double minus = 0;
            double var = 0;
            for (int j = 0; j < n; j++) {
                double s = Math.exp(meanLogR[j]) / big;
                double ssq = s * s;
                double tp = ssq * tPlus(ssq);
                double tm = ssq * tMinus(ssq);
                plus += tp * xip[j];
                minus += tm * xim[j];
                var += (tp * tp + tm * tm) * varXi[j];
            }
            mapE[i] = 0.5 * b * (plus + minus);
            mapB[i] = 0.5 * b * (plus - minus);
            sig[i] = Math.sqrt(0.25 * b * b * var);
        }
        return new ApertureMass(theta, mapE, mapB, sig);
    }

    /** Crittenden's T+ at s² = ssq. */
    static double tPlus(double ssq) {
        return (ssq * ssq - 16 * ssq + 32) / 128 * Math.exp(-ssq / 4);
    }

    /** Crittenden's T− at s² = ssq. */
    static double tMinus(double ssq) {
        return ssq * ssq / 128 * Math.exp(-ssq / 4);
    }

    /** The number of θ values. */
    public int size() {
        return theta.length;
    }

    @Override public double[] theta() {
        return theta.clone();
    }

    @Override public double[] mapE() {
        return mapE.clone();
    }

    @Override public double[] mapB() {
        return mapB.clone();
    }

    @Override public double[] sigMap() {
        return sigMap.clone();
    }
}
