package org.megalut.fits;

/** What an image reader does with NaN and infinite pixel values. */
public enum NonFinitePolicy {
    /** Return them as they are (e.g. to inspect a broken file). */
    ALLOW,
    /** Throw a {@link FitsFormatException} naming the file and the first bad pixel. */
    REJECT
}
