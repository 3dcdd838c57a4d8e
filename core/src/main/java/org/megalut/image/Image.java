package org.megalut.image;

import java.util.Arrays;

/**
 * A rectangular image of double pixels, row-major with x (column, FITS axis 1) varying fastest.
 *
 * <p>Pixel (x, y) is addressed in the image's own integer coordinates, from ({@link #xmin()},
 * {@link #ymin()}) to ({@code xmin + width - 1}, {@code ymin + height - 1}); the centre of that pixel
 * is at the point (x, y). A stamp cut from a GREAT3 image keeps the 0-based coordinates of the full
 * image, so positions measured on it need no conversion.
 *
 * <p>Images are mutable buffers (as in GalSim): drawing and noise write into them. Copy with
 * {@link #copy()} before handing one to code that must not see later changes.
 */
public final class Image {
    private final int xmin;
    private final int ymin;
    private final int width;
    private final int height;
    private final double[] pixels;

    /** A zero image of the given size with its lower-left pixel at (xmin, ymin). */
    public Image(int xmin, int ymin, int width, int height) {
        this(xmin, ymin, width, height, new double[checkedSize(width, height)]);
    }

    /**
     * Wraps a row-major pixel array (not copied).
     *
     * @throws IllegalArgumentException if the array length is not width × height
     */
    public Image(int xmin, int ymin, int width, int height, double[] pixels) {
        if (pixels.length != checkedSize(width, height)) {
            throw new IllegalArgumentException(
                    "pixel array has " + pixels.length + " values, expected " + width + "x" + height);
        }
        this.xmin = xmin;
        this.ymin = ymin;
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A zero image of the given size with its lower-left pixel at (0, 0). */
    public static Image zeros(int width, int height) {
        return new Image(0, 0, width, height);
    }

    private static int checkedSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        long n = (long) width * height;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + width + "x" + height);
        }
        return (int) n;
    }

    public int xmin() { return xmin; }
    public int ymin() { return ymin; }
    public int xmax() { return xmin + width - 1; }
    public int ymax() { return ymin + height - 1; }
    public int width() { return width; }
    public int height() { return height; }

    /** The backing row-major array; index of pixel (x, y) is {@code (y - ymin) * width + (x - xmin)}. */
    public double[] pixels() { return pixels; }

    /** True centre of the image: the middle of its pixel range (a pixel corner for even sizes). */
    public double trueCenterX() { return xmin + 0.5 * (width - 1); }

    /** True centre of the image along y. */
    public double trueCenterY() { return ymin + 0.5 * (height - 1); }

    public boolean contains(int x, int y) {
        return x >= xmin && x <= xmax() && y >= ymin && y <= ymax();
    }

    public double get(int x, int y) {
        return pixels[index(x, y)];
    }

    public void set(int x, int y, double value) {
        pixels[index(x, y)] = value;
    }

    private int index(int x, int y) {
        if (!contains(x, y)) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside image ["
                    + xmin + ".." + xmax() + "] x [" + ymin + ".." + ymax() + "]");
        }
        return (y - ymin) * width + (x - xmin);
    }

    /** Sum of all pixel values. */
    public double sum() {
        double s = 0;
        for (double v : pixels) {
            s += v;
        }
        return s;
    }

    /** Sum of the squared pixel values (Σ I², the numerator of the matched-filter S/N sqrt(Σ I²)/σ). */
    public double sumOfSquares() {
        double s = 0;
        for (double v : pixels) {
            s += v * v;
        }
        return s;
    }

    /** A deep copy. */
    public Image copy() {
        return new Image(xmin, ymin, width, height, pixels.clone());
    }

    /** The same pixels with the lower-left pixel renumbered to (newXmin, newYmin). */
    public Image withOrigin(int newXmin, int newYmin) {
        return new Image(newXmin, newYmin, width, height, pixels);
    }

    /**
     * Copies the sub-rectangle with lower-left pixel (x0, y0), keeping this image's coordinates.
     *
     * @throws IllegalArgumentException if the rectangle is not entirely inside this image
     */
    public Image cut(int x0, int y0, int w, int h) {
        if (!contains(x0, y0) || !contains(x0 + w - 1, y0 + h - 1)) {
            throw new IllegalArgumentException("cut [" + x0 + ".." + (x0 + w - 1) + "] x [" + y0 + ".."
                    + (y0 + h - 1) + "] is not inside image [" + xmin + ".." + xmax() + "] x ["
                    + ymin + ".." + ymax() + "]");
        }
        double[] out = new double[w * h];
        for (int j = 0; j < h; j++) {
            System.arraycopy(pixels, (y0 + j - ymin) * width + (x0 - xmin), out, j * w, w);
        }
        return new Image(x0, y0, w, h, out);
    }

    /**
     * Copies a smaller image into this one at the smaller image's own coordinates (the inverse of
     * {@link #cut}): how stamps drawn one by one are assembled into a field.
     *
     * @throws IllegalArgumentException if the stamp is not entirely inside this image
     */
    public void paste(Image stamp) {
        if (!contains(stamp.xmin(), stamp.ymin()) || !contains(stamp.xmax(), stamp.ymax())) {
            throw new IllegalArgumentException("cannot paste " + stamp + " into " + this);
        }
        for (int j = 0; j < stamp.height(); j++) {
            System.arraycopy(stamp.pixels(), j * stamp.width(), pixels,
                    (stamp.ymin() + j - ymin) * width + (stamp.xmin() - xmin), stamp.width());
        }
    }

    /** Index of the first non-finite pixel, or -1 when all pixels are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < pixels.length; i++) {
            if (!Double.isFinite(pixels[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && xmin == other.xmin && ymin == other.ymin
                && width == other.width && height == other.height && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * xmin + ymin) + width) + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[" + xmin + ".." + xmax() + "] x [" + ymin + ".." + ymax() + "]";
    }
}
