package org.factorguard.quant.data;

/**
 * Output of {@link DataCleaner#clean(MarketData)}.
 *
 * @param cleaned the cleaned data (kept instruments only, content hash set)
 * @param report  what was done
 */
public record CleaningResult(MarketData cleaned, CleaningReport report) {
}
