package org.megalut.spark.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
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
        return readParquet(path, fs, conf, caseColumn, realizationColumn, null);
    }

    /** Reads a table: Parquet when the path ends in {@code .parquet} or is a directory, else CSV. */
    public static LongTable read(Path path, Configuration conf) throws IOException {
        return read(path, conf, null);
    }

    /**
     * Reads the named value columns of a table, in the given order (Parquet: only those columns are decoded,
     * so a wide simulated catalogue of millions of stamps costs the memory of the columns a step uses).
     *
     * @param columns the value columns to keep; null keeps every numeric column
     * @throws IllegalArgumentException naming the file and its columns when a named column is absent
     */
    public static LongTable read(Path path, Configuration conf, Collection<String> columns) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
            throw new FileNotFoundException("table not found: " + path);
        }
        List<String> wanted = columns == null ? null : List.copyOf(columns);
        if (fs.getFileStatus(path).isDirectory() || path.getName().endsWith(".parquet")) {
            return readParquet(path, fs, conf, LongTableCsv.CASE, LongTableCsv.REALIZATION, wanted);
        }
        LongTable all;
        try (InputStream in = fs.open(path)) {
            all = LongTableCsv.read(in, path.toString(), LongTableCsv.CASE, LongTableCsv.REALIZATION);
        }
        return wanted == null ? all : select(all, wanted, path);
    }

    private static LongTable select(LongTable t, List<String> wanted, Path source) {
        for (String c : wanted) {
            if (!t.columns().contains(c)) {
                throw missingColumn(source, c, t.columns());
            }
        }
        return t.select(wanted);
    }

    private static IllegalArgumentException missingColumn(Path source, String column, List<String> found) {
        return new IllegalArgumentException(source + ": no numeric column '" + column + "'; columns: " + found);
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
                                         String realizationColumn, List<String> wanted) throws IOException {
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
        // The footers give the schema and the row count: the columns are checked before any row is read, and
        // the builder is sized once.
        long rows = 0;
        MessageType schema = null;
        for (Path f : files) {
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(f, conf))) {
                rows += r.getRecordCount();
                if (schema == null) {
                    schema = r.getFooter().getFileMetaData().getSchema();
                }
            }
        }
        if (rows == 0) {
            throw new IOException(path + ": the table has no rows");
        }
        if (rows > Integer.MAX_VALUE) {
            throw new IOException(path + ": " + rows + " rows, more than a long-form table holds");
        }
        List<String> columns = valueColumns(schema, files.get(0), caseColumn, realizationColumn);
        Configuration readConf = conf;
        if (wanted != null) {
            for (String c : wanted) {
                if (!columns.contains(c)) {
                    throw missingColumn(files.get(0), c, columns);
                }
            }
            columns = wanted;
            readConf = new Configuration(conf);
            readConf.set(ReadSupport.PARQUET_READ_SCHEMA, projection(schema, caseColumn, realizationColumn, wanted)
                    .toString());
        }
        LongTable.Builder builder = LongTable.builder(columns, (int) rows);
        double[] v = new double[columns.size()];
        for (Path f : files) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f).withConf(readConf)
                    .build()) {
                // Every record of a file has the file's (projected) type: its fields are looked up once.
                Field[] values = null;
                Field caseField = null;
                Field reaField = null;
                Group g;
                while ((g = reader.read()) != null) {
                    if (values == null) {
                        GroupType type = g.getType();
                        values = new Field[v.length];
                        for (int i = 0; i < v.length; i++) {
                            values[i] = Field.of(type, columns.get(i));
                        }
                        caseField = Field.of(type, caseColumn);
                        reaField = realizationColumn == null ? null : Field.of(type, realizationColumn);
                    }
                    for (int i = 0; i < v.length; i++) {
                        v[i] = values[i].read(g);
                    }
                    long rea = reaField == null ? 0 : (long) reaField.read(g);
                    builder.add((long) caseField.read(g), rea, v);
                }
            }
        }
        return builder.build();
    }

    /** A numeric field of a Parquet record type, by position; a missing (null) value reads as NaN. */
    private record Field(int index, PrimitiveType.PrimitiveTypeName type) {
        static Field of(GroupType record, String name) {
            int idx = record.getFieldIndex(name);
            return new Field(idx, record.getType(idx).asPrimitiveType().getPrimitiveTypeName());
        }

        double read(Group g) {
            if (g.getFieldRepetitionCount(index) == 0) {
                return Double.NaN;
            }
            return switch (type) {
                case INT32 -> g.getInteger(index, 0);
                case INT64 -> g.getLong(index, 0);
                case FLOAT -> g.getFloat(index, 0);
                case DOUBLE -> g.getDouble(index, 0);
                case BOOLEAN -> g.getBoolean(index, 0) ? 1.0 : 0.0;
                default -> Double.NaN;
            };
        }
    }

    /** The file schema cut to the key columns and the wanted value columns (Parquet's read projection). */
    private static MessageType projection(MessageType schema, String caseColumn, String realizationColumn,
                                          List<String> wanted) {
        List<Type> fields = new ArrayList<>();
        for (Type t : schema.getFields()) {
            String n = t.getName();
            if (n.equals(caseColumn) || n.equals(realizationColumn) || wanted.contains(n)) {
                fields.add(t);
            }
        }
        return new MessageType(schema.getName(), fields);
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
}
