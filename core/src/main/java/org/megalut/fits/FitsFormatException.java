package org.megalut.fits;

/**
 * A FITS file that does not have the structure a reader expects (bad or missing header cards,
 * unsupported BITPIX or dimensions, truncated data, rejected pixel values).
 *
 * <p>The message always starts with the file name, then says what was expected and what was found,
 * so that a failed subfield can be diagnosed from the log line alone.
 */
public class FitsFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;

    /** @param fileName the name of the offending file, as given by its source */
    public FitsFormatException(String fileName, String problem) {
        super(fileName + ": " + problem);
        this.fileName = fileName;
    }

    public FitsFormatException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + problem, cause);
        this.fileName = fileName;
    }

    /** The name of the offending file. */
    public String fileName() {
        return fileName;
    }
}
