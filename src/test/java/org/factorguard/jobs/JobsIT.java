package org.factorguard.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.FailureReasons;
import org.factorguard.jobs.service.JobEvents;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** Background runs on one node (H2): execution, results, cancel, limits, fairness, failures, scoping, metrics. */
@SpringBootTest(properties = {"factorguard.jobs.max-active-per-user=5", "factorguard.jobs.node-name=it-node",
        "jobrunr.background-job-server.enabled=true"})
@ActiveProfiles("test")
@Import(TestJobKinds.class)
class JobsIT {

    private static final Duration PICKUP = Duration.ofSeconds(20);

    @Autowired
    JobService jobs;
    @Autowired
    UserRepository users;
    @Autowired
    JobEvents events;
    @Autowired
    MeterRegistry meters;

    @org.junit.jupiter.api.BeforeAll
    static void pollOnTheTestThread() {
        // conditions call the service, which needs the test thread's security context
        org.awaitility.Awaitility.pollInSameThread();
    }

    @BeforeEach
    void forgetRunsOfOtherTestClasses() {
        // run ids restart in every test database, so runs recorded by other classes' contexts must not count
        CountingJobHandler.STARTED.clear();
    }

    @BeforeEach
    void users() {
        TestUsers.ensure(users, "ann", Role.MANAGER);
        TestUsers.ensure(users, "ben", Role.MANAGER);
        TestUsers.ensure(users, "cleo", Role.MANAGER);
        TestUsers.ensure(users, "root", Role.ADMIN);
        TestUsers.signIn("ann", Role.MANAGER);
    }

    @AfterEach
    void waitUntilIdle() {
        TestUsers.signIn("root", Role.ADMIN);
        for (JobSummary run : jobs.listAll()) {
            if (run.state().isActive()) {
                jobs.cancel(run.id());
            }
        }
        await().atMost(PICKUP).until(() -> jobs.listAll().stream().noneMatch(r -> r.state().isActive()));
        TestUsers.signOut();
    }

    private JobSummary awaitFinal(long id) {
        await().atMost(PICKUP).pollInterval(Duration.ofMillis(50)).until(() -> jobs.find(id).state().isFinal());
        return jobs.find(id);
    }

    @Test
    void a_submitted_run_executes_in_the_background_and_stores_its_result_and_progress() {
        List<JobSummary> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribe(seen::add);
        String submitter = Thread.currentThread().getName();

        JobSummary queued = jobs.submit(CountingJobHandler.KIND, 42L, "Count to 10",
                CountingJobHandler.settings(10, 30));
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(queued.subjectId()).isEqualTo(42L);

        JobSummary done = awaitFinal(queued.id());
        // the final event is published right after the final state is committed
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(e -> e.state() == JobState.SUCCEEDED));
        unsubscribe.run();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.resultRef()).isEqualTo("count-10");
        assertThat(done.resultLocation()).isEqualTo("runs/result/count-10");
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.epoch()).isEqualTo(10);
        assertThat(done.latestLoss()).isEqualTo(0.1);
        assertThat(done.lossHistory()).isNotEmpty().last().satisfies(p -> assertThat(p.epoch()).isEqualTo(10));
        assertThat(done.startedAt()).isAfterOrEqualTo(done.createdAt());
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.nodeName()).isEqualTo("it-node");
        assertThat(done.errorMessage()).isNull();
        // the node told its listeners about the start, progress and the end
        assertThat(seen).extracting(JobSummary::state).contains(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(Thread.currentThread().getName()).isEqualTo(submitter);
        assertThat(meters.get("factorguard.jobs.finished").tag("state",
                "SUCCEEDED").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("factorguard.jobs.duration").tag("kind", "TEST").timer().count()).isGreaterThanOrEqualTo(
                1);
        assertThat(meters.get("factorguard.jobs.queued").gauge().value()).isZero();
    }

    @Test
    void a_queued_run_is_cancelled_at_once_and_a_running_one_stops_within_a_second_keeping_its_progress() {
        JobSummary running = jobs.submit(CountingJobHandler.KIND, null, "Long count",
                CountingJobHandler.settings(400, 25));
        JobSummary waiting = jobs.submit(CountingJobHandler.KIND, null, "Waiting count",
                CountingJobHandler.settings(5, 10));
        await().atMost(PICKUP).until(() -> jobs.find(running.id()).epoch() != null
                && jobs.find(running.id()).epoch() >= 3);
        assertThat(jobs.find(waiting.id()).state()).isEqualTo(JobState.QUEUED);

        JobSummary cancelledWhileQueued = jobs.cancel(waiting.id());
        assertThat(cancelledWhileQueued.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelledWhileQueued.finishedAt()).isNotNull();

        long asked = System.nanoTime();
        assertThat(jobs.cancel(running.id()).cancelRequested()).isTrue();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(running.id()).state() == JobState.CANCELLED);
        long stoppedMillis = (System.nanoTime() - asked) / 1_000_000;
        JobSummary stopped = jobs.find(running.id());
        assertThat(stoppedMillis).isLessThan(1500);
        assertThat(stopped.epoch()).isGreaterThanOrEqualTo(3);
        assertThat(stopped.progress()).isBetween(0.0, 0.99);
        assertThat(stopped.resultRef()).isNull();
        // the queued run never started
        assertThat(CountingJobHandler.STARTED).doesNotContain(waiting.id());
        assertThat(jobs.find(waiting.id()).startedAt()).isNull();
    }

    @Test
    void a_user_may_not_have_more_active_runs_than_the_limit() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(jobs.submit(CountingJobHandler.KIND, null, "Run " + i, CountingJobHandler.settings(200, 20)).id());
        }
        assertThatThrownBy(() -> jobs.submit(CountingJobHandler.KIND, null, "One too many", "{}"))
                .isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("5 runs queued or running (the limit is 5)");
        // another user is not affected, and a cancelled run frees a place
        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(jobs.submit(CountingJobHandler.KIND, null, "Ben's", CountingJobHandler.settings(1, 1)).state())
                .isEqualTo(JobState.QUEUED);
        TestUsers.signIn("ann", Role.MANAGER);
        jobs.cancel(mine.get(4));
        assertThat(jobs.submit(CountingJobHandler.KIND, null, "Now it fits", CountingJobHandler.settings(1, 1)).state())
                .isEqualTo(JobState.QUEUED);
    }

    @Test
    void a_batch_is_queued_whole_or_not_at_all() {
        long before = jobs.listMine().size();
        JobSummary first = jobs.submit(CountingJobHandler.KIND, null, "Already running",
                CountingJobHandler.settings(200, 20));
        List<JobService.Submission> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new JobService.Submission(null, "Batch " + i, CountingJobHandler.settings(1, 1)));
        }
        assertThatThrownBy(() -> jobs.submitAll(CountingJobHandler.KIND, five))
                .isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("These 5 runs need 5 free places and you have 4");
        assertThat(jobs.listMine()).hasSize((int) before + 1);
        assertThatThrownBy(() -> jobs.submitAll(CountingJobHandler.KIND, List.of(five.get(0),
                new JobService.Submission(null, " ", "{}")))).isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("title");
        assertThat(jobs.listMine()).hasSize((int) before + 1);

        List<JobSummary> four = jobs.submitAll(CountingJobHandler.KIND, five.subList(0, 4));
        assertThat(four).extracting(JobSummary::title).containsExactly("Batch 0", "Batch 1", "Batch 2", "Batch 3");
        assertThat(jobs.listMine()).hasSize((int) before + 5);
        await().atMost(PICKUP).until(() -> four.stream().allMatch(r -> jobs.find(r.id()).state().isFinal()));
        assertThat(four).allSatisfy(r -> assertThat(jobs.find(r.id()).state()).isEqualTo(JobState.SUCCEEDED));
        jobs.cancel(first.id());
    }

    @Test
    void two_users_runs_interleave_fairly() {
        List<Long> anns = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            anns.add(jobs.submit(CountingJobHandler.KIND, null, "Ann " + i, CountingJobHandler.settings(4, 40)).id());
        }
        TestUsers.signIn("ben", Role.MANAGER);
        long bens = jobs.submit(CountingJobHandler.KIND, null, "Ben 1", CountingJobHandler.settings(4, 40)).id();
        TestUsers.signIn("ann", Role.MANAGER);
        await().atMost(Duration.ofSeconds(30)).until(()
                -> anns.stream().allMatch(id -> jobs.find(id).state().isFinal()));

        List<Long> order = CountingJobHandler.STARTED.stream().filter(id -> anns.contains(id) || id == bens).toList();
        assertThat(order).hasSize(6);
        // one worker: Ann's first run started before Ben submitted, Ben's comes right after it, before Ann's third
        assertThat(order.indexOf(bens)).isLessThan(order.indexOf(anns.get(2)));
        assertThat(order.indexOf(bens)).isLessThanOrEqualTo(1);
        assertThat(order.stream().filter(anns::contains).toList()).isEqualTo(anns);
    }

    @Test
    void failing_runs_record_a_readable_reason_and_the_node_keeps_working() {
        long thrown = jobs.submit(CountingJobHandler.KIND, null, "Fails",
                CountingJobHandler.failing("exception", 3)).id();
        long oom = jobs.submit(CountingJobHandler.KIND, null, "Runs out of memory",
                CountingJobHandler.failing("oom", 2)).id();
        long diverged = jobs.submit(CountingJobHandler.KIND, null, "Diverges",
                CountingJobHandler.failing("diverged", 4)).id();

        JobSummary a = awaitFinal(thrown);
        assertThat(a.state()).isEqualTo(JobState.FAILED);
        assertThat(a.errorMessage()).isEqualTo(
                "Unexpected error (UncheckedIOException) — the administrator finds the details in the log")
                .doesNotContain("at org.").doesNotContain("\n");
        assertThat(a.epoch()).isEqualTo(2);
        JobSummary b = awaitFinal(oom);
        assertThat(b.state()).isEqualTo(JobState.FAILED);
        assertThat(b.errorMessage()).isEqualTo(FailureReasons.OUT_OF_MEMORY);
        JobSummary c = awaitFinal(diverged);
        assertThat(c.errorMessage()).isEqualTo("Training diverged: the loss became NaN");

        JobSummary after = awaitFinal(
                jobs.submit(CountingJobHandler.KIND, null, "Still fine", CountingJobHandler.settings(2, 5)).id());
        assertThat(after.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void runs_are_private_to_their_owner_but_administrators_see_and_cancel_all() {
        long anns = jobs.submit(CountingJobHandler.KIND, null, "Ann's private run",
                CountingJobHandler.settings(300, 20)).id();

        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(jobs.listMine()).extracting(JobSummary::id).doesNotContain(anns);
        assertThatThrownBy(() -> jobs.find(anns)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.cancel(anns)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.listAll()).isInstanceOf(AccessDeniedException.class);

        TestUsers.signIn("root", Role.ADMIN);
        assertThat(jobs.listAll()).filteredOn(r -> r.id() == anns).singleElement()
                .satisfies(r -> assertThat(r.ownerName()).isEqualTo("ann"));
        jobs.cancel(anns);
        assertThat(awaitFinal(anns).state()).isEqualTo(JobState.CANCELLED);

        TestUsers.signOut();
        assertThatThrownBy(() -> jobs.listMine()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void unknown_kinds_and_empty_titles_are_refused() {
        assertThatThrownBy(() -> jobs.submit("NOPE", null, "x", "{}")).isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("Unknown kind");
        assertThatThrownBy(() -> jobs.submit(CountingJobHandler.KIND, null, "  ", "{}"))
                .isInstanceOf(ValidationProblemException.class);
    }
}
