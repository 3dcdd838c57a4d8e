package org.megalut.eval;

/**
 * Rotation of shears into the PSF frame as GREAT3's metric does: φ = ½ atan2(psf_g2, psf_g1),
 * g₊ = g1 cos 2φ + g2 sin 2φ, g× = −g1 sin 2φ + g2 cos 2φ. A flagged PSF shape (≤ −9.9; GREAT3 writes
 * −10 when HSM failed on star 0) counts as round, i.e. no rotation.
 */
public final class PsfFrame {
    /** GREAT3's flag threshold for a failed PSF shape. */
    public static final double FLAG = -9.9;

    private final double cos2phi;
    private final double sin2phi;

    public PsfFrame(double psfG1, double psfG2) {
        double a = psfG1 <= FLAG ? 0.0 : psfG1;
        double b = psfG2 <= FLAG ? 0.0 : psfG2;
        double twoPhi = 2 * (0.5 * Math.atan2(b, a));
        this.cos2phi = Math.cos(twoPhi);
        this.sin2phi = Math.sin(twoPhi);
    }

    /** g₊, along the PSF's major axis. */
    public double plus(double g1, double g2) {
        return g1 * cos2phi + g2 * sin2phi;
    }

    /** g×, at 45° to it. */
    public double cross(double g1, double g2) {
        return -g1 * sin2phi + g2 * cos2phi;
    }
}
