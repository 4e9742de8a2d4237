package org.factorguard.reports.service;

import java.time.Instant;

/** What opening a share link gave: the report snapshot, or why not. */
public record SharedReportOpening(Outcome outcome, ReportDetail report, String sharedBy, Instant expiresAt) {

    public enum Outcome { OK, REVOKED, EXPIRED, NOT_FOUND }

    static SharedReportOpening refused(Outcome outcome) {
        return new SharedReportOpening(outcome, null, null, null);
    }
}
