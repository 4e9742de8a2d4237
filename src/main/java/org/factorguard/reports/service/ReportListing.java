package org.factorguard.reports.service;

import java.time.Instant;

/**
 * A report on the Reports page: one of the user's own, or a report shared with them that they have opened
 * through a link that still works.
 *
 * @param sharedBy      who shared it, or null for the user's own report
 * @param lstm          headline figures of the LSTM portfolio
 * @param linear        headline figures of the linear benchmark portfolio
 * @param methodVersion version of the method that computed the figures (1 for results written before versions)
 */
public record ReportListing(long id, String title, String portfolioName, String datasetName, Instant createdAt,
                            String sharedBy, Headline lstm, Headline linear, int methodVersion) {

    public boolean mine() {
        return sharedBy == null;
    }

    /** Where the report opens: the owner's view, or the read-only view of a shared report. */
    public String route() {
        return mine() ? "reports/" + id : "reports/shared/" + id;
    }

    /**
     * Table 1 headline figures of one portfolio, null where undefined or not stored.
     *
     * @param maxDrawdown   maximum drawdown (≤ 0)
     * @param valueAtRisk95 one-day historical VaR 95 % (a negative return)
     */
    public record Headline(Double maxDrawdown, Double sharpe, Double valueAtRisk95) {
    }
}
