package org.megalut.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.FitsInputStream;

/**
 * Reads the valued cards of a FITS header: values by keyword in file order, strings unquoted with
 * trailing spaces dropped, commentary cards omitted.
 *
 * <p>Headers made only of plain fixed-format cards (an 8-character keyword, {@code "= "}, then a
 * quoted string or a single token, and an optional {@code /} comment), as image writers produce
 * them, are read here directly. Any other header (CONTINUE long strings, HIERARCH keywords, undefined
 * values, repeated keywords, free-format oddities) is read by nom-tam-fits, which knows every convention. Its start-up
 * (keyword dictionary, java.util.logging whose initialisation searches every jar of the class path
 * for logging services) costs a short command more than its own work.
 */
final class FitsHeaderCards {
    private static final int CARD = 80;
    /** Where the value indicator "= " of a fixed-format card starts (0-based column). */
    private static final int INDICATOR = 8;

    private FitsHeaderCards() {
    }

    /**
     * The valued cards of header blocks ending with the END card.
     *
     * @throws FitsFormatException naming the file if nom-tam-fits cannot read a header it is given
     */
    static Map<String, String> read(String name, byte[] header) throws IOException {
        Optional<Map<String, String>> plain = readPlain(header);
        return plain.isPresent() ? plain.get() : readWithNomTam(name, header);
    }

    /** The cards when every card is plain fixed format or commentary; empty otherwise. */
    static Optional<Map<String, String>> readPlain(byte[] header) {
        Map<String, String> cards = new LinkedHashMap<>();
        for (int at = 0; at + CARD <= header.length; at += CARD) {
            String card = ascii(header, at);
            if (card == null) {
                return Optional.empty();
            }
            String keyword = card.substring(0, INDICATOR).stripTrailing();
            if (keyword.equals("END")) {
                return Optional.of(cards);
            }
            boolean valued = card.startsWith("= ", INDICATOR);
            if (keyword.isEmpty() || keyword.equals("COMMENT") || keyword.equals("HISTORY")) {
                if (valued) {
                    return Optional.empty();
                }
                continue;
            }
            if (!valued || !isKeyword(keyword)) {
                return Optional.empty();
            }
            String value = value(card.substring(INDICATOR + 2));
            if (value == null || cards.putIfAbsent(keyword, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The value of a value field (columns 11-80): a quoted string unquoted, or a single token; null
     * when the field is anything else.
     */
    private static String value(String field) {
        String f = field.stripLeading();
        if (f.startsWith("'")) {
            StringBuilder s = new StringBuilder();
            int i = 1;
            while (true) {
                if (i >= f.length()) {
                    return null;
                }
                char c = f.charAt(i);
                if (c == '\'') {
                    if (i + 1 < f.length() && f.charAt(i + 1) == '\'') {
                        s.append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                s.append(c);
                i++;
            }
            String rest = f.substring(i + 1).strip();
            String text = s.toString().stripTrailing();
            // A string ending in '&' may continue on CONTINUE cards: the long-string convention.
            return (rest.isEmpty() || rest.startsWith("/")) && !text.endsWith("&") ? text : null;
        }
        int slash = f.indexOf('/');
        String token = (slash < 0 ? f : f.substring(0, slash)).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 || token.indexOf('\'') >= 0 ? null : token;
    }

    private static boolean isKeyword(String keyword) {
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The card as text, or null if it holds a byte outside printable ASCII. */
    private static String ascii(byte[] bytes, int at) {
        char[] chars = new char[CARD];
        for (int i = 0; i < CARD; i++) {
            byte b = bytes[at + i];
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
            chars[i] = (char) b;
        }
        return new String(chars);
    }

    static Map<String, String> readWithNomTam(String name, byte[] headerBytes) throws IOException {
        Header header;
        try (FitsInputStream in = new FitsInputStream(new ByteArrayInputStream(headerBytes))) {
            header = Header.readHeader(in);
        } catch (FitsException e) {
            throw new FitsFormatException(name, "unreadable FITS header: " + e.getMessage(), e);
        }
        Map<String, String> cards = new LinkedHashMap<>();
        for (Iterator<HeaderCard> it = header.iterator(); it.hasNext();) {
            HeaderCard card = it.next();
            String key = card.getKey();
            if (key != null && !key.isBlank() && card.getValue() != null && !cards.containsKey(key)) {
                cards.put(key, card.getValue());
            }
        }
        return cards;
    }
}
