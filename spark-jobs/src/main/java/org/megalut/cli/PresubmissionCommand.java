package org.megalut.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.megalut.eval.variable.LatticeShearCorrelator;
import org.megalut.eval.variable.Presubmission;
import org.megalut.eval.variable.ShearCatalog;
import org.megalut.eval.variable.VariableSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code presubmission}: GREAT3's variable-shear presubmission of per-galaxy shear catalogues, with exact
 * pair sums (see docs/variable-shear.md).
 */
@Command(name = "presubmission", mixinStandardHelpOptions = true,
        description = {"Per field of a GREAT3 variable-shear branch, the exact shear correlation functions xi+/-"
                + " and the E/B aperture-mass dispersions, written as GREAT3's submission",
            "(lines 'field theta mapE mapB sigma_map'). Input: ASCII catalogues 'ID g1 g2 [weight]' (# comments), or"
                + " FITS (.fits/.fit, the same column numbers in the first extension's table); galaxies with g1 >= 10"
                + " or g2 >= 10 are failures and left out."})
final class PresubmissionCommand implements Callable<Integer> {

    @Option(names = "--catalog", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Shear catalogue(s) of the branch (local files).")
    List<Path> catalogs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Submission file to write.")
    Path out;

    @Option(names = "--id-column", defaultValue = "0", paramLabel = "N",
            description = "0-based column of the galaxy ID (default ${DEFAULT-VALUE}).")
    int idColumn;

    @Option(names = "--g1-column", defaultValue = "1", paramLabel = "N",
            description = "0-based column of g1 (default ${DEFAULT-VALUE}).")
    int g1Column;

    @Option(names = "--g2-column", defaultValue = "2", paramLabel = "N",
            description = "0-based column of g2 (default ${DEFAULT-VALUE}).")
    int g2Column;

    @Option(names = "--weight-column", defaultValue = "-1", paramLabel = "N",
            description = "0-based column of the weights; -1 (default) for uniform weights, as GREAT3.")
    int weightColumn;

    @Option(names = "--partial", description = "Skip GREAT3's count check (10 000 galaxies in each of the 200"
            + " subfields); every field must still have galaxies.")
    boolean partial;

    @Option(names = "--print-xi", description = "Also print each field's xi+, xi-, xix and pair counts.")
    boolean printXi;

    @Override
    public Integer call() throws Exception {
        ShearCatalog.Columns cols = new ShearCatalog.Columns(idColumn, g1Column, g2Column, weightColumn);
        List<ShearCatalog> parts = new ArrayList<>();
        for (Path p : catalogs) {
            parts.add(ShearCatalog.read(p, cols));
        }
        ShearCatalog all = ShearCatalog.concat(parts);
        List<Presubmission.FieldStatistics> fields = Presubmission.compute(all, LatticeShearCorrelator.great3(),
                !partial);
        VariableSubmission sub = Presubmission.submission(fields);
        sub.write(out);
        if (printXi) {
            for (Presubmission.FieldStatistics f : fields) {
                var xi = f.correlation();
                System.out.printf(Locale.ROOT, "# field %d: theta_nominal <ln r> xi+ xi- xix weight npairs%n", f.field());
                for (int k = 0; k < xi.bins().count(); k++) {
                    System.out.printf(Locale.ROOT, "%d %.6e %.8e %.10e %.10e %.10e %.6e %d%n", f.field(),
                            xi.bins().nominalR(k), xi.meanLogR()[k], xi.xiPlus()[k], xi.xiMinus()[k], xi.xiCross()[k],
                            xi.weight()[k], xi.pairs()[k]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "presubmission: %d galaxies in %d fields -> %s (%d rows)%n", all.size(),
                fields.size(), out, sub.rows());
        return 0;
    }
}
