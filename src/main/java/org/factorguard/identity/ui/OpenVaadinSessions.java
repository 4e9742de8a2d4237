package org.factorguard.identity.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Vaadin sessions open on this node, so that a user's sessions can be ended at once. Expiring the Spring
 * Security session alone is not enough: with server push over a web socket, a signed-in page keeps talking to
 * the server without any HTTP request passing the security filters. Ending a session sends each of its pages to
 * the login page and invalidates the HTTP session, which closes the Vaadin session and its web socket.
 */
@Component
public class OpenVaadinSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OpenVaadinSessions.class);

    private final Set<VaadinSession> open = ConcurrentHashMap.newKeySet();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> open.add(e.getSession()));
        event.getSource().addSessionDestroyListener(e -> open.remove(e.getSession()));
    }

    /** Ends the Vaadin sessions living in the HTTP sessions with these ids; returns how many were ended. */
    public int end(Collection<String> httpSessionIds) {
        int ended = 0;
        for (VaadinSession session : open) {
            WrappedSession http = session.getSession();
            String id;
            try {
                id = http == null ? null : http.getId();
            } catch (IllegalStateException alreadyInvalid) {
                open.remove(session);
                continue;
            }
            if (id == null || !httpSessionIds.contains(id)) {
                continue;
            }
            session.access(() -> session.getUIs().forEach(ui -> ui.getPage().setLocation("login")));
            try {
                http.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
            open.remove(session);
            ended++;
        }
        if (ended > 0) {
            log.info("Ended {} open Vaadin session(s)", ended);
        }
        return ended;
    }
}
