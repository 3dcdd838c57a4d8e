package org.megalut.great3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictFileTest {

    @TempDir
    Path tmp;

    private static DictFile parse(String name, String text) throws IOException {
        return DictFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    private static String written(DictFile d, DictFormat f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.write(out, f);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void epochDitherTextIsByteExactGreat3() throws IOException {
        DictFile dither = EpochDither.ZERO.toDict();
        assertEquals("# xdither_pixels ydither_pixels \n0.0 0.0 \n", written(dither, DictFormat.TXT));
        assertEquals("{xdither_pixels: 0.0, ydither_pixels: 0.0}\n", written(dither, DictFormat.YAML));
        assertEquals("# offset_deg_x offset_deg_y \n0.0 0.0 \n", SubfieldOffset.ZERO.toDict().format(DictFormat.TXT));
    }

    @Test
    void starShapeWritesSortedKeysAndIntegerIndices() {
        DictFile d = new StarShapeParams(0.0123456789012345, -10.0, 7, 0).toDict();
        assertEquals("# epoch_index psf_g1 psf_g2 subfield_index \n0 0.0123456789012 -10.0 7 \n",
                d.format(DictFormat.TXT));
        assertEquals("{epoch_index: 0, psf_g1: 0.0123456789012345, psf_g2: -10.0, subfield_index: 7}\n",
                d.format(DictFormat.YAML));
    }

    @Test
    void typedRoundTripsInBothFormats() throws IOException {
        ShearParams shear = new ShearParams(0.0123, -0.0456);
        StarShapeParams psf = new StarShapeParams(0.1 + 0.2, -1e-5, 199, 0);
        for (DictFormat f : DictFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            shear.write(out, f);
            String name = f == DictFormat.YAML ? "shear_params-000.yaml" : "shear_params-000.txt";
            assertEquals(shear, ShearParams.read(new ByteArrayInputStream(out.toByteArray()), name));
        }
        Path yaml = tmp.resolve(BranchLayout.starShapeParamsYaml(199));
        psf.write(yaml);
        assertEquals(psf, StarShapeParams.read(yaml), "yaml keeps full precision");
        Path txt = tmp.resolve(BranchLayout.starShapeParamsTxt(199));
        psf.write(txt);
        assertEquals(new StarShapeParams(0.3, -1e-5, 199, 0), StarShapeParams.read(txt), "txt keeps 12 digits");
        assertEquals("# epoch_index psf_g1 psf_g2 subfield_index \n0 0.3 -1e-05 199 \n", Files.readString(txt));

        Path offset = tmp.resolve(BranchLayout.subfieldOffsetYaml(3));
        SubfieldOffset.ZERO.write(offset);
        assertEquals(SubfieldOffset.ZERO, SubfieldOffset.read(offset));
        Path dither = tmp.resolve(BranchLayout.epochDitherTxt(3));
        EpochDither.ZERO.write(dither);
        assertEquals(EpochDither.ZERO, EpochDither.read(dither));
        assertTrue(new StarShapeParams(StarShapeParams.FAILED, StarShapeParams.FAILED, 1, 0).isFailed());
    }

    @Test
    void readsFlowBlockAndTxtForms() throws IOException {
        DictFile expected = DictFile.of(Map.of("g1", 0.0123, "g2", -0.0456));
        assertEquals(expected, parse("a.yaml", "{g1: 0.0123, g2: -0.0456}\n"));
        assertEquals(expected, parse("a.yaml", "# truth\n---\n{g2: -0.0456,\n  g1: 1.23e-2}  # wrapped\n\n"));
        assertEquals(expected, parse("a.yml", "g1: 0.0123\n\n# comment\ng2: -4.56e-02   # trailing\n"));
        assertEquals(expected, parse("a.txt", "# g1 g2 \n0.0123 -0.0456 \n"));
        DictFile ints = parse("s.yaml", "{subfield_index: 7, epoch_index: 0, psf_g1: -10, psf_g2: .nan}");
        assertEquals(7, ints.getInt("subfield_index"));
        assertEquals(-10.0, ints.getDouble("psf_g1"));
        assertTrue(Double.isNaN(ints.getDouble("psf_g2")));
        assertEquals(List.of("epoch_index", "psf_g1", "psf_g2", "subfield_index"), List.copyOf(ints.keys()));
    }

    @Test
    void yamlWrapsLikePyYamlBeyondEightyColumns() {
        Map<String, Double> wide = new LinkedHashMap<>();
        for (String k : List.of("alpha_component", "beta_component", "gamma_component", "delta_component")) {
            wide.put(k, -0.012345678901234567);
        }
        String yaml = DictFile.of(wide).format(DictFormat.YAML);
        // PyYAML breaks only once the line has passed column 80 (at the comma after delta_component).
        assertEquals("{alpha_component: -0.012345678901234567, beta_component: -0.012345678901234567,"
                + " delta_component: -0.012345678901234567,\n  gamma_component: -0.012345678901234567}\n", yaml);
    }

    @Test
    void pythonNumberFormatting() {
        String[][] str = {{"0.0", "0.0"}, {"-10.0", "-10.0"}, {"0.0123456789012345", "0.0123456789012"},
            {"1e-05", "1e-05"}, {"1.5e-07", "1.5e-07"}, {"0.0001", "0.0001"}, {"0.1", "0.1"},
            {"0.3333333333333333", "0.333333333333"}, {"0.6666666666666666", "0.666666666667"},
            {"10000000000.0", "10000000000.0"}, {"123456789012.0", "1.23456789012e+11"}, {"1e22", "1e+22"},
            {"100.0", "100.0"}, {"-0.02", "-0.02"}};
        for (String[] c : str) {
            assertEquals(c[1], PythonFloats.str(Double.parseDouble(c[0])), "str(" + c[0] + ")");
        }
        assertEquals("0.3", PythonFloats.str(0.1 + 0.2));
        assertEquals("-0.0", PythonFloats.str(-0.0));
        assertEquals("nan", PythonFloats.str(Double.NaN));
        assertEquals("-inf", PythonFloats.str(Double.NEGATIVE_INFINITY));

        assertEquals("0.30000000000000004", PythonFloats.repr(0.1 + 0.2));
        assertEquals("1e+16", PythonFloats.repr(1e16));
        assertEquals("1000000000000000.0", PythonFloats.repr(1e15));
        assertEquals("0.3333333333333333", PythonFloats.repr(1.0 / 3));
        assertEquals("5e-324", PythonFloats.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PythonFloats.repr(Double.MAX_VALUE));
        assertEquals("1.0e-05", PythonFloats.yaml(1e-5));
        assertEquals("1.5e-05", PythonFloats.yaml(1.5e-5));
        assertEquals("-.inf", PythonFloats.yaml(Double.NEGATIVE_INFINITY));
        assertEquals(".nan", PythonFloats.yaml(Double.NaN));
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        Great3FormatException unterminated = assertThrows(Great3FormatException.class,
                () -> parse("shear_params-004.yaml", "{g1: 0.01,\n g2: 0.02\n"));
        assertEquals("shear_params-004.yaml, line 2: unterminated flow mapping: expected '}'",
                unterminated.getMessage());
        Great3FormatException noColon = assertThrows(Great3FormatException.class,
                () -> parse("shear_params-004.yaml", "g1: 0.01\ng2 0.02\n"));
        assertTrue(noColon.getMessage().startsWith("shear_params-004.yaml, line 2: expected 'key: value'"),
                noColon.getMessage());
        Great3FormatException nested = assertThrows(Great3FormatException.class,
                () -> parse("p.yaml", "psf:\n  g1: 0.01\n"));
        assertTrue(nested.getMessage().startsWith("p.yaml, line 1: key psf has no value"), nested.getMessage());
        Great3FormatException after = assertThrows(Great3FormatException.class,
                () -> parse("p.yaml", "{g1: 1} x\n"));
        assertTrue(after.getMessage().startsWith("p.yaml, line 1: unexpected text after '}'"), after.getMessage());
        Great3FormatException dup = assertThrows(Great3FormatException.class,
                () -> parse("p.yaml", "{g1: 1, g1: 2}"));
        assertTrue(dup.getMessage().contains("duplicate key g1"), dup.getMessage());
        Great3FormatException empty = assertThrows(Great3FormatException.class, () -> parse("p.yaml", "# nothing\n"));
        assertTrue(empty.getMessage().startsWith("p.yaml: empty dict"), empty.getMessage());
    }

    @Test
    void nonNumericValuesAreRejected() {
        Great3FormatException yaml = assertThrows(Great3FormatException.class,
                () -> parse("shear_params-010.yaml", "{g1: 0.01, g2: abc}"));
        assertEquals("shear_params-010.yaml, line 1: key g2 = 'abc', expected a number", yaml.getMessage());
        Great3FormatException txt = assertThrows(Great3FormatException.class,
                () -> parse("shear_params-010.txt", "# g1 g2 \n0.01 '0.02' \n"));
        assertEquals("shear_params-010.txt, line 2: key g2 = ''0.02'', expected a number", txt.getMessage());
        Great3FormatException count = assertThrows(Great3FormatException.class,
                () -> parse("shear_params-010.txt", "# g1 g2 \n0.01 \n"));
        assertTrue(count.getMessage().startsWith("shear_params-010.txt, line 2: expected 2 values"),
                count.getMessage());
        Great3FormatException ext = assertThrows(Great3FormatException.class, () -> parse("shear.json", "{}"));
        assertTrue(ext.getMessage().startsWith("shear.json: unknown dict file extension"), ext.getMessage());
    }

    @Test
    void typedReadersCheckKeysAndIntegers() {
        Great3FormatException keys = assertThrows(Great3FormatException.class,
                () -> ShearParams.read(new ByteArrayInputStream("{g1: 0.1, g3: 0.2}".getBytes()), "s.yaml"));
        assertEquals("s.yaml: expected keys [g1, g2], found [g1, g3]", keys.getMessage());
        Great3FormatException index = assertThrows(Great3FormatException.class,
                () -> StarShapeParams.read(new ByteArrayInputStream(
                        "{epoch_index: 0, psf_g1: 0.1, psf_g2: 0.2, subfield_index: 7.5}".getBytes()), "p.yaml"));
        assertEquals("p.yaml: key subfield_index = 7.5, expected an integer", index.getMessage());
    }
}
