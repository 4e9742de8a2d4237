package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.factorguard.datasets.domain.DatasetContentStore;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.JobState;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.TestUsers;
import org.factorguard.jobs.service.FailureReasons;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.studies.service.StudyRunService;
import org.factorguard.support.PortalInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} of a real portal process (a child JVM on an H2 file database) in the middle of a training run
 * and in the middle of a dataset write, then a restart on the same data folder: the database opens, no run is
 * left RUNNING, no half-written dataset is visible, and earlier data is intact.
 *
 * <p>The database is opened with H2's {@code AUTO_SERVER=TRUE} so that this test can watch the child's database
 * over loopback while the child holds the file (to kill it at the right moment); H2 refuses
 * {@code AUTO_SERVER} together with the production URL's {@code DB_CLOSE_ON_EXIT=FALSE}, which only matters for
 * an orderly JVM exit.
 */
class CrashRecoveryIT {

    private static final Duration START_UP = Duration.ofMinutes(3);
    private static final String NODE = "crash-node";

    @TempDir
    Path dataDir;

    private PortalProcess child;
    private PortalInstance portal;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (child != null) {
            child.kill();
        }
        if (portal != null) {
            portal.stop();
        }
        TestUsers.signOut();
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/factorguard;AUTO_SERVER=TRUE";
    }

    private String[] args(boolean builtInOnStart, boolean jobServer) {
        return new String[] {"--spring.datasource.url=" + url(), "--factorguard.jobs.node-name=" + NODE,
                "--factorguard.datasets.built-in-on-start=" + builtInOnStart,
                "--jobrunr.background-job-server.enabled=" + jobServer, "--logging.level.root=WARN",
                "--logging.level.org.factorguard=INFO"};
    }

    @Test
    void a_portal_killed_during_a_training_run_restarts_with_the_run_failed_and_all_data_intact() throws Exception {
        // 1. prepare: users, the built-in market, a portfolio and a queued study, with no worker to take it
        portal = new PortalInstance(dataDir, args(false, false)).start();
        UserRepository users = portal.bean(UserRepository.class);
        TestUsers.ensure(users, "root", Role.ADMIN);
        TestUsers.ensure(users, "ann", Role.MANAGER);
        TestUsers.signIn("ann", Role.MANAGER);
        long dataset = portal.bean(BuiltInMarket.class).ensurePresent();
        List<String> tickers = portal.bean(DatasetCatalog.class).load(dataset).instruments().stream().limit(20)
                .map(Instrument::ticker).toList();
        long portfolio = portal.bean(PortfolioService.class)
                .create(new PortfolioDraft("Killed study", dataset, longStudy(tickers)));
        JobSummary queued = portal.bean(StudyRunService.class).start(portfolio);
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        Map<String, Long> before = counts(portal.bean(JdbcTemplate.class));
        TestUsers.signOut();
        portal.stop();
        portal = null;

        // 2. a real portal process takes the run; it is killed while the run trains
        // assigned before waiting, so that a child that never comes up is killed too
        child = new PortalProcess(dataDir, args(false, true)).start();
        child.awaitUp(START_UP);
        try (Connection watch = DriverManager.getConnection(url(), "factorguard", "")) {
            // picked up by the child's worker and training (an epoch reported)
            awaitTrue(Duration.ofMinutes(2), () -> "RUNNING".equals(single(watch,
                    "select state from job_run where id = " + queued.id())) && single(watch,
                    "select epoch from job_run where id = " + queued.id()) != null);
        }
        child.kill();
        assertThat(Files.exists(dataDir.resolve("factorguard.mv.db"))).isTrue();

        // 3. restart on the same folder
        portal = new PortalInstance(dataDir, args(false, false)).start();
        JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select count(*) from job_run where state = 'RUNNING'", Long.class)).isZero();
        Map<String, Object> run = jdbc.queryForMap("select state, error_message, finished_at from job_run where id = ?",
                queued.id());
        assertThat(run.get("STATE")).isEqualTo("FAILED");
        assertThat(run.get("ERROR_MESSAGE")).isEqualTo(FailureReasons.INTERRUPTED_BY_RESTART);
        assertThat(run.get("FINISHED_AT")).isNotNull();
        Map<String, Long> after = counts(jdbc);
        assertThat(after).isEqualTo(before);
        TestUsers.signIn("ann", Role.MANAGER);
        assertThat(portal.bean(StudyRunService.class).runsOf(portfolio)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(JobState.FAILED));
        assertThat(portal.bean(PortfolioService.class).find(portfolio).name()).isEqualTo("Killed study");
        assertEveryDatasetIsComplete(jdbc, portal.bean(DatasetCatalog.class));
        assertThat(portal.bean(UserRepository.class).existsByUsernameIgnoreCase("ann")).isTrue();
        // and it serves
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"UP\"");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "login")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_portal_killed_while_it_writes_a_dataset_restarts_without_a_half_written_dataset() throws Exception {
        // the built-in market (10.7 MB in two content chunks) is written in the background after the first start
        // assigned before waiting, so that a child that never comes up is killed too
        child = new PortalProcess(dataDir, args(true, false)).start();
        child.awaitUp(START_UP);
        boolean[] midWrite = {false};
        Connection watch = DriverManager.getConnection(url(), "factorguard", "");
        try {
            awaitTrue(Duration.ofMinutes(2), () -> {
                midWrite[0] = ((Number) single(watch, "select count(*) from information_schema.sessions"
                        + " where contains_uncommitted and lower(executing_statement) like "
                                + "'%dataset%'")).longValue() > 0;
                return midWrite[0] || ((Number) single(watch, "select count(*) from dataset")).longValue() > 0;
            });
            child.kill();
        } finally {
            closeQuietly(watch);
        }
        // killed either while the write's transaction was open, or (rarely, when the write was too quick for
        // the 10 ms watch) just after it committed: both must leave a consistent database
        System.out.println("kill -9 while the dataset write was uncommitted: " + midWrite[0]);

        portal = new PortalInstance(dataDir, args(false, false)).start();
        JdbcTemplate jdbc = portal.bean(JdbcTemplate.class);
        TestUsers.signIn("root", Role.ADMIN);
        long datasets = jdbc.queryForObject("select count(*) from dataset", Long.class);
        assertThat(datasets).isLessThanOrEqualTo(1);
        if (datasets == 0) {
            assertThat(jdbc.queryForObject("select count(*) from dataset_content", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from dataset_instrument", Long.class)).isZero();
        }
        assertEveryDatasetIsComplete(jdbc, portal.bean(DatasetCatalog.class));
        // nothing left behind blocks storing it again
        long id = portal.bean(BuiltInMarket.class).ensurePresent();
        assertEveryDatasetIsComplete(jdbc, portal.bean(DatasetCatalog.class));
        assertThat(portal.bean(DatasetCatalog.class).load(id).instrumentCount()).isEqualTo(120);
    }

    /** Every dataset row has all its content chunks and instruments, and its bytes decode to its content hash. */
    private static void assertEveryDatasetIsComplete(JdbcTemplate jdbc, DatasetCatalog catalog) {
        assertThat(jdbc.queryForObject("select count(*) from dataset_content c where not exists"
                + " (select 1 from dataset d where d.id = c.dataset_id)", Long.class)).isZero();
        for (Map<String, Object> d : jdbc.queryForList("select id, content_bytes, instrument_count from dataset")) {
            long id = ((Number) d.get("ID")).longValue();
            long bytes = ((Number) d.get("CONTENT_BYTES")).longValue();
            long chunks = Math.max(1, (bytes + DatasetContentStore.CHUNK_BYTES - 1) / DatasetContentStore.CHUNK_BYTES);
            assertThat(jdbc.queryForObject("select count(*) from dataset_content where dataset_id = ?", Long.class, id))
                    .as("content chunks of dataset %d", id).isEqualTo(chunks);
            assertThat(jdbc.queryForObject("select sum(octet_length(bytes)) from dataset_content where dataset_id = ?",
                    Long.class, id)).isEqualTo(bytes);
            assertThat(jdbc.queryForObject("select count(*) from dataset_instrument where dataset_id = ?", Long.class,
                    id))
                    .isEqualTo(((Number) d.get("INSTRUMENT_COUNT")).longValue());
            // decodes, and the decoded data has the stored SHA-256 (DatasetCatalog.load checks it)
            assertThat(catalog.load(id).instrumentCount()).isEqualTo(((Number) d.get("INSTRUMENT_COUNT")).intValue());
        }
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        return Map.of("users", count(jdbc, "app_user"), "datasets", count(jdbc, "dataset"),
                "instruments", count(jdbc, "dataset_instrument"), "chunks", count(jdbc, "dataset_content"),
                "portfolios", count(jdbc, "portfolio"), "runs", count(jdbc, "job_run"));
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** 20 tickers, 2015–2019, many epochs: it trains long enough to be killed mid-run. */
    private static PortfolioSettings longStudy(List<String> tickers) {
        return SmallPortfolios.settings(tickers).toBuilder().epochs(200).build();
    }

    private static Object single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException serverGone) {
            // the connection went to the killed process
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean awaitTrue(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("condition not reached within " + timeout);
    }
}
