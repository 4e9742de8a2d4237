package org.factorguard.studies.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.shared.AbstractEntity;

/**
 * One study per value of one portfolio setting, queued together: which run studies which value, in the order
 * the values were given. Written once when the sweep is queued and never changed.
 */
@Entity
@Table(name = "setting_sweep")
public class SettingSweep extends AbstractEntity {

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    private long portfolioId;

    /** The swept setting's name (the studies service's {@code SweptSetting}). */
    @Column(nullable = false, updatable = false, length = 40)
    private String setting;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "setting_sweep_run", joinColumns = @JoinColumn(name = "sweep_id"))
    @OrderColumn(name = "member_index")
    private List<Member> members = new ArrayList<>();

    protected SettingSweep() {
    }

    public SettingSweep(long ownerId, long portfolioId, String setting, Instant createdAt, List<Member> members) {
        this.ownerId = ownerId;
        this.portfolioId = portfolioId;
        this.setting = setting;
        this.createdAt = createdAt;
        this.members = new ArrayList<>(members);
    }

    public long getOwnerId() {
        return ownerId;
    }

    public long getPortfolioId() {
        return portfolioId;
    }

    public String getSetting() {
        return setting;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Member> getMembers() {
        return List.copyOf(members);
    }

    /** One value of the swept setting and the study run that studies it. */
    @Embeddable
    public static class Member {

        @Column(name = "setting_value", nullable = false, length = 40)
        private String value;

        @Column(name = "job_id", nullable = false)
        private long jobId;

        protected Member() {
        }

        public Member(String value, long jobId) {
            this.value = value;
            this.jobId = jobId;
        }

        public String getValue() {
            return value;
        }

        public long getJobId() {
            return jobId;
        }
    }
}
