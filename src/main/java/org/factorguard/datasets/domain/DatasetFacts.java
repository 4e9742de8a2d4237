package org.factorguard.datasets.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Everything a new {@link Dataset} row is made of, assembled before the one writing transaction. */
public record DatasetFacts(String seriesKey, String name, int versionNumber, String description, String source,
                           DatasetKind kind, DatasetContentType contentType, Long createdById, Instant createdAt,
                           String contentHash, int instrumentCount, int industryCount, int dayCount, long rowCount,
                           LocalDate firstDate, LocalDate lastDate, String marketIndexMethod,
                           String industryIndexMethod, long contentBytes, String cleaningSummary,
                           String cleaningReportJson) {
}
