package org.factorguard.jobs.service;

import java.util.List;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.identity.service.CurrentUser.UserRef;
import org.factorguard.jobs.domain.JobRun;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.jobrunr.jobs.JobId;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Background runs for the signed-in user: submit, list, follow, cancel. The security boundary of the
 * feature: every method works for the current user only (other users' runs are "not found"), except
 * that administrators may cancel any run and list all of them.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final int MAX_SETTINGS_LENGTH = 100_000;

    private final JobRunStore store;
    private final JobHandlers handlers;
    private final JobScheduler jobScheduler;
    private final CurrentUser currentUser;
    private final JobEvents events;
    private final JobsProperties properties;

    public JobService(JobRunStore store, JobHandlers handlers, JobScheduler jobScheduler, CurrentUser currentUser,
                      JobEvents events, JobsProperties properties) {
        this.store = store;
        this.handlers = handlers;
        this.jobScheduler = jobScheduler;
        this.currentUser = currentUser;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Queues a run of {@code kind} for the signed-in user. The record is committed before JobRunr hears
     * of it, so a worker on any node always finds it.
     *
     * @throws ValidationProblemException when the kind is unknown, the title empty, or the user already has
     *                                    {@code factorguard.jobs.max-active-per-user} runs queued or running
     */
    public JobSummary submit(String kind, Long subjectId, String title, String settingsJson) {
        UserRef me = currentUser.require();
        Submission s = checked(kind, new Submission(subjectId, title, settingsJson));
        JobRun run = store.createQueued(me.id(), kind, s.subjectId(), s.title(), s.settingsJson(),
                properties.maxActivePerUser());
        return enqueue(List.of(run.getId())).getFirst();
    }

    /** One run of a batch: what {@link #submit} takes besides the kind. */
    public record Submission(Long subjectId, String title, String settingsJson) {
    }

    /**
     * Queues a batch of runs of {@code kind} for the signed-in user, all or none: the records are committed
     * together, and only when all of them fit under {@code factorguard.jobs.max-active-per-user}.
     *
     * @throws ValidationProblemException as {@link #submit}, or when the batch does not fit (nothing is queued)
     */
    public List<JobSummary> submitAll(String kind, List<Submission> batch) {
        UserRef me = currentUser.require();
        if (batch.isEmpty()) {
            throw new ValidationProblemException(null, "Nothing to run");
        }
        List<Submission> clean = batch.stream().map(s -> checked(kind, s)).toList();
        List<JobRun> created = store.createQueuedAll(me.id(), kind, clean, properties.maxActivePerUser());
        return enqueue(created.stream().map(JobRun::getId).toList());
    }

    private Submission checked(String kind, Submission s) {
        if (kind == null || handlers.find(kind).isEmpty()) {
            throw new ValidationProblemException("kind", "Unknown kind of run: " + kind);
        }
        String cleanTitle = s.title() == null ? "" : s.title().strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw new ValidationProblemException("title", "Give the run a title of 1 to 200 characters");
        }
        String settings = s.settingsJson() == null || s.settingsJson().isBlank() ? "{}" : s.settingsJson();
        if (settings.length() > MAX_SETTINGS_LENGTH) {
            throw new ValidationProblemException("settings", "The settings are too large to store with the run");
        }
        return new Submission(s.subjectId(), cleanTitle, settings);
    }

    /** Hands committed runs to JobRunr; a run JobRunr refuses is cancelled, and so are the rest of its batch. */
    private List<JobSummary> enqueue(List<Long> ids) {
        for (int k = 0; k < ids.size(); k++) {
            long id = ids.get(k);
            try {
                // name and retries (none) come from JobExecutor.execute's @Job annotation
                JobId ticket = jobScheduler.<JobExecutor>enqueue(executor -> executor.execute(id));
                store.assignJobRunrId(id, ticket.toString());
            } catch (RuntimeException e) {
                log.error("Could not queue run {} with JobRunr", id, e);
                ids.subList(k, ids.size()).forEach(store::cancel);
                ids.subList(0, k).forEach(this::cancelQuietly);
                throw new IllegalStateException("The run could not be queued; please try again", e);
            }
        }
        List<JobSummary> summaries = ids.stream().map(id -> store.summary(id).orElseThrow()).toList();
        summaries.forEach(events::publish);
        return summaries;
    }

    private void cancelQuietly(long id) {
        try {
            cancel(id);
        } catch (RuntimeException e) {
            log.warn("Could not cancel run {} of a batch that failed to queue", id, e);
        }
    }

    /** The signed-in user's runs, newest first. */
    public List<JobSummary> listMine() {
        return store.listOwnedBy(currentUser.require().id());
    }

    /** Everyone's runs, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<JobSummary> listAll() {
        return store.listAll();
    }

    /** One of the signed-in user's runs (an administrator may read any). */
    public JobSummary find(long id) {
        UserRef me = currentUser.require();
        return store.summary(id).filter(s -> s.ownerId() == me.id() || me.isAdmin())
                .orElseThrow(() -> new NotFoundException("Run"));
    }

    /**
     * Cancels a run of the signed-in user (an administrator: any run). A queued run ends CANCELLED at
     * once; a running one is asked to stop and ends CANCELLED when its handler notices (within about a
     * second for training). A finished run is left as it is.
     */
    public JobSummary cancel(long id) {
        JobSummary run = find(id);
        if (run.state().isActive()) {
            store.cancel(id);
            log.info("Run {} cancel requested by {}", id, currentUser.require().username());
        }
        JobSummary after = store.summary(id).orElseThrow();
        events.publish(after);
        return after;
    }

    /** Whether a run is still queued or running (for views deciding to keep polling). */
    public static boolean active(JobSummary run) {
        return run.state() == JobState.QUEUED || run.state() == JobState.RUNNING;
    }
}
