package org.factorguard.identity.service;

import java.util.ArrayList;
import java.util.List;
import org.factorguard.identity.ui.OpenVaadinSessions;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends a user's HTTP sessions (after disabling or changing role), so the change applies at once
 * rather than at their next sign-in. Sessions are tracked by Spring Security's session registry and, for pages on
 * server push, by {@link OpenVaadinSessions}.
 */
@Component
public class SessionTerminator {

    private final SessionRegistry registry;
    private final OpenVaadinSessions vaadinSessions;

    public SessionTerminator(SessionRegistry registry, OpenVaadinSessions vaadinSessions) {
        this.registry = registry;
        this.vaadinSessions = vaadinSessions;
    }

    public void endSessionsOf(String username) {
        List<String> ended = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails details && details.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended.add(session.getSessionId());
                }
            }
        }
        // The expired session is refused at its next HTTP request; a page on server push (web socket) sends none,
        // so its Vaadin session is ended here as well.
        vaadinSessions.end(ended);
    }
}
