package org.megalut.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small reader for the oracle CSV tables (header line, comma-separated, no quoted commas). */
public final class CsvTable {
    private final List<Map<String, String>> rows;

    private CsvTable(List<Map<String, String>> rows) {
        this.rows = rows;
    }

    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.length) {
                throw new IOException(file + ": " + f.length + " fields, expected " + header.length + ": " + line);
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            rows.add(row);
        }
        return new CsvTable(rows);
    }

    public int size() {
        return rows.size();
    }

    public String get(int row, String column) {
        String v = rows.get(row).get(column);
        if (v == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return v;
    }

    public double getDouble(int row, String column) {
        return Double.parseDouble(get(row, column));
    }

    public int getInt(int row, String column) {
        return Integer.parseInt(get(row, column));
    }
}
