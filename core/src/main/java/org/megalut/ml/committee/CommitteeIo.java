package org.megalut.ml.committee;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.megalut.ml.data.NormType;
import org.megalut.ml.data.Normer;
import org.megalut.ml.network.Activation;
import org.megalut.ml.network.Architecture;

/**
 * Saves and loads a {@link Committee} as versioned JSON; the format is documented in
 * {@code org/megalut/ml/committee/committee-format.md} (resources). Doubles are written in shortest round-trip
 * form, so parameters load bit-identically; non-finite costs are written as null. Streams are neither buffered
 * beyond Jackson's own buffer nor closed, so Hadoop FileSystem streams can be passed directly.
 */
public final class CommitteeIo {
    /** The value of the "format" field. */
    public static final String FORMAT = "megalut-ml-committee";
    /** The format version written; readers accept versions up to this one. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CommitteeIo() {
    }

    /** Writes {@code committee} to {@code out} (not closed). */
    public static void write(Committee committee, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toJson(committee));
        out.flush();
    }

    /** Writes to a file, replacing it. */
    public static void write(Committee committee, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(committee, out);
        }
    }

    /**
     * Reads a committee from {@code in} (not closed).
     *
     * @throws IOException for malformed JSON, another format, a newer version or inconsistent content
     */
    public static Committee read(InputStream in) throws IOException {
        return fromJson(MAPPER.readTree(in));
    }

    /** Reads from a file. */
    public static Committee read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new IOException("cannot read committee " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(Committee c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        Architecture a = c.architecture();
        ObjectNode arch = root.putObject("architecture");
        arch.put("inputs", a.inputs());
        ArrayNode hidden = arch.putArray("hidden");
        a.hidden().forEach(hidden::add);
        arch.put("outputs", a.outputs());
        arch.put("activation", a.activation().tenbilacName());
        arch.put("outputActivation", a.outputActivation().tenbilacName());
        arch.put("parameterCount", a.parameterCount());
        root.set("inputNormer", normerJson(c.inputNormer()));
        root.set("targetNormer", normerJson(c.targetNormer()));
        ObjectNode sel = root.putObject("selection");
        sel.put("key", c.config().selection().key().configName());
        sel.put("bestn", c.config().selection().bestn());
        sel.put("combine", c.config().selection().combine().configName());
        ArrayNode selected = sel.putArray("selected");
        c.selected().forEach(selected::add);
        ArrayNode members = root.putArray("members");
        for (Member m : c.members()) {
            ObjectNode mj = members.addObject();
            mj.put("index", m.index());
            mj.put("evaluations", m.evaluations());
            mj.set("initialParameters", doubles(m.initialParameters()));
            mj.set("parameters", doubles(m.parameters()));
            ObjectNode h = mj.putObject("history");
            ArrayNode loop = h.putArray("loop");
            for (int v : m.history().loop()) {
                loop.add(v);
            }
            ArrayNode it = h.putArray("iteration");
            for (int v : m.history().iteration()) {
                it.add(v);
            }
            h.set("trainCost", doubles(m.history().trainCost()));
            h.set("valCost", doubles(m.history().valCost()));
        }
        ArrayNode continuations = root.putArray("continuations");
        for (Committee.Continuation k : c.continuations()) {
            continuations.addObject().put("mbloops", k.mbloops()).put("maxiter", k.maxiter());
        }
        root.set("config", MAPPER.valueToTree(c.config().toMap()));
        return root;
    }

    static Committee fromJson(JsonNode root) throws IOException {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a committee file: format is '" + root.path("format").asText()
                    + "', expected '" + FORMAT + "'");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IOException("unsupported committee format version " + version + " (this reader supports 1.."
                    + VERSION + ")");
        }
        try {
            MlConfig config = MlConfig.fromConfig(ConfigFactory.parseString(required(root, "config").toString()));
            Architecture stored = new Architecture(required(root, "architecture").path("inputs").asInt(),
                    intList(required(root.get("architecture"), "hidden")),
                    root.get("architecture").path("outputs").asInt(),
                    Activation.byName(root.get("architecture").path("activation").asText()),
                    Activation.byName(root.get("architecture").path("outputActivation").asText()));
            if (!stored.equals(config.architecture())) {
                throw new IOException("architecture " + stored + " does not match the config's "
                        + config.architecture());
            }
            List<Member> members = new ArrayList<>();
            for (JsonNode mj : required(root, "members")) {
                JsonNode h = required(mj, "history");
                CostHistory history = new CostHistory(ints(required(h, "loop")), ints(required(h, "iteration")),
                        doubles(required(h, "trainCost")), doubles(required(h, "valCost")));
                members.add(new Member(mj.path("index").asInt(), doubles(required(mj, "initialParameters")),
                        doubles(required(mj, "parameters")), history, mj.path("evaluations").asLong()));
            }
            List<Integer> selected = intList(required(required(root, "selection"), "selected"));
            // Absent in files written before committees could be continued: none.
            List<Committee.Continuation> continuations = new ArrayList<>();
            for (JsonNode k : root.path("continuations")) {
                continuations.add(new Committee.Continuation(required(k, "mbloops").asInt(),
                        required(k, "maxiter").asInt()));
            }
            return new Committee(config, normer(root.get("inputNormer")), normer(root.get("targetNormer")), members,
                    selected, continuations);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid committee file: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IOException("committee file lacks field '" + field + "'");
        }
        return v;
    }

    private static JsonNode normerJson(Normer n) {
        if (n == null) {
            return MAPPER.nullNode();
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", n.type().configName());
        o.set("a", doubles(n.a()));
        o.set("b", doubles(n.b()));
        return o;
    }

    private static Normer normer(JsonNode n) throws IOException {
        if (n == null || n.isNull()) {
            return null;
        }
        return new Normer(NormType.byName(required(n, "type").asText()), doubles(required(n, "a")),
                doubles(required(n, "b")));
    }

    private static ArrayNode doubles(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return v;
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static List<Integer> intList(JsonNode a) {
        List<Integer> v = new ArrayList<>();
        a.forEach(x -> v.add(x.asInt()));
        return v;
    }
}
