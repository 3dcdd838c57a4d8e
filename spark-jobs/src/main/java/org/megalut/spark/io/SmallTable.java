package org.megalut.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A small in-memory table written as one CSV or one Parquet file (not a Spark output directory), for
 * commands whose result a user opens directly. Null values are empty CSV fields and Parquet nulls.
 * Parquet is written by {@link SmallTableParquet}, so that writing CSV never loads Parquet's classes.
 */
public final class SmallTable {

    /** Column types. */
    public enum Type { INT, LONG, DOUBLE, STRING }

    /** A named, typed column. */
    public record Column(String name, Type type) { }

    /** Characters of CSV text encoded and written at a time. */
    private static final int CSV_CHUNK = 1 << 16;

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public SmallTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Appends a row (values in column order; null allowed). */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + columns.size() + " columns");
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }

    List<Column> columns() {
        return columns;
    }

    /** The rows, in order, as added (not copied). */
    List<Object[]> rows() {
        return rows;
    }

    /**
     * Writes CSV (or Parquet when the name ends in {@code .parquet}) to a file named as on a command
     * line: a local CSV file ({@link LocalFiles#path}) with plain Java file I/O, anything else through
     * Hadoop with a default {@link Configuration}. The file is the same either way, whole or not at all.
     */
    public void write(String name) throws IOException {
        Optional<java.nio.file.Path> local = LocalFiles.path(name);
        if (local.isPresent() && !isParquet(local.get().getFileName().toString())) {
            LocalFiles.writeAtomically(local.get(), this::writeCsv);
        } else {
            write(new Path(name), new Configuration());
        }
    }

    /**
     * Writes CSV (or Parquet when the name ends in {@code .parquet}) to a path on any Hadoop FileSystem,
     * whole or not at all ({@link AtomicWrite}).
     */
    public void write(Path path, Configuration conf) throws IOException {
        // A user opens this one file: no checksum side file beside it on a local disk.
        path.getFileSystem(conf).setWriteChecksum(false);
        if (isParquet(path.getName())) {
            AtomicWrite.path(path, conf, tmp -> SmallTableParquet.write(this, tmp, conf));
        } else {
            AtomicWrite.stream(path, conf, this::writeCsv);
        }
    }

    private static boolean isParquet(String fileName) {
        return fileName.endsWith(".parquet");
    }

    /**
     * Writes the table as UTF-8 CSV: a header line of column names, then one line per row. Numbers are
     * written as {@link String#valueOf} writes them (doubles as {@link Double#toString} does, which
     * reads back exactly), nulls as empty fields, and strings quoted when they hold a comma, a quote
     * or a line break. The stream is flushed, not closed.
     */
    public void writeCsv(OutputStream out) throws IOException {
        String newline = System.lineSeparator();
        StringBuilder sb = new StringBuilder(CSV_CHUNK + 1024);
        sb.append(String.join(",", columns.stream().map(Column::name).toList())).append(newline);
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                appendCsvField(sb, r[i]);
            }
            sb.append(newline);
            if (sb.length() >= CSV_CHUNK) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Appends a value without an intermediate String for numbers: the text of String.valueOf. */
    private static void appendCsvField(StringBuilder sb, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Double d) {
            sb.append(d.doubleValue());
        } else if (v instanceof Integer n) {
            sb.append(n.intValue());
        } else if (v instanceof Long n) {
            sb.append(n.longValue());
        } else {
            String s = String.valueOf(v);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
    }
}
