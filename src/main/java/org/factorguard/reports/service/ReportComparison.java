package org.factorguard.reports.service;

import java.time.Instant;
import java.util.List;
import org.factorguard.quant.study.StudyResult;

/**
 * Two to four reports side by side: each report's stored result, and every setting with its value in each
 * report (those that differ first).
 */
public record ReportComparison(List<Compared> reports, List<SettingRow> settings) {

    public ReportComparison {
        reports = List.copyOf(reports);
        settings = List.copyOf(settings);
    }

    /**
     * One compared report.
     *
     * @param sharedBy      who shared it, or null for the user's own report
     * @param methodVersion version of the method that computed it (1 for results written before versions)
     */
    public record Compared(long id, String title, String portfolioName, String datasetName, Instant createdAt,
                           String sharedBy, int methodVersion, StudyResult result) {
    }

    /** One setting and its value in each compared report, in the reports' order. */
    public record SettingRow(String setting, List<String> values) {

        public SettingRow {
            values = List.copyOf(values);
        }

        /** Whether the reports disagree on this setting. */
        public boolean differs() {
            return values.stream().distinct().count() > 1;
        }
    }

    /** The settings on which the reports disagree. */
    public List<SettingRow> differing() {
        return settings.stream().filter(SettingRow::differs).toList();
    }
}
