package org.megalut.spark.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.LongTableCsv;
import org.megalut.spark.io.SmallTable.Column;

/**
 * Long-form (case, realization, values…) tables on any Hadoop FileSystem, as CSV (empty field = masked)
 * or Parquet (null = masked; a single file or a directory of part files, as Spark writes them).
 */
public final class LongTables {

    private LongTables() { }

    /**
     * Reads a Parquet catalogue (file or directory) as a long-form table keyed by other columns, e.g. the
     * observed galaxies with case = {@code id} and one realization (realizationColumn null → 0).
     */
    public static LongTable readParquet(Path path, Configuration conf, String caseColumn, String realizationColumn)
            throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
            throw new FileNotFoundException("table not found: " + path);
        }
        return readParquet(path, fs, conf, caseColumn, realizationColumn);
    }

    /** Reads a table: Parquet when the path ends in {@code .parquet} or is a directory, else CSV. */
    public static LongTable read(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
            throw new FileNotFoundException("table not found: " + path);
        }
        if (fs.getFileStatus(path).isDirectory() || path.getName().endsWith(".parquet")) {
            return readParquet(path, fs, conf, LongTableCsv.CASE, LongTableCsv.REALIZATION);
        }
        try (InputStream in = fs.open(path)) {
            return LongTableCsv.read(in, path.toString(), LongTableCsv.CASE, LongTableCsv.REALIZATION);
        }
    }

    /** Writes a table, whole or not at all ({@link AtomicWrite}): Parquet when the name ends in {@code .parquet}, else CSV. */
    public static void write(LongTable table, Path path, Configuration conf) throws IOException {
        if (path.getName().endsWith(".parquet")) {
            List<Column> cols = new ArrayList<>();
            cols.add(new Column(LongTableCsv.CASE, SmallTable.Type.LONG));
            cols.add(new Column(LongTableCsv.REALIZATION, SmallTable.Type.LONG));
            table.columns().forEach(c -> cols.add(new Column(c, SmallTable.Type.DOUBLE)));
            SmallTable t = new SmallTable(cols);
            for (int r = 0; r < table.rowCount(); r++) {
                Object[] v = new Object[cols.size()];
                v[0] = table.caseId(r);
                v[1] = table.realizationId(r);
                for (int c = 0; c < table.columns().size(); c++) {
                    double x = table.value(r, table.columns().get(c));
                    v[c + 2] = Double.isFinite(x) ? x : null;
                }
                t.add(v);
            }
            t.write(path, conf);
            return;
        }
        AtomicWrite.stream(path, conf, out -> LongTableCsv.write(table, out));
    }

    private static LongTable readParquet(Path path, FileSystem fs, Configuration conf, String caseColumn,
                                         String realizationColumn) throws IOException {
        List<Path> files = new ArrayList<>();
        if (fs.getFileStatus(path).isDirectory()) {
            for (FileStatus st : fs.listStatus(path)) {
                String n = st.getPath().getName();
                if (st.isFile() && n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_")) {
                    files.add(st.getPath());
                }
            }
            files.sort(null);
            if (files.isEmpty()) {
                throw new IOException(path + ": directory holds no .parquet file");
            }
        } else {
            files.add(path);
        }
        LongTable.Builder builder = null;
        List<String> columns = null;
        for (Path f : files) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f).withConf(conf).build()) {
                Group g;
                while ((g = reader.read()) != null) {
                    GroupType type = g.getType();
                    if (columns == null) {
                        columns = valueColumns(type, f, caseColumn, realizationColumn);
                        builder = LongTable.builder(columns);
                    }
                    double[] v = new double[columns.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = number(g, columns.get(i));
                    }
                    long rea = realizationColumn == null ? 0 : (long) number(g, realizationColumn);
                    builder.add((long) number(g, caseColumn), rea, v);
                }
            }
        }
        if (builder == null) {
            throw new IOException(path + ": the table has no rows");
        }
        return builder.build();
    }

    /** Numeric columns other than the key columns; fails naming the file when a key column is missing. */
    private static List<String> valueColumns(GroupType type, Path file, String caseColumn, String realizationColumn) {
        List<String> out = new ArrayList<>();
        boolean hasCase = false;
        boolean hasRea = realizationColumn == null;
        for (Type t : type.getFields()) {
            String n = t.getName();
            if (n.equals(caseColumn)) {
                hasCase = true;
            } else if (n.equals(realizationColumn)) {
                hasRea = true;
            } else if (t.isPrimitive() && isNumeric(t.asPrimitiveType())) {
                out.add(n);
            }
        }
        if (!hasCase || !hasRea) {
            throw new IllegalArgumentException(file + ": a long-form table needs columns '" + caseColumn
                    + "'" + (realizationColumn == null ? "" : " and '" + realizationColumn + "'") + ", found "
                    + type.getFields().stream().map(Type::getName).toList());
        }
        return out;
    }

    private static boolean isNumeric(PrimitiveType p) {
        return switch (p.getPrimitiveTypeName()) {
            case INT32, INT64, FLOAT, DOUBLE, BOOLEAN -> true;
            default -> false;
        };
    }

    private static double number(Group g, String name) {
        if (g.getFieldRepetitionCount(name) == 0) {
            return Double.NaN;
        }
        int idx = g.getType().getFieldIndex(name);
        PrimitiveType p = g.getType().getType(idx).asPrimitiveType();
        return switch (p.getPrimitiveTypeName()) {
            case INT32 -> g.getInteger(name, 0);
            case INT64 -> g.getLong(name, 0);
            case FLOAT -> g.getFloat(name, 0);
            case DOUBLE -> g.getDouble(name, 0);
            case BOOLEAN -> g.getBoolean(name, 0) ? 1.0 : 0.0;
            default -> Double.NaN;
        };
    }
}
