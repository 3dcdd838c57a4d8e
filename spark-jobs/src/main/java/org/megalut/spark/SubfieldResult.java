package org.megalut.spark;

import java.io.Serializable;

/**
 * What a task returns for part of a subfield: one output row, or the error that fails the subfield.
 * Errors travel as data rather than as task failures so that one bad subfield cannot abort the job.
 */
public record SubfieldResult(int subfield, Object[] values, String error) implements Serializable {

    public static SubfieldResult row(int subfield, Object[] values) {
        return new SubfieldResult(subfield, values, null);
    }

    public static SubfieldResult failure(int subfield, Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new SubfieldResult(subfield, null, msg);
    }

    public boolean failed() {
        return error != null;
    }
}
