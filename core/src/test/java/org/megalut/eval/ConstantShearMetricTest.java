package org.megalut.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.megalut.great3.ObservationType;

class ConstantShearMetricTest {
    // GREAT3 reference worked example (4 subfields).
    static final double[] TG1 = {0.030, -0.010, 0.020, -0.035};
    static final double[] TG2 = {-0.020, 0.040, 0.025, -0.010};
    static final double[] PG1 = {0.010, -0.020, 0.0, 0.012};
    static final double[] PG2 = {0.010, 0.0, -0.015, -0.005};
    static final double[] SG1 = {0.03013713, -0.0103, 0.0198, -0.03507293};
    static final double[] SG2 = {-0.01975429, 0.0399, 0.02505, -0.00995503};

    @Test
    void workedExample() {
        ConstantShearMetric.Result r = ConstantShearMetric.evaluate(TG1, TG2, SG1, SG2, PG1, PG2, ObservationType.GROUND);
        assertEquals(2e-4, r.plus().intercept(), 2e-8);
        assertEquals(0.01, r.plus().slope(), 2e-6);
        assertEquals(-1e-4, r.cross().intercept(), 2e-8);
        assertEquals(-0.005, r.cross().slope(), 2e-6);
        assertEquals(407.84, r.qc(), 0.005);
        assertEquals(425.71, ConstantShearMetric.evaluate(TG1, TG2, SG1, SG2, PG1, PG2, ObservationType.SPACE).qc(), 0.005);
    }

    @Test
    void perfectAndEmptySubmissions() {
        assertEquals(1232.0, ConstantShearMetric.evaluate(TG1, TG2, TG1, TG2, PG1, PG2, ObservationType.GROUND).qc(), 1e-9);
        double[] zero = new double[4];
        // m = −1, c = 0: 2464 / sqrt(4 + 2·500²).
        assertEquals(3.48, ConstantShearMetric.evaluate(TG1, TG2, zero, zero, PG1, PG2, ObservationType.GROUND).qc(), 0.005);
        assertEquals(1006.0, ConstantShearMetric.qc(0, 2e-3, 0, 2e-3, ObservationType.GROUND), 0.5);
    }

    @Test
    void flaggedPsfShapeMeansNoRotation() {
        PsfFrame f = new PsfFrame(-10, -10);
        assertEquals(0.03, f.plus(0.03, -0.02), 0);
        assertEquals(-0.02, f.cross(0.03, -0.02), 0);
    }

    @Test
    void megalutErrorsFollowItsFormula() {
        double[] x = {0.01, 0.02, 0.03, 0.04, 0.05};
        double[] y = {0.0102, 0.0199, 0.0305, 0.0398, 0.0503};
        LineFit f = LineFit.megalut(x, y);
        LineFit g = LineFit.great3(x, y);
        // Same line, different error conventions.
        assertEquals(g.slope(), f.slope(), 1e-12);
        assertEquals(g.intercept(), f.intercept(), 1e-12);
        double s2 = 0;
        for (int i = 0; i < 5; i++) {
            double r = y[i] - f.intercept() - f.slope() * x[i];
            s2 += r * r / 5;
        }
        double vx = 2e-4; // population variance of x
        double t = 1.189; // t_{0.84, 3} to four digits
        assertEquals(t * Math.sqrt(s2 / (3 * vx)), f.slopeError(), 5e-4 * f.slopeError());
    }
}
