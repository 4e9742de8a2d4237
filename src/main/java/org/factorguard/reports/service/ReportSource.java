package org.factorguard.reports.service;

/**
 * Where a finished study comes from: its owner, its run, and the portfolio and exact dataset version
 * it was queued with (frozen at submission).
 */
public record ReportSource(long ownerId, long jobId, long portfolioId, String portfolioName, long datasetId,
                           String datasetName, String datasetHash) {
}
