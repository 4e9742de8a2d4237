package org.factorguard.datasets.service;

import java.time.Instant;
import java.time.LocalDate;
import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetKind;
import org.factorguard.datasets.domain.DatasetStatus;

/**
 * A dataset version as views and other features see it.
 *
 * @param createdBy display name of the importing administrator, or {@code "FactorGuard (built-in)"}
 * @param rowCount  (instrument, day) pairs with a close after cleaning
 */
public record DatasetSummary(long id, String name, int versionNumber, String description, String source,
                             DatasetKind kind, DatasetContentType contentType, DatasetStatus status,
                             String createdBy, Instant createdAt, String contentHash, int instrumentCount,
                             int industryCount, int dayCount, long rowCount, LocalDate firstDate, LocalDate lastDate,
                             String marketIndexMethod, String industryIndexMethod, long contentBytes,
                             String cleaningSummary) {

    public boolean isSynthetic() {
        return kind == DatasetKind.SYNTHETIC;
    }

    public boolean isActive() {
        return status == DatasetStatus.ACTIVE;
    }

    /** The first 12 hex digits of the content hash, enough to tell versions apart on screen. */
    public String shortHash() {
        return contentHash.substring(0, Math.min(12, contentHash.length()));
    }

    /** Name with version, e.g. {@code "US large caps · v2"}; synthetic data says so. */
    public String displayName() {
        return name + " · v" + versionNumber + (isSynthetic() ? " (synthetic)" : "");
    }
}
