package org.factorguard.identity.service;

import java.util.Optional;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user, for services that scope data by owner. Only valid on request threads: a
 * background job receives its owner explicitly instead.
 */
@Component
public class CurrentUser {

    private final UserRepository users;

    public CurrentUser(UserRepository users) {
        this.users = users;
    }

    /** The signed-in user's reference, or empty when nobody is signed in. */
    @Transactional(readOnly = true)
    public Optional<UserRef> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return Optional.empty();
        }
        return users.findByUsernameIgnoreCase(auth.getName()).filter(AppUser::isEnabled)
                .map(u -> new UserRef(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole()));
    }

    /** The signed-in user; fails when nobody is. */
    public UserRef require() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in first"));
    }

    /** A light reference to a user that can cross into views and background jobs. */
    public record UserRef(long id, String username, String displayName, Role role) {

        public boolean isAdmin() {
            return role == Role.ADMIN;
        }
    }
}
