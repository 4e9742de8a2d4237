package org.factorguard.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Estimated time left of a running run, extrapolated linearly from its progress fraction and the time it has
 * run so far: {@code left = elapsed · (1 − f) / f}. No estimate before {@value #MIN_FRACTION} of the work and
 * {@link #MIN_ELAPSED} of running, when the first stages (loading data) say little about the rest.
 */
public final class RunEta {

    public static final double MIN_FRACTION = 0.05;
    public static final Duration MIN_ELAPSED = Duration.ofSeconds(5);

    private RunEta() {
    }

    /** The estimated time left, or empty when there is no meaningful estimate. */
    public static Optional<Duration> remaining(double fraction, Duration elapsed) {
        if (!(fraction >= MIN_FRACTION) || fraction >= 1 || elapsed.compareTo(MIN_ELAPSED) < 0) {
            return Optional.empty();
        }
        double seconds = elapsed.toMillis() / 1000.0 * (1 - fraction) / fraction;
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** The estimate of a run: only a RUNNING run has one. */
    public static Optional<Duration> remaining(JobSummary run, Instant now) {
        if (run.state() != JobState.RUNNING) {
            return Optional.empty();
        }
        return remaining(run.progress(), run.duration(now));
    }

    /** The estimate as a user reads it: "less than a minute left", "about 3 min left", "about 1 h 20 min left". */
    public static String label(Duration left) {
        long minutes = Math.round(left.toMillis() / 60_000.0);
        if (minutes < 1) {
            return "less than a minute left";
        }
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        long rest = minutes % 60;
        return "about " + minutes / 60 + " h" + (rest == 0 ? "" : " " + rest + " min") + " left";
    }

    /** The label of a run's estimate, or empty. */
    public static Optional<String> label(JobSummary run, Instant now) {
        return remaining(run, now).map(RunEta::label);
    }
}
