package org.factorguard.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.factorguard.shared.AbstractEntity;

/** A person who signs in. The password is stored only as a one-way hash. */
@Entity
@Table(name = "app_user")
public class AppUser extends AbstractEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public String getUsername() { return username; }

    public String getDisplayName() { return displayName; }

    public String getPasswordHash() { return passwordHash; }

    public Role getRole() { return role; }

    public boolean isEnabled() { return enabled; }

    public int getFailedAttempts() { return failedAttempts; }

    public Instant getLockedUntil() { return lockedUntil; }

    public Instant getCreatedAt() { return createdAt; }

    public Instant getLastLoginAt() { return lastLoginAt; }

    public Instant getPasswordChangedAt() { return passwordChangedAt; }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void changeRole(Role newRole) { this.role = newRole; }

    public void setEnabled(boolean enabled) { this.enabled = enabled; }

    public void changeDisplayName(String name) { this.displayName = name; }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** Counts a failed sign-in; locks the account once {@code maxFailures} is reached. */
    public void recordFailedLogin(Instant now, int maxFailures, java.time.Duration lockDuration) {
        if (lockedUntil != null && !lockedUntil.isAfter(now)) {
            failedAttempts = 0;
            lockedUntil = null;
        }
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockDuration);
        }
    }

    public void recordSuccessfulLogin(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }
}
