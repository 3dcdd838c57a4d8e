package org.megalut.great3;

import java.util.Locale;

/**
 * GREAT3's shear type: a constant-shear branch gives every galaxy of a subfield the same shear and is scored
 * on per-subfield mean shears (Q_c); a variable-shear branch lenses each galaxy by a shear field that varies
 * across a field of 20 subfields and is scored on the aperture-mass dispersion of that field (Q_v).
 */
public enum ShearType {
    /** One shear per subfield. */
    CONSTANT,
    /** A shear field per field of 20 subfields, galaxy positions encoded in the IDs. */
    VARIABLE;

    /** The configuration name: {@code constant} or {@code variable}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The shear type of a configuration name.
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static ShearType byName(String name) {
        for (ShearType t : values()) {
            if (t.configName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown shear type '" + name + "'; expected constant or variable");
    }
}
