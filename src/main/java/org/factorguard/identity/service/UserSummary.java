package org.factorguard.identity.service;

import java.time.Instant;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;

/** What the admin view shows of a user (never the password hash). */
public record UserSummary(long id, String username, String displayName, Role role, boolean enabled,
                          boolean locked, Instant createdAt, Instant lastLoginAt) {

    static UserSummary of(AppUser u, Instant now) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isEnabled(),
                u.isLockedAt(now), u.getCreatedAt(), u.getLastLoginAt());
    }
}
