package org.megalut.great3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code .yaml} dict form: written as PyYAML's {@code yaml.dump} of a flat dict (flow style,
 * sorted keys, 80-column wrapping); read from flow ({@code {a: 0.0, b: 1.5}}) or block
 * ({@code a: 0.0} per line) style, with comments, blank lines and document markers tolerated. Only
 * flat mappings of numbers are accepted.
 */
final class DictYaml {
    /** PyYAML's default best_width: a flow item starting beyond it goes on a new line. */
    private static final int BEST_WIDTH = 80;
    /** PyYAML indents continuation lines of a top-level flow mapping by best_indent = 2. */
    private static final String CONTINUATION = "  ";

    private DictYaml() {
    }

    /** One stripped, non-empty line of content with its 1-based line number. */
    private record Line(int number, String text) {
    }

    static String format(SortedMap<String, Number> values) {
        StringBuilder sb = new StringBuilder("{");
        int column = 1;
        boolean first = true;
        for (Map.Entry<String, Number> e : values.entrySet()) {
            String separator = first ? "" : " ";
            if (!first) {
                sb.append(',');
                column++;
            }
            // PyYAML's emitter checks the width after the comma, before writing the next key.
            if (column > BEST_WIDTH) {
                sb.append('\n').append(CONTINUATION);
                column = CONTINUATION.length();
                separator = "";
            }
            Number v = e.getValue();
            String item = e.getKey() + ": " + (v instanceof Long ? v.toString() : PythonFloats.yaml(v.doubleValue()));
            sb.append(separator).append(item);
            column += separator.length() + item.length();
            first = false;
        }
        return sb.append("}\n").toString();
    }

    static DictFile parse(String name, String text) {
        List<Line> lines = contentLines(text);
        if (lines.isEmpty()) {
            throw new Great3FormatException(name, "empty dict: expected '{key: value, ...}' or 'key: value' lines");
        }
        SortedMap<String, Number> values = new TreeMap<>();
        if (lines.get(0).text().strip().startsWith("{")) {
            parseFlow(name, lines, values);
        } else {
            for (Line line : lines) {
                if (Character.isWhitespace(line.text().charAt(0))) {
                    throw new Great3FormatException(name, line.number(),
                            "indented line: nested mappings are not supported, expected 'key: value'");
                }
                int colon = line.text().indexOf(':');
                if (colon < 0) {
                    throw new Great3FormatException(name, line.number(), "expected 'key: value', found '"
                            + line.text().strip() + "'");
                }
                put(name, line.number(), line.text().substring(0, colon), line.text().substring(colon + 1), values);
            }
        }
        if (values.isEmpty()) {
            throw new Great3FormatException(name, "empty dict: no keys");
        }
        return DictFile.parsed(name, values);
    }

    /** Parses {@code {k: v, k: v}}, possibly spread over several lines (PyYAML wraps long ones). */
    private static void parseFlow(String name, List<Line> lines, SortedMap<String, Number> values) {
        StringBuilder item = new StringBuilder();
        int itemLine = lines.get(0).number();
        boolean closed = false;
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            String t = line.text();
            for (int i = (l == 0 ? t.indexOf('{') + 1 : 0); i < t.length(); i++) {
                char c = t.charAt(i);
                if (closed) {
                    if (!Character.isWhitespace(c)) {
                        throw new Great3FormatException(name, line.number(), "unexpected text after '}': '"
                                + t.substring(i).strip() + "'");
                    }
                } else if (c == '{' || c == '[') {
                    throw new Great3FormatException(name, line.number(),
                            "nested collections are not supported, expected numbers as values");
                } else if (c == ',' || c == '}') {
                    if (!item.toString().isBlank() || c == ',') {
                        flowItem(name, itemLine, item.toString(), values);
                    }
                    item.setLength(0);
                    closed = c == '}';
                } else {
                    if (item.toString().isBlank()) {
                        itemLine = line.number();
                    }
                    item.append(c);
                }
            }
            item.append(' ');
        }
        if (!closed) {
            throw new Great3FormatException(name, lines.get(lines.size() - 1).number(),
                    "unterminated flow mapping: expected '}'");
        }
    }

    private static void flowItem(String name, int line, String item, SortedMap<String, Number> values) {
        int colon = item.indexOf(':');
        if (colon < 0) {
            throw new Great3FormatException(name, line, "expected 'key: value' in flow mapping, found '"
                    + item.strip() + "'");
        }
        put(name, line, item.substring(0, colon), item.substring(colon + 1), values);
    }

    private static void put(String name, int line, String rawKey, String rawValue, SortedMap<String, Number> values) {
        String key = rawKey.strip();
        String value = rawValue.strip();
        if (!DictFile.isKey(key)) {
            throw new Great3FormatException(name, line, "key '" + key + "' is not an identifier");
        }
        if (value.isEmpty()) {
            throw new Great3FormatException(name, line, "key " + key
                    + " has no value (nested mappings are not supported)");
        }
        if (values.put(key, number(value, name, line, key)) != null) {
            throw new Great3FormatException(name, line, "duplicate key " + key);
        }
    }

    /** A value as Long when written as an integer literal, else as Double. */
    static Number number(String token, String name, int line, String key) {
        if (TextNumbers.isIntegerLiteral(token)) {
            return Long.parseLong(token);
        }
        return TextNumbers.parseDouble(token, name, line, "key " + key);
    }

    /** Lines without comments, blank lines and document markers. */
    private static List<Line> contentLines(String text) {
        String[] raw = text.split("\r?\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String t = stripComment(raw[i]).stripTrailing();
            if (t.isBlank() || t.equals("---") || t.equals("...")) {
                continue;
            }
            out.add(new Line(i + 1, t));
        }
        return out;
    }

    /** YAML comments start with '#' at the line start or after whitespace. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
