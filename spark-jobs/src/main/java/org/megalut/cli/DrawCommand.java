package org.megalut.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.megalut.config.ProfileConfig;
import org.megalut.fits.Bitpix;
import org.megalut.fits.FitsImages;
import org.megalut.image.Image;
import org.megalut.render.DrawMethod;
import org.megalut.render.Profile;
import org.megalut.render.Sersic;
import org.megalut.render.StampDrawer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code draw}: renders one stamp per CSV row into a FITS cube, for eyeballing the renderer. */
@Command(name = "draw", mixinStandardHelpOptions = true,
        description = {"Draw one stamp per row of a CSV (columns n, hlr [arcsec], flux, int_g1, int_g2, shear_g1,",
            "shear_g2, offset_x, offset_y [px]) into a FITS cube, plane k = row k: Sersic(n, hlr, flux) sheared by the",
            "intrinsic shape, then by the shear, convolved with the PSF (a GalSim-style profile description)."})
final class DrawCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("n", "hlr", "flux", "int_g1", "int_g2", "shear_g1", "shear_g2",
            "offset_x", "offset_y");

    @Parameters(index = "0", paramLabel = "CASES.csv", description = "One galaxy per row.")
    String cases;

    @Option(names = "--psf", required = true, paramLabel = "PSF.conf",
            description = "PSF in GalSim's configuration style (HOCON/JSON), e.g. {type = Kolmogorov, fwhm = 0.7}.")
    String psf;

    @Option(names = "--out", required = true, paramLabel = "CUBE.fits", description = "Output FITS cube (float32).")
    String out;

    @Option(names = "--pixel-scale", defaultValue = "0.2", paramLabel = "ARCSEC", description = "Default ${DEFAULT-VALUE}.")
    double pixelScale;

    @Option(names = "--stamp-size", defaultValue = "48", paramLabel = "PX", description = "Default ${DEFAULT-VALUE}.")
    int stampSize;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "M",
            description = "auto (with the pixel response) or no_pixel (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--psf-only", description = "Draw the PSF alone at each row's offset.")
    boolean psfOnly;

    @Override
    public Integer call() throws Exception {
        DrawMethod m = switch (method.toLowerCase(Locale.ROOT)) {
            case "auto" -> DrawMethod.AUTO;
            case "no_pixel" -> DrawMethod.NO_PIXEL;
            default -> throw new IllegalArgumentException("--method must be auto or no_pixel, got " + method);
        };
        if (stampSize < 2) {
            throw new IllegalArgumentException("--stamp-size must be at least 2, got " + stampSize);
        }
        Configuration conf = new Configuration();
        Profile psfProfile = ProfileConfig.parse(read(new Path(psf), conf));
        Path in = new Path(cases);
        List<Map<String, Double>> rows = readCases(in, conf);
        StampDrawer drawer = new StampDrawer();
        List<Image> planes = new ArrayList<>();
        for (Map<String, Double> v : rows) {
            Image stamp = Image.zeros(stampSize, stampSize);
            if (psfOnly) {
                drawer.draw(psfProfile, stamp, pixelScale, v.get("offset_x"), v.get("offset_y"), m);
            } else {
                Profile gal = Sersic.ofHalfLightRadius(v.get("n"), v.get("hlr"), v.get("flux"))
                        .shear(v.get("int_g1"), v.get("int_g2")).shear(v.get("shear_g1"), v.get("shear_g2"));
                drawer.draw(gal, psfProfile, stamp, pixelScale, v.get("offset_x"), v.get("offset_y"), m);
            }
            planes.add(stamp);
        }
        Path o = new Path(out);
        FileSystem fs = o.getFileSystem(conf);
        fs.setWriteChecksum(false);
        try (OutputStream os = fs.create(o, true)) {
            FitsImages.writeCube(os, planes, Bitpix.FLOAT32);
        }
        System.out.printf("draw: %d stamps of %dx%d px at %.3f\"/px -> %s%n", planes.size(), stampSize, stampSize,
                pixelScale, out);
        return 0;
    }

    /** Rows of the cases CSV (header line, then numbers); errors name the file and line. */
    static List<Map<String, Double>> readCases(Path in, Configuration conf) throws IOException {
        List<String> lines = List.of(read(in, conf).split("\\R"));
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException(in + ": empty file, expected a header with columns " + COLUMNS);
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].trim(), i);
        }
        for (String c : COLUMNS) {
            if (!index.containsKey(c)) {
                throw new IllegalArgumentException(in + ": missing column " + c + "; expected columns " + COLUMNS
                        + ", found " + List.of(header));
            }
        }
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] f = lines.get(l).split(",", -1);
            Map<String, Double> v = new HashMap<>();
            for (String c : COLUMNS) {
                int i = index.get(c);
                try {
                    v.put(c, Double.parseDouble(f[i].trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(in + ", line " + (l + 1) + ": column " + c
                            + " is not a number: '" + (i < f.length ? f[i] : "") + "'");
                }
            }
            rows.add(v);
        }
        return rows;
    }

    private static String read(Path p, Configuration conf) throws IOException {
        try (InputStream is = p.getFileSystem(conf).open(p)) {
            return new String(is.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
