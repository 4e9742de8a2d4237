package org.factorguard.jobs.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.factorguard.jobs.service.JobState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs, and the conditional updates that move them between states. Every transition names the state
 * it expects ({@code where state = ...}) and reports how many rows changed, so concurrent nodes agree on
 * who won without locks held across the run.
 */
public interface JobRunRepository extends JpaRepository<JobRun, Long> {

    List<JobRun> findByOwnerIdOrderByCreatedAtDescIdDesc(long ownerId);

    List<JobRun> findAllByOrderByCreatedAtDescIdDesc();

    List<JobRun> findByStateOrderByCreatedAtAscIdAsc(JobState state);

    long countByState(JobState state);

    long countByOwnerIdAndStateIn(long ownerId, Collection<JobState> states);

    /** Locks the owner's user row so that two simultaneous submissions cannot both pass the limit. */
    @Query(value = "select id from app_user where id = :id for update", nativeQuery = true)
    List<Long> lockOwner(@Param("id") long ownerId);

    /** Rows of (owner id, running count). */
    @Query("""
            select r.ownerId, count(r) from JobRun r where r.state = org.factorguard.jobs.service.JobState.RUNNING
             group by r.ownerId""")
    List<Object[]> countRunningByOwner();

    /** Rows of (owner id, latest start) over all runs that ever started. */
    @Query("select r.ownerId, max(r.startedAt) from JobRun r where r.startedAt is not null group by r.ownerId")
    List<Object[]> lastStartByOwner();

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.state = org.factorguard.jobs.service.JobState.RUNNING, r.startedAt = :now,
                   r.heartbeatAt = :now, r.nodeName = :node, r.version = r.version + 1
             where r.id = :id and r.state = org.factorguard.jobs.service.JobState.QUEUED""")
    int claim(@Param("id") long id, @Param("node") String node, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.stage = :stage, r.progress = :progress, r.epoch = :epoch, r.latestLoss = :loss,
                   r.lossHistory = :history, r.heartbeatAt = :now, r.version = r.version + 1
             where r.id = :id and r.state = org.factorguard.jobs.service.JobState.RUNNING and r.nodeName = :node""")
    int writeProgress(@Param("id") long id, @Param("node") String node, @Param("stage") String stage,
                      @Param("progress") double progress, @Param("epoch") Integer epoch, @Param("loss") Double loss,
                      @Param("history") String history, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.heartbeatAt = :now
             where r.id in :ids and r.state = org.factorguard.jobs.service.JobState.RUNNING and r.nodeName = :node""")
    int heartbeat(@Param("ids") Collection<Long> ids, @Param("node") String node, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.state = :state, r.finishedAt = :now, r.errorMessage = :error,
                   r.resultRef = coalesce(:result, r.resultRef), r.version = r.version + 1
             where r.id = :id and r.state = org.factorguard.jobs.service.JobState.RUNNING and r.nodeName = :node""")
    int finish(@Param("id") long id, @Param("node") String node, @Param("state") JobState state,
               @Param("error") String error, @Param("result") String result, @Param("now") Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.cancelRequested = true, r.version = r.version + 1
             where r.id = :id and r.state in (org.factorguard.jobs.service.JobState.QUEUED,
                                              org.factorguard.jobs.service.JobState.RUNNING)""")
    int requestCancel(@Param("id") long id);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.state = org.factorguard.jobs.service.JobState.CANCELLED, r.finishedAt = :now,
                   r.version = r.version + 1
             where r.id = :id and r.state = org.factorguard.jobs.service.JobState.QUEUED""")
    int cancelQueued(@Param("id") long id, @Param("now") Instant now);

    @Query("select r.cancelRequested from JobRun r where r.id = :id")
    Boolean isCancelRequested(@Param("id") long id);

    /** Running runs that no live node looks after: this node's leftovers (not in {@code alive}) or stale heartbeats. */
    @Query("""
            select r from JobRun r where r.state = org.factorguard.jobs.service.JobState.RUNNING
               and ((r.nodeName = :node and r.id not in :alive) or r.heartbeatAt is null
                    or r.heartbeatAt < :staleBefore)""")
    List<JobRun> findAbandoned(@Param("node") String node, @Param("alive") Collection<Long> alive,
                               @Param("staleBefore") Instant staleBefore);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update JobRun r set r.state = org.factorguard.jobs.service.JobState.FAILED, r.finishedAt = :now,
                   r.errorMessage = :reason, r.version = r.version + 1
             where r.id = :id and r.state = org.factorguard.jobs.service.JobState.RUNNING
               and ((r.nodeName = :node and r.id not in :alive) or r.heartbeatAt is null
                    or r.heartbeatAt < :staleBefore)""")
    int failAbandoned(@Param("id") long id, @Param("node") String node, @Param("alive") Collection<Long> alive,
                      @Param("staleBefore") Instant staleBefore, @Param("reason") String reason,
                      @Param("now") Instant now);
}
