package org.factorguard.datasets.service;

import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.ReportingLag;

/**
 * What an administrator asks to import.
 *
 * @param name        the dataset's name; an existing name makes the import a new version of that dataset
 * @param description free text (may be empty)
 * @param fileName    the uploaded file's name, kept as the source
 * @param fileBytes   the file's size in bytes when known (for progress), else 0
 * @param cleaning    cleaning settings (max gap days and max missing share of the drop rules)
 * @param reportingLagDays calendar days before a fundamental (eps, bvps, pe, pb) dated d is used (see
 *                    {@link ReportingLag}); ignored when {@code pointInTime}
 * @param pointInTime the file's fundamentals are point-in-time already (dated when they became known)
 */
public record ImportRequest(String name, String description, String fileName, long fileBytes, CleaningSettings cleaning,
                            int reportingLagDays, boolean pointInTime) {

    /** With the default reporting lag of {@value ReportingLag#DEFAULT_DAYS} days. */
    public ImportRequest(String name, String description, String fileName, long fileBytes, CleaningSettings cleaning) {
        this(name, description, fileName, fileBytes, cleaning, ReportingLag.DEFAULT_DAYS, false);
    }

    /** The lag actually applied: 0 for a point-in-time file. */
    public int appliedLagDays() {
        return pointInTime ? 0 : reportingLagDays;
    }
}
