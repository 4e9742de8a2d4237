package org.factorguard.quant.data;

/**
 * What the import's {@link DataCleaner} found for one instrument. Datasets imported before issue 13 were
 * cleaned at import (winsorised, interpolated); their reports carry those counts and zero for the newer fields.
 *
 * @param ticker              the instrument
 * @param outliersWinsorised  days whose log return was pulled back to the outlier bound at import (older
 *                            datasets only; now 0: stored prices are not changed)
 * @param daysInterpolated    missing days filled by interpolation at import (older datasets only; now 0)
 * @param daysMissing         days without a close: before listing, after delisting and inside gaps
 * @param longestGap          longest run of missing days inside the listed span
 * @param dropped             whether the instrument was removed
 * @param dropReason          why it was removed, or an empty string
 * @param gapDays             missing days inside the listed span (carried forward in model inputs)
 * @param badTicks            isolated bad ticks found (repaired in P&amp;L only, listed in the report)
 */
public record InstrumentCleaning(String ticker, int outliersWinsorised, int daysInterpolated, int daysMissing,
                                 int longestGap, boolean dropped, String dropReason, int gapDays, int badTicks) {

    /** An entry of the older form (cleaned at import), without gap and bad-tick counts. */
    public InstrumentCleaning(String ticker, int outliersWinsorised, int daysInterpolated, int daysMissing,
                              int longestGap, boolean dropped, String dropReason) {
        this(ticker, outliersWinsorised, daysInterpolated, daysMissing, longestGap, dropped, dropReason, 0, 0);
    }
}
