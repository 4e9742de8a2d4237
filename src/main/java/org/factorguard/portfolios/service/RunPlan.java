package org.factorguard.portfolios.service;

import org.factorguard.quant.study.StudyConfig;

/**
 * A study ready to be queued: the exact settings (a snapshot: editing the portfolio later changes nothing of a
 * run already planned) and the dataset version they run on.
 */
public record RunPlan(long portfolioId, String portfolioName, long datasetId, String datasetName, String datasetHash,
                      StudyConfig config) {
}
