package org.factorguard.jobs;

import java.time.Instant;
import java.util.List;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Users for job tests, and signing in as one of them on the test thread. */
public final class JobTestUsers {

    private JobTestUsers() {
    }

    public static void ensure(UserRepository users, String username, Role role) {
        if (!users.existsByUsernameIgnoreCase(username)) {
            users.save(new AppUser(username, username.toUpperCase(), "{noop}unused-password", role, Instant.now()));
        }
    }

    public static void signIn(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
