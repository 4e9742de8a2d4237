package org.factorguard.reports.service;

import java.time.Instant;

/** A report in a list: what it is about and its headline figures (null where undefined). */
public record ReportSummary(long id, String title, long portfolioId, String portfolioName, String datasetName,
                            Instant createdAt, Double lstmSharpe, Double linearSharpe, Double lstmAnnualReturn,
                            Double lstmMaxDrawdown) {
}
