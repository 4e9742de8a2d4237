package org.factorguard.jobs.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A run as views show it (entities never leave the service).
 *
 * @param progress       fraction done in [0, 1]
 * @param resultLocation the portal route of the result when the run succeeded and its kind has one, else null
 * @param subjectLocation the portal route of what the run works on (for a study, its portfolio's runs page), or
 *                        null
 */
public record JobSummary(long id, long ownerId, String ownerName, String kind, Long subjectId, String title,
                         JobState state, String stage, double progress, Integer epoch, Double latestLoss,
                         List<LossPoint> lossHistory, Instant createdAt, Instant startedAt, Instant finishedAt,
                         String errorMessage, String resultRef, String resultLocation, boolean cancelRequested,
                         String nodeName, String subjectLocation) {

    /** Time spent running so far (or in total once finished); zero while queued. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    public boolean cancellable() {
        return state.isActive() && !cancelRequested;
    }
}
