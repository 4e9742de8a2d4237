package org.factorguard.portfolios.service;

import java.time.Instant;

/**
 * One portfolio as its editor and pages see it.
 *
 * @param datasetName      the dataset's display name with its version, e.g. {@code "US large caps · v2"}
 * @param datasetActive    false once an administrator retired the dataset (the portfolio keeps it)
 * @param datasetHash      the dataset version's content hash (SHA-256, hex)
 * @param datasetSynthetic whether the dataset is generated rather than real market data
 */
public record PortfolioDetail(long id, String name, long datasetId, String datasetName, boolean datasetActive,
                              PortfolioSettings settings, Instant createdAt, Instant updatedAt, String datasetHash,
                              boolean datasetSynthetic) {

    /** The first 12 hex digits of the dataset hash, enough to tell versions apart on screen. */
    public String datasetShortHash() {
        return datasetHash.substring(0, Math.min(12, datasetHash.length()));
    }
}
