package org.factorguard.portfolios.service;

import java.time.Instant;

/** A row of the manager's portfolio list. */
public record PortfolioSummary(long id, String name, long datasetId, String datasetName, boolean datasetSynthetic,
                               String universe, int factorCount, Instant updatedAt) {
}
