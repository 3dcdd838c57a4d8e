package org.megalut.great3;

import java.util.Locale;

/**
 * GREAT3's observation type: it fixes a branch's stamp size and pixel scale (single-epoch branches), the
 * galaxy sizes the simulations draw in pixels, and the metric's noise term σ²_min.
 */
public enum ObservationType {
    /** Ground: 48-px stamps at 0.2″ per pixel. */
    GROUND(48, 0.2),
    /** Space (single epoch): 96-px stamps at 0.05″ per pixel. */
    SPACE(96, 0.05);

    private final int stampSize;
    private final double pixelScale;

    ObservationType(int stampSize, double pixelScale) {
        this.stampSize = stampSize;
        this.pixelScale = pixelScale;
    }

    /** The stamp side of the branch's galaxy and star images [px]. */
    public int stampSize() {
        return stampSize;
    }

    /** The pixel scale of the branch's images [arcsec/px]. */
    public double pixelScale() {
        return pixelScale;
    }

    /** The configuration name: {@code ground} or {@code space}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The observation type of a configuration name.
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static ObservationType byName(String name) {
        for (ObservationType t : values()) {
            if (t.configName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown observation type '" + name + "'; expected ground or space");
    }

    /**
     * Checks that a stamp size is this type's.
     *
     * @param key the configuration key the size comes from, for the message
     * @throws IllegalArgumentException naming both settings and the size this type expects
     */
    public void requireStampSize(int size, String key) {
        if (size != stampSize) {
            ObservationType other = size == SPACE.stampSize ? SPACE : size == GROUND.stampSize ? GROUND : null;
            throw new IllegalArgumentException(key + " = " + size + " does not fit branch.obstype = " + configName()
                    + ", whose stamps are " + stampSize + " px" + (other == null ? ""
                    : " (" + size + "-px stamps are GREAT3 " + other.configName() + " branches: set branch.obstype = "
                    + other.configName() + ")"));
        }
    }
}
