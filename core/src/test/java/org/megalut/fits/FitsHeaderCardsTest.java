package org.megalut.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.megalut.testing.SharedData;

/** The direct reading of plain header cards gives exactly what nom-tam-fits reads, and defers to it otherwise. */
class FitsHeaderCardsTest {

    @Test
    void plainCardsReadAsNomTamReadsThem() throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("GS_XMIN", 1);
        extra.put("BIGINT", 1234567890123L);
        extra.put("NEG", -7);
        extra.put("PIXSCALE", 0.2);
        extra.put("TENTH", 0.30000000000000004);
        extra.put("TINY", 1.0E-20);
        extra.put("HUGE", -1.7976931348623157E308);
        extra.put("FLAG", false);
        extra.put("OBJECT", "galaxy field");
        extra.put("QUOTE", "O'Hara's");
        extra.put("SLASH", "a/b / c");
        extra.put("LEADING", "  indented");
        extra.put("EMPTY", "");
        extra.put("SHORT", "x");
        byte[] header = FitsImages.primaryHeader(48, 48, 360, Bitpix.FLOAT32, extra);
        Map<String, String> plain = FitsHeaderCards.readPlain(header).orElseThrow();
        assertEquals(FitsHeaderCards.readWithNomTam("t.fits", header), plain);
        assertEquals(List.copyOf(plain.keySet()), List.copyOf(FitsHeaderCards.readWithNomTam("t.fits", header).keySet()));
        assertEquals("O'Hara's", plain.get("QUOTE"));
    }

    @Test
    void handWrittenCardsReadAsNomTamReadsThem() throws IOException {
        byte[] header = header(List.of(
                "SIMPLE  =                    T / conforms to FITS standard",
                "BITPIX  =                  -64",
                "NAXIS   =                    2 / comment without space:x",
                "NAXIS1  =                  100/tight comment",
                "NAXIS2  = 100",
                "COMMENT   a comment with = sign and 'quotes'",
                "HISTORY written by hand",
                "",
                "BSCALE  =              1.0D+00 / Fortran exponent",
                "BZERO   =                  0.0",
                "DATE-OBS= '2024-01-02T03:04:05' / with a hyphenated keyword",
                "TRAIL   = 'spaces after    '",
                "INNER   = 'two  spaces'",
                "QUOTES  = ''''''"));
        Map<String, String> plain = FitsHeaderCards.readPlain(header).orElseThrow();
        assertEquals(FitsHeaderCards.readWithNomTam("t.fits", header), plain);
        assertEquals("''", plain.get("QUOTES"));
    }

    @Test
    void otherConventionsAreLeftToNomTam() throws IOException {
        List<String> base = List.of("SIMPLE  =                    T", "BITPIX  =                  -32",
                "NAXIS   =                    2", "NAXIS1  =                    4", "NAXIS2  =                    4");
        for (List<String> odd : List.of(
                List.of("LONGSTR = 'first part &'", "CONTINUE  'second part'"),
                List.of("HIERARCH ESO DET NAME = 'ccd'"),
                List.of("UNDEF   =                      / undefined value"),
                List.of("CPLX    = (1.0, 2.0)"),
                List.of("OPEN    = 'no closing quote"),
                List.of("lower   =                    1"),
                List.of("NOVALUE   plain text without indicator"),
                List.of("REPEAT  =                    1", "REPEAT  =                    2"))) {
            List<String> cards = new ArrayList<>(base);
            cards.addAll(odd);
            byte[] header = header(cards);
            assertEquals(Optional.empty(), FitsHeaderCards.readPlain(header), odd.toString());
            assertEquals(FitsHeaderCards.readWithNomTam("t.fits", header), FitsHeaderCards.read("t.fits", header));
        }
    }

    @Test
    void referenceFilesReadAsNomTamReadsThem() throws IOException {
        Path dir = SharedData.root().resolve("oracle/galsim");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fits")).toList()) {
                byte[] header = Files.readAllBytes(f);
                byte[] first = java.util.Arrays.copyOf(header, FitsImageHeader.BLOCK);
                Map<String, String> plain = FitsHeaderCards.readPlain(first).orElseThrow();
                assertEquals(FitsHeaderCards.readWithNomTam(f.toString(), first), plain, f.toString());
                assertTrue(plain.containsKey("NAXIS3"), f.toString());
            }
        }
    }

    private static byte[] header(List<String> cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            sb.append(String.format("%-80s", c));
        }
        sb.append(String.format("%-80s", "END"));
        sb.append(" ".repeat((FitsImageHeader.BLOCK - sb.length() % FitsImageHeader.BLOCK) % FitsImageHeader.BLOCK));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
