package org.megalut.spark.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.megalut.config.StrictConfig;
import org.megalut.great3.ObservationType;
import org.megalut.sim.great3.SelectionRule;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.TruncatedNormalLaw;
import org.megalut.sim.megalut.Distribution;

/**
 * Reads the {@code datasets} section of the configuration: any number of datasets, each
 * {@code datasets.<name> { ... }} with the keys of {@link DatasetSpec} (docs/datasets.md, "Named datasets").
 * The section is a named section of {@link StrictConfig}: the loader leaves it alone, and this class
 * checks it, once, for every dataset: the name's syntax, unknown keys, each value's type, the
 * {@code base} a dataset inherits its unset keys from, and that every key ends up set.
 */
public final class DatasetSettings {

    /** The configuration section of the datasets, a named section of {@link StrictConfig}. */
    public static final String SECTION = "datasets";

    /** The key naming the dataset whose keys a dataset inherits when it does not set them. */
    public static final String BASE = "base";

    /**
     * A dataset name: a letter or digit, then letters, digits, '-' or '_'. The name is a directory of
     * the work directory ({@code sim/<name>}) and an unquoted HOCON key, so it has neither dots,
     * slashes nor spaces.
     */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** What a key holds, and how to read it. */
    private enum Kind {
        DISTRIBUTION("train, G3, uni, trainBD or G3BD"), INTEGER("an integer"), NUMBER("a number"),
        BOOLEAN("a boolean"), GROUPING("galaxy or shear"), DATASET("a dataset name"),
        LAW("a truncated normal law { mean = M, sigma = S, min = A, max = B } with sigma > 0 and A < B"),
        SELECTION("a galaxy selection { snr-min = A, snr-max = B, min-resolution = R } with 0 <= A < B and R < 1");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** Every key a dataset must end up with (set or inherited), in {@link DatasetSpec}'s order. */
    private static final Map<String, Kind> KEYS = keys();

    /**
     * Keys a dataset may set (or inherit): its own size or flux law in place of its distribution's, and a
     * galaxy selection against its subfield's PSF and noise; absent, the distribution's own law is drawn
     * and every drawn galaxy kept.
     */
    private static final Map<String, Kind> OPTIONAL_KEYS = Map.of("hlr", Kind.LAW, "flux", Kind.LAW,
            "selection", Kind.SELECTION);

    private DatasetSettings() { }

    private static Map<String, Kind> keys() {
        Map<String, Kind> k = new LinkedHashMap<>();
        k.put("dist", Kind.DISTRIBUTION);
        for (String key : List.of("n", "nc", "nrea", "ncat", "snc")) {
            k.put(key, Kind.INTEGER);
        }
        k.put("shear", Kind.NUMBER);
        k.put("shear-per-catalog", Kind.BOOLEAN);
        k.put("noise", Kind.BOOLEAN);
        k.put("grouping", Kind.GROUPING);
        return Collections.unmodifiableMap(k);
    }

    /**
     * Every configured dataset, by name (sorted).
     *
     * @throws IllegalArgumentException naming the dataset and the key, with the expected and the found,
     *                                  for a bad name, an unknown key, a value of the wrong type, an
     *                                  unknown or cyclic base, a key neither set nor inherited, or
     *                                  sizes {@link DatasetSpec} refuses
     */
    public static Map<String, DatasetSpec> all(Config root) {
        Map<String, Map<String, Object>> own = new TreeMap<>();
        // by name, so that of several faults the same one is reported every time
        for (Map.Entry<String, ConfigValue> e : new TreeMap<>(section(root)).entrySet()) {
            own.put(e.getKey(), ownValues(e.getKey(), e.getValue()));
        }
        // The branch's observation type sets the sizes and fluxes the distributions draw.
        ObservationType obstype = RunSettings.Grid.from(root).obstype();
        Map<String, DatasetSpec> specs = new TreeMap<>();
        for (String name : own.keySet()) {
            specs.put(name, spec(name, inherited(name, own), obstype));
        }
        return specs;
    }

    /**
     * The spec of a configured dataset.
     *
     * @throws IllegalArgumentException as {@link #all}, or listing the configured datasets for an
     *                                  unknown name
     */
    public static DatasetSpec spec(Config root, String name) {
        return lookup(all(root), name);
    }

    /**
     * A dataset of a set of configured ones: the one check of a dataset name, for the pipeline's roles
     * and the {@code simulate} command.
     *
     * @throws IllegalArgumentException naming the configured datasets when the name is unknown
     */
    public static DatasetSpec lookup(Map<String, DatasetSpec> datasets, String name) {
        DatasetSpec spec = datasets.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; configured datasets: "
                    + new TreeMap<>(datasets).keySet());
        }
        return spec;
    }

    /**
     * A dataset's settings under their configuration keys ({@code datasets.<name>.*}), for the
     * fingerprints of the steps that simulate or read it. The name is part of every key: its draws
     * are keyed by it and it is stored under {@code sim/<name>}, so a dataset renamed is another
     * simulation. Only the resolved values count, not whether they were set or inherited from a base.
     * The observation type is the branch's: it enters through the branch geometry's fingerprint
     * ({@link RunSettings.Grid#fingerprint()}).
     */
    public static Fingerprint fingerprint(DatasetSpec spec) {
        String k = SECTION + "." + spec.name() + ".";
        Fingerprint f = Fingerprint.of().with(k + "dist", spec.distribution().name().toLowerCase(Locale.ROOT))
                .with(k + "n", spec.n()).with(k + "nc", spec.nc()).with(k + "nrea", spec.nrea())
                .with(k + "ncat", spec.ncat()).with(k + "snc", spec.snc()).with(k + "shear", spec.shear())
                .with(k + "shear-per-catalog", spec.shearPerCatalog()).with(k + "noise", spec.noise())
                .with(k + "grouping", spec.grouping().name().toLowerCase(Locale.ROOT));
        // The laws and the selection enter only when set, so that the records of datasets made before they existed stay valid.
        if (spec.hlrLaw() != null) {
            f = f.with(k + "hlr", spec.hlrLaw().toConfig());
        }
        if (spec.fluxLaw() != null) {
            f = f.with(k + "flux", spec.fluxLaw().toConfig());
        }
        if (spec.selection() != null) {
            f = f.with(k + "selection", spec.selection().toConfig());
        }
        return f;
    }

    private static ConfigObject section(Config root) {
        if (!root.hasPath(SECTION)) {
            return ConfigFactory.empty().root();
        }
        ConfigValue v = root.getValue(SECTION);
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new IllegalArgumentException("configuration key " + SECTION + " must be an object of named datasets,"
                    + " found " + found(v) + where(v));
        }
        return (ConfigObject) v;
    }

    /** The keys a dataset sets itself, read and type-checked, with the dataset named in every error. */
    private static Map<String, Object> ownValues(String name, ConfigValue value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("dataset name '" + name + "'" + where(value) + " must be a letter or"
                    + " digit followed by letters, digits, '-' or '_'");
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw new IllegalArgumentException("dataset '" + name + "'" + where(value) + " must be an object of"
                    + " settings { dist = ..., n = ..., ... }, found " + found(value));
        }
        ConfigObject o = (ConfigObject) value;
        Set<String> valid = new TreeSet<>(KEYS.keySet());
        valid.addAll(OPTIONAL_KEYS.keySet());
        valid.add(BASE);
        // the one message for unknown keys, pointing at where the first of them was written
        o.keySet().stream().filter(key -> !valid.contains(key)).sorted().findFirst().ifPresent(key ->
                StrictConfig.checkKeys(o.keySet(), valid, "dataset '" + name + "'" + where(o.get(key))));
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
            Kind kind = e.getKey().equals(BASE) ? Kind.DATASET
                    : KEYS.getOrDefault(e.getKey(), OPTIONAL_KEYS.get(e.getKey()));
            values.put(e.getKey(), read(name, e.getKey(), kind, e.getValue()));
        }
        return values;
    }

    private static Object read(String dataset, String key, Kind kind, ConfigValue v) {
        try {
            return switch (kind) {
                case DISTRIBUTION -> Distribution.byName(text(v));
                case INTEGER -> integer(v.atKey("v").getDouble("v"));
                case NUMBER -> v.atKey("v").getDouble("v");
                case BOOLEAN -> v.atKey("v").getBoolean("v");
                case GROUPING -> DatasetSpec.Grouping.valueOf(text(v).toUpperCase(Locale.ROOT));
                case DATASET -> text(v);
                case LAW -> law(v);
                case SELECTION -> selection(v);
            };
        } catch (ConfigException | IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset '" + dataset + "': key " + key + where(v) + " must be "
                    + kind.expected + ", found " + found(v), e);
        }
    }

    /** A truncated normal law: an object with exactly the numbers mean, sigma, min and max. */
    private static TruncatedNormalLaw law(ConfigValue v) {
        Config c = object(v, List.of("mean", "sigma", "min", "max"));
        return new TruncatedNormalLaw(c.getDouble("mean"), c.getDouble("sigma"), c.getDouble("min"), c.getDouble("max"));
    }

    /** An object value with exactly these keys. */
    private static Config object(ConfigValue v, List<String> keys) {
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw new IllegalArgumentException("not an object: " + v.valueType());
        }
        Set<String> found = new TreeSet<>(((ConfigObject) v).keySet());
        if (!found.equals(new TreeSet<>(keys))) {
            throw new IllegalArgumentException("keys " + found + " instead of " + new TreeSet<>(keys));
        }
        return ((ConfigObject) v).toConfig();
    }

    /** A galaxy selection: an object with exactly the numbers snr-min, snr-max and min-resolution. */
    private static SelectionRule selection(ConfigValue v) {
        Config c = object(v, List.of("snr-min", "snr-max", "min-resolution"));
        return new SelectionRule(c.getDouble("snr-min"), c.getDouble("snr-max"), c.getDouble("min-resolution"));
    }

    /** A string value (HOCON's unquoted words are strings; numbers and booleans are not names). */
    private static String text(ConfigValue v) {
        if (v.valueType() != ConfigValueType.STRING) {
            throw new IllegalArgumentException("not a string: " + v.valueType());
        }
        return (String) v.unwrapped();
    }

    /** The integral value of a number, refusing fractions (Config.getInt would truncate 2.5 to 2). */
    private static int integer(double d) {
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a 32-bit integer: " + d);
        }
        return (int) d;
    }

    /** A dataset's values after inheritance: its own, then its base's, its base's base's, and so on. */
    private static Map<String, Object> inherited(String name, Map<String, Map<String, Object>> own) {
        Map<String, Object> values = new HashMap<>(own.get(name));
        Set<String> chain = new LinkedHashSet<>(List.of(name));
        String from = name;
        for (Object base = own.get(name).get(BASE); base != null; base = own.get(from).get(BASE)) {
            String b = (String) base;
            if (!own.containsKey(b)) {
                throw new IllegalArgumentException("dataset '" + from + "': base '" + b
                        + "' is not a configured dataset; configured datasets: " + own.keySet());
            }
            if (!chain.add(b)) {
                throw new IllegalArgumentException("dataset '" + name + "': cycle of bases "
                        + String.join(" -> ", chain) + " -> " + b);
            }
            own.get(b).forEach(values::putIfAbsent);
            from = b;
        }
        values.remove(BASE);
        return values;
    }

    private static DatasetSpec spec(String name, Map<String, Object> v, ObservationType obstype) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Kind> k : KEYS.entrySet()) {
            if (!v.containsKey(k.getKey())) {
                missing.add(k.getKey() + " (" + k.getValue().expected + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "': missing key" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; set " + (missing.size() > 1 ? "them" : "it")
                    + " or name a dataset to inherit from with " + BASE + " = NAME");
        }
        return new DatasetSpec(name, (Distribution) v.get("dist"), obstype, (Integer) v.get("n"), (Integer) v.get("nc"),
                (Integer) v.get("nrea"), (Integer) v.get("ncat"), (Integer) v.get("snc"), (Double) v.get("shear"),
                (Boolean) v.get("shear-per-catalog"), (Boolean) v.get("noise"), (DatasetSpec.Grouping) v.get("grouping"),
                (TruncatedNormalLaw) v.get("hlr"), (TruncatedNormalLaw) v.get("flux"), (SelectionRule) v.get("selection"));
    }

    private static String found(ConfigValue v) {
        return v.valueType().name().toLowerCase(Locale.ROOT) + " (" + v.render(ConfigRenderOptions.concise()) + ")";
    }

    /** Where a value was written ({@code " (file: line)"}), when the configuration knows it. */
    private static String where(ConfigValue v) {
        String d = v.origin() == null ? null : v.origin().description();
        return d == null || d.isBlank() ? "" : " (" + d + ")";
    }
}
