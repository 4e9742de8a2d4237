package org.factorguard.identity.service;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's HTTP sessions (after disabling or changing role), so the change applies at once
 * rather than at their next sign-in. Sessions are tracked by Spring Security's session registry.
 */
@Component
public class SessionTerminator {

    private final SessionRegistry registry;

    public SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    public void endSessionsOf(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                }
            }
        }
    }
}
