package org.megalut.spark.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.megalut.config.StrictConfig;
import org.megalut.ml.committee.MlConfig;

/**
 * The settings of one committee set (configuration section {@code learn} or {@code learn-weights}): the
 * dataset it trains on, the network configuration of each component (a network config merged with the
 * component's data config, MegaLUT's tool config + data config), and the failure threshold of its
 * training cases.
 *
 * <p>A component is either the name of its data config, trained with the section's {@code network}, or
 * an object {@code { data = ..., network = ... }} naming its own network config (MegaLUT's conflists,
 * where each component has its own pair); both forms may be mixed in one list.
 *
 * <p>The configurations are read and parsed once, when the settings are made, so that a bad one is an
 * error before any work; the texts travel with the settings to the executors, which parse them again
 * (the parsed form is not serialisable).
 */
public final class CommitteeSettings implements Serializable {
    private static final long serialVersionUID = 2L;

    /** The keys of a component given as an object. */
    private static final List<String> COMPONENT_KEYS = List.of("data", "network");

    private final String section;
    private final String dataset;
    private final double maxFailureFraction;
    private final List<Component> components;
    private final List<String> texts;
    private transient List<MlConfig> configs;

    /**
     * One component's configurations, as named in the settings.
     *
     * @param data    its data config (a file or a name shipped in the jar, e.g. {@code ml/ada4g1.conf})
     * @param network its network config, the section's {@code network} unless the component names one
     */
    public record Component(String data, String network) implements Serializable { }

    private CommitteeSettings(String section, String dataset, double maxFailureFraction, List<Component> components,
                              List<String> texts) {
        this.section = section;
        this.dataset = dataset;
        this.maxFailureFraction = maxFailureFraction;
        this.components = List.copyOf(components);
        this.texts = List.copyOf(texts);
        this.configs = parse(texts);
    }

    /** Reads a section ({@code learn}, {@code learn-weights}) of the merged configuration. */
    public static CommitteeSettings from(Config root, String section) {
        Config c = root.getConfig(section);
        double maxFail = c.getDouble("max-failure-fraction");
        if (!(maxFail >= 0 && maxFail <= 1)) {
            throw new IllegalArgumentException(section + ".max-failure-fraction must be in [0, 1], found " + maxFail);
        }
        String network = c.getString("network");
        List<Component> components = components(c.getList("components"), network, section);
        List<String> texts = new ArrayList<>();
        for (Component k : components) {
            texts.add(text(k.network()) + "\n" + text(k.data()));
        }
        return new CommitteeSettings(section, c.getString("dataset"), maxFail, components, texts);
    }

    /** The components of a {@code components} list, each a data config name or a {data, network} object. */
    private static List<Component> components(ConfigList list, String network, String section) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(section + ".components is empty: list one data config per component");
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = section + ".components[" + i + "]";
            ConfigValue v = list.get(i);
            if (v.valueType() == ConfigValueType.STRING) {
                out.add(new Component((String) v.unwrapped(), network));
            } else if (v.valueType() == ConfigValueType.OBJECT) {
                ConfigObject o = (ConfigObject) v;
                StrictConfig.checkKeys(o.keySet(), COMPONENT_KEYS, where);
                if (!o.containsKey("data")) {
                    throw new IllegalArgumentException(where + " has no data config: expected { data = \"<file>\" }"
                            + " or { data = \"<file>\", network = \"<file>\" }, found " + o.render());
                }
                out.add(new Component(string(o.get("data"), where + ".data"),
                        o.containsKey("network") ? string(o.get("network"), where + ".network") : network));
            } else {
                throw new IllegalArgumentException(where + " must be a data config file or { data = \"<file>\","
                        + " network = \"<file>\" }, found " + v.valueType().name().toLowerCase() + " (" + v.render()
                        + ")");
            }
        }
        return out;
    }

    private static String string(ConfigValue v, String where) {
        if (v.valueType() != ConfigValueType.STRING) {
            throw new IllegalArgumentException(where + " must be a file name, found "
                    + v.valueType().name().toLowerCase() + " (" + v.render() + ")");
        }
        return (String) v.unwrapped();
    }

    /** A configuration given as a file path, or as the name of one shipped in the jar (org/megalut/conf/). */
    private static String text(String name) {
        Path file = Path.of(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            try (InputStream in = CommitteeSettings.class.getResourceAsStream("/org/megalut/conf/" + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("network configuration " + name
                            + " is neither a file nor one shipped with the application (conf/ml/*.conf)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network configuration " + name, e);
        }
    }

    private static List<MlConfig> parse(List<String> texts) {
        List<MlConfig> out = new ArrayList<>();
        for (String t : texts) {
            out.add(MlConfig.parse(t));
        }
        return List.copyOf(out);
    }

    /** The configuration section, also the name of the training step's completion records. */
    public String section() {
        return section;
    }

    /** The simulated dataset the committees train on. */
    public String dataset() {
        return dataset;
    }

    /** Cases with a larger fraction of failed measurements are left out of training. */
    public double maxFailureFraction() {
        return maxFailureFraction;
    }

    /** The components' configurations as named in the settings, in component order. */
    public List<Component> components() {
        return components;
    }

    /** The components' configurations, in component order. */
    public List<MlConfig> configs() {
        if (configs == null) {
            configs = parse(texts);
        }
        return configs;
    }

    /**
     * The components' configurations ({@link MlConfig#fingerprint}) as entries
     * {@code <section>.component.<i>}, for the fingerprints of the steps that train or apply them.
     */
    public Fingerprint fingerprint() {
        Fingerprint f = Fingerprint.of();
        List<MlConfig> all = configs();
        for (int i = 0; i < all.size(); i++) {
            f = f.with(section + ".component." + i, all.get(i).fingerprint());
        }
        return f;
    }
}
