package org.megalut.ml.cost;

import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Tensor2;
import org.megalut.ml.data.Tensor3;

/** Shape checks shared by the cost functions. */
final class CostChecks {
    private CostChecks() {
    }

    static void check(CostFunction cost, Tensor3 y, NetworkData data) {
        Tensor2 t = data.targets();
        if (t == null) {
            throw new IllegalArgumentException(cost.name() + ": the dataset has no targets");
        }
        if (y.rows() != t.labels() || y.cases() != t.cases() || y.realizations() != data.realizations()) {
            throw new IllegalArgumentException(cost.name() + ": outputs " + y.realizations() + "x" + y.rows() + "x"
                    + y.cases() + " do not match targets " + t.labels() + "x" + t.cases() + " with "
                    + data.realizations() + " realizations");
        }
        if (cost.needsAux()) {
            Tensor3 a = data.aux();
            if (a == null) {
                throw new IllegalArgumentException(cost.name() + " needs aux inputs, the dataset has none");
            }
            if (a.rows() != y.rows()) {
                throw new IllegalArgumentException(cost.name() + ": " + a.rows() + " aux labels for "
                        + y.rows() + " outputs");
            }
        }
    }
}
