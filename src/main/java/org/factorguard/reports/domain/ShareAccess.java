package org.factorguard.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.shared.AbstractEntity;

/** One successful opening of a share link: who and when (the owner sees the list). */
@Entity
@Table(name = "share_access")
public class ShareAccess extends AbstractEntity {

    @Column(name = "link_id", nullable = false, updatable = false)
    private long linkId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    protected ShareAccess() {
    }

    public ShareAccess(long linkId, long userId, String username, Instant openedAt) {
        this.linkId = linkId;
        this.userId = userId;
        this.username = username;
        this.openedAt = openedAt;
    }

    public long getLinkId() { return linkId; }
    public long getUserId() { return userId; }
    public String getUsername() { return username; }
    public Instant getOpenedAt() { return openedAt; }
}
