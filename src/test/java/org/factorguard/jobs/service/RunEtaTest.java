package org.factorguard.jobs.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEtaTest {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void a_quarter_done_after_one_minute_leaves_three_minutes() {
        assertThat(RunEta.remaining(0.25, Duration.ofMinutes(1))).contains(Duration.ofMinutes(3));
        assertThat(RunEta.label(Duration.ofMinutes(3))).isEqualTo("about 3 min left");
    }

    @Test
    void no_estimate_before_five_percent_or_five_seconds_or_when_done() {
        assertThat(RunEta.remaining(0.04, Duration.ofMinutes(10))).isEmpty();
        assertThat(RunEta.remaining(0.5, Duration.ofSeconds(4))).isEmpty();
        assertThat(RunEta.remaining(1.0, Duration.ofMinutes(10))).isEmpty();
        assertThat(RunEta.remaining(Double.NaN, Duration.ofMinutes(10))).isEmpty();
        assertThat(RunEta.remaining(0.05, Duration.ofSeconds(5))).contains(Duration.ofSeconds(95));
    }

    @Test
    void labels_round_to_minutes_and_hours() {
        assertThat(RunEta.label(Duration.ofSeconds(20))).isEqualTo("less than a minute left");
        assertThat(RunEta.label(Duration.ofSeconds(150))).isEqualTo("about 3 min left");
        assertThat(RunEta.label(Duration.ofMinutes(80))).isEqualTo("about 1 h 20 min left");
        assertThat(RunEta.label(Duration.ofMinutes(120))).isEqualTo("about 2 h left");
    }

    @Test
    void only_a_running_run_has_an_estimate() {
        Instant now = START.plusSeconds(60);
        assertThat(RunEta.label(run(JobState.RUNNING, START, 0.5), now)).contains("about 1 min left");
        assertThat(RunEta.label(run(JobState.QUEUED, null, 0.5), now)).isEmpty();
        assertThat(RunEta.label(run(JobState.FAILED, START, 0.5), now)).isEmpty();
    }

    private static JobSummary run(JobState state, Instant startedAt, double progress) {
        return new JobSummary(1, 1, "ann", "study", 1L, "Study", state, "Training", progress, null, null, List.of(),
                START, startedAt, null, null, null, null, false, null, null);
    }
}
