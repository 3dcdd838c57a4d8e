package org.megalut.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;

/**
 * Stamps drawn by {@link StampDrawer} against GalSim 2.8.4's own (shared/oracle/galsim).
 */
@Tag("oracle")
class GalSimOracleTest {
    private static final double SCALE = 0.2;

    static Profile psf(int id) {
        return switch (id) {
            case 0 -> Kolmogorov.ofFwhm(0.6, 1);
            case 1 -> Kolmogorov.ofFwhm(0.9, 1);
            case 2 -> Moffat.ofFwhm(3, 0.7, 1);
            case 3 -> Convolution.of(psf(4), psf(5));
            case 4 -> Kolmogorov.ofFwhm(0.7, 1).shear(0.015, -0.010);
            case 5 -> optical();
            default -> throw new IllegalArgumentException("PSF " + id + " not supported in this test");
        };
    }

    private static OpticalPSF optical;

    /** PSF 5: λ = 800 nm, D = 4 m (λ/D = 2e-7 rad, 0.04125" rounded), as GalSim built it. */
    static synchronized OpticalPSF optical() {
        if (optical == null) {
            double lamOverDiam = 800e-9 / 4 * 180 / Math.PI * 3600;
            optical = new OpticalPSF(lamOverDiam, 0.35, 4, 0.05, 0, new double[] {0.10, 0.05, -0.04, 0.05, -0.03}, 1);
        }
        return optical;
    }

    static Profile galaxy(Map<String, String> row) {
        return Sersic.ofHalfLightRadius(OracleData.num(row, "n"), OracleData.num(row, "hlr"), OracleData.num(row, "flux"))
                .shear(OracleData.num(row, "int_g1"), OracleData.num(row, "int_g2"))
                .shear(OracleData.num(row, "shear_g1"), OracleData.num(row, "shear_g2"));
    }

    @Test
    void galaxiesMatchGalSim() throws Exception {
        Path dir = OracleData.galsimDir();
        List<Map<String, String>> rows = OracleData.readCsv(dir.resolve("gal_cases.csv"));
        double[][] cube = OracleData.readCube(dir.resolve("gal_noisefree.fits"));
        assertEquals(rows.size(), cube.length);
        StampDrawer drawer = new StampDrawer();
        Profile[] psfs = {psf(0), null, psf(2)};
        double worst = 0;
        String worstRow = "";
        int gridMismatches = 0;
        for (Map<String, String> row : rows) {
            int idx = (int) OracleData.num(row, "idx");
            int psfId = (int) OracleData.num(row, "psf_id");
            Image img = Image.zeros(48, 48);
            drawer.draw(galaxy(row), psfs[psfId], img, SCALE,
                    OracleData.num(row, "offset_x"), OracleData.num(row, "offset_y"), DrawMethod.AUTO);
            FftGrid grid = drawer.lastGrid();
            if (grid.n() != (int) OracleData.num(row, "fft_N_wrap") || grid.nk() != (int) OracleData.num(row, "fft_Nk")
                    || Math.abs(grid.dk() - OracleData.num(row, "fft_dk")) > 1e-15) {
                gridMismatches++;
                System.out.println("grid mismatch row " + idx + ": " + grid + " vs N=" + row.get("fft_N_wrap")
                        + " Nk=" + row.get("fft_Nk") + " stepk=" + row.get("fft_prof_stepk") + " maxk=" + row.get("fft_prof_maxk"));
            }
            double[] ref = cube[idx];
            double peak = 0;
            double maxDiff = 0;
            double[] pix = img.pixels();
            for (int i = 0; i < ref.length; i++) {
                peak = Math.max(peak, Math.abs(ref[i]));
                maxDiff = Math.max(maxDiff, Math.abs(pix[i] - ref[i]));
            }
            double rel = maxDiff / peak;
            if (rel > worst) {
                worst = rel;
                worstRow = idx + " (n=" + row.get("n") + ", hlr=" + row.get("hlr") + ", psf=" + psfId + ")";
            }
        }
        System.out.printf("GalSim oracle: %d stamps, max |diff|/peak = %.3g at row %s, grid mismatches %d%n",
                rows.size(), worst, worstRow, gridMismatches);
        assertEquals(0, gridMismatches, "FFT geometry differs from GalSim's");
        assertTrue(worst < 1e-5, "max |diff|/peak = " + worst + " at row " + worstRow);
    }

    @Test
    void starsMatchGalSim() throws Exception {
        Path dir = OracleData.galsimDir();
        List<Map<String, String>> rows = OracleData.readCsv(dir.resolve("stars.csv"));
        double[][] cube = OracleData.readCube(dir.resolve("stars.fits"));
        StampDrawer drawer = new StampDrawer();
        int checked = 0;
        double worst = 0;
        double[] worstPerPsf = new double[6];
        Profile[] psfs = new Profile[6];
        for (Map<String, String> row : rows) {
            int psfId = (int) OracleData.num(row, "psf_id");
            if (psfs[psfId] == null) {
                psfs[psfId] = psf(psfId);
            }
            Image img = Image.zeros(48, 48);
            drawer.draw(psfs[psfId], img, SCALE, OracleData.num(row, "offset_x"), OracleData.num(row, "offset_y"),
                    DrawMethod.AUTO);
            FftGrid grid = drawer.lastGrid();
            assertEquals((int) OracleData.num(row, "fft_N_wrap"), grid.n(), "N for star row " + row.get("idx"));
            assertEquals((int) OracleData.num(row, "fft_Nk"), grid.nk(), "Nk for star row " + row.get("idx"));
            double[] ref = cube[(int) OracleData.num(row, "idx")];
            double peak = 0;
            double maxDiff = 0;
            for (int i = 0; i < ref.length; i++) {
                peak = Math.max(peak, Math.abs(ref[i]));
                maxDiff = Math.max(maxDiff, Math.abs(img.pixels()[i] - ref[i]));
            }
            worst = Math.max(worst, maxDiff / peak);
            worstPerPsf[psfId] = Math.max(worstPerPsf[psfId], maxDiff / peak);
            checked++;
        }
        System.out.printf("GalSim oracle: %d star stamps (PSFs 0-5), max |diff|/peak = %.3g; per PSF %s%n", checked,
                worst, Arrays.toString(worstPerPsf));
        assertEquals(24, checked);
        assertTrue(worst < 1e-6, "max |diff|/peak = " + worst);
    }
}
