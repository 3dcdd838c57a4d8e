package org.megalut.great3;

import java.util.Locale;

/** The two forms GREAT3 wrote each small dict in (R:great3sims/mapper.py writeDict). */
public enum DictFormat {
    /** {@code yaml.dump(dict)}: a flow mapping such as {@code {g1: 0.0123, g2: -0.0456}}. */
    YAML,
    /** Two lines: {@code # } + sorted keys, then the values, each followed by a space. */
    TXT;

    /**
     * The format for a file name ending in .yaml/.yml or .txt.
     *
     * @throws Great3FormatException naming the file for any other extension
     */
    public static DictFormat forName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".txt")) {
            return TXT;
        }
        throw new Great3FormatException(name, "unknown dict file extension, expected .yaml or .txt");
    }
}
