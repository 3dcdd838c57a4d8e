package org.megalut.ml.cost;

import org.megalut.ml.data.NetworkData;
import org.megalut.ml.data.Tensor3;

/**
 * A training cost of net outputs Y[r][l][c] against targets T[l][c] (and aux inputs A[r][l][c]), with masked
 * realizations excluded from every mean. Implementations are stateless apart from scratch space and must not be
 * shared between threads.
 */
public interface CostFunction {

    /** The Tenbilac / config name, e.g. "msb". */
    String name();

    /** Whether the cost reads aux inputs. */
    boolean needsAux();

    /**
     * The cost of {@code y} on {@code data}; if {@code dy} is non-null it receives dCost/dY in the layout of
     * {@code y}, zero at masked realizations.
     *
     * @param data a prepared dataset with targets (and aux inputs when {@link #needsAux()})
     */
    double evaluate(Tensor3 y, NetworkData data, double[] dy);
}
