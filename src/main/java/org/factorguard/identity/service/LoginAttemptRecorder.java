package org.factorguard.identity.service;

import java.time.Clock;
import org.factorguard.identity.IdentityProperties;
import org.factorguard.identity.domain.UserRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins and locks an account for a while after too many of them. */
@Component
public class LoginAttemptRecorder {

    private final UserRepository users;
    private final IdentityProperties properties;
    private final Clock clock;

    public LoginAttemptRecorder(UserRepository users, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsernameIgnoreCase(CredentialRules.normalizeUsername(event.getAuthentication().getName()))
                .ifPresent(u -> u.recordFailedLogin(clock.instant(), properties.maxFailedLogins(),
                        properties.lockDuration()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsernameIgnoreCase(event.getAuthentication().getName())
                .ifPresent(u -> u.recordSuccessfulLogin(clock.instant()));
    }
}
