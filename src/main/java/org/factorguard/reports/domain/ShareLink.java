package org.factorguard.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.shared.AbstractEntity;

/**
 * A read-only link to a report. Only the SHA-256 of the token is stored; the token itself is shown once to
 * its creator. A link may expire and may be revoked; neither can be undone.
 */
@Entity
@Table(name = "share_link")
public class ShareLink extends AbstractEntity {

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "created_by_id", nullable = false, updatable = false)
    private long createdById;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    private String createdByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ShareLink() {
    }

    public ShareLink(long reportId, String tokenHash, long createdById, String createdByName, Instant createdAt,
                     Instant expiresAt) {
        this.createdByName = createdByName;
        this.reportId = reportId;
        this.tokenHash = tokenHash;
        this.createdById = createdById;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public long getReportId() { return reportId; }
    public String getTokenHash() { return tokenHash; }
    public long getCreatedById() { return createdById; }
    public String getCreatedByName() { return createdByName; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
