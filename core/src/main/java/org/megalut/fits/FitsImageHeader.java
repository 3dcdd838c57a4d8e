package org.megalut.fits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The validated primary header of a FITS image (2-D) or cube (3-D), and where its data start.
 *
 * @param name       the file name, for error messages
 * @param bitpix     pixel type
 * @param naxis1     width in pixels (FITS axis 1 = x = column)
 * @param naxis2     height in pixels (FITS axis 2 = y = row)
 * @param naxis3     number of planes; 1 for a 2-D image
 * @param dataOffset byte offset of the first pixel: the header length, a multiple of 2880
 * @param cards      header values by keyword, in file order (strings unquoted, commentary cards
 *                   omitted); read them with the typed accessors
 */
public record FitsImageHeader(String name, Bitpix bitpix, int naxis1, int naxis2, int naxis3,
        long dataOffset, Map<String, String> cards) {

    /** FITS logical record length: headers and data are padded to multiples of it. */
    public static final int BLOCK = 2880;
    private static final int CARD = 80;
    /** A header longer than this is not a plausible image header; stop looking for END. */
    private static final int MAX_HEADER_BLOCKS = 1000;

    public FitsImageHeader {
        cards = Collections.unmodifiableMap(new LinkedHashMap<>(cards));
    }

    /**
     * Reads and validates the primary header: SIMPLE = T, BITPIX in {8, 16, 32, 64, -32, -64},
     * NAXIS 2 or 3 with positive axis lengths, and a file long enough to hold all the data.
     *
     * @throws FitsFormatException naming the file if any check fails
     */
    public static FitsImageHeader read(SeekableSource source) throws IOException {
        String name = source.name();
        long length = source.length();
        byte[] headerBytes = readHeaderBlocks(source, length);
        Map<String, String> cards = parseCards(name, headerBytes);

        boolean simpleFirst = "SIMPLE".equals(cards.keySet().iterator().next());
        String simple = cards.get("SIMPLE");
        if (!simpleFirst || !("T".equals(simple) || "true".equalsIgnoreCase(simple))) {
            throw new FitsFormatException(name, "not a FITS primary header: expected first card SIMPLE = T, found "
                    + new String(headerBytes, 0, Math.min(30, headerBytes.length), StandardCharsets.US_ASCII).trim());
        }
        Bitpix bitpix = Bitpix.fromCode(intCard(name, cards, "BITPIX"), name);
        int naxis = intCard(name, cards, "NAXIS");
        if (naxis != 2 && naxis != 3) {
            throw new FitsFormatException(name, "NAXIS = " + naxis + ", expected 2 (image) or 3 (cube)");
        }
        int n1 = axis(name, cards, 1);
        int n2 = axis(name, cards, 2);
        int n3 = naxis == 3 ? axis(name, cards, 3) : 1;

        FitsImageHeader header = new FitsImageHeader(name, bitpix, n1, n2, n3, headerBytes.length, cards);
        long needed = header.dataOffset() + header.dataBytes();
        if (length < needed) {
            throw new FitsFormatException(name, "truncated: a " + n1 + "x" + n2 + (naxis == 3 ? "x" + n3 : "")
                    + " BITPIX " + bitpix.code() + " image needs " + needed + " bytes (header " + header.dataOffset()
                    + " + data " + header.dataBytes() + "), found " + length);
        }
        return header;
    }

    /** Reads and validates the primary header of a local file. */
    public static FitsImageHeader read(Path path) throws IOException {
        try (FileSource source = FileSource.open(path)) {
            return read(source);
        }
    }

    /** Bytes of pixel data (without the padding to a whole block). */
    public long dataBytes() {
        return (long) naxis1 * naxis2 * naxis3 * bitpix.bytes();
    }

    /** Bytes of one row of one plane. */
    public long rowBytes() {
        return (long) naxis1 * bitpix.bytes();
    }

    /** Bytes of one plane. */
    public long planeBytes() {
        return rowBytes() * naxis2;
    }

    /** True when the header describes a single plane (NAXIS = 2, or NAXIS3 = 1). */
    public boolean is2d() {
        return naxis3 == 1;
    }

    /** Pixel value scaling: physical = BZERO + BSCALE × stored (defaults 1 and 0). */
    public double bscale() {
        return doubleValue("BSCALE", 1.0);
    }

    /** See {@link #bscale()}. */
    public double bzero() {
        return doubleValue("BZERO", 0.0);
    }

    /** True if the header has a card with this keyword and a value. */
    public boolean has(String keyword) {
        return cards.containsKey(keyword);
    }

    /**
     * A numeric card value.
     *
     * @throws FitsFormatException if the card is missing or not a number
     */
    public double doubleValue(String keyword) {
        return optionalDouble(keyword).orElseThrow(
                () -> new FitsFormatException(name, "missing header card " + keyword));
    }

    /** A numeric card value, or {@code fallback} when the card is absent. */
    public double doubleValue(String keyword, double fallback) {
        return optionalDouble(keyword).orElse(fallback);
    }

    /**
     * An integer card value.
     *
     * @throws FitsFormatException if the card is missing or not an integer
     */
    public int intValue(String keyword) {
        return intCard(name, cards, keyword);
    }

    /**
     * A string card value, unquoted.
     *
     * @throws FitsFormatException if the card is missing
     */
    public String stringValue(String keyword) {
        String v = cards.get(keyword);
        if (v == null) {
            throw new FitsFormatException(name, "missing header card " + keyword);
        }
        return v;
    }

    private OptionalDouble optionalDouble(String keyword) {
        String v = cards.get(keyword);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            // FITS allows a Fortran-style 'D' exponent.
            return OptionalDouble.of(Double.parseDouble(v.trim().replace('D', 'E').replace('d', 'e')));
        } catch (NumberFormatException e) {
            throw new FitsFormatException(name, "header card " + keyword + " = '" + v + "', expected a number");
        }
    }

    private static int axis(String name, Map<String, String> cards, int i) {
        int n = intCard(name, cards, "NAXIS" + i);
        if (n <= 0) {
            throw new FitsFormatException(name, "NAXIS" + i + " = " + n + ", expected a positive length");
        }
        return n;
    }

    private static int intCard(String name, Map<String, String> cards, String keyword) {
        String v = cards.get(keyword);
        if (v == null) {
            throw new FitsFormatException(name, "missing header card " + keyword);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new FitsFormatException(name, "header card " + keyword + " = '" + v + "', expected an integer");
        }
    }

    /** Reads whole 2880-byte blocks up to and including the one holding the END card. */
    private static byte[] readHeaderBlocks(SeekableSource source, long length) throws IOException {
        String name = source.name();
        if (length < BLOCK) {
            throw new FitsFormatException(name, "truncated or not FITS: expected at least " + BLOCK
                    + " bytes (one header block), found " + length);
        }
        byte[] all = new byte[0];
        // Headers are a few blocks at most, so regrowing the array per block costs nothing.
        for (int block = 0; block < MAX_HEADER_BLOCKS; block++) {
            long start = (long) block * BLOCK;
            if (start + BLOCK > length) {
                throw new FitsFormatException(name, "truncated header: no END card in the first " + start
                        + " bytes, and only " + (length - start) + " bytes follow (expected a whole " + BLOCK
                        + "-byte block)");
            }
            byte[] grown = Arrays.copyOf(all, all.length + BLOCK);
            source.readFully(start, grown, all.length, BLOCK);
            all = grown;
            if (block == 0) {
                requireSimpleKeyword(name, all);
            }
            for (int c = 0; c < BLOCK; c += CARD) {
                if (isEndCard(all, all.length - BLOCK + c)) {
                    return all;
                }
            }
        }
        throw new FitsFormatException(name, "no END card in the first " + MAX_HEADER_BLOCKS + " header blocks");
    }

    /** A FITS file starts with the bytes "SIMPLE  =" (FITS standard §4.4.1.1). */
    private static void requireSimpleKeyword(String name, byte[] first) {
        String start = new String(first, 0, 9, StandardCharsets.US_ASCII);
        if (!start.equals("SIMPLE  =")) {
            throw new FitsFormatException(name, "not a FITS file: expected 'SIMPLE  =' at byte 0, found '"
                    + start.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
    }

    private static boolean isEndCard(byte[] bytes, int at) {
        if (bytes[at] != 'E' || bytes[at + 1] != 'N' || bytes[at + 2] != 'D') {
            return false;
        }
        for (int i = 3; i < 8; i++) {
            if (bytes[at + i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> parseCards(String name, byte[] headerBytes) throws IOException {
        Map<String, String> cards = FitsHeaderCards.read(name, headerBytes);
        if (cards.isEmpty()) {
            throw new FitsFormatException(name, "not a FITS primary header: no valued cards before END");
        }
        return cards;
    }
}
