package org.megalut.spark.steps;

import java.io.Serializable;
import org.megalut.eval.variable.AngularBins;
import org.megalut.eval.variable.ShearCorrelation;
import org.megalut.eval.variable.VariableNoiseReference;

/**
 * What a variable-shear Spark task returns for one field: its ξ± as plain arrays, with the realization
 * it belongs to and, for the evaluation, the field's residual sums and counts. (A plain class rather than
 * a record: Spark's Kryo cannot build records.)
 */
final class FieldCorrelation implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int field;
    private final int realization;
    private final double[][] columns;
    private final long[] pairs;
    private final double[] residuals;
    private final long[] counts;

    private FieldCorrelation(int field, int realization, double[][] columns, long[] pairs, double[] residuals,
                             long[] counts) {
        this.field = field;
        this.realization = realization;
        this.columns = columns;
        this.pairs = pairs;
        this.residuals = residuals;
        this.counts = counts;
    }

    /** A field's correlation functions (realization 0, no residuals). */
    static FieldCorrelation of(int field, ShearCorrelation xi) {
        return of(field, 0, xi);
    }

    /** A realization's correlation functions of a field. */
    static FieldCorrelation of(int field, int realization, ShearCorrelation xi) {
        return new FieldCorrelation(field, realization, new double[][] {xi.meanLogR(), xi.xiPlus(), xi.xiMinus(),
            xi.xiCross(), xi.weight(), xi.varXi()}, xi.pairs(), new double[0], new long[0]);
    }

    /** The same with the field's residual sums and its galaxy and failure counts. */
    FieldCorrelation with(VariableNoiseReference.Residuals r, long galaxies, long failed) {
        return new FieldCorrelation(field, realization, columns, pairs, new double[] {r.sum1(), r.sumSq1(), r.sum2(),
            r.sumSq2()}, new long[] {r.galaxies(), galaxies, failed});
    }

    int field() {
        return field;
    }

    int realization() {
        return realization;
    }

    /** The correlation functions, in the given bins. */
    ShearCorrelation correlation(AngularBins bins) {
        return new ShearCorrelation(bins, columns[0], columns[1], columns[2], columns[3], columns[4], pairs, columns[5]);
    }

    /** The residual sums ({@link #with}). */
    VariableNoiseReference.Residuals residuals() {
        return new VariableNoiseReference.Residuals(counts[0], residuals[0], residuals[1], residuals[2], residuals[3]);
    }

    /** Galaxies of the field's catalogues ({@link #with}). */
    long galaxies() {
        return counts[1];
    }

    /** Of which failed GREAT3's test ({@link #with}). */
    long failed() {
        return counts[2];
    }
}
