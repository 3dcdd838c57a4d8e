package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {

    @TempDir
    Path tmp;

    private static Submission full() {
        List<SubmissionRow> rows = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            rows.add(new SubmissionRow(s, 0.01 * Math.sin(s), -0.02 * Math.cos(s) / 3));
        }
        return new Submission(rows);
    }

    private static Submission parse(String text, int[] subfields) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return Submission.read(new ByteArrayInputStream(bytes), "sub.txt", subfields);
    }

    @Test
    void formatIsPresubmissionStyle() {
        Submission s = new Submission(List.of(new SubmissionRow(0, 0.03013713, -0.01975429),
                new SubmissionRow(1, 0.0, -1.0 / 3), new SubmissionRow(2, 1e-5, 0.1 + 0.2)));
        assertEquals("0 0.03013713 -0.01975429\n1 0.0 -0.333333333333\n2 1e-05 0.3\n", s.format());
    }

    @Test
    void roundTripOfAFullSubmission() throws IOException {
        Submission s = full();
        Path file = tmp.resolve("great3_submission.txt");
        s.write(file);
        Submission back = Submission.read(file);
        assertEquals(200, back.rows().size());
        for (int i = 0; i < 200; i++) {
            assertEquals(s.rows().get(i).g1(), back.rows().get(i).g1(), 1e-13);
            assertEquals(s.rows().get(i).g2(), back.rows().get(i).g2(), 1e-13);
        }
        assertEquals(back, Submission.read(file), "reading is deterministic");
    }

    @Test
    void readerAcceptsHeaderAndChosenSubfields() throws IOException {
        Submission s = parse("# subfield g1 g2\n\n3 0.01 0.02\n7 -1e-3 2.0E-3\n", new int[] {3, 7});
        assertEquals(List.of(new SubmissionRow(3, 0.01, 0.02), new SubmissionRow(7, -0.001, 0.002)), s.rows());
    }

    @Test
    void badSubmissionsGiveLineNumbers() {
        Great3FormatException shortFile = assertThrows(Great3FormatException.class,
                () -> Submission.read(new ByteArrayInputStream("0 0.1 0.2\n1 0.1 0.2\n".getBytes()), "sub.txt"));
        assertEquals("sub.txt: expected 200 rows, found 2; first missing subfield is 2", shortFile.getMessage());
        Great3FormatException order = assertThrows(Great3FormatException.class,
                () -> parse("0 0.1 0.2\n2 0.1 0.2\n", new int[] {0, 1}));
        assertEquals("sub.txt, line 2: expected subfield 1 (row 2), found 2", order.getMessage());
        Great3FormatException columns = assertThrows(Great3FormatException.class,
                () -> parse("0 0.1\n", new int[] {0}));
        assertEquals("sub.txt, line 1: expected 3 columns 'subfield g1 g2', found 2", columns.getMessage());
        Great3FormatException text = assertThrows(Great3FormatException.class,
                () -> parse("0 0.1 x\n", new int[] {0}));
        assertEquals("sub.txt, line 1: g2 = 'x', expected a number", text.getMessage());
        Great3FormatException nan = assertThrows(Great3FormatException.class,
                () -> parse("0 nan 0.1\n", new int[] {0}));
        assertTrue(nan.getMessage().startsWith("sub.txt, line 1: shear (nan, 0.1) is not finite"), nan.getMessage());
        Great3FormatException extra = assertThrows(Great3FormatException.class,
                () -> parse("0 0.1 0.1\n1 0.1 0.1\n", new int[] {0}));
        assertTrue(extra.getMessage().startsWith("sub.txt, line 2: expected 1 rows"), extra.getMessage());
    }

    @Test
    void writerRejectsUnorderedOrNonFiniteRows() {
        assertThrows(IllegalArgumentException.class,
                () -> new Submission(List.of(new SubmissionRow(1, 0, 0), new SubmissionRow(0, 0, 0))));
        assertThrows(IllegalArgumentException.class,
                () -> new Submission(List.of(new SubmissionRow(0, Double.NaN, 0))));
    }
}
