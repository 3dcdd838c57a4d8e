package org.megalut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.fits.FitsImages;
import org.megalut.fits.NonFinitePolicy;
import org.megalut.image.Image;
import org.megalut.meas.AdaptiveMoments;
import org.megalut.meas.AdaptiveMomentsFitter;
import org.megalut.meas.AdaptiveMomentsParams;

class DrawCommandTest {

    @TempDir
    Path tmp;

    @Test
    void drawsOnePlanePerRowAndThePsfAlone() throws Exception {
        Path cases = tmp.resolve("cases.csv");
        Files.writeString(cases, "n,hlr,flux,int_g1,int_g2,shear_g1,shear_g2,offset_x,offset_y\n"
                + "1.0,0.4,1.0,0.2,-0.1,0.05,-0.03,0.3,-0.2\n4,0.2,2.0,0,0,0,0,0,0\n");
        Path psf = tmp.resolve("psf.conf");
        Files.writeString(psf, "{type = Kolmogorov, fwhm = 0.6}\n");
        Path cube = tmp.resolve("cube.fits");
        assertEquals(0, Megalut.commandLine().execute("draw", cases.toString(), "--psf", psf.toString(), "--out", cube.toString()));
        List<Image> planes = FitsImages.readCube(cube, NonFinitePolicy.REJECT);
        assertEquals(2, planes.size());
        // Flux in the pixels: nearly all of it for these compact galaxies.
        assertEquals(2.0, planes.get(1).sum(), 0.05);
        AdaptiveMoments m = new AdaptiveMomentsFitter(AdaptiveMomentsParams.HSM_DEFAULTS).measure(planes.get(0));
        assertTrue(m.ok() && m.g1() > 0.1 && m.g2() < -0.05, "sheared shape " + m.g1() + ", " + m.g2());
        assertEquals(23.5 + 0.3, m.centroidX(), 0.02);

        Path psfCube = tmp.resolve("psf.fits");
        assertEquals(0, Megalut.commandLine().execute("draw", cases.toString(), "--psf", psf.toString(), "--out",
                psfCube.toString(), "--psf-only"));
        List<Image> stars = FitsImages.readCube(psfCube, NonFinitePolicy.REJECT);
        assertEquals(1.0, stars.get(1).sum(), 0.01);
        assertNotEquals(planes.get(1), stars.get(1));
    }

    @Test
    void badInputNamesTheFile() throws Exception {
        Path cases = tmp.resolve("bad.csv");
        Files.writeString(cases, "n,hlr,flux\n1,0.3,1\n");
        Path psf = tmp.resolve("psf.conf");
        Files.writeString(psf, "{type = Kolmogorov, fwhm = 0.6}\n");
        var cl = Megalut.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, cl.execute("draw", cases.toString(), "--psf", psf.toString(), "--out",
                tmp.resolve("x.fits").toString()));
        assertTrue(err.toString().contains("bad.csv") && err.toString().contains("int_g1"), err.toString());
        Files.writeString(psf, "{type = Kolmogorv, fwhm = 0.6}\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.BAD_INPUT, cl.execute("draw", cases.toString(), "--psf", psf.toString(), "--out",
                tmp.resolve("x.fits").toString()));
        assertTrue(err.toString().contains("Kolmogorv"), err.toString());
    }
}
