package org.megalut.ml.committee;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.megalut.config.StrictConfig;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.NormType;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;
import org.megalut.ml.optimiser.OptimizerKind;

/**
 * A network configuration: the data mapping (feature, target, aux and prediction columns) and the tool settings
 * (network, normalisation, training, selection), the equivalent of a MegaLUT data config (e.g. "ada4g1") plus a
 * Tenbilac tool config (e.g. "sum55mass").
 *
 * <p>HOCON, with the sections {@code data}, {@code network}, {@code normalisation}, {@code training} and
 * {@code selection}; the resource {@code org/megalut/ml/committee/ml-defaults.conf} documents every key and
 * supplies the defaults. Unknown keys are errors that list the valid ones. Immutable.
 */
public record MlConfig(Data data, Network network, Normalisation normalisation, Training training,
                       Selection selection) {

    /** Column mapping: features in order (first = identity-initialised), targets, aux inputs, prediction names. */
    public record Data(List<String> features, List<String> targets, List<String> aux, List<String> predictions) {
        public Data {
            features = List.copyOf(features);
            targets = List.copyOf(targets);
            aux = List.copyOf(aux);
            predictions = List.copyOf(predictions);
        }
    }

    /** Hidden sizes, activations and Tenbilac's initialisation settings. */
    public record Network(List<Integer> hidden, Activation activation, Activation outputActivation,
                          boolean startIdentity, double initNoiseW, double initNoiseB) {
        public Network {
            hidden = List.copyOf(hidden);
        }
    }

    /** Input and target normalisers; null means none. */
    public record Normalisation(NormType inputs, NormType targets) {
    }

    /** Cost, committee size, parallelism, seed, split, minibatches and optimiser. */
    public record Training(String cost, int members, int threads, long seed, double valfrac, double mbfrac,
                           int mbloops, OptimizerKind algorithm, int maxiter, double gtol) {
    }

    private static final String DEFAULTS = "org/megalut/ml/committee/ml-defaults.conf";

    public MlConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(selection, "selection");
        validate(data, training, selection);
    }

    private static void validate(Data data, Training training, Selection selection) {
        if (data.features().isEmpty()) {
            throw new IllegalArgumentException("data.features is empty: list the input feature columns");
        }
        if (data.targets().isEmpty()) {
            throw new IllegalArgumentException("data.targets is empty: list the target columns");
        }
        if (data.predictions().size() != data.targets().size()) {
            throw new IllegalArgumentException("data.predictions has " + data.predictions().size()
                    + " names for " + data.targets().size() + " targets");
        }
        boolean needsAux = Costs.byName(training.cost()).needsAux();
        if (needsAux && data.aux().size() != data.targets().size()) {
            throw new IllegalArgumentException("cost " + training.cost() + " needs one aux column per target, got "
                    + data.aux());
        }
        if (!needsAux && !data.aux().isEmpty()) {
            throw new IllegalArgumentException("cost " + training.cost() + " uses no aux inputs, but data.aux = "
                    + data.aux());
        }
        if (training.members() <= 0 || training.threads() <= 0 || training.mbloops() <= 0
                || training.maxiter() <= 0) {
            throw new IllegalArgumentException("training.members, threads, mbloops and maxiter must be positive");
        }
        if (!(training.valfrac() >= 0 && training.valfrac() < 1)) {
            throw new IllegalArgumentException("training.valfrac must be in [0, 1), got " + training.valfrac());
        }
        if (!(training.mbfrac() > 0 && training.mbfrac() <= 1)) {
            throw new IllegalArgumentException("training.mbfrac must be in (0, 1], got " + training.mbfrac());
        }
        if (selection.bestn() > training.members()) {
            throw new IllegalArgumentException("selection.bestn = " + selection.bestn() + " exceeds training.members = "
                    + training.members());
        }
        if (selection.key() == Selection.Key.VALERR && training.valfrac() == 0) {
            throw new IllegalArgumentException("selection.key = valerr needs a validation split (training.valfrac > 0)");
        }
    }

    /** The net shape: features → hidden → one output per target. */
    public Architecture architecture() {
        return new Architecture(data.features().size(), network.hidden(), data.targets().size(),
                network.activation(), network.outputActivation());
    }

    /**
     * Loads and merges HOCON files, later files overriding earlier ones (e.g. a tool config then a data config),
     * over the defaults.
     *
     * @throws IllegalArgumentException naming the file for missing files, syntax errors or invalid settings
     */
    public static MlConfig load(Path... files) {
        Config merged = ConfigFactory.empty();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("network config " + f + " does not exist");
            }
            try {
                merged = ConfigFactory.parseFile(f.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                        .withFallback(merged);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("cannot parse network config " + f + ": " + e.getMessage(), e);
            }
        }
        return fromConfig(merged);
    }

    /** Parses HOCON text (over the defaults). */
    public static MlConfig parse(String hocon) {
        try {
            return fromConfig(ConfigFactory.parseString(hocon));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse network config: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a configuration (over the defaults).
     *
     * @throws IllegalArgumentException for unknown keys (listing the valid ones), wrong types or invalid values
     */
    public static MlConfig fromConfig(Config user) {
        Config defaults = ConfigFactory.parseResources(MlConfig.class.getClassLoader(), DEFAULTS,
                ConfigParseOptions.defaults().setAllowMissing(false));
        StrictConfig.checkKeys(user, defaults, "network config");
        Config c = user.withFallback(defaults).resolve();
        try {
            Data data = new Data(c.getStringList("data.features"), c.getStringList("data.targets"),
                    c.getStringList("data.aux"), c.getStringList("data.predictions"));
            Network network = new Network(c.getIntList("network.hidden"),
                    Activation.byName(c.getString("network.activation")),
                    Activation.byName(c.getString("network.output-activation")),
                    c.getBoolean("network.start-identity"), c.getDouble("network.init-noise-w"),
                    c.getDouble("network.init-noise-b"));
            Normalisation norm = new Normalisation(normType(c.getString("normalisation.inputs")),
                    normType(c.getString("normalisation.targets")));
            Training training = new Training(c.getString("training.cost"), c.getInt("training.members"),
                    c.getInt("training.threads"), c.getLong("training.seed"), c.getDouble("training.valfrac"),
                    c.getDouble("training.mbfrac"), c.getInt("training.mbloops"),
                    OptimizerKind.byName(c.getString("training.algorithm")), c.getInt("training.maxiter"),
                    c.getDouble("training.gtol"));
            Selection selection = new Selection(Selection.Key.byName(c.getString("selection.key")),
                    c.getInt("selection.bestn"), MemberCombination.byName(c.getString("selection.combine")));
            return new MlConfig(data, network, norm, training, selection);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("invalid network config: " + e.getMessage(), e);
        }
    }

    private static NormType normType(String name) {
        return name.equals("none") ? null : NormType.byName(name);
    }

    /** This configuration as nested maps and lists (the HOCON / JSON structure, every key explicit). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", ordered("features", data.features(), "targets", data.targets(), "aux", data.aux(),
                "predictions", data.predictions()));
        m.put("network", ordered("hidden", new ArrayList<>(network.hidden()),
                "activation", network.activation().tenbilacName(),
                "output-activation", network.outputActivation().tenbilacName(),
                "start-identity", network.startIdentity(), "init-noise-w", network.initNoiseW(),
                "init-noise-b", network.initNoiseB()));
        m.put("normalisation", ordered("inputs", normName(normalisation.inputs()),
                "targets", normName(normalisation.targets())));
        m.put("training", ordered("cost", training.cost(), "members", training.members(),
                "threads", training.threads(), "seed", training.seed(), "valfrac", training.valfrac(),
                "mbfrac", training.mbfrac(), "mbloops", training.mbloops(),
                "algorithm", training.algorithm().configName(), "maxiter", training.maxiter(),
                "gtol", training.gtol()));
        m.put("selection", ordered("key", selection.key().configName(), "bestn", selection.bestn(),
                "combine", selection.combine().configName()));
        return m;
    }

    /**
     * What determines a committee trained with this configuration, as one canonical text for completion
     * fingerprints: every setting but {@code training.threads}, which only spreads the members over
     * threads (each member's randomness is keyed by its index), and independent of the file's layout,
     * comments and defaults written out or left implicit.
     */
    public String fingerprint() {
        Map<String, Object> m = toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) m.get("training");
        t.remove("threads");
        return m.toString();
    }

    /** This configuration as a Typesafe {@link Config}. */
    public Config toConfig() {
        return ConfigValueFactory.fromMap(toMap()).toConfig();
    }

    private static String normName(NormType t) {
        return t == null ? "none" : t.configName();
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
