package org.factorguard.quant.data;

/**
 * What {@link DataCleaner} did to one instrument.
 *
 * @param ticker              the instrument
 * @param outliersWinsorised  days whose log return was pulled back to the outlier bound
 * @param daysInterpolated    missing days inside the listed span filled by interpolation
 * @param daysMissing         days still without a close afterwards (before listing / after delisting); for a
 *                            dropped instrument the missing days inside its span
 * @param longestGap          longest run of missing days inside the listed span
 * @param dropped             whether the instrument was removed
 * @param dropReason          why it was removed, or an empty string
 */
public record InstrumentCleaning(String ticker, int outliersWinsorised, int daysInterpolated, int daysMissing,
                                 int longestGap, boolean dropped, String dropReason) {
}
