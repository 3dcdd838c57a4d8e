package org.megalut.sim.great3;

import java.io.Serializable;

/**
 * A galaxy at its grid position in a simulated subfield: the truth of one stamp.
 *
 * @param position   stamp index k = row·grid + col (row-major, x fastest, as the catalogue)
 * @param draw       index of the population draw; the two members of a 90° pair share it
 * @param twin       0 for the first member of a pair, 1 for the one rotated by 90°
 * @param params     the galaxy after its rotation, before the shear
 * @param rotation   rotation applied to the drawn galaxy [rad]
 * @param offsetX    offset of the galaxy centre from the stamp's true centre [px]
 * @param offsetY    same along y [px]
 * @param snr        optimal S/N of the noiseless, unsheared, centred galaxy ⊗ PSF: sqrt(Σ I²)/σ
 * @param resolution HSM resolution 1 − T_PSF/T_gal of that stamp (T = Mxx + Myy of adaptive moments)
 */
public record PlacedGalaxy(int position, int draw, int twin, GalaxyParams params, double rotation, double offsetX,
                           double offsetY, double snr, double resolution) implements Serializable {
}
