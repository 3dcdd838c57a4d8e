package org.megalut.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * A named prediction run (MegaLUT's "predcode"): the committees applied to a set of galaxies, grouped per
 * subfield and evaluated. Each run has its own directory, {@code <workdir>/results/<predcode>/} for the
 * branch's observations and {@code <workdir>/mimic/<predcode>/} for the {@code mimic-great3} simulation,
 * so runs with different names sit side by side and never overwrite each other:
 * <pre>
 *   committees.json                              the committee sets applied ({@link RunCommittees})
 *   predictions/subfield=S/predictions.parquet   per-galaxy shear and weight estimates
 *   group.csv                                    one row per subfield with predictions
 *   failed.csv                                   the selected subfields without, and why
 *   metrics.json                                 m, c, Q_c, scatter, noise floor (variable shear: Q_v, its
 *                                                noise reference, per-field M_ap differences)
 *   validate/KIND/subfield=S/                    the run's committees validated (KIND shear or weights):
 *                                                bias.csv, cases.csv, residuals.png
 *   shear-catalog/catalog-SSS.txt                variable shear: per-galaxy ID g1 g2 weight, GREAT3's input
 *   submission.txt                               variable shear: GREAT3's submission (field theta mapE mapB sigma)
 *   xi.txt                                       variable shear: the per-field correlation functions
 *   reference.txt                                variable shear: the truth's aperture masses, as submission.txt
 *   report/index.html                            tables and figures
 * </pre>
 *
 * @param workdir  the pipeline's output root (URI)
 * @param predcode the run's name: letters, digits, '.', '_' or '-'
 * @param target   what the committees are applied to
 */
public record PredictionRun(String workdir, String predcode, Target target) implements Serializable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The simulated dataset a mimic run predicts. */
    public static final String MIMIC_DATASET = "mimic-great3";

    /** What a run predicts. */
    public enum Target {
        /** The branch's observed galaxies (features from {@code measure-obs}). */
        OBS("results"),
        /** The {@code mimic-great3} simulation of each subfield: a fiducial branch with known shears. */
        MIMIC("mimic");

        private final String dir;

        Target(String dir) {
            this.dir = dir;
        }

        /** The table (under the work directory) whose galaxies the run predicts. */
        public String inputTable() {
            return this == OBS ? WorkdirLayout.OBSERVATIONS : WorkdirLayout.simulationName(MIMIC_DATASET);
        }
    }

    public PredictionRun {
        if (predcode == null || !NAME.matcher(predcode).matches()) {
            throw new IllegalArgumentException("predcode must be letters, digits, '.', '_' or '-' (not starting with"
                    + " '.', '_' or '-'), found '" + predcode + "'");
        }
    }

    /** The run's directory. */
    public Path root() {
        return WorkdirLayout.of(workdir).run(target.dir, predcode);
    }

    /** The directory of the per-galaxy predictions, one {@code subfield=S} directory per subfield. */
    public Path predictionsDir() {
        return new Path(root(), "predictions");
    }

    /** The per-galaxy predictions of a subfield. */
    public Path predictions(int subfield) {
        return new Path(WorkdirLayout.subfield(predictionsDir(), subfield), "predictions.parquet");
    }

    /** The record of the committee sets the run applies ({@link RunCommittees}). */
    public Path committeesJson() {
        return new Path(root(), "committees.json");
    }

    public Path groupCsv() {
        return new Path(root(), "group.csv");
    }

    /** The subfields left out of the group table, with the reason (a CSV: subfield, reason). */
    public Path failedCsv() {
        return new Path(root(), "failed.csv");
    }

    public Path metricsJson() {
        return new Path(root(), "metrics.json");
    }

    /** The per-galaxy shear catalogues of a variable-shear run, one per subfield. */
    public Path shearCatalogDir() {
        return new Path(root(), "shear-catalog");
    }

    /** A subfield's per-galaxy shear catalogue: {@code shear-catalog/catalog-SSS.txt}. */
    public Path shearCatalog(int subfield) {
        return new Path(shearCatalogDir(), String.format(Locale.ROOT, "catalog-%03d.txt", subfield));
    }

    /** Name of the run's shear-catalogue state under {@code <workdir>/_state/}. */
    public String shearCatalogStep() {
        return target.dir + "/" + predcode + "/shear-catalog";
    }

    /** GREAT3's variable-shear submission of the run. */
    public Path submissionTxt() {
        return new Path(root(), "submission.txt");
    }

    /** The per-field shear correlation functions behind the submission. */
    public Path xiTxt() {
        return new Path(root(), "xi.txt");
    }

    /** The reference aperture masses of the fields evaluated, in the submission's layout. */
    public Path referenceTxt() {
        return new Path(root(), "reference.txt");
    }

    public Path reportDir() {
        return new Path(root(), "report");
    }

    /** Name of the run's prediction state under {@code <workdir>/_state/}. */
    public String predictStep() {
        return target.dir + "/" + predcode + "/predict";
    }

    /** The validation outputs of a kind ({@code shear}, {@code weights}), one {@code subfield=S} directory each. */
    public Path validationDir(String kind) {
        return new Path(new Path(root(), "validate"), kind);
    }

    /** Name of the run's validation state of a kind under {@code <workdir>/_state/}. */
    public String validateStep(String kind) {
        return target.dir + "/" + predcode + "/validate-" + kind;
    }

    /** A short description for logs: {@code results/main}. */
    public String label() {
        return target.dir + "/" + predcode;
    }
}
