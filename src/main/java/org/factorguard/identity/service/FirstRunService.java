package org.factorguard.identity.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Installation;
import org.factorguard.identity.domain.InstallationRepository;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First-run setup: while no user exists, the portal only offers to create the first administrator.
 * There is no default account and no default password.
 */
@Service
public class FirstRunService {

    private final UserRepository users;
    private final InstallationRepository installations;
    private final PasswordEncoder passwordEncoder;
    private final CredentialRules rules;
    private final Clock clock;

    public FirstRunService(UserRepository users, InstallationRepository installations, PasswordEncoder passwordEncoder,
                           CredentialRules rules, Clock clock) {
        this.users = users;
        this.installations = installations;
        this.passwordEncoder = passwordEncoder;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean setupRequired() {
        // a primary-key lookup: cheap enough for every navigation, and right on every node
        return !installations.existsById(Installation.SINGLETON_ID) && users.count() == 0;
    }

    /**
     * Creates the first administrator.
     *
     * @throws IllegalStateException when the portal is already set up
     * @throws ValidationProblemException when the input is invalid (nothing is written)
     */
    @Transactional
    public void createFirstAdministrator(String username, String displayName, String password) {
        if (!setupRequired()) {
            throw new IllegalStateException("FactorGuard is already set up: sign in instead");
        }
        String name = CredentialRules.normalizeUsername(username);
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(rules.checkUsername(name));
        problems.addAll(rules.checkDisplayName(displayName));
        problems.addAll(rules.checkPassword(password, name));
        if (!problems.isEmpty()) {
            throw new ValidationProblemException(problems);
        }
        try {
            installations.saveAndFlush(new Installation(name, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw new IllegalStateException("FactorGuard is already set up: sign in instead");
        }
        users.save(new AppUser(name, displayName.trim(), passwordEncoder.encode(password), Role.ADMIN,
                clock.instant()));
    }
}
