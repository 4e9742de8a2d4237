package org.factorguard.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The single row written when the first administrator is created. Its fixed primary key makes the
 * first-run setup happen once even when two portal nodes race for it.
 */
@Entity
@Table(name = "installation")
public class Installation {

    public static final int SINGLETON_ID = 1;

    @Id
    private Integer id;

    @Column(name = "first_admin", nullable = false, length = 64)
    private String firstAdmin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Installation() {
    }

    public Installation(String firstAdmin, Instant createdAt) {
        this.id = SINGLETON_ID;
        this.firstAdmin = firstAdmin;
        this.createdAt = createdAt;
    }

    public String getFirstAdmin() { return firstAdmin; }

    public Instant getCreatedAt() { return createdAt; }
}
