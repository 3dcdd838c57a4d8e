package org.megalut.spark;

import java.io.Serializable;

/**
 * What a task returns for part of a subfield: one output row, or the error that fails the subfield.
 * Errors travel as data rather than as task failures so that one bad subfield cannot abort the job.
 * (A plain class rather than a record: Spark's Kryo cannot build records.)
 */
public final class SubfieldResult implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int subfield;
    private final Object[] values;
    private final String error;

    private SubfieldResult(int subfield, Object[] values, String error) {
        this.subfield = subfield;
        this.values = values;
        this.error = error;
    }

    /** An output row (values in schema order). */
    public static SubfieldResult row(int subfield, Object[] values) {
        return new SubfieldResult(subfield, values, null);
    }

    /** The failure of a subfield, with the message of its cause (which names the file). */
    public static SubfieldResult failure(int subfield, Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new SubfieldResult(subfield, null, msg);
    }

    public int subfield() {
        return subfield;
    }

    public Object[] values() {
        return values;
    }

    public String error() {
        return error;
    }

    public boolean failed() {
        return error != null;
    }
}
