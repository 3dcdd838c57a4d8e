package org.megalut.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.megalut.image.Image;
import org.megalut.render.Airy;
import org.megalut.render.Convolution;
import org.megalut.render.DrawMethod;
import org.megalut.render.Gaussian;
import org.megalut.render.Kolmogorov;
import org.megalut.render.Moffat;
import org.megalut.render.OpticalPSF;
import org.megalut.render.Profile;
import org.megalut.render.Sersic;
import org.megalut.render.StampDrawer;
import org.megalut.render.Sum;

class ProfileConfigTest {

    private static void assertSameStamp(Profile expected, Profile actual) {
        Image a = Image.zeros(32, 32);
        Image b = Image.zeros(32, 32);
        new StampDrawer().draw(expected, a, 0.2, 0.1, 0.2, DrawMethod.AUTO);
        new StampDrawer().draw(actual, b, 0.2, 0.1, 0.2, DrawMethod.AUTO);
        assertArrayEquals(a.pixels(), b.pixels(), 1e-15);
    }

    @Test
    void buildsTheGreat3LikePsfAndAGalaxy() {
        Profile psf = ProfileConfig.parse("{type = Convolution, items = ["
                + "{type = Kolmogorov, fwhm = 0.7, shear = {g1 = 0.015, g2 = -0.01}},"
                + "{type = Moffat, beta = 3, fwhm = 0.5}]}");
        Convolution c = assertInstanceOf(Convolution.class, psf);
        assertEquals(2, c.items().size());
        assertSameStamp(Convolution.of(Kolmogorov.ofFwhm(0.7, 1).shear(0.015, -0.01), Moffat.ofFwhm(3, 0.5, 1)), psf);

        Profile gal = ProfileConfig.parse("{\"type\": \"Sersic\", \"n\": 1.5, \"half_light_radius\": 0.4, \"flux\": 20,"
                + " \"ellip\": {\"g1\": 0.2}, \"rotate\": 30, \"shear\": {\"g1\": 0.02, \"g2\": -0.01},"
                + " \"shift\": {\"x\": 0.05, \"y\": 0}, \"dilate\": 1.2}");
        Profile expect = Sersic.ofHalfLightRadius(1.5, 0.4, 20).dilate(1.2).shear(0.2, 0).rotate(Math.toRadians(30))
                .shear(0.02, -0.01).shift(0.05, 0);
        assertSameStamp(expect, gal);
        assertEquals(20, gal.flux(), 1e-12);
    }

    @Test
    void opticalPsfAsInTheTask() {
        Profile psf = ProfileConfig.parse("{type = Convolution, items = [{type = Kolmogorov, fwhm = 0.7,"
                + " shear = {g1 = 0.015, g2 = -0.01}}, {type = OpticalPSF, lam_over_diam = 0.04125, obscuration = 0.35,"
                + " nstruts = 4, strut_thick = 0.05, defocus = 0.1, astig1 = 0.05, astig2 = -0.04, coma1 = 0.05,"
                + " coma2 = -0.03}]}");
        Convolution c = assertInstanceOf(Convolution.class, psf);
        OpticalPSF opt = assertInstanceOf(OpticalPSF.class, c.items().get(1));
        assertEquals(0.04125, opt.lamOverDiam());
        assertEquals(1, psf.flux(), 1e-12);
        Airy airy = assertInstanceOf(Airy.class, ProfileConfig.parse("{type = Airy, lam_over_diam = 0.05, obscuration = 0.2}"));
        assertEquals(0.2, airy.obscuration());
        assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = OpticalPSF, lam_over_diam = 0.04, nstruts = 2.5}"));
    }

    @Test
    void apertureFromWavelengthAndDiameterAsGalSim() {
        // λ/D = 800 nm / 4 m = 2e-7 rad = 0.0412530 arcsec = 6.8755e-4 arcmin.
        double arcsec = 2e-7 * 180 / Math.PI * 3600;
        OpticalPSF opt = assertInstanceOf(OpticalPSF.class,
                ProfileConfig.parse("{type = OpticalPSF, lam = 800, diam = 4, obscuration = 0.3, defocus = 0.1}"));
        assertEquals(arcsec, opt.lamOverDiam(), 1e-15);
        assertSameStamp(ProfileConfig.parse("{type = OpticalPSF, lam_over_diam = " + arcsec
                + ", obscuration = 0.3, defocus = 0.1}"), opt);
        Airy airy = assertInstanceOf(Airy.class,
                ProfileConfig.parse("{type = Airy, lam = 800, diam = 4, scale_unit = arcmin}"));
        assertEquals(arcsec / 60, airy.lamOverDiam(), 1e-17);
        for (String bad : List.of("{type = Airy, lam = 800}", "{type = Airy, lam = 800, diam = 4, lam_over_diam = 0.04}",
                "{type = Airy, lam = 800, diam = 4, scale_unit = furlong}", "{type = Airy, lam = -800, diam = 4}",
                "{type = OpticalPSF, lam_over_diam = 0.04, scale_unit = arcmin}", "{type = OpticalPSF}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse(bad), bad);
            assertTrue(e.getMessage().matches(".*(lam|diam|scale_unit).*"), e.getMessage());
        }
    }

    @Test
    void allTypesAndSizeParameters() {
        assertEquals(new Gaussian(0.3, 1).sigma(),
                ((Gaussian) ProfileConfig.parse("{type = Gaussian, fwhm = " + 0.3 * 2 * Math.sqrt(2 * Math.log(2)) + "}")).sigma(), 1e-14);
        Sersic exp = (Sersic) ProfileConfig.parse("{type = Exponential, scale_radius = 0.2}");
        assertEquals(1, exp.n());
        assertEquals(0.2, exp.scaleRadius(), 1e-14);
        assertEquals(4, ((Sersic) ProfileConfig.parse("{type = DeVaucouleurs, half_light_radius = 0.5}")).n());
        assertEquals(1.05, ((Sersic) ProfileConfig.parse("{type = Sersic, n = 1.05, half_light_radius = 0.5, fast = true}")).n());
        assertEquals(0.6, ((Kolmogorov) ProfileConfig.parse("{type = Kolmogorov, fwhm = 0.6}")).fwhm(), 1e-14);
        Profile sum = ProfileConfig.parse("{type = Sum, flux = 5, items = [{type = Exponential, half_light_radius = 0.5},"
                + " {type = DeVaucouleurs, half_light_radius = 0.2, flux = 0.5}]}");
        assertEquals(5, sum.flux(), 1e-12);
    }

    @Test
    void truncationParametersAsGalSim() {
        assertSameStamp(Sersic.ofHalfLightRadius(2, 0.4, 3, 1.2, false),
                ProfileConfig.parse("{type = Sersic, n = 2, half_light_radius = 0.4, flux = 3, trunc = 1.2}"));
        Sersic s = (Sersic) ProfileConfig.parse("{type = Sersic, n = 2, half_light_radius = 0.4, flux = 3, trunc = 1.2,"
                + " flux_untruncated = true}");
        assertEquals(Sersic.ofHalfLightRadius(2, 0.4, 3, 1.2, true).flux(), s.flux(), 0);
        assertEquals(1.2, ((Sersic) ProfileConfig.parse("{type = DeVaucouleurs, scale_radius = 0.01, trunc = 1.2}")).trunc(), 1e-12);
        Moffat m = (Moffat) ProfileConfig.parse("{type = Moffat, beta = 2.5, fwhm = 0.7, trunc = 1.5}");
        assertEquals(1.5, m.trunc());
        assertEquals(1, m.kValue(0, 0).re, 1e-12);
        Moffat h = (Moffat) ProfileConfig.parse("{type = Moffat, beta = 3, half_light_radius = 0.5}");
        assertEquals(Moffat.ofHalfLightRadius(3, 0.5, 1, 0).scaleRadius(), h.scaleRadius(), 0);
    }

    @Test
    void errorsNameThePathAndTheValidChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileConfig.parse("{type = Convolution, items = [{type = Kolmogorov, fwhm = 0.7}, {type = Spergel}]}"));
        assertTrue(e.getMessage().contains("profile.items[1]") && e.getMessage().contains("Spergel")
                && e.getMessage().contains("Kolmogorov"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Moffat, beta = 3, fwhm = 0.7, truncation = 2}"));
        assertTrue(e.getMessage().contains("truncation") && e.getMessage().contains("scale_radius"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ProfileConfig.parse("{type = Sersic, n = 1, half_light_radius = 0.5, trunc = 2, fast = true}"));
        assertTrue(e.getMessage().contains("fast"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Sersic, n = 1}"));
        assertTrue(e.getMessage().contains("half_light_radius"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Gaussian, sigma = 1, fwhm = 2}"));
        assertTrue(e.getMessage().contains("only one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Gaussian, sigma = big}"));
        assertTrue(e.getMessage().contains("profile.sigma"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Gaussian, sigma = 1, shear = {e1 = 0.1}}"));
        assertTrue(e.getMessage().contains("g1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{sigma = 1}"));
        assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = Sum, items = []}"));
        assertThrows(IllegalArgumentException.class, () -> ProfileConfig.parse("{type = "));
    }

    @Test
    void aRegisteredTypeIsBuiltLikeTheShippedOnesAndNamesAreUnique() {
        ProfileConfig.register("RoundTestProfile", List.of("width"),
                (c, path, type) -> new Gaussian(c.getDouble("width"), 2));
        Profile p = ProfileConfig.parse("{type = RoundTestProfile, width = 0.4, shift = {x = 0.1}}");
        assertEquals(2, p.flux(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileConfig.parse("{type = RoundTestProfile, width = 0.4, sigma = 1}"));
        assertTrue(e.getMessage().contains("unknown configuration key sigma"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfileConfig.register("Gaussian", List.of(),
                (c, path, type) -> null));
        assertTrue(ProfileConfig.types().contains("RoundTestProfile") && ProfileConfig.types().get(0).equals("Gaussian"));
    }
}
