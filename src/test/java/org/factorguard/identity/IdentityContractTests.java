package org.factorguard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.identity.service.DatabaseUserDetailsService;
import org.factorguard.identity.service.FirstRunService;
import org.factorguard.identity.service.NewUser;
import org.factorguard.identity.service.UserAdministrationService;
import org.factorguard.identity.service.UserSummary;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Identity behaviour on a real database through Flyway's schema; run against H2 and PostgreSQL by the
 * subclasses. Each test starts from an empty user table.
 */
abstract class IdentityContractTests {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    FirstRunService firstRun;
    @Autowired
    UserAdministrationService admin;
    @Autowired
    UserRepository users;
    @Autowired
    DatabaseUserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AuthenticationEventPublisher authenticationEvents;
    @Autowired
    MutableClock clock;
    @Autowired
    org.factorguard.identity.domain.InstallationRepository installations;

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        users.deleteAll();
        installations.deleteAll();
    }

    static void signInAs(String username, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    void setUpAdmin() {
        firstRun.createFirstAdministrator("Alice", "Alice Admin", "correct-horse-42");
        signInAs("alice", Role.ADMIN);
    }

    @Test
    void the_first_administrator_is_created_once_with_a_hashed_password() {
        assertThat(firstRun.setupRequired()).isTrue();
        firstRun.createFirstAdministrator("Alice", "Alice Admin", "correct-horse-42");

        var stored = users.findByUsernameIgnoreCase("alice").orElseThrow();
        assertThat(stored.getRole()).isEqualTo(Role.ADMIN);
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("correct-horse-42");
        assertThat(passwordEncoder.matches("correct-horse-42", stored.getPasswordHash())).isTrue();
        assertThat(firstRun.setupRequired()).isFalse();
        assertThatThrownBy(() -> firstRun.createFirstAdministrator("mallory", "Mallory", "another-password-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set up");
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void invalid_setup_input_is_refused_field_by_field_and_writes_nothing() {
        assertThatThrownBy(() -> firstRun.createFirstAdministrator("a", "", "alice-password"))
                .isInstanceOfSatisfying(ValidationProblemException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).contains("username", "displayName"));
        assertThatThrownBy(() -> firstRun.createFirstAdministrator("alice", "Alice", "alice12345678"))
                .isInstanceOfSatisfying(ValidationProblemException.class, e -> assertThat(e.getMessage())
                        .contains("must not contain the username"));
        assertThat(users.count()).isZero();
        assertThat(installations.count()).isZero();
    }

    @Test
    void an_admin_creates_a_manager_and_usernames_are_case_insensitive() {
        setUpAdmin();
        UserSummary bob = admin.createUser(new NewUser("Bob", "Bob Manager", Role.MANAGER, "battery-staple-17"));
        assertThat(bob.username()).isEqualTo("bob");
        assertThat(userDetails.loadUserByUsername("BOB").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_MANAGER");
        assertThatThrownBy(() -> admin.createUser(new NewUser("BOB", "Other Bob", Role.MANAGER, "battery-staple-18")))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("taken");
    }

    @Test
    void a_manager_is_refused_every_admin_service_method_even_without_the_ui() {
        setUpAdmin();
        UserSummary bob = admin.createUser(new NewUser("bob", "Bob", Role.MANAGER, "battery-staple-17"));
        signInAs("bob", Role.MANAGER);

        assertThatThrownBy(() -> admin.listUsers()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.createUser(new NewUser("eve", "Eve", Role.ADMIN, "evil-password-99")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.changeRole(bob.id(), Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.setEnabled(bob.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.resetPassword(bob.id(), "new-password-123")).isInstanceOf(
                AccessDeniedException.class);
        assertThatThrownBy(() -> admin.unlock(bob.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(users.findByUsernameIgnoreCase("bob").orElseThrow().getRole()).isEqualTo(Role.MANAGER);
        assertThat(users.count()).isEqualTo(2);
    }

    @Test
    void the_last_active_administrator_can_be_neither_disabled_nor_demoted() {
        setUpAdmin();
        long aliceId = users.findByUsernameIgnoreCase("alice").orElseThrow().getId();
        assertThatThrownBy(() -> admin.setEnabled(aliceId, false))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("last active administrator");
        assertThatThrownBy(() -> admin.changeRole(aliceId, Role.MANAGER))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("last active administrator");

        UserSummary carol = admin.createUser(new NewUser("carol", "Carol", Role.ADMIN, "second-admin-pass"));
        admin.changeRole(aliceId, Role.MANAGER);
        assertThat(users.findById(aliceId).orElseThrow().getRole()).isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> admin.setEnabled(carol.id(), false)).isInstanceOf(ValidationProblemException.class);
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_can_be_enabled_again() {
        setUpAdmin();
        UserSummary bob = admin.createUser(new NewUser("bob", "Bob", Role.MANAGER, "battery-staple-17"));
        admin.setEnabled(bob.id(), false);
        assertThat(userDetails.loadUserByUsername("bob").isEnabled()).isFalse();
        admin.setEnabled(bob.id(), true);
        assertThat(userDetails.loadUserByUsername("bob").isEnabled()).isTrue();
    }

    @Test
    void repeated_failed_sign_ins_lock_the_account_for_the_configured_time() {
        setUpAdmin();
        admin.createUser(new NewUser("bob", "Bob", Role.MANAGER, "battery-staple-17"));
        for (int i = 0; i < 4; i++) {
            failSignIn("bob");
        }
        assertThat(userDetails.loadUserByUsername("bob").isAccountNonLocked()).isTrue();
        failSignIn("bob");
        UserDetails locked = userDetails.loadUserByUsername("bob");
        assertThat(locked.isAccountNonLocked()).isFalse();
        assertThat(admin.listUsers()).filteredOn(u -> u.username().equals("bob")).singleElement()
                .satisfies(u -> assertThat(u.locked()).isTrue());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(userDetails.loadUserByUsername("bob").isAccountNonLocked()).isTrue();
    }

    @Test
    void a_password_reset_by_an_admin_applies_the_password_rules_and_unlocks() {
        setUpAdmin();
        UserSummary bob = admin.createUser(new NewUser("bob", "Bob", Role.MANAGER, "battery-staple-17"));
        for (int i = 0; i < 5; i++) {
            failSignIn("bob");
        }
        assertThatThrownBy(() -> admin.resetPassword(bob.id(), "short")).isInstanceOf(ValidationProblemException.class);
        admin.resetPassword(bob.id(), "a-brand-new-pass");
        var stored = users.findById(bob.id()).orElseThrow();
        assertThat(passwordEncoder.matches("a-brand-new-pass", stored.getPasswordHash())).isTrue();
        assertThat(userDetails.loadUserByUsername("bob").isAccountNonLocked()).isTrue();
    }

    private void failSignIn(String username) {
        authenticationEvents.publishAuthenticationFailure(new BadCredentialsException("bad"),
                UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"));
    }
}
