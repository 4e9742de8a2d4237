package org.factorguard.jobs.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.factorguard.jobs.domain.JobRun;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a JobRunr worker executes. Each submitted run enqueues one JobRunr job, {@code execute(runId)};
 * that job is a <em>ticket</em> for one execution slot: it starts the queued run that is fairest to run
 * next ({@link JobRunStore#claimNextFair}), which is {@code runId} itself unless another user has been
 * waiting longer. JobRunr thus spreads work over the nodes and their workers, and FactorGuard decides the
 * order between users (JobRunr's open-source edition has no priority queues). The claim is a
 * conditional update from QUEUED to RUNNING, so every run executes exactly once; a ticket that finds
 * nothing to start (e.g. its run was cancelled while queued) ends at once.
 *
 * <p>JobRunr retries are off ({@code retries = 0}): a failed study is reported, not repeated, and a run
 * interrupted by a crash is marked failed by {@link JobSupervisor} rather than restarted.
 */
@Component
public class JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    private final JobRunStore store;
    private final JobHandlers handlers;
    private final RunsOnThisNode runsHere;
    private final JobEvents events;
    private final JobMetrics metrics;
    private final JobsProperties properties;
    private final Clock clock;

    public JobExecutor(JobRunStore store, JobHandlers handlers, RunsOnThisNode runsHere, JobEvents events,
                       JobMetrics metrics, JobsProperties properties, Clock clock) {
        this.store = store;
        this.handlers = handlers;
        this.runsHere = runsHere;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The JobRunr job of run {@code runId}: starts the fairest queued run (see the class comment). */
    @Job(name = "FactorGuard run (ticket of %0)", retries = 0)
    public void execute(long runId) {
        String node = properties.nodeName();
        Optional<JobRun> claimed = store.claimNextFair(node);
        if (claimed.isEmpty()) {
            log.debug("Ticket of run {}: nothing left to start", runId);
            return;
        }
        run(claimed.get(), node);
    }

    private void run(JobRun record, String node) {
        long id = record.getId();
        log.info("Run {} ({}, owner {}) started on {}", id, record.getKind(), record.getOwnerId(), node);
        publish(id);
        RunProgress progress = new RunProgress(id, node, store, () -> publish(id),
                properties.progressWriteInterval().toNanos(), System::nanoTime);
        DatabaseCancellationToken token = new DatabaseCancellationToken(id, store,
                properties.cancelPollInterval().toNanos(), System::nanoTime);
        AtomicReference<String> result = new AtomicReference<>();
        runsHere.add(id, progress);
        JobState outcome;
        String error = null;
        try {
            JobHandler handler = handlers.find(record.getKind()).orElseThrow(() ->
                    new JobFailedException("This portal cannot run jobs of kind " + record.getKind()));
            if (token.isCancellationRequested()) {
                outcome = JobState.CANCELLED;
            } else {
                handler.run(new Context(record, progress, token, result));
                outcome = result.get() == null && token.wasCancelled() ? JobState.CANCELLED : JobState.SUCCEEDED;
            }
        } catch (TrainingCancelledException cancelled) {
            outcome = JobState.CANCELLED;
        } catch (Exception | OutOfMemoryError | StackOverflowError failure) {
            outcome = JobState.FAILED;
            error = FailureReasons.describe(failure);
            if (failure instanceof Exception && !(failure instanceof JobFailedException)) {
                log.warn("Run {} failed: {}", id, error, failure);
            } else {
                log.warn("Run {} failed: {}", id, error);
            }
        }
        try {
            progress.flush();
            if (outcome == JobState.SUCCEEDED) {
                progress.stage("Done", 1.0);
            }
            if (store.finish(id, node, outcome, error, result.get())) {
                Duration took = Duration.between(store.summary(id).map(JobSummary::startedAt).orElse(clock.instant()),
                        clock.instant());
                metrics.finished(record.getKind(), outcome, took);
                log.info("Run {} ended {}", id, outcome);
            } else {
                log.warn("Run {} ended {} here, but another node had already marked it abandoned", id, outcome);
            }
            publish(id);
        } catch (RuntimeException e) {
            log.warn("Could not record the end of run {} ({}); recovery will mark it", id, outcome, e);
        } finally {
            // only now: until its end is recorded, the run is alive here and no sweep may call it abandoned
            runsHere.remove(id);
        }
    }

    private void publish(long id) {
        store.summary(id).ifPresent(events::publish);
    }

    private record Context(JobRun record, JobProgress progress, CancellationToken cancellation,
                           AtomicReference<String> result) implements JobContext {

        @Override
        public long jobId() {
            return record.getId();
        }

        @Override
        public long ownerId() {
            return record.getOwnerId();
        }

        @Override
        public Long subjectId() {
            return record.getSubjectId();
        }

        @Override
        public String settingsJson() {
            return record.getSettingsJson();
        }

        @Override
        public void recordResult(String resultReference) {
            if (resultReference == null || resultReference.isBlank() || resultReference.length() > 200) {
                throw new IllegalArgumentException("a result reference has 1 to 200 characters");
            }
            result.set(resultReference);
        }
    }
}
