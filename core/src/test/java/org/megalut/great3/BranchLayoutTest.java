package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BranchLayoutTest {

    @Test
    void regularFileNames() {
        assertEquals("image-007-0.fits", BranchLayout.galaxyImage(7));
        assertEquals("starfield_image-199-0.fits", BranchLayout.starField(199));
        assertEquals("galaxy_catalog-000.txt", BranchLayout.galaxyCatalogTxt(0));
        assertEquals("galaxy_catalog-000.fits", BranchLayout.galaxyCatalogFits(0));
        assertEquals("star_catalog-042.txt", BranchLayout.starCatalogTxt(42));
        assertEquals("star_catalog-042.fits", BranchLayout.starCatalogFits(42));
        assertEquals("subfield_offset-010.yaml", BranchLayout.subfieldOffsetYaml(10));
        assertEquals("subfield_offset-010.txt", BranchLayout.subfieldOffsetTxt(10));
        assertEquals("epoch_dither-010-0.yaml", BranchLayout.epochDitherYaml(10));
        assertEquals("epoch_dither-010-0.txt", BranchLayout.epochDitherTxt(10));
        assertEquals("shear_params-123.yaml", BranchLayout.shearParamsYaml(123));
        assertEquals("shear_params-123.txt", BranchLayout.shearParamsTxt(123));
        assertEquals("starshape_parameters-123-0.yaml", BranchLayout.starShapeParamsYaml(123));
        assertEquals("starshape_parameters-123-0.txt", BranchLayout.starShapeParamsTxt(123));
    }

    @Test
    void deepSubfieldsUseTheDeepPrefixAndTheirOwnNumbering() {
        assertFalse(BranchLayout.isDeep(199));
        assertTrue(BranchLayout.isDeep(200));
        assertEquals("deep_image-000-0.fits", BranchLayout.galaxyImage(200));
        assertEquals("deep_starfield_image-004-0.fits", BranchLayout.starField(204));
        assertEquals("deep_galaxy_catalog-002.fits", BranchLayout.galaxyCatalogFits(202));
        assertEquals("deep_star_catalog-001.txt", BranchLayout.starCatalogTxt(201));
        assertEquals("deep_subfield_offset-003.yaml", BranchLayout.subfieldOffsetYaml(203));
        assertEquals("deep_epoch_dither-003-0.txt", BranchLayout.epochDitherTxt(203));
        IllegalArgumentException truth = assertThrows(IllegalArgumentException.class,
                () -> BranchLayout.shearParamsYaml(200));
        assertTrue(truth.getMessage().contains("regular subfields 0-199"), truth.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BranchLayout.galaxyImage(205));
        assertThrows(IllegalArgumentException.class, () -> BranchLayout.isDeep(-1));
    }

    @Test
    void selectionsParseToSortedDistinctNumbers() {
        assertArrayEquals(IntStream.rangeClosed(0, 199).toArray(), SubfieldSelection.parse("0-199"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 200, 201, 202, 203, 204}, SubfieldSelection.parse("0-4,200-204"));
        assertArrayEquals(new int[] {3, 7, 10, 11, 12}, SubfieldSelection.parse(" 12, 3 ,10 - 12, 7,3"));
        int[] withOutOfRange = SubfieldSelection.parse("0-199,1099");
        assertEquals(201, withOutOfRange.length);
        assertEquals(1099, withOutOfRange[200]);
    }

    @Test
    void malformedSelectionsAreRejectedWithTheText() {
        for (String bad : new String[] {"", "  ", "0-", "a", "1,,2", "5-3", "-3", "1-2-3", "1.5", "99999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SubfieldSelection.parse(bad), "'" + bad + "'");
            assertTrue(e.getMessage().contains("subfield selection"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubfieldSelection.parse("5-3"));
        assertTrue(e.getMessage().contains("\"5-3\"") && e.getMessage().contains("descending"), e.getMessage());
    }

    @Test
    void validatorListsOutOfRangeNumbers() {
        BranchLayout.requireValid(SubfieldSelection.parse("0-204"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BranchLayout.requireValid(SubfieldSelection.parse("0-199,205,1099")));
        assertEquals("2 subfield number(s) out of range: 205, 1099; valid are 0-199 (regular) and 200-204 (deep)",
                e.getMessage());
    }
}
