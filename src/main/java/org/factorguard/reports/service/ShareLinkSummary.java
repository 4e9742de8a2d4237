package org.factorguard.reports.service;

import java.time.Instant;
import java.util.List;

/** A share link as its owner sees it (never the token), with every opening, newest first. */
public record ShareLinkSummary(long id, long reportId, Instant createdAt, Instant expiresAt, Instant revokedAt,
                               List<Opening> openings) {

    public record Opening(String username, Instant openedAt) {
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
