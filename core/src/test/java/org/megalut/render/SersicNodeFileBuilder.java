package org.megalut.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Builds the shipped Sérsic node tables ({@link SersicNodeFile}) by quadrature, in parallel. Run from
 * the test classpath with the output file as argument, normally
 * {@code core/src/main/resources/org/megalut/render/sersic-nodes.bin.gz}; takes a few CPU minutes.
 */
public final class SersicNodeFileBuilder {
    private SersicNodeFileBuilder() {
    }

    public static void main(String[] args) throws IOException {
        int count = SersicTables.nodeCount();
        SersicKTable[] tables = new SersicKTable[count];
        // largest n first: those quadratures are the slowest, so the pool stays busy to the end
        IntStream.range(0, count).map(j -> count - 1 - j).parallel()
                .forEach(j -> tables[j] = SersicKTable.compute(SersicTables.nodeN(j)));
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            SersicNodeFile.write(out, tables, SersicKTable.N_MIN, SersicTables.N_STEP);
        }
        System.out.println("wrote " + count + " node tables to " + args[0]);
    }
}
