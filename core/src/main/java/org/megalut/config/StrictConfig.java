package org.megalut.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * HOCON configuration merged over shipped defaults, where every key of the user's file must exist in
 * the defaults: a misspelt key is an error that lists the valid keys, never a silently ignored setting.
 *
 * <p>A <em>named section</em> (e.g. {@code datasets}) holds entries whose names the user chooses
 * ({@code datasets.<name> { ... }}), so its keys cannot be told from the defaults: the loader neither
 * checks the keys nor the types under it, and the section's reader checks every entry, once.
 */
public final class StrictConfig {

    private StrictConfig() { }

    /**
     * Loads the defaults from a classpath resource.
     *
     * @throws IllegalStateException if the resource is missing (a packaging error)
     */
    public static Config defaults(Class<?> anchor, String resource) {
        var in = anchor.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("default configuration " + resource + " not found on the classpath");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return ConfigFactory.parseReader(r, ConfigParseOptions.defaults()
                    .setOriginDescription(resource).setSyntax(ConfigSyntax.CONF)).resolve();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * Parses a HOCON file and merges it over the defaults.
     *
     * @throws IllegalArgumentException naming the file for a missing file, a syntax error, an unknown
     *                                  key (with the valid keys) or a value of the wrong type
     */
    public static Config load(File file, Config defaults) {
        return load(file, defaults, Set.of());
    }

    /**
     * Parses a HOCON file and merges it over the defaults, leaving the named sections to their readers.
     *
     * @param namedSections paths of the sections whose entries the user names (checked by their readers)
     * @throws IllegalArgumentException as {@link #load(File, Config)}, outside the named sections
     */
    public static Config load(File file, Config defaults, Set<String> namedSections) {
        if (!file.isFile()) {
            throw new IllegalArgumentException("configuration file not found: " + file);
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot parse configuration " + file + ": " + e.getMessage(), e);
        }
        return merge(user, defaults, file.toString(), namedSections);
    }

    /** Merges an already parsed configuration over the defaults, with the same checks as {@link #load}. */
    public static Config merge(Config user, Config defaults, String origin) {
        return merge(user, defaults, origin, Set.of());
    }

    /**
     * Merges an already parsed configuration over the defaults, with the same checks as
     * {@link #load(File, Config, Set)}.
     */
    public static Config merge(Config user, Config defaults, String origin, Set<String> namedSections) {
        checkKeys(user, defaults, origin, namedSections);
        Config merged = user.withFallback(defaults);
        try {
            merged = merged.resolve();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot resolve configuration " + origin + ": " + e.getMessage(), e);
        }
        checkTypes(merged, defaults, origin, namedSections);
        return merged;
    }

    /**
     * Fails when the user's configuration has a key the defaults lack.
     *
     * @throws IllegalArgumentException listing the unknown keys and the valid ones
     */
    public static void checkKeys(Config user, Config defaults, String origin) {
        checkKeys(user, defaults, origin, Set.of());
    }

    private static void checkKeys(Config user, Config defaults, String origin, Set<String> namedSections) {
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            if (!defaults.hasPathOrNull(e.getKey()) && !isInsideFreeObject(e.getKey(), defaults)
                    && !isInsideNamedSection(e.getKey(), namedSections)) {
                unknown.add(e.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            Set<String> valid = new TreeSet<>();
            for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
                valid.add(e.getKey());
            }
            // A named section's entries are listed as one pattern: their keys are their reader's to tell.
            for (String section : namedSections) {
                valid.removeIf(key -> isInsideNamedSection(key, Set.of(section)));
                valid.add(section + ".<name>.*");
            }
            rejectUnknown(unknown, valid, origin);
        }
    }

    /**
     * Fails when some keys are not among the valid ones: the one message for every kind of configuration
     * (pipeline, network, profile), naming where the keys were found.
     *
     * @param origin where the keys were read (a file, a section)
     * @throws IllegalArgumentException listing the unknown keys and the valid ones
     */
    public static void checkKeys(Collection<String> keys, Collection<String> valid, String origin) {
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(valid);
        rejectUnknown(unknown, valid, origin);
    }

    private static void rejectUnknown(Set<String> unknown, Collection<String> valid, String origin) {
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " in " + origin + "; valid keys are: " + String.join(", ", valid));
        }
    }

    /** Keys under an object whose default is an empty object ({@code {}}) are free-form (e.g. Spark settings). */
    private static boolean isInsideFreeObject(String key, Config defaults) {
        List<String> parts = ConfigUtil.splitPath(key);
        for (int n = parts.size() - 1; n > 0; n--) {
            String path = ConfigUtil.joinPath(parts.subList(0, n));
            if (defaults.hasPath(path) && defaults.getValue(path).valueType() == ConfigValueType.OBJECT
                    && defaults.getObject(path).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a key lies under one of the named sections (or is one). */
    private static boolean isInsideNamedSection(String key, Set<String> namedSections) {
        List<String> parts = ConfigUtil.splitPath(key);
        for (String section : namedSections) {
            List<String> prefix = ConfigUtil.splitPath(section);
            if (parts.size() >= prefix.size() && parts.subList(0, prefix.size()).equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void checkTypes(Config merged, Config defaults, String origin, Set<String> namedSections) {
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            String key = e.getKey();
            ConfigValueType expected = e.getValue().valueType();
            if (expected == ConfigValueType.NULL || !merged.hasPath(key) || isInsideNamedSection(key, namedSections)) {
                continue;
            }
            ConfigValueType found = merged.getValue(key).valueType();
            boolean ok = found == expected
                    || (expected == ConfigValueType.NUMBER && found == ConfigValueType.STRING && isNumber(merged, key))
                    || (expected == ConfigValueType.BOOLEAN && found == ConfigValueType.STRING && isBoolean(merged, key));
            if (!ok) {
                throw new IllegalArgumentException("configuration key " + key + " in " + origin + " must be "
                        + expected.name().toLowerCase() + ", found " + found.name().toLowerCase() + " ("
                        + merged.getValue(key).render() + ")");
            }
        }
    }

    private static boolean isNumber(Config c, String key) {
        try {
            c.getDouble(key);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static boolean isBoolean(Config c, String key) {
        try {
            c.getBoolean(key);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }
}
