package org.factorguard.jobs.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of background runs: {@code factorguard.jobs.queued} and {@code factorguard.jobs.running}
 * (gauges over the shared database, so the same on every node), {@code factorguard.jobs.finished} (counter
 * per final state, runs finished on this node) and {@code factorguard.jobs.duration} (timer per kind and
 * final state). Administrators read them on {@code /actuator/metrics}.
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry, JobRunStore store) {
        this.registry = registry;
        Gauge.builder("factorguard.jobs.queued", store, s -> safeCount(s, JobState.QUEUED))
                .description("Runs waiting for a worker (all nodes)").register(registry);
        Gauge.builder("factorguard.jobs.running", store, s -> safeCount(s, JobState.RUNNING))
                .description("Runs executing (all nodes)").register(registry);
    }

    void finished(String kind, JobState state, Duration duration) {
        Counter.builder("factorguard.jobs.finished").description("Runs finished on this node, by final state")
                .tag("state", state.name()).register(registry).increment();
        Timer.builder("factorguard.jobs.duration").description("Running time of finished runs")
                .tag("kind", kind).tag("state", state.name()).register(registry).record(duration);
    }

    private static double safeCount(JobRunStore store, JobState state) {
        try {
            return store.count(state);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
