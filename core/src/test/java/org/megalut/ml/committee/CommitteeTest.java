package org.megalut.ml.committee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megalut.ml.cost.CostFunction;
import org.megalut.ml.cost.Costs;
import org.megalut.ml.data.LongTable;
import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Tensor3;

class CommitteeTest {

    static final String CONFIG = """
            data { features = [d, junk], targets = [theta], predictions = [theta_hat] }
            network { hidden = [4] }
            normalisation { inputs = "-11", targets = "-11" }
            training { cost = msb, members = 4, threads = %d, seed = 42, mbloops = 3, maxiter = 30, mbfrac = 0.5 }
            selection { bestn = 2, combine = %s }
            """;

    /**
     * Paper App. A style toy: d = sqrt(1 + θ²) + 0.1 N(0, 1), plus a junk feature; 60 cases × 20 realizations,
     * with the feature d missing in a few rows.
     */
    static LongTable toyTable() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(11);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        LongTable.Builder b = LongTable.builder(List.of("d", "junk", "theta"));
        for (int c = 0; c < 60; c++) {
            double theta = 0.25 + 1.75 * c / 59.0;
            for (int r = 0; r < 20; r++) {
                double d = (c * 20 + r) % 37 == 0 ? Double.NaN : Math.sqrt(1 + theta * theta) + 0.1 * g.sample();
                b.add(1000 + c, r, d, rng.nextDouble(), theta);
            }
        }
        return b.build();
    }

    static MlConfig config(int threads, String combine) {
        return MlConfig.parse(String.format(CONFIG, threads, combine));
    }

    @Test
    void parallelTrainingEqualsSequential() {
        LongTable table = toyTable();
        Committee seq = CommitteeTrainer.train(config(1, "mean"), table);
        Committee par = CommitteeTrainer.train(config(2, "mean"), table);
        assertEquals(4, seq.members().size());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(seq.members().get(i).parameters(), par.members().get(i).parameters(), "member " + i);
            assertArrayEquals(seq.members().get(i).history().valCost(), par.members().get(i).history().valCost());
        }
        assertEquals(seq.selected(), par.selected());
        // Members differ (different initial noise and minibatches).
        assertFalse(Arrays.equals(seq.members().get(0).initialParameters(),
                seq.members().get(1).initialParameters()));
    }

    @Test
    void trainingReducesTheCostAndSelectsByValidationCost() {
        Committee c = CommitteeTrainer.train(config(1, "mean"), toyTable());
        for (Member m : c.members()) {
            CostHistory h = m.history();
            assertTrue(h.size() > 0 && h.size() <= 3 * 30);
            assertTrue(h.lastTrainCost() < h.trainCost()[0], "member " + m.index() + " training cost decreased");
            assertEquals(2, h.loop()[h.size() - 1], "three loops ran");
        }
        List<Integer> sel = c.selected();
        assertEquals(2, sel.size());
        double worstSelected = c.members().get(sel.get(1)).history().lastValCost();
        for (int i = 0; i < 4; i++) {
            if (!sel.contains(i)) {
                assertTrue(c.members().get(i).history().lastValCost() >= worstSelected);
            }
        }
        assertTrue(c.members().get(sel.get(0)).history().lastValCost()
                <= c.members().get(sel.get(1)).history().lastValCost());
    }

    @Test
    void lbfgsTrainsToo() {
        MlConfig cfg = MlConfig.fromConfig(ConfigFactory.parseString(
                "training { algorithm = lbfgs, members = 2 }, selection.bestn = 1")
                .withFallback(config(1, "mean").toConfig()));
        Committee c = CommitteeTrainer.train(cfg, toyTable());
        for (Member m : c.members()) {
            double[] val = m.history().valCost();
            assertTrue(val[val.length - 1] < 0.5 * val[0], "L-BFGS member " + m.index() + " val cost " + val[0]
                    + " -> " + val[val.length - 1]);
        }
    }

    @Test
    void predictionMasksWhatTheInputsMaskAndAveragesCases() {
        LongTable table = toyTable();
        Committee c = CommitteeTrainer.train(config(1, "median"), table);
        CommitteePrediction p = c.predict(table);
        assertEquals(List.of("theta_hat"), p.columns());
        assertEquals(60, p.caseIds().length);
        assertEquals(1000, p.caseIds()[0]);
        int masked = 0;
        double rms = 0;
        for (int ci = 0; ci < 60; ci++) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < 20; r++) {
                double v = p.value(ci, r, 0);
                if ((ci * 20 + r) % 37 == 0) {
                    assertTrue(Double.isNaN(v));
                    masked++;
                } else {
                    assertTrue(Double.isFinite(v));
                    sum += v;
                    n++;
                }
            }
            assertEquals(sum / n, p.caseMean(ci, 0), 1e-12);
            double theta = 0.25 + 1.75 * ci / 59.0;
            rms += Math.pow(p.caseMean(ci, 0) - theta, 2);
        }
        assertTrue(masked > 0);
        rms = Math.sqrt(rms / 60);
        assertTrue(rms < 0.2, "de-normalised predictions track theta, rms bias " + rms);
        LongTable rows = p.toLongTable();
        assertEquals(1200, rows.rowCount());
        assertEquals(60, p.caseMeansTable().rowCount());
    }

    @Test
    void persistenceRoundTripsExactly(@TempDir Path dir) throws IOException {
        LongTable table = toyTable();
        Committee c = CommitteeTrainer.train(config(1, "mean"), table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeIo.write(c, out);
        Committee back = CommitteeIo.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(c.config(), back.config());
        assertEquals(c.inputNormer(), back.inputNormer());
        assertEquals(c.targetNormer(), back.targetNormer());
        assertEquals(c.selected(), back.selected());
        for (int i = 0; i < 4; i++) {
            Member a = c.members().get(i);
            Member b = back.members().get(i);
            assertArrayEquals(a.parameters(), b.parameters());
            assertArrayEquals(a.initialParameters(), b.initialParameters());
            assertArrayEquals(a.history().trainCost(), b.history().trainCost());
            assertArrayEquals(a.history().valCost(), b.history().valCost());
            assertArrayEquals(a.history().iteration(), b.history().iteration());
            assertEquals(a.evaluations(), b.evaluations());
        }
        assertArrayEquals(c.predict(table).values().data(), back.predict(table).values().data());
        Path file = dir.resolve("committee.json");
        CommitteeIo.write(c, file);
        assertEquals(c.selected(), CommitteeIo.read(file).selected());
    }

    @Test
    void badFilesAreRejected(@TempDir Path dir) throws IOException {
        Committee c = CommitteeTrainer.train(config(1, "mean"), toyTable());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeIo.write(c, out);
        String json = out.toString(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> CommitteeIo.read(
                new ByteArrayInputStream(json.replace("\"version\" : 1", "\"version\" : 7")
                        .getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("version 7"), e.getMessage());
        assertThrows(IOException.class, () -> CommitteeIo.read(
                new ByteArrayInputStream("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8))));
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json.replace("\"hidden\" : [ 4 ]", "\"hidden\" : [ 5 ]"));
        assertThrows(IOException.class, () -> CommitteeIo.read(file));
    }

    /**
     * Cases with a shear s; point estimates e = s + noise with spread 0.01 + 0.3 (1 − q)², q ~ U(0, 1) a quality
     * feature (like an SNR: large is good). A weight net that down-weights noisy estimates must beat uniform weights
     * on an independent set (inverse-variance weights would lower the cost about 30-fold).
     */
    static LongTable weightTable(long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        LongTable.Builder b = LongTable.builder(List.of("q", "pre", "tru"));
        for (int c = 0; c < 40; c++) {
            double s = 0.1 * (2 * rng.nextDouble() - 1);
            for (int r = 0; r < 200; r++) {
                double q = rng.nextDouble();
                b.add(c, r, q, s + (0.01 + 0.3 * (1 - q) * (1 - q)) * g.sample(), s);
            }
        }
        return b.build();
    }

    @Test
    void weightNetReducesWeightedBias() {
        MlConfig cfg = MlConfig.parse("""
                data { features = [q], targets = [tru], aux = [pre], predictions = [w] }
                network { hidden = [3, 3], output-activation = sigi }
                training { cost = msbwsignorm, members = 2, seed = 5, mbfrac = 1, mbloops = 2, maxiter = 50, gtol = 1e-10 }
                selection { bestn = 1 }
                """);
        Committee c = CommitteeTrainer.train(cfg, weightTable(3));
        LongTable test = weightTable(4);
        CommitteePrediction p = c.predict(test);
        NetworkData d = test.tensors(List.of("q"), List.of("tru"), List.of("pre")).data();
        Tensor3 uniform = new Tensor3(d.realizations(), 1, d.cases());
        Arrays.fill(uniform.data(), 0.5);
        CostFunction cost = Costs.byName("msbwsignorm");
        double trained = cost.evaluate(p.values(), d, null);
        double flat = cost.evaluate(uniform, d, null);
        System.out.printf("weight net: msbwsignorm trained %.3e vs uniform weights %.3e%n", trained, flat);
        assertTrue(trained < 0.5 * flat, "weighted bias cost: trained weights " + trained + ", uniform " + flat);
        for (double w : p.values().data()) {
            assertTrue(w > 0 && w < 1);
        }
    }

    @Test
    void pretrainedCommitteeKeepsItsNormerAndStartsFromItsMembers() {
        LongTable table = toyTable();
        MlConfig config = config(1, "mean");
        Committee start = CommitteeTrainer.train(config, table);
        // New data on another scale: a fresh committee would refit the normer, a pretrained one keeps it.
        LongTable.Builder b = LongTable.builder(table.columns());
        for (int r = 0; r < table.rowCount(); r++) {
            b.add(table.caseId(r), table.realizationId(r), 1.1 * table.value(r, "d"), table.value(r, "junk"),
                    table.value(r, "theta"));
        }
        LongTable other = b.build();
        Committee continued = CommitteeTrainer.trainFrom(start, config, other);
        assertSame(start.inputNormer(), continued.inputNormer());
        assertSame(start.targetNormer(), continued.targetNormer());
        for (int i = 0; i < start.members().size(); i++) {
            assertArrayEquals(start.members().get(i).parameters(), continued.members().get(i).initialParameters());
            double first = continued.members().get(i).history().trainCost()[0];
            assertTrue(continued.members().get(i).history().lastTrainCost() <= first, "training continues downhill");
        }
        assertThrows(IllegalArgumentException.class, () -> CommitteeTrainer.trainFrom(start,
                MlConfig.parse(String.format(CONFIG, 1, "mean").replace("hidden = [4]", "hidden = [3]")), other));
    }

    @Test
    void continuedTrainingRecordsEachBudgetAndPersists() throws IOException {
        LongTable table = toyTable();
        MlConfig config = config(1, "mean");
        Committee once = CommitteeTrainer.train(config, table);
        assertEquals(List.of(), once.continuations());
        Committee twice = CommitteeTrainer.continueTraining(once, config, table);
        Committee thrice = CommitteeTrainer.continueTraining(twice, config, table);
        Committee.Continuation budget = new Committee.Continuation(config.training().mbloops(),
                config.training().maxiter());
        assertEquals(List.of(budget), twice.continuations());
        assertEquals(List.of(budget, budget), thrice.continuations());
        for (int i = 0; i < once.members().size(); i++) {
            assertArrayEquals(twice.members().get(i).parameters(), thrice.members().get(i).initialParameters());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeIo.write(thrice, out);
        assertEquals(thrice.continuations(),
                CommitteeIo.read(new ByteArrayInputStream(out.toByteArray())).continuations());
        // A file written before continuations were recorded reads as trained once.
        ObjectNode json = CommitteeIo.toJson(thrice);
        json.remove("continuations");
        assertEquals(List.of(), CommitteeIo.fromJson(json).continuations());
    }
}
