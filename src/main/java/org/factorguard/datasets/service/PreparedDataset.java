package org.factorguard.datasets.service;

import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetKind;
import org.factorguard.quant.data.CleaningReport;
import org.factorguard.quant.data.MarketData;

/**
 * A dataset fully validated, cleaned, hashed and encoded, ready for the one transaction that stores it.
 *
 * @param report  the cleaning report, or null for generated data that is not cleaned
 * @param encoded the {@code MarketDataCodec} bytes of {@code data}
 * @param reportingLagDays        the reporting lag applied to the fundamentals, null for none
 * @param fundamentalsPointInTime whether the fundamentals are point-in-time as given
 */
record PreparedDataset(String name, String description, String source, DatasetKind kind,
                       DatasetContentType contentType, Long createdById, MarketData data, CleaningReport report,
                       String cleaningSummary, byte[] encoded, Integer reportingLagDays,
                       boolean fundamentalsPointInTime) {
}
