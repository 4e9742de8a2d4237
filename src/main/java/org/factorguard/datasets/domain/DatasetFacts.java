package org.factorguard.datasets.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything a new {@link Dataset} row is made of, assembled before the one writing transaction.
 *
 * @param priceForm               {@link Dataset#PRICES_RAW} (as imported) or {@link Dataset#PRICES_CLEANED}
 * @param reportingLagDays        the reporting lag applied to the fundamentals at import, null when none was
 * @param fundamentalsPointInTime whether the fundamentals were declared (or generated) point-in-time
 */
public record DatasetFacts(String seriesKey, String name, int versionNumber, String description, String source,
                           DatasetKind kind, DatasetContentType contentType, Long createdById, Instant createdAt,
                           String contentHash, int instrumentCount, int industryCount, int dayCount, long rowCount,
                           LocalDate firstDate, LocalDate lastDate, String marketIndexMethod,
                           String industryIndexMethod, long contentBytes, String cleaningSummary,
                           String cleaningReportJson, String priceForm, Integer reportingLagDays,
                           boolean fundamentalsPointInTime) {
}
