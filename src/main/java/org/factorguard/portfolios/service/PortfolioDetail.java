package org.factorguard.portfolios.service;

import java.time.Instant;

/** One portfolio as its editor and pages see it. */
public record PortfolioDetail(long id, String name, long datasetId, String datasetName, boolean datasetActive,
                              PortfolioSettings settings, Instant createdAt, Instant updatedAt) {
}
