package org.factorguard.datasets.service;

import java.util.List;
import org.factorguard.quant.data.CleaningReport;

/**
 * A dataset with its cleaning report and instruments.
 *
 * @param cleaningReport what the cleaner did, or {@code null} for generated data that was not cleaned
 */
public record DatasetDetail(DatasetSummary summary, CleaningReport cleaningReport,
        List<InstrumentSummary> instruments) {
}
