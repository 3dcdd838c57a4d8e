package org.megalut.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Compares two output trees (work directories, branches, result directories) on any Hadoop FileSystem:
 * what a user checks after a rerun, a cluster run or a run on another machine.
 *
 * <ul>
 *   <li>Parquet is compared by content, not bytes: the part files of one directory
 *       ({@code part-*.parquet}, whose names carry a random job id) form one table, and any other
 *       {@code *.parquet} file is a table of its own. Same schema, same number of rows, and rows equal
 *       as multisets (both sides sorted by their exact columns first, then the floating-point ones).</li>
 *   <li>Text files (valid UTF-8 without NUL bytes) are equal byte for byte, or else equal in their
 *       non-numeric text with every number within the tolerance.</li>
 *   <li>Other files (PNG, FITS) must be byte-identical.</li>
 *   <li>Names starting with {@code _} or {@code .} are bookkeeping (completion records, locks, Hadoop's
 *       {@code _SUCCESS}, checksums, temporary files) and are not compared.</li>
 * </ul>
 *
 * <p>Tolerance: two doubles x, y agree when they have the same bits, both are NaN, or
 * |x − y| ≤ rel·max(|x|, |y|). With rel = 0 every value must be bit-identical.
 */
public final class OutputComparison {
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?Infinity|NaN");

    private final SparkSession spark;
    private final double relative;
    private final List<PathMatcher> ignored;

    /**
     * What was found for one compared item (a file or a Parquet table).
     *
     * @param relative the largest relative difference among its numbers that were not bit-identical (0 if none)
     */
    public record Item(String path, Status status, String detail, double relative) {
        Item(String path, Status status, String detail) {
            this(path, status, detail, 0);
        }
    }

    /** The verdict on one item. */
    public enum Status { IDENTICAL, WITHIN_TOLERANCE, DIFFERENT, ONLY_IN_FIRST, ONLY_IN_SECOND }

    /** All items compared. */
    public record Result(List<Item> items) {
        /** The largest relative difference among the numbers that agree within the tolerance. */
        public double worstRelative() {
            return items.stream().filter(i -> i.status() == Status.WITHIN_TOLERANCE).mapToDouble(Item::relative)
                    .max().orElse(0);
        }

        /** Whether every item is identical or within the tolerance. */
        public boolean agrees() {
            return items.stream().allMatch(i -> i.status() == Status.IDENTICAL || i.status() == Status.WITHIN_TOLERANCE);
        }

        /** The items that are not identical, one per line (empty when all are). */
        public String notIdentical() {
            return items.stream().filter(i -> i.status() != Status.IDENTICAL)
                    .map(i -> i.status() + " " + i.path() + (i.detail().isEmpty() ? "" : ": " + i.detail()))
                    .collect(Collectors.joining("\n"));
        }

        public long count(Status s) {
            return items.stream().filter(i -> i.status() == s).count();
        }
    }

    /**
     * @param relative relative tolerance for numbers (0: bit-identical)
     * @param ignore   glob patterns of relative paths to leave out (e.g. {@code **.png})
     */
    public OutputComparison(SparkSession spark, double relative, List<String> ignore) {
        if (!(relative >= 0)) {
            throw new IllegalArgumentException("relative tolerance must be >= 0, got " + relative);
        }
        this.spark = spark;
        this.relative = relative;
        this.ignored = ignore.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** Compares the tree under {@code a} with the one under {@code b}. */
    public Result compare(Path a, Path b) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        Map<String, List<Path>> left = items(a, a.getFileSystem(conf));
        Map<String, List<Path>> right = items(b, b.getFileSystem(conf));
        List<Item> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String k : keys) {
            if (!right.containsKey(k)) {
                out.add(new Item(k, Status.ONLY_IN_FIRST, ""));
            } else if (!left.containsKey(k)) {
                out.add(new Item(k, Status.ONLY_IN_SECOND, ""));
            } else if (k.endsWith(".parquet")) {
                out.add(compareTables(k, left.get(k), right.get(k)));
            } else {
                out.add(compareFiles(k, left.get(k).get(0), right.get(k).get(0)));
            }
        }
        return new Result(out);
    }

    /** The compared items under a root: relative key → its files (the part files of a table directory). */
    private Map<String, List<Path>> items(Path root, FileSystem fs) throws IOException {
        Map<String, List<Path>> items = new TreeMap<>();
        if (!fs.exists(root)) {
            throw new IOException("no such directory: " + root);
        }
        Path qualified = fs.makeQualified(root);
        String prefix = qualified.toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            String rel = p.toUri().getPath().substring(prefix.length()).replaceFirst("^/", "");
            if (Arrays.stream(rel.split("/")).anyMatch(s -> s.startsWith("_") || s.startsWith("."))
                    || ignored.stream().anyMatch(m -> m.matches(java.nio.file.Path.of(rel)))) {
                continue;
            }
            String name = p.getName();
            String key = name.startsWith("part-") && name.endsWith(".parquet")
                    ? rel.substring(0, rel.length() - name.length()) + "part-*.parquet" : rel;
            items.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
        }
        return items;
    }

    private Item compareFiles(String key, Path a, Path b) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        byte[] x = readAll(a, a.getFileSystem(conf));
        byte[] y = readAll(b, b.getFileSystem(conf));
        if (Arrays.equals(x, y)) {
            return new Item(key, Status.IDENTICAL, "");
        }
        String tx = text(x);
        String ty = text(y);
        if (tx == null || ty == null) {
            return new Item(key, Status.DIFFERENT, "binary files differ (" + x.length + " and " + y.length + " bytes)");
        }
        Matcher mx = NUMBER.matcher(tx);
        Matcher my = NUMBER.matcher(ty);
        int px = 0;
        int py = 0;
        double fileWorst = 0;
        while (true) {
            boolean fx = mx.find();
            boolean fy = my.find();
            String gapX = tx.substring(px, fx ? mx.start() : tx.length());
            String gapY = ty.substring(py, fy ? my.start() : ty.length());
            if (!gapX.equals(gapY) || fx != fy) {
                return new Item(key, Status.DIFFERENT, "text differs near '" + abbreviate(gapX) + "' / '" + abbreviate(gapY) + "'");
            }
            if (!fx) {
                break;
            }
            double vx = Double.parseDouble(mx.group());
            double vy = Double.parseDouble(my.group());
            double d = difference(vx, vy);
            if (!(d <= relative)) {
                return new Item(key, Status.DIFFERENT, mx.group() + " vs " + my.group() + " (relative " + d + ")");
            }
            fileWorst = Math.max(fileWorst, d);
            px = mx.end();
            py = my.end();
        }
        return new Item(key, Status.WITHIN_TOLERANCE, "worst relative difference " + fileWorst, fileWorst);
    }

    private Item compareTables(String key, List<Path> a, List<Path> b) {
        Dataset<Row> da = spark.read().parquet(a.stream().map(Path::toString).toArray(String[]::new));
        Dataset<Row> db = spark.read().parquet(b.stream().map(Path::toString).toArray(String[]::new));
        if (!da.schema().equals(db.schema())) {
            return new Item(key, Status.DIFFERENT, "schemas differ: " + da.schema().simpleString() + " vs "
                    + db.schema().simpleString());
        }
        Column[] order = sortOrder(da.schema().fields());
        Iterator<Row> ia = da.orderBy(order).toLocalIterator();
        Iterator<Row> ib = db.orderBy(order).toLocalIterator();
        StructField[] fields = da.schema().fields();
        double tableWorst = 0;
        long row = 0;
        // The sorted rows are streamed partition by partition; at the first difference the rest is not read.
        while (ia.hasNext() && ib.hasNext()) {
            Row ra = ia.next();
            Row rb = ib.next();
            for (int c = 0; c < fields.length; c++) {
                double d = valueDifference(ra.get(c), rb.get(c));
                if (!(d <= relative)) {
                    return new Item(key, Status.DIFFERENT, "row " + row + " (sorted) column " + fields[c].name() + ": "
                            + ra.get(c) + " vs " + rb.get(c));
                }
                tableWorst = Math.max(tableWorst, d);
            }
            row++;
        }
        if (ia.hasNext() || ib.hasNext()) {
            return new Item(key, Status.DIFFERENT, (ia.hasNext() ? "the first" : "the second") + " has more than " + row
                    + " rows");
        }
        return tableWorst == 0 ? new Item(key, Status.IDENTICAL, row + " rows")
                : new Item(key, Status.WITHIN_TOLERANCE, row + " rows, worst relative difference " + tableWorst, tableWorst);
    }

    /** Exact columns first (keys, flags, names), then floating-point ones, so that noise does not reorder rows. */
    private static Column[] sortOrder(StructField[] fields) {
        List<Column> exact = new ArrayList<>();
        List<Column> floating = new ArrayList<>();
        for (StructField f : fields) {
            if (!sortable(f.dataType())) {
                continue;
            }
            boolean isFloat = f.dataType().equals(DataTypes.DoubleType) || f.dataType().equals(DataTypes.FloatType);
            (isFloat ? floating : exact).add(org.apache.spark.sql.functions.col("`" + f.name() + "`"));
        }
        exact.addAll(floating);
        return exact.toArray(new Column[0]);
    }

    private static boolean sortable(DataType t) {
        return !(t instanceof MapType);
    }

    /** 0 when equal, the relative difference of two numbers, or +∞ when the values cannot agree. */
    private static double valueDifference(Object x, Object y) {
        if (x instanceof Double dx && y instanceof Double dy) {
            return difference(dx, dy);
        }
        if (x instanceof Float fx && y instanceof Float fy) {
            return difference(fx, fy);
        }
        if (x instanceof scala.collection.Seq<?> || y instanceof scala.collection.Seq<?>) {
            return Objects.equals(x, y) ? 0 : seqDifference(x, y);
        }
        return Objects.equals(x, y) ? 0 : Double.POSITIVE_INFINITY;
    }

    private static double seqDifference(Object x, Object y) {
        if (!(x instanceof scala.collection.Seq<?> sx) || !(y instanceof scala.collection.Seq<?> sy) || sx.size() != sy.size()) {
            return Double.POSITIVE_INFINITY;
        }
        double d = 0;
        for (int i = 0; i < sx.size(); i++) {
            d = Math.max(d, valueDifference(sx.apply(i), sy.apply(i)));
        }
        return d;
    }

    /** 0 for the same bits or two NaNs; else |x − y| / max(|x|, |y|). */
    static double difference(double x, double y) {
        if (Double.doubleToLongBits(x) == Double.doubleToLongBits(y)) {
            return 0;
        }
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
    }

    private static byte[] readAll(Path p, FileSystem fs) throws IOException {
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        }
    }

    /** The bytes as text, or null when they are not UTF-8 text. */
    private static String text(byte[] bytes) {
        for (byte v : bytes) {
            if (v == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String t = s.replace("\n", "\\n");
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}
