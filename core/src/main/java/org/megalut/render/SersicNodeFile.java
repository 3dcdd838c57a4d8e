package org.megalut.render;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The precomputed node tables of {@link SersicTables}'s n grid, shipped as the classpath resource
 * {@value #RESOURCE} so that a fresh JVM does not spend minutes of quadrature (one exact table per
 * node, over a hundred nodes) before its first stamp.
 *
 * <p>Format (gzip of big-endian {@link DataOutputStream} data): magic {@value #MAGIC}, then the grid
 * constants the file was built for (table nodes, ln-q start and step, n start and step, node count),
 * then per node n, b(n), R_fold(n) and the table values. The stored doubles are those that
 * {@link SersicKTable#compute} gave on the machine that built the file; every JVM loads the same bits,
 * so rendering does not depend on which CPU computed the tables. Computing a node on another CPU agrees
 * with the file to ~1e-14 (the quadrature's exp/pow/sin/cos may differ there in the last bit). A file
 * built for other grid constants is ignored (the nodes are then computed lazily).
 *
 * <p>Written by the test-scope {@code SersicNodeFileBuilder}; {@code SersicNodeFileTest} recomputes
 * some nodes and compares them with the file.
 */
final class SersicNodeFile {
    static final String RESOURCE = "sersic-nodes.bin.gz";
    static final int MAGIC = 0x53524e31; // "SRN1"

    private SersicNodeFile() {
    }

    /**
     * The shipped node tables indexed like {@link SersicTables}'s grid, or null when the resource is
     * missing, unreadable or built for other grid constants.
     */
    static SersicKTable[] load(int nodes, double nMin, double nStep) {
        try (InputStream raw = SersicNodeFile.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return null;
            }
            return read(raw, nodes, nMin, nStep);
        } catch (IOException e) {
            return null;
        }
    }

    static SersicKTable[] read(InputStream raw, int nodes, double nMin, double nStep) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
        if (in.readInt() != MAGIC || in.readInt() != SersicKTable.NODES || in.readDouble() != SersicKTable.X_LO
                || in.readDouble() != SersicKTable.DX || in.readDouble() != nMin || in.readDouble() != nStep
                || in.readInt() != nodes) {
            return null;
        }
        SersicKTable[] tables = new SersicKTable[nodes];
        for (int j = 0; j < nodes; j++) {
            double n = in.readDouble();
            double b = in.readDouble();
            double fold = in.readDouble();
            double[] values = new double[SersicKTable.NODES];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            tables[j] = new SersicKTable(n, b, fold, values);
        }
        return tables;
    }

    /** Writes node tables (all of them, in grid order) in the format above. */
    static void write(OutputStream raw, SersicKTable[] tables, double nMin, double nStep) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz));
        out.writeInt(MAGIC);
        out.writeInt(SersicKTable.NODES);
        out.writeDouble(SersicKTable.X_LO);
        out.writeDouble(SersicKTable.DX);
        out.writeDouble(nMin);
        out.writeDouble(nStep);
        out.writeInt(tables.length);
        for (SersicKTable t : tables) {
            out.writeDouble(t.n());
            out.writeDouble(t.b());
            out.writeDouble(t.foldRadius());
            for (double v : t.nodeValues()) {
                out.writeDouble(v);
            }
        }
        out.flush();
        gz.finish();
    }
}
