package org.megalut.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.megalut.render.Airy;
import org.megalut.render.Convolution;
import org.megalut.render.Gaussian;
import org.megalut.render.Kolmogorov;
import org.megalut.render.Moffat;
import org.megalut.render.OpticalPSF;
import org.megalut.render.Profile;
import org.megalut.render.Sersic;
import org.megalut.render.SersicKTable;
import org.megalut.render.SersicTables;
import org.megalut.render.Sum;

/**
 * Builds profiles from GalSim-config-style descriptions in HOCON or JSON (Typesafe Config), e.g.
 * <pre>
 * {type = Convolution, items = [
 *   {type = Kolmogorov, fwhm = 0.7, shear = {g1 = 0.015, g2 = -0.01}},
 *   {type = Moffat, beta = 3, fwhm = 0.7}]}
 * </pre>
 *
 * <p>Sizes are in arcsec (world units), as in GalSim. Types and their parameters:
 * <ul>
 *   <li>Gaussian: one of sigma, fwhm, half_light_radius; flux (default 1)</li>
 *   <li>Sersic: n and one of half_light_radius, scale_radius; flux; fast (default false: exact
 *       cached table; true: table interpolated in n, see {@link SersicTables}); trunc (arcsec, default
 *       0 = none) and flux_untruncated (default false: flux and half_light_radius are those of the
 *       truncated profile), as GalSim; fast cannot be combined with trunc</li>
 *   <li>Exponential: one of half_light_radius, scale_radius; flux. DeVaucouleurs: the same plus trunc,
 *       flux_untruncated</li>
 *   <li>Kolmogorov: one of fwhm, lam_over_r0, half_light_radius; flux</li>
 *   <li>Moffat: beta and one of fwhm, scale_radius, half_light_radius; trunc (arcsec, default 0 = none;
 *       flux is then the truncated profile's, and half_light_radius too); flux</li>
 *   <li>Airy: lam_over_diam, or lam [nm] and diam [m] with scale_unit (arcsec, arcmin, degrees, radians or hours;
 *       default arcsec: the unit of λ/D and of the other sizes, as GalSim); obscuration (default 0); flux</li>
 *   <li>OpticalPSF: lam_over_diam or lam, diam, scale_unit as Airy; obscuration, nstruts, strut_thick, strut_angle
 *       (degrees),
 *       defocus, astig1, astig2, coma1, coma2, trefoil1, trefoil2, spherical (waves; all default 0);
 *       flux</li>
 *   <li>Sum, Convolution: items (a list of profiles); flux rescales the total</li>
 * </ul>
 * Every type also takes the transform keys, applied in GalSim's order: dilate (factor, flux kept),
 * ellip {g1, g2} (intrinsic shape), rotate (degrees, counter-clockwise), shear {g1, g2}, shift
 * {x, y} (arcsec). Unknown types and keys, missing or conflicting parameters are errors that name
 * the path and list the valid choices.
 *
 * <p>The types form a registry, as in GalSim's config layer: each registered name declares its
 * parameters and how to build the profile from them, and {@link #register} adds types (a program
 * embedding the library can describe its own profiles the same way). This layer is kept out of
 * {@code render}, which knows nothing of configuration files.
 */
public final class ProfileConfig {
    private static final List<String> TRANSFORM_KEYS = List.of("dilate", "ellip", "rotate", "shear", "shift");

    /** Builds a profile of one type from its validated description. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param c    the description (its keys already checked against the type's parameters)
         * @param path where it is, for messages (e.g. {@code profile.items[1]})
         * @param type the registered name
         */
        Profile build(Config c, String path, String type);
    }

    private record Type(List<String> params, Builder builder) { }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        register("Gaussian", List.of("sigma", "fwhm", "half_light_radius", "flux"), ProfileConfig::gaussian);
        register("Sersic", List.of("n", "half_light_radius", "scale_radius", "flux", "fast", "trunc",
                "flux_untruncated"), (c, path, type) -> sersic(c, path, type, required(c, "n", path, type),
                c.hasPath("fast") && bool(c, "fast", path)));
        register("Exponential", List.of("half_light_radius", "scale_radius", "flux"),
                (c, path, type) -> sersic(c, path, type, 1, false));
        register("DeVaucouleurs", List.of("half_light_radius", "scale_radius", "flux", "trunc", "flux_untruncated"),
                (c, path, type) -> sersic(c, path, type, 4, false));
        register("Kolmogorov", List.of("fwhm", "lam_over_r0", "half_light_radius", "flux"), ProfileConfig::kolmogorov);
        register("Moffat", List.of("beta", "fwhm", "scale_radius", "half_light_radius", "trunc", "flux"),
                ProfileConfig::moffat);
        register("Airy", List.of("lam_over_diam", "lam", "diam", "scale_unit", "obscuration", "flux"),
                (c, path, type) -> new Airy(lamOverDiam(c, path, type), optional(c, "obscuration", 0, path),
                        flux(c, path)));
        List<String> optical = new ArrayList<>(List.of("lam_over_diam", "lam", "diam", "scale_unit", "obscuration",
                "nstruts", "strut_thick", "strut_angle", "flux"));
        optical.addAll(List.of(OpticalPSF.ABERRATIONS));
        register("OpticalPSF", optical, ProfileConfig::opticalPsf);
        register("Sum", List.of("items", "flux"), ProfileConfig::combination);
        register("Convolution", List.of("items", "flux"), ProfileConfig::combination);
    }

    private ProfileConfig() {
    }

    /**
     * Adds a profile type. Its description may use {@code type}, the given parameters and the transform keys;
     * anything else is reported as an error before the builder runs.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public static synchronized void register(String type, List<String> params, Builder builder) {
        if (TYPES.containsKey(type)) {
            throw new IllegalArgumentException("profile type '" + type + "' is already registered");
        }
        TYPES.put(type, new Type(List.copyOf(params), builder));
    }

    /** The registered type names, in registration order. */
    public static synchronized List<String> types() {
        return List.copyOf(TYPES.keySet());
    }

    /** Parses a HOCON or JSON text describing one profile. */
    public static Profile parse(String text) {
        Config c;
        try {
            c = ConfigFactory.parseString(text);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse profile description: " + e.getMessage(), e);
        }
        return parse(c);
    }

    /** Builds the profile described by {@code c}. */
    public static Profile parse(Config c) {
        return build(c, "profile");
    }

    private static Profile build(Config c, String path) {
        if (!c.hasPath("type")) {
            throw new IllegalArgumentException(path + ": missing 'type' (one of " + types() + ")");
        }
        String name = string(c, "type", path);
        Type type;
        synchronized (ProfileConfig.class) {
            type = TYPES.get(name);
        }
        if (type == null) {
            throw new IllegalArgumentException(path + ": unknown type '" + name + "'; valid types: " + types());
        }
        check(c, path, name, type.params());
        return transforms(type.builder().build(c, path, name), c, path);
    }

    private static Profile gaussian(Config c, String path, String type) {
        String size = oneOf(c, path, type, "sigma", "fwhm", "half_light_radius");
        double v = number(c, size, path);
        double flux = flux(c, path);
        return switch (size) {
            case "sigma" -> new Gaussian(v, flux);
            case "fwhm" -> Gaussian.ofFwhm(v, flux);
            default -> Gaussian.ofHalfLightRadius(v, flux);
        };
    }

    private static Profile kolmogorov(Config c, String path, String type) {
        String size = oneOf(c, path, type, "fwhm", "lam_over_r0", "half_light_radius");
        double v = number(c, size, path);
        double flux = flux(c, path);
        return switch (size) {
            case "fwhm" -> Kolmogorov.ofFwhm(v, flux);
            case "lam_over_r0" -> Kolmogorov.ofLamOverR0(v, flux);
            default -> Kolmogorov.ofHalfLightRadius(v, flux);
        };
    }

    private static Profile moffat(Config c, String path, String type) {
        double beta = required(c, "beta", path, type);
        String size = oneOf(c, path, type, "fwhm", "scale_radius", "half_light_radius");
        double v = number(c, size, path);
        double trunc = optional(c, "trunc", 0, path);
        double flux = flux(c, path);
        return switch (size) {
            case "fwhm" -> Moffat.ofFwhm(beta, v, flux, trunc);
            case "scale_radius" -> Moffat.ofScaleRadius(beta, v, flux, trunc);
            default -> Moffat.ofHalfLightRadius(beta, v, flux, trunc);
        };
    }

    private static Profile opticalPsf(Config c, String path, String type) {
        double[] ab = new double[OpticalPSF.ABERRATIONS.length];
        for (int i = 0; i < ab.length; i++) {
            ab[i] = optional(c, OpticalPSF.ABERRATIONS[i], 0, path);
        }
        double nstruts = optional(c, "nstruts", 0, path);
        if (nstruts != Math.rint(nstruts)) {
            throw new IllegalArgumentException(path + ".nstruts: expected an integer, got " + nstruts);
        }
        return new OpticalPSF(lamOverDiam(c, path, type), optional(c, "obscuration", 0, path),
                (int) nstruts, optional(c, "strut_thick", 0.05, path),
                Math.toRadians(optional(c, "strut_angle", 0, path)), ab, flux(c, path));
    }

    /**
     * λ/D of an aperture: given, or from lam [nm] and diam [m] as (lam·1e-9/diam) radians expressed in
     * scale_unit (GalSim's convention: the unit of the profile's sizes, default arcsec).
     */
    private static double lamOverDiam(Config c, String path, String type) {
        boolean physical = c.hasPath("lam") || c.hasPath("diam");
        if (c.hasPath("lam_over_diam")) {
            if (physical || c.hasPath("scale_unit")) {
                throw new IllegalArgumentException(path + ": " + type + " takes either lam_over_diam or lam and diam"
                        + " (with scale_unit), not both");
            }
            return number(c, "lam_over_diam", path);
        }
        if (!physical) {
            throw new IllegalArgumentException(path + ": " + type + " needs lam_over_diam, or lam [nm] and diam [m]");
        }
        if (c.hasPath("scale_unit") && !c.hasPath("lam")) {
            throw new IllegalArgumentException(path + ": scale_unit only applies with lam and diam");
        }
        double lam = required(c, "lam", path, type);
        double diam = required(c, "diam", path, type);
        if (!(lam > 0) || !(diam > 0)) {
            throw new IllegalArgumentException(path + ": lam and diam must be positive, got lam = " + lam + " nm, diam = "
                    + diam + " m");
        }
        String unit = c.hasPath("scale_unit") ? string(c, "scale_unit", path) : "arcsec";
        return lam * 1e-9 / diam / radiansPer(unit, path);
    }

    /** Radians in one unit of GalSim's angle names. */
    private static double radiansPer(String unit, String path) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "arcsec" -> Math.PI / (180.0 * 3600.0);
            case "arcmin" -> Math.PI / (180.0 * 60.0);
            case "deg", "degrees" -> Math.PI / 180.0;
            case "rad", "radians" -> 1.0;
            case "hr", "hours" -> Math.PI / 12.0;
            default -> throw new IllegalArgumentException(path + ".scale_unit: unknown unit '" + unit
                    + "'; valid: arcsec, arcmin, degrees, radians, hours");
        };
    }

    private static Profile combination(Config c, String path, String type) {
        if (!c.hasPath("items")) {
            throw new IllegalArgumentException(path + ": " + type + " needs 'items', a list of profiles");
        }
        List<? extends Config> items;
        try {
            items = c.getConfigList("items");
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(path + ".items: expected a list of profile objects", e);
        }
        List<Profile> built = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            built.add(build(items.get(i), path + ".items[" + i + "]"));
        }
        if (built.isEmpty()) {
            throw new IllegalArgumentException(path + ": " + type + " has no items");
        }
        Profile combined = type.equals("Sum") ? new Sum(built) : new Convolution(built);
        return c.hasPath("flux") ? combined.withFlux(number(c, "flux", path)) : combined;
    }

    private static Profile sersic(Config c, String path, String type, double n, boolean fast) {
        String size = oneOf(c, path, type, "half_light_radius", "scale_radius");
        double v = number(c, size, path);
        double flux = flux(c, path);
        double trunc = optional(c, "trunc", 0, path);
        boolean untruncatedFlux = c.hasPath("flux_untruncated") && bool(c, "flux_untruncated", path);
        if (trunc != 0 || untruncatedFlux) {
            if (fast) {
                throw new IllegalArgumentException(path + ": " + type + " with trunc has no fast (interpolated in n)"
                        + " tables; drop 'fast'");
            }
            return size.equals("half_light_radius") ? Sersic.ofHalfLightRadius(n, v, flux, trunc, untruncatedFlux)
                    : Sersic.ofScaleRadius(n, v, flux, trunc, untruncatedFlux);
        }
        SersicKTable table = fast ? SersicTables.interpolated(n) : SersicTables.exact(n);
        double hlr = size.equals("half_light_radius") ? v : v * table.hlrOverR0();
        return new Sersic(table, hlr, flux);
    }

    private static Profile transforms(Profile p, Config c, String path) {
        if (c.hasPath("dilate")) {
            p = p.dilate(number(c, "dilate", path));
        }
        if (c.hasPath("ellip")) {
            double[] g = pair(c, "ellip", "g1", "g2", path);
            p = p.shear(g[0], g[1]);
        }
        if (c.hasPath("rotate")) {
            p = p.rotate(Math.toRadians(number(c, "rotate", path)));
        }
        if (c.hasPath("shear")) {
            double[] g = pair(c, "shear", "g1", "g2", path);
            p = p.shear(g[0], g[1]);
        }
        if (c.hasPath("shift")) {
            double[] d = pair(c, "shift", "x", "y", path);
            p = p.shift(d[0], d[1]);
        }
        return p;
    }

    private static void check(Config c, String path, String type, List<String> params) {
        Set<String> valid = new LinkedHashSet<>();
        valid.add("type");
        valid.addAll(params);
        valid.addAll(TRANSFORM_KEYS);
        StrictConfig.checkKeys(c.root().keySet(), valid, path + " (a " + type + ")");
    }

    private static String oneOf(Config c, String path, String type, String... keys) {
        String found = null;
        for (String k : keys) {
            if (c.hasPath(k)) {
                if (found != null) {
                    throw new IllegalArgumentException(path + ": " + type + " takes only one of " + List.of(keys)
                            + ", got both '" + found + "' and '" + k + "'");
                }
                found = k;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(path + ": " + type + " needs one of " + List.of(keys));
        }
        return found;
    }

    private static double required(Config c, String key, String path, String type) {
        if (!c.hasPath(key)) {
            throw new IllegalArgumentException(path + ": " + type + " needs '" + key + "'");
        }
        return number(c, key, path);
    }

    private static double optional(Config c, String key, double fallback, String path) {
        return c.hasPath(key) ? number(c, key, path) : fallback;
    }

    private static double flux(Config c, String path) {
        return c.hasPath("flux") ? number(c, "flux", path) : 1;
    }

    private static double[] pair(Config c, String key, String a, String b, String path) {
        Config sub;
        try {
            sub = c.getConfig(key);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(path + "." + key + ": expected {" + a + " = ..., " + b + " = ...}", e);
        }
        for (String k : sub.root().keySet()) {
            if (!k.equals(a) && !k.equals(b)) {
                throw new IllegalArgumentException(path + "." + key + ": unknown key '" + k + "'; valid: [" + a + ", " + b + "]");
            }
        }
        return new double[] {sub.hasPath(a) ? number(sub, a, path + "." + key) : 0,
            sub.hasPath(b) ? number(sub, b, path + "." + key) : 0};
    }

    private static double number(Config c, String key, String path) {
        try {
            return c.getDouble(key);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(path + "." + key + ": expected a number, got " + c.getValue(key).render(), e);
        }
    }

    private static boolean bool(Config c, String key, String path) {
        try {
            return c.getBoolean(key);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(path + "." + key + ": expected true or false", e);
        }
    }

    private static String string(Config c, String key, String path) {
        try {
            return c.getString(key);
        } catch (ConfigException.WrongType e) {
            throw new IllegalArgumentException(path + "." + key + ": expected a string", e);
        }
    }
}
