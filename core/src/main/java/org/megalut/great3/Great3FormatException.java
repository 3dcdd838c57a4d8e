package org.megalut.great3;

/**
 * A GREAT3 text or catalogue file whose content is not what the reader expects (missing columns or
 * keys, wrong row counts, non-numeric or non-integer values, malformed lines).
 *
 * <p>The message starts with the file name (and the 1-based line number for text files), then says
 * what was expected and what was found.
 */
public class Great3FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    public Great3FormatException(String fileName, String problem) {
        super(fileName + ": " + problem);
        this.fileName = fileName;
    }

    /** @param line 1-based line number in a text file */
    public Great3FormatException(String fileName, int line, String problem) {
        super(fileName + ", line " + line + ": " + problem);
        this.fileName = fileName;
    }

    public Great3FormatException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + problem, cause);
        this.fileName = fileName;
    }

    /** The name of the offending file. */
    public String fileName() {
        return fileName;
    }
}
