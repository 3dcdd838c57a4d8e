package org.megalut.great3;

/**
 * File names of a GREAT3 constant-shear branch (CGC/RGC), by subfield number.
 *
 * <p>Subfields use GREAT3's internal numbering, the one in galaxy IDs: 0..199 are the regular
 * subfields ({@code SSS} = 000..199 in file names) and 200..204 the deep subfields, distributed as
 * {@code deep_*-000} .. {@code deep_*-004}. All files are single-epoch, hence the {@code -0} epoch
 * suffix where GREAT3 has one. Names are relative to the branch directory.
 */
public final class BranchLayout {
    /** Number of regular subfields, numbered 0..199. */
    public static final int REGULAR_SUBFIELDS = 200;
    /** Internal number of the first deep subfield (deep_000). */
    public static final int FIRST_DEEP = 200;
    /** Number of distributed deep subfields, numbered 200..204. */
    public static final int DEEP_SUBFIELDS = 5;
    /** One past the largest valid subfield number. */
    public static final int END = FIRST_DEEP + DEEP_SUBFIELDS;

    private BranchLayout() {
    }

    /** True for 0..204. */
    public static boolean isValid(int subfield) {
        return subfield >= 0 && subfield < END;
    }

    /**
     * True for the deep subfields 200..204.
     *
     * @throws IllegalArgumentException if the number is not a valid subfield
     */
    public static boolean isDeep(int subfield) {
        require(subfield);
        return subfield >= FIRST_DEEP;
    }

    /**
     * Throws unless every number is a valid subfield (0..204), listing the invalid ones.
     *
     * @throws IllegalArgumentException naming the out-of-range numbers and the valid range
     */
    public static void requireValid(int[] subfields) {
        StringBuilder bad = new StringBuilder();
        int count = 0;
        for (int s : subfields) {
            if (!isValid(s)) {
                if (count < 20) {
                    bad.append(count == 0 ? "" : ", ").append(s);
                }
                count++;
            }
        }
        if (count > 0) {
            throw new IllegalArgumentException(count + " subfield number(s) out of range: " + bad
                    + (count > 20 ? ", ..." : "") + "; valid are 0-199 (regular) and 200-204 (deep)");
        }
    }

    /** Galaxy image: {@code image-SSS-0.fits} or {@code deep_image-DDD-0.fits}. */
    public static String galaxyImage(int subfield) {
        return galaxyImage(subfield, 0);
    }

    /** Galaxy image of an epoch of a multi-epoch branch: {@code image-SSS-E.fits} (epoch 0 in single-epoch ones). */
    public static String galaxyImage(int subfield, int epoch) {
        return prefix(subfield) + "image-" + number(subfield) + "-" + epoch + ".fits";
    }

    /** Star field (3×3 PSF stamps): {@code starfield_image-SSS-0.fits}. */
    public static String starField(int subfield) {
        return prefix(subfield) + "starfield_image-" + number(subfield) + "-0.fits";
    }

    /** {@code galaxy_catalog-SSS.txt}. */
    public static String galaxyCatalogTxt(int subfield) {
        return prefix(subfield) + "galaxy_catalog-" + number(subfield) + ".txt";
    }

    /** {@code galaxy_catalog-SSS.fits}. */
    public static String galaxyCatalogFits(int subfield) {
        return prefix(subfield) + "galaxy_catalog-" + number(subfield) + ".fits";
    }

    /** {@code star_catalog-SSS.txt}. */
    public static String starCatalogTxt(int subfield) {
        return prefix(subfield) + "star_catalog-" + number(subfield) + ".txt";
    }

    /** {@code star_catalog-SSS.fits}. */
    public static String starCatalogFits(int subfield) {
        return prefix(subfield) + "star_catalog-" + number(subfield) + ".fits";
    }

    /** {@code subfield_offset-SSS.yaml}. */
    public static String subfieldOffsetYaml(int subfield) {
        return prefix(subfield) + "subfield_offset-" + number(subfield) + ".yaml";
    }

    /** {@code subfield_offset-SSS.txt}. */
    public static String subfieldOffsetTxt(int subfield) {
        return prefix(subfield) + "subfield_offset-" + number(subfield) + ".txt";
    }

    /** {@code epoch_dither-SSS-0.yaml}. */
    public static String epochDitherYaml(int subfield) {
        return prefix(subfield) + "epoch_dither-" + number(subfield) + "-0.yaml";
    }

    /** {@code epoch_dither-SSS-0.txt}. */
    public static String epochDitherTxt(int subfield) {
        return prefix(subfield) + "epoch_dither-" + number(subfield) + "-0.txt";
    }

    /**
     * Truth shear: {@code shear_params-SSS.yaml}.
     *
     * @throws IllegalArgumentException for deep subfields, which GREAT3's truth does not cover
     */
    public static String shearParamsYaml(int subfield) {
        return "shear_params-" + truthNumber(subfield) + ".yaml";
    }

    /** Truth shear: {@code shear_params-SSS.txt}; regular subfields only. */
    public static String shearParamsTxt(int subfield) {
        return "shear_params-" + truthNumber(subfield) + ".txt";
    }

    /**
     * Truth PSF shape: {@code starshape_parameters-SSS-0.yaml} (underscores, as in the GREAT3 code).
     *
     * @throws IllegalArgumentException for deep subfields, which GREAT3's truth does not cover
     */
    public static String starShapeParamsYaml(int subfield) {
        return "starshape_parameters-" + truthNumber(subfield) + "-0.yaml";
    }

    /** Truth PSF shape: {@code starshape_parameters-SSS-0.txt}; regular subfields only. */
    public static String starShapeParamsTxt(int subfield) {
        return "starshape_parameters-" + truthNumber(subfield) + "-0.txt";
    }

    private static String prefix(int subfield) {
        return isDeep(subfield) ? "deep_" : "";
    }

    /** The three-digit number in file names: the subfield, or the deep index 000..004. */
    private static String number(int subfield) {
        return String.format("%03d", isDeep(subfield) ? subfield - FIRST_DEEP : subfield);
    }

    private static String truthNumber(int subfield) {
        if (isDeep(subfield)) {
            throw new IllegalArgumentException("subfield " + subfield
                    + " is deep; GREAT3 truth files cover the regular subfields 0-199 only");
        }
        return number(subfield);
    }

    private static void require(int subfield) {
        if (!isValid(subfield)) {
            throw new IllegalArgumentException("subfield " + subfield
                    + " out of range; valid are 0-199 (regular) and 200-204 (deep)");
        }
    }
}
