package org.megalut.spark.steps;

import org.megalut.sim.great3.GalaxyParams;
import org.megalut.sim.great3.KnotParams;
import org.megalut.sim.great3.PlacedGalaxy;
import org.megalut.sim.great3.SubfieldConditions;
import org.megalut.spark.io.RowCells;
import org.megalut.spark.io.TableSpec;

/**
 * One row of {@code great3-sim}'s per-galaxy truth table ({@code <truth>/galaxies/subfield=S/}): a
 * generated galaxy with the conditions of its subfield. The bands of the images are rendered from this
 * table, so it is read back as well as written.
 *
 * @param subfield   GREAT3 subfield
 * @param id         GREAT3 galaxy ID
 * @param x          catalogue position, 0-based [px]
 * @param y          same along y [px]
 * @param galaxy     the galaxy at its grid position
 * @param conditions the subfield's PSF and noise, with the galaxy's shear: the subfield's in a
 *                   constant-shear branch, the reduced shear at the galaxy's field position in a
 *                   variable-shear one
 */
public record GalaxyTruthRow(int subfield, long id, int x, int y, PlacedGalaxy galaxy, SubfieldConditions conditions) {

    /**
     * Columns: subfield, id, x, y, position, draw, twin; the galaxy (flux [ADU], bulge and disk
     * parameters, sizes [arcsec], angles [rad]; knots: their number, the fraction of the disk's (or single
     * Sérsic's) flux they carry and the seed of their positions, all 0 for a smooth galaxy), its
     * rotation [rad], offset_x, offset_y [px], snr,
     * resolution; the galaxy's shear_g1, shear_g2 (the subfield's shear, or the reduced shear at its
     * position in a variable-shear branch), the subfield's PSF (psf_fwhm (0 in space), psf_atm_e, psf_atm_beta [rad],
     * psf_lam_over_diam [arcsec], psf_obscuration, psf_n_struts, psf_strut_angle [rad], Noll aberrations [waves],
     * psf_jitter_sigma [arcsec], psf_jitter_e, psf_jitter_beta [rad], psf_charge_sigma [arcsec], psf_charge_e1;
     * the last five 0 on the ground) and noise_variance [ADU²]. No nulls.
     */
    public static final TableSpec<GalaxyTruthRow> TABLE = TableSpec.<GalaxyTruthRow>builder("galaxy truth")
            .integer("subfield", GalaxyTruthRow::subfield)
            .longInteger("id", GalaxyTruthRow::id)
            .integer("x", GalaxyTruthRow::x)
            .integer("y", GalaxyTruthRow::y)
            .integer("position", t -> t.galaxy().position())
            .integer("draw", t -> t.galaxy().draw())
            .integer("twin", t -> t.galaxy().twin())
            .real("flux", t -> t.params().flux())
            .real("bulge_fraction", t -> t.params().bulgeFraction())
            .real("bulge_n", t -> t.params().bulgeN())
            .real("bulge_hlr", t -> t.params().bulgeHlr())
            .real("bulge_q", t -> t.params().bulgeQ())
            .real("bulge_beta", t -> t.params().bulgeBeta())
            .real("disk_hlr", t -> t.params().diskHlr())
            .real("disk_q", t -> t.params().diskQ())
            .real("disk_beta", t -> t.params().diskBeta())
            .integer("knots", t -> t.params().knots().count())
            .real("knots_fraction", t -> t.params().knots().fraction())
            .longInteger("knots_seed", t -> t.params().knots().seed())
            .real("rotation", t -> t.galaxy().rotation())
            .real("offset_x", t -> t.galaxy().offsetX())
            .real("offset_y", t -> t.galaxy().offsetY())
            .real("snr", t -> t.galaxy().snr())
            .real("resolution", t -> t.galaxy().resolution())
            .real("shear_g1", t -> t.conditions().g1())
            .real("shear_g2", t -> t.conditions().g2())
            .real("psf_fwhm", t -> t.conditions().fwhm())
            .real("psf_atm_e", t -> t.conditions().atmE())
            .real("psf_atm_beta", t -> t.conditions().atmBeta())
            .real("psf_lam_over_diam", t -> t.conditions().lamOverDiam())
            .real("psf_obscuration", t -> t.conditions().obscuration())
            .integer("psf_n_struts", t -> t.conditions().nstruts())
            .real("psf_strut_angle", t -> t.conditions().strutAngle())
            .real("psf_defocus", t -> t.aberration(0))
            .real("psf_astig1", t -> t.aberration(1))
            .real("psf_astig2", t -> t.aberration(2))
            .real("psf_coma1", t -> t.aberration(3))
            .real("psf_coma2", t -> t.aberration(4))
            .real("psf_trefoil1", t -> t.aberration(5))
            .real("psf_trefoil2", t -> t.aberration(6))
            .real("psf_spher", t -> t.aberration(7))
            .real("psf_jitter_sigma", t -> t.conditions().jitterSigma())
            .real("psf_jitter_e", t -> t.conditions().jitterE())
            .real("psf_jitter_beta", t -> t.conditions().jitterBeta())
            .real("psf_charge_sigma", t -> t.conditions().chargeSigma())
            .real("psf_charge_e1", t -> t.conditions().chargeE1())
            .real("noise_variance", t -> t.conditions().noiseVariance())
            .decoder(GalaxyTruthRow::decode)
            .build();

    private GalaxyParams params() {
        return galaxy.params();
    }

    /** Noll aberration i of {@link SubfieldConditions#aberrations()}. */
    private double aberration(int i) {
        return conditions.aberrations()[i];
    }

    /** The knots of a row; a smooth galaxy's (0, 0, 0) is {@link KnotParams#NONE}. */
    static KnotParams knots(int count, double fraction, long seed) {
        return count == 0 ? KnotParams.NONE : new KnotParams(count, fraction, seed);
    }

    private static GalaxyTruthRow decode(RowCells c) {
        GalaxyParams q = new GalaxyParams(c.getDouble("flux"), c.getDouble("bulge_fraction"), c.getDouble("bulge_n"),
                c.getDouble("bulge_hlr"), c.getDouble("bulge_q"), c.getDouble("bulge_beta"), c.getDouble("disk_hlr"),
                c.getDouble("disk_q"), c.getDouble("disk_beta"),
                knots(c.getInt("knots"), c.getDouble("knots_fraction"), c.getLong("knots_seed")));
        PlacedGalaxy p = new PlacedGalaxy(c.getInt("position"), c.getInt("draw"), c.getInt("twin"), q,
                c.getDouble("rotation"), c.getDouble("offset_x"), c.getDouble("offset_y"), c.getDouble("snr"),
                c.getDouble("resolution"));
        double[] ab = {c.getDouble("psf_defocus"), c.getDouble("psf_astig1"), c.getDouble("psf_astig2"),
            c.getDouble("psf_coma1"), c.getDouble("psf_coma2"), c.getDouble("psf_trefoil1"), c.getDouble("psf_trefoil2"),
            c.getDouble("psf_spher")};
        int subfield = c.getInt("subfield");
        SubfieldConditions s = new SubfieldConditions(subfield, c.getDouble("shear_g1"), c.getDouble("shear_g2"),
                c.getDouble("psf_fwhm"), c.getDouble("psf_atm_e"), c.getDouble("psf_atm_beta"),
                c.getDouble("psf_lam_over_diam"), c.getDouble("psf_obscuration"), c.getInt("psf_n_struts"),
                c.getDouble("psf_strut_angle"), ab, c.getDouble("psf_jitter_sigma"), c.getDouble("psf_jitter_e"),
                c.getDouble("psf_jitter_beta"), c.getDouble("psf_charge_sigma"), c.getDouble("psf_charge_e1"),
                c.getDouble("noise_variance"));
        return new GalaxyTruthRow(subfield, c.getLong("id"), c.getInt("x"), c.getInt("y"), p, s);
    }
}
