package org.factorguard.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.factorguard.Application;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.FailureReasons;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.service.RunsOnThisNode;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two portal nodes (two application contexts with different node names) on one real PostgreSQL: they
 * share one queue, execute every run exactly once, see each other's state, and recover each other's runs
 * when a node dies (short heartbeat timeouts here), and a restarted node fails the runs it left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsScaleOutIT {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startDatabaseAndTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        nodeA = startNode("node-a");
        nodeB = startNode("node-b");
        UserRepository users = nodeA.getBean(UserRepository.class);
        TestUsers.ensure(users, "ann", Role.MANAGER);
        TestUsers.ensure(users, "ben", Role.MANAGER);
        org.awaitility.Awaitility.pollInSameThread();
    }

    static ConfigurableApplicationContext startNode(String name) {
        return new SpringApplicationBuilder(Application.class, TestJobKinds.class).run("--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--factorguard.data-dir=" + dataDir.resolve(name),
                "--factorguard.jobs.node-name=" + name,
                "--factorguard.jobs.heartbeat-interval=300ms",
                "--factorguard.jobs.stale-after=8s", // ample for a loaded CI machine: a live node beats every 300 ms
                "--factorguard.jobs.sweep-interval=500ms",
                "--jobrunr.background-job-server.interrupt-jobs-await-duration-on-stop=1s",
                "--logging.level.root=WARN", "--logging.level.org.factorguard=INFO",
                "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopAll() throws Exception {
        HangingJobHandler.RELEASE.countDown();
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static JobService jobsOf(ConfigurableApplicationContext node, String user) {
        TestUsers.signIn(user, Role.MANAGER);
        return node.getBean(JobService.class);
    }

    @Test
    @Order(1)
    void runs_submitted_through_either_node_execute_exactly_once_and_both_nodes_see_the_same_state() {
        // run ids restart in every test database, so runs recorded by other classes' contexts must not count
        CountingJobHandler.STARTED.clear();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(jobsOf(nodeA, "ann").submit(CountingJobHandler.KIND, null, "A" + i,
                    CountingJobHandler.settings(6, 250)).id());
            ids.add(jobsOf(nodeB, "ben").submit(CountingJobHandler.KIND, null, "B" + i,
                    CountingJobHandler.settings(6, 250)).id());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jobsOf(nodeB, "ann").listMine().stream().allMatch(r -> r.state().isFinal())
                        && jobsOf(nodeA, "ben").listMine().stream().allMatch(r -> r.state().isFinal()));

        Map<Long, Long> executions = CountingJobHandler.STARTED.stream().filter(ids::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(executions).hasSize(6).allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));

        List<JobSummary> seenByA = new ArrayList<>(jobsOf(nodeA, "ann").listMine());
        seenByA.addAll(jobsOf(nodeA, "ben").listMine());
        List<JobSummary> seenByB = new ArrayList<>(jobsOf(nodeB, "ann").listMine());
        seenByB.addAll(jobsOf(nodeB, "ben").listMine());
        assertThat(seenByA).extracting(JobSummary::state).containsOnly(JobState.SUCCEEDED);
        assertThat(seenByA).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(seenByB);
        // whichever node was free took work: both did
        assertThat(seenByA).extracting(JobSummary::nodeName).contains("node-a", "node-b");
    }

    @Test
    @Order(2)
    void a_run_on_a_node_that_dies_is_marked_failed_by_the_other_node() throws Exception {
        HangingJobHandler.STARTED = new CountDownLatch(1);
        HangingJobHandler.RELEASE = new CountDownLatch(1);
        long id = jobsOf(nodeA, "ann").submit(HangingJobHandler.KIND, null, "Stuck", "{}").id();
        assertThat(HangingJobHandler.STARTED.await(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> jobsOf(nodeA, "ann").find(id).state() == JobState.RUNNING);
        String victim = jobsOf(nodeA, "ann").find(id).nodeName();
        ConfigurableApplicationContext dying = victim.equals("node-a") ? nodeA : nodeB;
        ConfigurableApplicationContext survivor = dying == nodeA ? nodeB : nodeA;
        RunsOnThisNode runsOnDyingNode = dying.getBean(RunsOnThisNode.class);
        assertThat(runsOnDyingNode.ids()).contains(id);

        dying.close(); // its heartbeats stop; the handler thread ignores interrupts, like a hung process
        if (dying == nodeA) {
            nodeA = null;
        } else {
            nodeB = null;
        }
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobsOf(survivor, "ann").find(id).state() == JobState.FAILED);
        JobSummary recovered = jobsOf(survivor, "ann").find(id);
        assertThat(recovered.errorMessage()).isEqualTo(FailureReasons.INTERRUPTED_BY_RESTART);
        assertThat(recovered.stage()).isEqualTo("Hanging");
        assertThat(recovered.progress()).isEqualTo(0.25);
        HangingJobHandler.RELEASE.countDown();

        // the survivor keeps working
        long next = jobsOf(survivor, "ann").submit(CountingJobHandler.KIND, null, "After",
                CountingJobHandler.settings(2, 5)).id();
        await().atMost(Duration.ofSeconds(20)).until(()
                -> jobsOf(survivor, "ann").find(next).state() == JobState.SUCCEEDED);
        // the dead node's late finish does not overwrite the recovered state: once its executor has let go of
        // the run (after trying to record its end), the run is still failed
        await().atMost(Duration.ofSeconds(20)).until(() -> !runsOnDyingNode.ids().contains(id));
        assertThat(jobsOf(survivor, "ann").find(id).state()).isEqualTo(JobState.FAILED);
        if (nodeA == null) {
            nodeA = survivor == nodeA ? nodeA : null;
        }
    }

    @Test
    @Order(3)
    void a_restarted_node_fails_the_runs_it_left_running_at_once() {
        ConfigurableApplicationContext alive = nodeA != null ? nodeA : nodeB;
        String deadName = nodeA != null ? "node-b" : "node-a";
        JdbcTemplate sql = alive.getBean(JdbcTemplate.class);
        long owner = sql.queryForObject("select id from app_user where username = 'ben'", Long.class);
        Timestamp now = Timestamp.from(Instant.now());
        // as if the node had been killed a moment ago: state RUNNING, heartbeat fresh
        sql.update("""
                insert into job_run (version, owner_id, kind, title, settings_json, state, stage, progress,
                                     loss_history, created_at, started_at, heartbeat_at, cancel_requested,
                                     node_name)
                values (0, ?, 'TEST', 'Killed', '{}', 'RUNNING', 'Training', 0.4, '[]', ?, ?, ?, false, ?)""",
                owner, now, now, now, deadName);
        long id = sql.queryForObject("select max(id) from job_run", Long.class);

        ConfigurableApplicationContext restarted = startNode(deadName);
        try {
            JobSummary run = jobsOf(restarted, "ben").find(id);
            assertThat(run.state()).isEqualTo(JobState.FAILED);
            assertThat(run.errorMessage()).isEqualTo("Interrupted by a restart of the portal");
            assertThat(run.progress()).isEqualTo(0.4);
            assertThat(run.finishedAt()).isNotNull();
        } finally {
            if (deadName.equals("node-a")) {
                nodeA = restarted;
            } else {
                nodeB = restarted;
            }
        }
        assertThat(Collections.frequency(List.of(nodeA != null, nodeB != null), true)).isEqualTo(2);
    }
}
