package org.megalut.ml.data;

/**
 * The dense form of a {@link LongTable}: the raw {@link NetworkData} ({@code data}), the case id of each case index and the
 * realization id of each realization slot (both ascending), and which (realization, case) slots had a row
 * ({@code present[r * cases + c]}).
 */
public record TableTensors(long[] caseIds, long[] realizationIds, boolean[] present, NetworkData data) {

    public TableTensors {
        caseIds = caseIds.clone();
        realizationIds = realizationIds.clone();
        present = present.clone();
    }

    @Override
    public long[] caseIds() {
        return caseIds.clone();
    }

    @Override
    public long[] realizationIds() {
        return realizationIds.clone();
    }

    @Override
    public boolean[] present() {
        return present.clone();
    }

    /** Whether the table had a row for realization slot r of case index c. */
    public boolean isPresent(int r, int c) {
        return present[r * caseIds.length + c];
    }
}
