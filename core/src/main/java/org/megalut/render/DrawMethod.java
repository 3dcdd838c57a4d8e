package org.megalut.render;

/** How a profile is turned into pixel values (GalSim's drawImage methods). */
public enum DrawMethod {
    /** Convolve with the square pixel (flux in each pixel); always by FFT here, as in GalSim's 'auto'. */
    AUTO,
    /**
     * No pixel response: for profiles already containing it (e.g. an interpolated star stamp).
     * Profiles with an analytic real-space value are sampled at pixel centres; others go through
     * the FFT without the pixel's sinc factors.
     */
    NO_PIXEL
}
