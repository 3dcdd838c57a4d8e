package org.megalut.fits;

/** The FITS BITPIX codes: the pixel data type, stored big-endian. */
public enum Bitpix {
    INT8(8),
    INT16(16),
    INT32(32),
    INT64(64),
    FLOAT32(-32),
    FLOAT64(-64);

    private final int code;

    Bitpix(int code) {
        this.code = code;
    }

    /** The value of the BITPIX card. */
    public int code() {
        return code;
    }

    /** Bytes per pixel. */
    public int bytes() {
        return Math.abs(code) / 8;
    }

    /** True for the IEEE floating-point types. */
    public boolean isFloat() {
        return code < 0;
    }

    /**
     * The type for a BITPIX card value.
     *
     * @param fileName used in the error message
     * @throws FitsFormatException if the code is not one of 8, 16, 32, 64, -32, -64
     */
    public static Bitpix fromCode(int code, String fileName) {
        for (Bitpix b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        throw new FitsFormatException(fileName, "BITPIX = " + code + ", expected one of 8, 16, 32, 64, -32, -64");
    }
}
