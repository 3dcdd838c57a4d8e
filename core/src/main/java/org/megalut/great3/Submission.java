package org.megalut.great3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A GREAT3 constant-shear submission file: ASCII, one line {@code subfield g1 g2} per subfield in
 * ascending order, as written by GREAT3's presubmission script ({@code "%s %s %s\n"} of the subfield
 * and Python 2 {@code str()} of the means, i.e. 12 significant digits; no header). Immutable.
 */
public final class Submission {
    private final List<SubmissionRow> rows;

    /**
     * @throws IllegalArgumentException if the subfields are not strictly ascending or a shear is
     *                                  not finite (the GREAT3 metric cannot score NaN)
     */
    public Submission(List<SubmissionRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            SubmissionRow r = rows.get(i);
            if (i > 0 && r.subfield() <= rows.get(i - 1).subfield()) {
                throw new IllegalArgumentException("submission subfields must be strictly ascending, found "
                        + rows.get(i - 1).subfield() + " then " + r.subfield());
            }
            if (!Double.isFinite(r.g1()) || !Double.isFinite(r.g2())) {
                throw new IllegalArgumentException("subfield " + r.subfield() + " has a non-finite shear ("
                        + r.g1() + ", " + r.g2() + ")");
            }
        }
        this.rows = List.copyOf(rows);
    }

    /** The rows, by ascending subfield. */
    public List<SubmissionRow> rows() {
        return rows;
    }

    /** The regular subfields 0..199 a full CGC/RGC submission must list. */
    public static int[] regularSubfields() {
        return IntStream.range(0, BranchLayout.REGULAR_SUBFIELDS).toArray();
    }

    /** Reads a submission that must list the subfields 0..199 in order. */
    public static Submission read(InputStream in, String name) throws IOException {
        return read(in, name, regularSubfields());
    }

    /**
     * Reads a submission that must list exactly {@code expectedSubfields}, in that order. Blank lines
     * and {@code #} comment lines are skipped (GREAT3's checker allows a header).
     *
     * @throws Great3FormatException naming the file and line for a malformed line, a wrong or
     *                               missing subfield, or a non-finite shear
     */
    public static Submission read(InputStream in, String name, int[] expectedSubfields) throws IOException {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\r?\n", -1);
        List<SubmissionRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String[] tokens = TextNumbers.WHITESPACE.split(text);
            if (tokens.length != 3) {
                throw new Great3FormatException(name, lineNo, "expected 3 columns 'subfield g1 g2', found "
                        + tokens.length);
            }
            double s = TextNumbers.parseDouble(tokens[0], name, lineNo, "subfield");
            double g1 = TextNumbers.parseDouble(tokens[1], name, lineNo, "g1");
            double g2 = TextNumbers.parseDouble(tokens[2], name, lineNo, "g2");
            if (!TextNumbers.isExactInteger(s)) {
                throw new Great3FormatException(name, lineNo, "subfield = " + tokens[0] + ", expected an integer");
            }
            if (!Double.isFinite(g1) || !Double.isFinite(g2)) {
                throw new Great3FormatException(name, lineNo, "shear (" + tokens[1] + ", " + tokens[2]
                        + ") is not finite");
            }
            int k = rows.size();
            if (k >= expectedSubfields.length) {
                throw new Great3FormatException(name, lineNo, "expected " + expectedSubfields.length
                        + " rows, found more");
            }
            if ((long) s != expectedSubfields[k]) {
                throw new Great3FormatException(name, lineNo, "expected subfield " + expectedSubfields[k]
                        + " (row " + (k + 1) + "), found " + tokens[0]);
            }
            rows.add(new SubmissionRow((int) s, g1, g2));
        }
        if (rows.size() != expectedSubfields.length) {
            throw new Great3FormatException(name, "expected " + expectedSubfields.length + " rows, found "
                    + rows.size() + "; first missing subfield is " + expectedSubfields[rows.size()]);
        }
        return new Submission(rows);
    }

    /** Reads a local submission that must list the subfields 0..199. */
    public static Submission read(Path path) throws IOException {
        return read(path, regularSubfields());
    }

    /** Reads a local submission that must list exactly {@code expectedSubfields}, in that order. */
    public static Submission read(Path path, int[] expectedSubfields) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, path.toString(), expectedSubfields);
        }
    }

    /** The file content: {@code subfield g1 g2} lines as GREAT3's presubmission script wrote them. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (SubmissionRow r : rows) {
            sb.append(r.subfield()).append(' ').append(PythonFloats.str(r.g1())).append(' ')
                    .append(PythonFloats.str(r.g2())).append('\n');
        }
        return sb.toString();
    }

    /** Writes the file (ASCII). The stream is flushed, not closed. */
    public void write(OutputStream out) throws IOException {
        out.write(format().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes a local file (created or replaced). */
    public void write(Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Submission s && rows.equals(s.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "Submission[" + rows.size() + " subfields]";
    }
}
