package org.factorguard.jobs.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-memory broadcast of run changes on this node (state changes and progress writes), for live views.
 * Runs executed by another node are not seen here: views also re-read the database periodically.
 * Listeners are called on the writing thread and must hand work off quickly (e.g. {@code UI.access}).
 */
@Component
public class JobEvents {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final List<Consumer<JobSummary>> listeners = new CopyOnWriteArrayList<>();

    /** Subscribes; the returned handle unsubscribes. */
    public Runnable subscribe(Consumer<JobSummary> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(JobSummary change) {
        for (Consumer<JobSummary> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A job event listener failed", e);
            }
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
