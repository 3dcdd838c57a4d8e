package org.megalut.spark.steps;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.megalut.sim.megalut.DatasetSpec;
import org.megalut.sim.megalut.PopulationFit;
import org.megalut.sim.megalut.TruncatedNormalLaw;
import org.megalut.spark.WorkdirLayout;
import org.megalut.spark.io.FiniteRows;
import org.megalut.spark.io.RowThinning;
import org.megalut.spark.settings.RunSettings;

/**
 * Fits a simulated dataset's size and flux laws to the branch's observed galaxies ({@link PopulationFit}):
 * reads, for the selected subfields, the observed adaptive-moment σ and flux and the dataset's measured σ,
 * flux and drawn half-light radius and flux, each thinned by a fixed hash to about {@code sample} rows per
 * subfield, keeps the stamps whose values are all finite, and fits on the driver (a few numbers per
 * galaxy of a subsample reach it).
 */
public final class PopulationFitStep {
    private static final List<String> OBS_COLUMNS = List.of("adamom_sigma", "adamom_flux");
    private static final List<String> SIM_COLUMNS = List.of("adamom_sigma", "adamom_flux", "tru_rad", "tru_flux");

    private PopulationFitStep() { }

    /**
     * The fitted laws; of a dataset with a selection, the parent laws its cut selects from
     * ({@link PopulationFit}).
     *
     * @param dataset the simulated dataset, whose size and flux laws must be truncated normals (G3, G3BD, or
     *                laws of its own)
     * @param cells   quantile cells per feature
     * @param sample  about how many observed and simulated galaxies per subfield are used
     * @throws IllegalArgumentException when the dataset or the observations have not been made, or the
     *                                  dataset draws uniform sizes or fluxes
     */
    public static PopulationFit.Result run(SparkSession spark, RunSettings s, String dataset, int cells, long sample)
            throws IOException {
        DatasetSpec spec = s.recipe().dataset(dataset);
        TruncatedNormalLaw hlrLaw = spec.drawnHlrLaw(); // a uniform distribution is refused before any reading
        TruncatedNormalLaw fluxLaw = spec.drawnFluxLaw();
        WorkdirLayout layout = WorkdirLayout.of(s.workdir());
        Map<Integer, List<double[]>> obs = read(spark, layout.table(WorkdirLayout.OBSERVATIONS), s.subfields(),
                OBS_COLUMNS, sample, "the observations (measure-obs)");
        Map<Integer, List<double[]>> sim = read(spark, layout.simulation(dataset), s.subfields(), SIM_COLUMNS, sample,
                "dataset " + dataset + " (simulate " + dataset + ")");
        List<PopulationFit.Subfield> subfields = new ArrayList<>();
        for (Map.Entry<Integer, List<double[]>> e : obs.entrySet()) {
            List<double[]> simRows = sim.get(e.getKey());
            if (simRows == null) {
                continue;
            }
            subfields.add(new PopulationFit.Subfield(column(e.getValue(), 0), column(e.getValue(), 1),
                    column(simRows, 0), column(simRows, 1), column(simRows, 2), column(simRows, 3)));
        }
        if (subfields.isEmpty()) {
            throw new IllegalArgumentException("no selected subfield has both observed galaxies and dataset " + dataset
                    + " in " + s.workdir() + " (subfields with observations: " + obs.keySet() + ", with the dataset: "
                    + sim.keySet() + ")");
        }
        // a dataset cut as the observations were: fit the parent laws the cut selects from
        return PopulationFit.fit(subfields, hlrLaw, fluxLaw, cells, spec.selection() != null);
    }

    /** Subfield → rows of the columns' values (all finite), thinned to about {@code sample} rows per subfield. */
    private static Map<Integer, List<double[]>> read(SparkSession spark, Path table, int[] subfields, List<String> columns,
                                                     long sample, String what) throws IOException {
        if (!table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table)) {
            throw new IllegalArgumentException("no " + what + " at " + table);
        }
        Dataset<Row> t = spark.read().parquet(table.toString())
                .where(col("subfield").isin(Arrays.stream(subfields).boxed().toArray()));
        List<Column> cols = new ArrayList<>(List.of(col("subfield").cast("int")));
        for (String c : columns) {
            if (!Arrays.asList(t.columns()).contains(c)) {
                throw new IllegalArgumentException(table + " has no column " + c + "; columns: "
                        + Arrays.toString(t.columns()));
            }
            cols.add(col(c).cast("double"));
        }
        t = t.where(FiniteRows.allFinite(columns));
        Map<Integer, List<double[]>> out = new TreeMap<>();
        for (Row r : RowThinning.thin(t, sample * subfields.length).select(cols.toArray(Column[]::new)).collectAsList()) {
            double[] v = new double[columns.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = r.getDouble(j + 1);
            }
            out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(v);
        }
        // The collected order follows the partitioning; sorted, the fit's sums do not.
        out.values().forEach(rows -> rows.sort(Arrays::compare));
        return out;
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }
}
