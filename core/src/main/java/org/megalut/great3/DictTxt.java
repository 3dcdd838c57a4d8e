package org.megalut.great3;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * GREAT3's {@code .txt} dict form (R:great3sims/mapper.py writeDict): line 1 is {@code "# "} then
 * each key followed by a space, line 2 each value (Python 2 {@code str()}) followed by a space.
 */
final class DictTxt {
    private DictTxt() {
    }

    static String format(SortedMap<String, Number> values) {
        StringBuilder sb = new StringBuilder("# ");
        for (String key : values.keySet()) {
            sb.append(key).append(' ');
        }
        sb.append('\n');
        for (Number v : values.values()) {
            sb.append(v instanceof Long ? v.toString() : PythonFloats.str(v.doubleValue())).append(' ');
        }
        return sb.append('\n').toString();
    }

    static DictFile parse(String name, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<Integer> contentLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                contentLines.add(i);
            }
        }
        if (contentLines.size() != 2) {
            throw new Great3FormatException(name, "expected 2 lines ('# keys' and values), found "
                    + contentLines.size() + " non-blank lines");
        }
        int keyLine = contentLines.get(0);
        int valueLine = contentLines.get(1);
        String header = lines[keyLine].strip();
        if (!header.startsWith("#")) {
            throw new Great3FormatException(name, keyLine + 1, "expected '# ' followed by the keys, found '"
                    + header + "'");
        }
        String[] keys = TextNumbers.WHITESPACE.split(header.substring(1).strip());
        String[] tokens = TextNumbers.WHITESPACE.split(lines[valueLine].strip());
        if (keys.length != tokens.length || keys[0].isEmpty()) {
            throw new Great3FormatException(name, valueLine + 1, "expected " + keys.length + " values for keys "
                    + List.of(keys) + ", found " + tokens.length);
        }
        SortedMap<String, Number> values = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (!DictFile.isKey(keys[i])) {
                throw new Great3FormatException(name, keyLine + 1, "key '" + keys[i] + "' is not an identifier");
            }
            Number v = DictYaml.number(tokens[i], name, valueLine + 1, keys[i]);
            if (values.put(keys[i], v) != null) {
                throw new Great3FormatException(name, keyLine + 1, "duplicate key " + keys[i]);
            }
        }
        return DictFile.parsed(name, values);
    }

}
