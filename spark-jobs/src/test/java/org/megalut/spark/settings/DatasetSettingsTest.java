package org.megalut.spark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.megalut.config.StrictConfig;
import org.megalut.great3.ObservationType;
import org.megalut.sim.great3.SelectionRule;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.Distribution;
import org.megalut.sim.megalut.TruncatedNormalLaw;

/**
 * Named datasets ({@code datasets.<name>}): user-defined ones used by the roles, inheritance through
 * {@code base}, every kind of error naming the dataset, and the shipped MegaLUT alternatives.
 */
class DatasetSettingsTest {

    private static final Config DEFAULTS = StrictConfig.defaults(RunSettings.class, "/megalut-defaults.conf");

    private static final List<String> ROLES = List.of("train-shear", "train-weight", "valid-shear", "valid-overall",
            "simobscompa", "mimic-great3");

    private static final List<String> ALTERNATIVES = List.of("simobscompa-train", "sersicG3subfield_nosnc",
            "ts-shear-nn-train-snc20", "ts-ell-n-train-rea100", "tw-100c-10000r", "st-shear-nn-uni-snc100",
            "sv-shear-n-G3-snc1000", "wt-200c-8000r");

    /** The project's own additions to MegaLUT's sets. */
    private static final List<String> OWN = List.of("valid-overall-x4");

    /** The user's configuration, as the command line loads a --conf file named user.conf. */
    private static Config user(String text) {
        Config parsed = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription("user.conf"));
        return StrictConfig.merge(parsed, DEFAULTS, "user.conf", RunSettings.NAMED_SECTIONS);
    }

    private static String error(String text) {
        Config c = user(text);
        return assertThrows(IllegalArgumentException.class, () -> Recipe.from(c)).getMessage();
    }

    @Test
    void aUserDefinedDatasetIsReadAndUsedByLearn() {
        Recipe r = Recipe.from(user("datasets.my-set { dist = uni, n = 60, nc = 6, nrea = 2, ncat = 3, snc = 2,"
                + " shear = 0.02, shear-per-catalog = true, noise = true, grouping = shear }\nlearn.dataset = my-set\n"));
        assertEquals("my-set", r.learn().dataset());
        assertEquals(new DatasetSpec("my-set", Distribution.UNI, ObservationType.GROUND, 60, 6, 2, 3, 2, 0.02, true, true,
                DatasetSpec.Grouping.SHEAR), r.dataset(r.learn().dataset()));
        // the shipped ones are still there
        assertEquals(DatasetSpec.megalutDefault("train-shear", ObservationType.GROUND), r.dataset("train-shear"));
    }

    @Test
    void sizeAndFluxLawsReplaceTheDistributionsOwnAreInheritedAndEnterTheFingerprint() {
        Recipe r = Recipe.from(user("datasets.train-weight.hlr = { mean = 1.3, sigma = 0.6, min = 0.75, max = 3 }\n"
                + "datasets.fitted { base = train-weight, flux = { mean = 20, sigma = 15, min = 10, max = 200 } }\n"));
        DatasetSpec tw = r.dataset("train-weight");
        assertEquals(new TruncatedNormalLaw(1.3, 0.6, 0.75, 3), tw.hlrLaw());
        assertEquals(null, tw.fluxLaw(), "not set: the distribution's own law");
        DatasetSpec fitted = r.dataset("fitted");
        assertEquals(tw.hlrLaw(), fitted.hlrLaw(), "inherited from the base");
        assertEquals(new TruncatedNormalLaw(20, 15, 10, 200), fitted.fluxLaw());
        DatasetSpec plain = Recipe.from(user("")).dataset("train-weight");
        assertEquals(plain.withLaws(tw.hlrLaw(), null), tw);
        assertNotEquals(DatasetSettings.fingerprint(plain).digest(), DatasetSettings.fingerprint(tw).digest());
        assertTrue(DatasetSettings.fingerprint(tw).entries().contains(
                "datasets.train-weight.hlr={ mean = 1.30000, sigma = 0.600000, min = 0.750000, max = 3.00000 }"),
                DatasetSettings.fingerprint(tw).entries().toString());
        assertEquals(DatasetSettings.fingerprint(plain).digest(),
                DatasetSettings.fingerprint(plain.withLaws(null, null)).digest(), "no law: the fingerprint of before");
        String m = error("datasets.train-weight.hlr = { mean = 1.3, sigma = 0, min = 0.75, max = 3 }\n");
        assertTrue(m.contains("dataset 'train-weight': key hlr") && m.contains("truncated normal law"), m);
        m = error("datasets.train-weight.flux = { mean = 1.3, sigma = 1, min = 0.75 }\n");
        assertTrue(m.contains("key flux") && m.contains("object"), m);
    }

    @Test
    void aSelectionIsReadInheritedAndEntersTheFingerprint() {
        Recipe r = Recipe.from(user("datasets.sel { base = train-weight, selection = { snr-min = 17, snr-max = 100,"
                + " min-resolution = 0.333 } }\ndatasets.sel2 { base = sel, n = 20 }\n"));
        DatasetSpec plain = r.dataset("train-weight");
        assertEquals(null, plain.selection(), "absent: every drawn galaxy kept");
        DatasetSpec sel = r.dataset("sel");
        assertEquals(new SelectionRule(17, 100, 0.333), sel.selection());
        assertEquals(sel.selection(), r.dataset("sel2").selection(), "inherited from the base");
        assertTrue(DatasetSettings.fingerprint(sel).entries().contains(
                "datasets.sel.selection={ snr-min = 17.0000, snr-max = 100.000, min-resolution = 0.333000 }"),
                DatasetSettings.fingerprint(sel).entries().toString());
        DatasetSpec unselected = new DatasetSpec("sel", plain.distribution(), plain.obstype(), plain.n(), plain.nc(),
                plain.nrea(), plain.ncat(), plain.snc(), plain.shear(), plain.shearPerCatalog(), plain.noise(), plain.grouping());
        assertEquals(unselected.withSelection(sel.selection()), sel);
        assertNotEquals(DatasetSettings.fingerprint(unselected).digest(), DatasetSettings.fingerprint(sel).digest());
        String m = error("datasets.train-weight.selection = { snr-min = 17, snr-max = 10, min-resolution = 0.3 }\n");
        assertTrue(m.contains("dataset 'train-weight': key selection") && m.contains("galaxy selection"), m);
        m = error("datasets.train-weight.selection = { snr-min = 17, min-resolution = 0.3 }\n");
        assertTrue(m.contains("key selection") && m.contains("found object ({\"min-resolution\":0.3,\"snr-min\":17})"), m);
    }

    @Test
    void aRoleNamingAnUnknownDatasetFailsListingTheConfiguredOnes() {
        String m = error("datasets.my-set { base = train-shear }\nvalidate.dataset = my-sett\n");
        assertTrue(m.startsWith("unknown dataset 'my-sett'; configured datasets: ["), m);
        assertTrue(m.contains("my-set, ") && m.contains("train-shear") && m.contains("tw-100c-10000r"), m);
    }

    @Test
    void aDatasetInheritsTheKeysItDoesNotSetFromItsBase() {
        Recipe r = Recipe.from(user("datasets { a { base = b, n = 40 }, b { base = train-shear, nc = 5 } }\n"
                + "datasets.train-shear.nrea = 3\n"));
        DatasetSpec t = r.dataset("train-shear");
        assertEquals(3, t.nrea());
        // a: its own n, b's nc, then train-shear as configured (nrea 3), under its own name
        assertEquals(new DatasetSpec("a", t.distribution(), ObservationType.GROUND, 40, 5, 3, t.ncat(), t.snc(),
                t.shear(), t.shearPerCatalog(), t.noise(), t.grouping()), r.dataset("a"));
        assertEquals(new DatasetSpec("b", t.distribution(), ObservationType.GROUND, t.n(), 5, 3, t.ncat(), t.snc(), t.shear(),
                t.shearPerCatalog(), t.noise(), t.grouping()), r.dataset("b"));
    }

    @Test
    void aCycleOfBasesOrAnUnknownBaseIsAnError() {
        assertEquals("dataset 'a': cycle of bases a -> b -> c -> b",
                error("datasets { a { base = b }, b { base = c }, c { base = b, n = 10 } }\n"));
        assertEquals("dataset 'a': cycle of bases a -> a", error("datasets.a { base = a, n = 10 }\n"));
        String m = error("datasets { a { base = b }, b { base = nope } }\n");
        assertTrue(m.startsWith("dataset 'b': base 'nope' is not a configured dataset; configured datasets: [a, b, "), m);
    }

    @Test
    void anUnknownKeyNamesTheDatasetTheFileAndTheValidKeys() {
        String m = error("datasets.my-set { base = train-shear, nrae = 3 }\n");
        assertEquals("unknown configuration key nrae in dataset 'my-set' (user.conf: 1); valid keys are: base, dist, flux,"
                + " grouping, hlr, n, nc, ncat, noise, nrea, selection, shear, shear-per-catalog, snc", m);
        // also in a shipped dataset the user extends
        assertTrue(error("datasets.train-shear.seed = 3\n").contains("key seed in dataset 'train-shear'"));
    }

    @Test
    void aMissingKeyIsNamedWithWhatItMustBe() {
        assertEquals("dataset 'my-set': missing keys nrea (an integer), ncat (an integer), shear (a number),"
                + " noise (a boolean); set them or name a dataset to inherit from with base = NAME",
                error("datasets.my-set { dist = G3, n = 10, nc = 5, snc = 1, shear-per-catalog = false,"
                        + " grouping = galaxy }\n"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheDatasetTheKeyTheExpectedAndTheFound() {
        String prefix = "datasets.my-set { base = train-shear }\ndatasets.my-set.";
        assertEquals("dataset 'my-set': key n (user.conf: 2) must be an integer, found string (\"many\")",
                error(prefix + "n = many\n"));
        assertEquals("dataset 'my-set': key nrea (user.conf: 2) must be an integer, found number (2.5)",
                error(prefix + "nrea = 2.5\n"));
        assertEquals("dataset 'my-set': key shear (user.conf: 2) must be a number, found boolean (true)",
                error(prefix + "shear = true\n"));
        assertEquals("dataset 'my-set': key noise (user.conf: 2) must be a boolean, found string (\"maybe\")",
                error(prefix + "noise = maybe\n"));
        assertEquals("dataset 'my-set': key dist (user.conf: 2) must be train, G3, uni, trainBD or G3BD, found"
                + " string (\"gaussian\")", error(prefix + "dist = gaussian\n"));
        assertEquals("dataset 'my-set': key grouping (user.conf: 2) must be galaxy or shear, found number (3)",
                error(prefix + "grouping = 3\n"));
        assertEquals("dataset 'my-set': key base (user.conf: 1) must be a dataset name, found list ([\"a\"])",
                error("datasets.my-set { base = [a] }\n"));
        // HOCON's numeric and boolean strings are numbers and booleans, as everywhere in the configuration
        assertEquals(7, Recipe.from(user("datasets.my-set { base = train-shear, n = \"7\", nc = 7 }\n")).dataset("my-set").n());
    }

    @Test
    void aBadNameOrANonObjectIsAnError() {
        for (String name : List.of("my.set", "my set", "-set", "ds/1", "")) {
            String m = error("datasets { \"" + name + "\" { base = train-shear } }\n");
            assertEquals("dataset name '" + name + "' (user.conf: 1) must be a letter or digit followed by letters,"
                    + " digits, '-' or '_'", m);
        }
        assertEquals("dataset 'my-set' (user.conf: 1) must be an object of settings { dist = ..., n = ..., ... },"
                + " found number (3)", error("datasets.my-set = 3\n"));
        assertEquals("configuration key datasets must be an object of named datasets, found string (\"none\")"
                + " (user.conf: 1)", error("datasets = none\n"));
        // sizes are still DatasetSpec's to refuse, with the dataset named
        assertTrue(error("datasets.my-set { base = train-shear, n = 15 }\n").startsWith("dataset my-set: need n, nc"));
    }

    @Test
    void theShippedDatasetsAreTheRolesAndMegalutsAlternatives() {
        Map<String, DatasetSpec> all = DatasetSettings.all(DEFAULTS);
        Set<String> expected = new TreeSet<>(ROLES);
        expected.addAll(ALTERNATIVES);
        expected.addAll(OWN);
        assertEquals(expected, all.keySet());
        for (String role : ROLES) {
            if (!role.equals("train-weight")) {
                assertEquals(DatasetSpec.megalutDefault(role, ObservationType.GROUND), all.get(role), role);
            }
        }
        // train-weight: MegaLUT's shears, galaxies per catalog x4 (four times the stamps per shear); the rest MegaLUT's.
        DatasetSpec megalut = DatasetSpec.megalutDefault("train-weight", ObservationType.GROUND);
        DatasetSpec tw = all.get("train-weight");
        assertEquals(new DatasetSpec("train-weight", megalut.distribution(), ObservationType.GROUND, 4 * megalut.n(),
                megalut.nc(), megalut.nrea(), megalut.ncat(), megalut.snc(), megalut.shear(), megalut.shearPerCatalog(),
                megalut.noise(), megalut.grouping()), tw);
        assertEquals(4000, tw.stampsPerCatalog());
        // valid-overall-x4: valid-overall's galaxies and shears, four times as many shears.
        DatasetSpec vo = all.get("valid-overall");
        DatasetSpec x4 = all.get("valid-overall-x4");
        assertEquals(4 * vo.ncat(), x4.ncat());
        assertEquals(4 * vo.stamps(), x4.stamps());
        assertEquals(vo.distribution(), x4.distribution());
        assertEquals(vo.shear(), x4.shear());
        for (String name : all.keySet()) {
            assertTrue(DatasetSettings.NAME.matcher(name).matches(), name);
        }
    }

    /**
     * MegaLUT's names state part of their settings: "-nn-" no noise, "-n-" noise, "snc20" 20 rotated
     * copies, "rea100" 100 realizations, "tw-100c-10000r" 100 cases (shears) of 10 000 stamps; and
     * "-train-", "-uni-", "-G3-" the distribution.
     */
    @Test
    void theAlternativesAgreeWithWhatTheirMegalutNamesSay() {
        Map<String, DatasetSpec> all = DatasetSettings.all(DEFAULTS);
        Pattern cases = Pattern.compile("^[a-z]+-(\\d+)c-(\\d+)r$");
        for (String name : ALTERNATIVES) {
            DatasetSpec s = all.get(name);
            if (name.contains("-nn-")) {
                assertTrue(!s.noise(), name);
            }
            if (name.contains("-n-")) {
                assertTrue(s.noise(), name);
            }
            Matcher snc = Pattern.compile("snc(\\d+)").matcher(name);
            assertEquals(snc.find() ? Integer.parseInt(snc.group(1)) : s.snc(), s.snc(), name);
            Matcher rea = Pattern.compile("rea(\\d+)").matcher(name);
            assertEquals(rea.find() ? Integer.parseInt(rea.group(1)) : s.nrea(), s.nrea(), name);
            for (Distribution d : List.of(Distribution.TRAIN, Distribution.UNI, Distribution.G3)) {
                if (name.toLowerCase().contains("-" + d.name().toLowerCase() + "-")) {
                    assertEquals(d, s.distribution(), name);
                }
            }
            Matcher c = cases.matcher(name);
            if (c.matches()) {
                // one case per catalog (its shear), every stamp of the catalog a realization
                assertEquals(DatasetSpec.Grouping.SHEAR, s.grouping(), name);
                assertTrue(s.shearPerCatalog(), name);
                assertEquals(Integer.parseInt(c.group(1)), s.ncat(), name);
                assertEquals(Integer.parseInt(c.group(2)), s.n() * s.snc() * s.nrea(), name);
            }
        }
        // the shear-training sets have 1000 cases (galaxies with their own shear) as MegaLUT's comments say
        for (String name : List.of("ts-shear-nn-train-snc20", "st-shear-nn-uni-snc100")) {
            DatasetSpec s = all.get(name);
            assertEquals(1000, s.ncat() * s.n(), name);
            assertTrue(!s.shearPerCatalog() && s.grouping() == DatasetSpec.Grouping.SHEAR && s.shear() > 0, name);
        }
    }

    @Test
    void theFingerprintHoldsTheResolvedValuesUnderTheDatasetsName() {
        Recipe r = Recipe.from(user("datasets { a { base = train-shear, nrea = 3 },"
                + " b { dist = train, n = 1000, nc = 10, nrea = 3, ncat = 1, snc = 1, shear = 0,"
                + " shear-per-catalog = false, noise = false, grouping = galaxy } }\n"));
        Fingerprint a = DatasetSettings.fingerprint(r.dataset("a"));
        Fingerprint b = DatasetSettings.fingerprint(r.dataset("b"));
        // inherited or spelled out: the same entries, but a renamed dataset is another simulation
        assertEquals(a.entries(), b.entries().stream().map(e -> e.replace("datasets.b.", "datasets.a.")).toList());
        assertNotEquals(a.digest(), b.digest());
        assertTrue(a.entries().contains("datasets.a.nrea=3") && a.entries().stream().noneMatch(e -> e.contains("base")),
                a.entries().toString());
    }
}
