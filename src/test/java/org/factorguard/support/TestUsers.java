package org.factorguard.support;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Users for tests of any feature, and signing in as one of them on the test thread (services check who asks). */
public final class TestUsers {

    private TestUsers() {
    }

    /** Stores the user unless it exists; its password is unusable for a real sign-in. */
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

    /** Runs {@code call} signed in as the user, and signs out afterwards whatever happens. */
    public static <T> T as(String username, Role role, Supplier<T> call) {
        signIn(username, role);
        try {
            return call.get();
        } finally {
            signOut();
        }
    }

    /** Runs {@code action} signed in as the user, and signs out afterwards whatever happens. */
    public static void as(String username, Role role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
