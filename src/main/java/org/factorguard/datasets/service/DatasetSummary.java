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
 * @param priceForm "RAW" (prices as imported) or "CLEANED" (winsorised and interpolated at import, before issue 13)
 * @param reportingLagDays        reporting lag applied to the fundamentals at import, null when none was
 * @param fundamentalsPointInTime whether the fundamentals were declared (or generated) point-in-time
 */
public record DatasetSummary(long id, String name, int versionNumber, String description, String source,
                             DatasetKind kind, DatasetContentType contentType, DatasetStatus status,
                             String createdBy, Instant createdAt, String contentHash, int instrumentCount,
                             int industryCount, int dayCount, long rowCount, LocalDate firstDate, LocalDate lastDate,
                             String marketIndexMethod, String industryIndexMethod, long contentBytes,
                             String cleaningSummary, String priceForm, Integer reportingLagDays,
                             boolean fundamentalsPointInTime) {

    public boolean isSynthetic() {
        return kind == DatasetKind.SYNTHETIC;
    }

    /** What the stored prices are and what portfolios earn, in words. */
    public String priceTreatment() {
        if (!"RAW".equals(priceForm)) {
            return "winsorised and interpolated at import (imported before prices were kept raw)";
        }
        return isSynthetic() ? "generated; portfolios earn them as they are"
                : "stored as imported; portfolios earn them (only the listed bad ticks repaired)";
    }

    /** How the fundamentals are timed, in words, e.g. "reporting lag of 45 days applied at import". */
    public String fundamentalsTiming() {
        if (source != null && source.startsWith(DatasetAdministrationService.WIDE_STOCK_SOURCE)) {
            return "none (a wide stock file carries closes only)";
        }
        if (fundamentalsPointInTime) {
            return isSynthetic() ? "generated point-in-time" : "declared point-in-time by the file (no lag applied)";
        }
        return reportingLagDays == null ? "as of their row dates (imported before reporting lags were applied)"
                : "reporting lag of " + reportingLagDays + " calendar days applied at import (a value dated d is "
                + "used from the first trading day on or after d + " + reportingLagDays + " days)";
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
