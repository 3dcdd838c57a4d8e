package org.megalut.render;

/**
 * Mutable holder of one complex Fourier value F = re + i·im.
 *
 * <p>{@link Profile#kValue} writes into a caller-owned holder so that the drawing loop, which
 * evaluates tens of thousands of k-values per stamp, allocates nothing.
 */
public final class FourierValue {
    /** Real part. */
    public double re;
    /** Imaginary part. */
    public double im;

    /** Sets both parts. */
    public void set(double re, double im) {
        this.re = re;
        this.im = im;
    }

    /** Multiplies this value in place by (re + i·im). */
    public void times(double re, double im) {
        double r = this.re * re - this.im * im;
        this.im = this.re * im + this.im * re;
        this.re = r;
    }

    @Override
    public String toString() {
        return re + (im < 0 ? " - " : " + ") + Math.abs(im) + "i";
    }
}
