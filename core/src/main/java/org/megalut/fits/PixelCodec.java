package org.megalut.fits;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversion between big-endian FITS pixel bytes and doubles. */
final class PixelCodec {
    private PixelCodec() {
    }

    /**
     * Decodes {@code n} pixels from {@code bytes[from ..]} into {@code out[off ..]}, applying
     * physical = bzero + bscale × stored.
     */
    static void decode(byte[] bytes, int from, Bitpix bitpix, double[] out, int off, int n, double bscale,
            double bzero) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        switch (bitpix) {
            // FITS 8-bit data are unsigned.
            case INT8 -> { for (int i = 0; i < n; i++) out[off + i] = bytes[from + i] & 0xff; }
            case INT16 -> { for (int i = 0; i < n; i++) out[off + i] = b.getShort(from + 2 * i); }
            case INT32 -> { for (int i = 0; i < n; i++) out[off + i] = b.getInt(from + 4 * i); }
            case INT64 -> { for (int i = 0; i < n; i++) out[off + i] = b.getLong(from + 8 * i); }
            case FLOAT32 -> { for (int i = 0; i < n; i++) out[off + i] = b.getFloat(from + 4 * i); }
            case FLOAT64 -> { for (int i = 0; i < n; i++) out[off + i] = b.getDouble(from + 8 * i); }
            default -> throw new AssertionError(bitpix);
        }
        if (bscale != 1.0 || bzero != 0.0) {
            for (int i = 0; i < n; i++) {
                out[off + i] = bzero + bscale * out[off + i];
            }
        }
    }

    /** Appends {@code n} pixels from {@code px[off ..]} to the big-endian buffer as FLOAT32 or FLOAT64. */
    static void encodeRow(double[] px, int off, int n, Bitpix bitpix, ByteBuffer out) {
        if (bitpix == Bitpix.FLOAT32) {
            for (int i = 0; i < n; i++) {
                out.putFloat((float) px[off + i]);
            }
        } else if (bitpix == Bitpix.FLOAT64) {
            for (int i = 0; i < n; i++) {
                out.putDouble(px[off + i]);
            }
        } else {
            throw new IllegalArgumentException("cannot encode BITPIX " + bitpix.code());
        }
    }
}
