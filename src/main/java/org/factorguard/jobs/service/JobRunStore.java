package org.factorguard.jobs.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factorguard.identity.service.UserNames;
import org.factorguard.jobs.domain.JobRun;
import org.factorguard.jobs.domain.JobRunRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes of run records, each in its own short transaction (no transaction is held while a
 * run executes). Not a security boundary: {@link JobService} checks who asks before calling it.
 */
@Component
public class JobRunStore {

    static final int MAX_LOSS_POINTS = 400;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<Long> NONE = List.of(-1L);

    private final JobRunRepository runs;
    private final UserNames users;
    private final JobHandlers handlers;
    private final Clock clock;

    public JobRunStore(JobRunRepository runs, UserNames users, JobHandlers handlers, Clock clock) {
        this.runs = runs;
        this.users = users;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** Creates a queued run unless the owner already has {@code maxActive} queued or running. */
    @Transactional
    public JobRun createQueued(long ownerId, String kind, Long subjectId, String title, String settingsJson,
            int maxActive) {
        runs.lockOwner(ownerId);
        long active = runs.countByOwnerIdAndStateIn(ownerId, List.of(JobState.QUEUED, JobState.RUNNING));
        if (active >= maxActive) {
            throw new org.factorguard.shared.ValidationProblemException(null, "You already have " + active
                    + (active == 1 ? " run" : " runs") + " queued or running (the limit is " + maxActive
                    + "): wait for one to finish or cancel one");
        }
        return runs.save(new JobRun(ownerId, kind, subjectId, title, settingsJson, clock.instant()));
    }

    /**
     * Creates all the queued runs of a batch in one transaction, or none: refused when they do not all fit under
     * {@code maxActive} beside the owner's runs already queued or running.
     */
    @Transactional
    public List<JobRun> createQueuedAll(long ownerId, String kind, List<JobService.Submission> batch,
            int maxActive) {
        runs.lockOwner(ownerId);
        long active = runs.countByOwnerIdAndStateIn(ownerId, List.of(JobState.QUEUED, JobState.RUNNING));
        if (active + batch.size() > maxActive) {
            throw new org.factorguard.shared.ValidationProblemException(null, "These " + batch.size()
                    + " runs need " + batch.size() + " free places and you have " + (maxActive - active)
                    + " (" + active + (active == 1 ? " run" : " runs") + " queued or running, the limit is "
                    + maxActive + "): wait for runs to finish, cancel some, or choose fewer values");
        }
        Instant now = clock.instant();
        List<JobRun> created = new ArrayList<>();
        for (JobService.Submission s : batch) {
            created.add(runs.save(new JobRun(ownerId, kind, s.subjectId(), s.title(), s.settingsJson(), now)));
        }
        return created;
    }

    @Transactional
    public void assignJobRunrId(long id, String jobRunrId) {
        runs.findById(id).ifPresent(r -> r.assignJobRunrId(jobRunrId));
    }

    /**
     * Starts the queued run that is fairest to run next, on this node: the owner with the fewest running
     * runs first, then the owner who was served longest ago (never before first), then the oldest run.
     * The conditional update makes the claim exactly-once across nodes; a lost race retries.
     */
    public Optional<JobRun> claimNextFair(String node) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<Long> candidate = nextFairCandidate();
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            if (claim(candidate.get(), node)) {
                return runs.findById(candidate.get());
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    Optional<Long> nextFairCandidate() {
        List<JobRun> queued = runs.findByStateOrderByCreatedAtAscIdAsc(JobState.QUEUED);
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> running = new HashMap<>();
        for (Object[] row : runs.countRunningByOwner()) {
            running.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, Instant> lastStart = new HashMap<>();
        for (Object[] row : runs.lastStartByOwner()) {
            lastStart.put((Long) row[0], (Instant) row[1]);
        }
        Comparator<JobRun> fairness = Comparator
                .<JobRun>comparingLong(r -> running.getOrDefault(r.getOwnerId(), 0L))
                .thenComparing(r -> lastStart.get(r.getOwnerId()), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(JobRun::getCreatedAt)
                .thenComparing(JobRun::getId);
        return queued.stream().min(fairness).map(JobRun::getId);
    }

    @Transactional
    boolean claim(long id, String node) {
        return runs.claim(id, node, clock.instant()) == 1;
    }

    @Transactional
    boolean writeProgress(long id, String node, String stage, double progress, Integer epoch, Double loss,
                          List<LossPoint> history) {
        return runs.writeProgress(id, node, stage, progress, epoch, loss, JSON.writeValueAsString(history),
                clock.instant()) == 1;
    }

    @Transactional
    void heartbeat(Collection<Long> ids, String node) {
        if (!ids.isEmpty()) {
            runs.heartbeat(ids, node, clock.instant());
        }
    }

    @Transactional
    boolean finish(long id, String node, JobState state, String error, String result) {
        return runs.finish(id, node, state, error, result, clock.instant()) == 1;
    }

    @Transactional(readOnly = true)
    public boolean isCancelRequested(long id) {
        return Boolean.TRUE.equals(runs.isCancelRequested(id));
    }

    /** Cancels: a queued run at once; a running one by raising its flag. Returns whether anything changed. */
    @Transactional
    boolean cancel(long id) {
        int flagged = runs.requestCancel(id);
        runs.cancelQueued(id, clock.instant());
        return flagged == 1;
    }

    /** Marks as failed the running runs that no live node looks after; returns their ids. */
    @Transactional
    /** Fails running runs whose heartbeat is older than {@code staleAfter}, on any node. */
    public List<Long> failStale(java.time.Duration staleAfter, String reason) {
        // node names are never empty, so no run matches the "this node's leftovers" clause
        return failAbandoned("", NONE, staleAfter, reason);
    }

    public List<Long> failAbandoned(String node, Collection<Long> aliveHere, java.time.Duration staleAfter,
            String reason) {
        Collection<Long> alive = aliveHere.isEmpty() ? NONE : aliveHere;
        Instant now = clock.instant();
        Instant staleBefore = now.minus(staleAfter);
        List<Long> failed = new ArrayList<>();
        for (JobRun run : runs.findAbandoned(node, alive, staleBefore)) {
            if (runs.failAbandoned(run.getId(), node, alive, staleBefore, reason, now) == 1) {
                failed.add(run.getId());
            }
        }
        return failed;
    }

    @Transactional(readOnly = true)
    public Optional<JobSummary> summary(long id) {
        return runs.findById(id).map(r -> toSummaries(List.of(r)).get(0));
    }

    @Transactional(readOnly = true)
    public List<JobSummary> listOwnedBy(long ownerId) {
        return toSummaries(runs.findByOwnerIdOrderByCreatedAtDescIdDesc(ownerId));
    }

    @Transactional(readOnly = true)
    public List<JobSummary> listAll() {
        return toSummaries(runs.findAllByOrderByCreatedAtDescIdDesc());
    }

    @Transactional(readOnly = true)
    public long count(JobState state) {
        return runs.countByState(state);
    }

    private List<JobSummary> toSummaries(List<JobRun> list) {
        Map<Long, String> names = users.usernames(list.stream().map(JobRun::getOwnerId).toList());
        return list.stream().map(r -> new JobSummary(r.getId(), r.getOwnerId(), names.getOrDefault(r.getOwnerId(), "?"),
                r.getKind(), r.getSubjectId(), r.getTitle(), r.getState(), r.getStage(), r.getProgress(), r.getEpoch(),
                r.getLatestLoss(), parseHistory(r.getLossHistory()), r.getCreatedAt(), r.getStartedAt(),
                r.getFinishedAt(), r.getErrorMessage(), r.getResultRef(),
                r.getState() == JobState.SUCCEEDED ? handlers.resultLocation(r.getKind(), r.getResultRef()) : null,
                r.isCancelRequested(), r.getNodeName(), handlers.subjectLocation(r.getKind(), r.getSubjectId())))
                .toList();
    }

    static List<LossPoint> parseHistory(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return List.copyOf(JSON.readValue(json, new TypeReference<List<LossPoint>>() { }));
    }
}
