package org.factorguard.identity.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User management for administrators. Every method checks the ADMIN role itself (method security),
 * so a manager is refused even when calling it without the UI.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministrationService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CredentialRules rules;
    private final SessionTerminator sessions;
    private final Clock clock;

    public UserAdministrationService(UserRepository users, PasswordEncoder passwordEncoder, CredentialRules rules,
                                     SessionTerminator sessions, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.rules = rules;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByUsernameAsc().stream().map(u -> UserSummary.of(u, clock.instant())).toList();
    }

    @Transactional
    public UserSummary createUser(NewUser request) {
        String name = CredentialRules.normalizeUsername(request.username());
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(rules.checkUsername(name));
        problems.addAll(rules.checkDisplayName(request.displayName()));
        if (request.role() == null) {
            problems.add(new FieldProblem("role", "Choose a role"));
        }
        problems.addAll(rules.checkPassword(request.initialPassword(), name));
        if (problems.isEmpty() && users.existsByUsernameIgnoreCase(name)) {
            problems.add(new FieldProblem("username", "The username '" + name + "' is taken"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        AppUser user = users.save(new AppUser(name, request.displayName().trim(),
                passwordEncoder.encode(request.initialPassword()), request.role(), clock.instant()));
        return UserSummary.of(user, clock.instant());
    }

    @Transactional
    public UserSummary setEnabled(long userId, boolean enabled) {
        AppUser user = load(userId);
        if (!enabled && user.getRole() == Role.ADMIN && user.isEnabled()) {
            requireAnotherActiveAdmin("disable");
        }
        user.setEnabled(enabled);
        if (!enabled) {
            sessions.endSessionsOf(user.getUsername());
        }
        return UserSummary.of(user, clock.instant());
    }

    @Transactional
    public UserSummary changeRole(long userId, Role role) {
        if (role == null) {
            throw new ValidationProblemException("role", "Choose a role");
        }
        AppUser user = load(userId);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN && user.isEnabled()) {
            requireAnotherActiveAdmin("demote");
        }
        user.changeRole(role);
        sessions.endSessionsOf(user.getUsername());
        return UserSummary.of(user, clock.instant());
    }

    @Transactional
    public void resetPassword(long userId, String newPassword) {
        AppUser user = load(userId);
        List<FieldProblem> problems = rules.checkPassword(newPassword, user.getUsername());
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
    }

    @Transactional
    public UserSummary unlock(long userId) {
        AppUser user = load(userId);
        user.unlock();
        return UserSummary.of(user, clock.instant());
    }

    private void requireAnotherActiveAdmin(String action) {
        if (users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new ValidationProblemException(null,
                    "You cannot " + action + " the last active administrator: make another user an administrator "
                            + "first");
        }
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("User"));
    }
}
