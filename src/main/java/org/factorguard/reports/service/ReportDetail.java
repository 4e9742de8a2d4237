package org.factorguard.reports.service;

import java.time.Instant;
import org.factorguard.quant.study.StudyResult;

/**
 * A whole report: metadata and the parsed stored result (the snapshot: it never changes).
 *
 * @param datasetHash SHA-256 content hash of the data set the study ran on
 */
public record ReportDetail(long id, String title, long portfolioId, String portfolioName, long jobId,
                           String datasetName, String datasetHash, boolean syntheticData, long seed, Instant createdAt,
                           StudyResult result) {

    /** The first 12 hex digits of the dataset hash. */
    public String shortHash() {
        return datasetHash.substring(0, Math.min(12, datasetHash.length()));
    }
}
