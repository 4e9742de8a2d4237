package org.factorguard.datasets.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the datasets feature ({@code factorguard.datasets.*}).
 *
 * @param maxUploadBytes      largest CSV file accepted by an import (default 512MB)
 * @param maxProblems         problems listed for an invalid file (default 20)
 * @param cacheEntries        decoded datasets kept in memory (default 4)
 * @param builtInOnStart      generate the built-in synthetic market after start-up when absent (default true)
 */
@ConfigurationProperties("factorguard.datasets")
public record DatasetProperties(DataSize maxUploadBytes, Integer maxProblems, Integer cacheEntries,
        Boolean builtInOnStart) {

    public DatasetProperties {
        maxUploadBytes = maxUploadBytes == null ? DataSize.ofMegabytes(512) : maxUploadBytes;
        maxProblems = maxProblems == null ? 20 : maxProblems;
        cacheEntries = cacheEntries == null ? 4 : cacheEntries;
        builtInOnStart = builtInOnStart == null || builtInOnStart;
    }
}
