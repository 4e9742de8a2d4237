package org.factorguard.jobs.service;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps run records honest when nodes die. At start-up, runs left RUNNING by this node (it cannot be
 * executing them: it just started) and runs whose heartbeat is stale are marked FAILED "Interrupted by a
 * restart of the portal"; they are not retried automatically (the owner starts them again). While the node
 * lives it writes a heartbeat for the runs it executes every {@code heartbeat-interval}, writes pending
 * progress, and every {@code sweep-interval} marks other nodes' runs with stale heartbeats the same way.
 * Times come from the injected clock; nodes' clocks must agree to well within {@code stale-after}.
 */
@Component
public class JobSupervisor {

    private static final Logger log = LoggerFactory.getLogger(JobSupervisor.class);

    private final JobRunStore store;
    private final RunsOnThisNode runsHere;
    private final JobEvents events;
    private final JobsProperties properties;
    private ScheduledExecutorService ticker;

    public JobSupervisor(JobRunStore store, RunsOnThisNode runsHere, JobEvents events, JobsProperties properties) {
        this.store = store;
        this.runsHere = runsHere;
        this.events = events;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        recoverAbandoned();
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "factorguard-job-supervisor");
            t.setDaemon(true);
            return t;
        });
        long progressMs = Math.max(100, properties.progressWriteInterval().toMillis());
        ticker.scheduleWithFixedDelay(guarded("progress", runsHere::writePendingProgress), progressMs, progressMs,
                TimeUnit.MILLISECONDS);
        long heartbeatMs = properties.heartbeatInterval().toMillis();
        ticker.scheduleWithFixedDelay(
                guarded("heartbeat", () -> store.heartbeat(runsHere.ids(), properties.nodeName())),
                heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
        long sweepMs = properties.sweepInterval().toMillis();
        ticker.scheduleWithFixedDelay(guarded("sweep", this::failStaleRuns), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    /**
     * At start-up: marks failed this node's leftover runs (whatever their heartbeat: this node is not executing
     * them) and any run with a stale heartbeat; returns their ids.
     */
    public List<Long> recoverAbandoned() {
        return report(store.failAbandoned(properties.nodeName(), runsHere.ids(), properties.staleAfter(),
                FailureReasons.INTERRUPTED_BY_RESTART));
    }

    /**
     * While the node lives: marks failed only runs whose heartbeat is stale (on any node). This node's own runs
     * are not judged by the list of runs it executes, which changes while a run is being claimed or finished.
     */
    public List<Long> failStaleRuns() {
        return report(store.failStale(properties.staleAfter(), FailureReasons.INTERRUPTED_BY_RESTART));
    }

    private List<Long> report(List<Long> failed) {
        if (!failed.isEmpty()) {
            log.warn("Marked {} abandoned run(s) as failed: {}", failed.size(), failed);
            failed.forEach(id -> store.summary(id).ifPresent(events::publish));
        }
        return failed;
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Job supervisor {} failed: {}", what, e.toString());
            }
        };
    }
}
