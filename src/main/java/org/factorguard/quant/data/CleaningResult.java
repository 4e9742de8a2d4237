package org.factorguard.quant.data;

/**
 * Output of {@link DataCleaner#clean(MarketData)}.
 *
 * @param cleaned the data to store: the kept instruments with their prices as imported, content hash set
 * @param report  what was done
 */
public record CleaningResult(MarketData cleaned, CleaningReport report) {
}
