package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.JobState;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.TestUsers;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.studies.service.StudyRunService;
import org.factorguard.support.PortalInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Load on loopback: {@code load.users} (100) signed-in users, each with a real Vaadin UI, open pages and navigate
 * between their portfolios, runs, datasets and the start page for {@code load.seconds} (30 in the test command)
 * while two studies train, on a real portal (H2 file database). Every request is Vaadin's own protocol (see
 * {@link VaadinUserSession}). Prints round-trip percentiles, errors and the heap one idle session holds; asserts
 * only that there were no errors and that every user got their pages. The full version:
 * {@code ./mvnw test -Dtest=PortalLoadIT -Dload.seconds=180} ({@code -Dload.users}, {@code -Dload.studies} too).
 */
class PortalLoadIT {

    private static final int USERS = Integer.getInteger("load.users", 100);
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
    private static final int IDLE_SESSIONS = Integer.getInteger("load.idle-sessions", 500);
    private static final int STUDIES = Integer.getInteger("load.studies", 2);
    private static final String PASSWORD = "load-test-password-1";

    @TempDir
    Path dataDir;

    @Test
    void a_hundred_signed_in_users_browse_without_errors_while_two_studies_train() throws Exception {
        // H2's page cache (on the heap, filled by storing the built-in market) is kept small so that its
        // shrinking does not hide the sessions' heap
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/factorguard;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=2048";
        try (PortalInstance portal = new PortalInstance(dataDir, "--spring.datasource.url=" + url,
                "--factorguard.datasets.built-in-on-start=false",
                "--factorguard.jobs.workers=2", "--logging.level.root=WARN").start()) {
            // users with real (BCrypt) passwords, each with a portfolio on the built-in market
            UserRepository users = portal.bean(UserRepository.class);
            String hash = portal.bean(PasswordEncoder.class).encode(PASSWORD);
            for (int i = 0; i < USERS; i++) {
                users.save(new AppUser("load" + i, "Load user " + i, hash, Role.MANAGER, Instant.now()));
            }
            long dataset = portal.bean(BuiltInMarket.class).ensurePresent();
            TestUsers.signIn("load0", Role.MANAGER);
            List<String> tickers = portal.bean(DatasetCatalog.class).load(dataset).instruments().stream().limit(20)
                    .map(Instrument::ticker).toList();
            long[] portfolios = new long[USERS];
            for (int i = 0; i < USERS; i++) {
                TestUsers.signIn("load" + i, Role.MANAGER);
                portfolios[i] = portal.bean(PortfolioService.class)
                        .create(new PortfolioDraft("Load portfolio " + i, dataset, study(tickers)));
            }
            TestUsers.signOut();

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            ConcurrentLinkedQueue<Long> warmUp = new ConcurrentLinkedQueue<>();
            // warm-up: one user through every page (classes loaded, code compiled), then the baseline heap
            VaadinUserSession first = new VaadinUserSession(http, portal.baseUrl(), warmUp::add);
            first.signIn("load0", PASSWORD);
            first.open("portfolios");
            for (String route : routes(portfolios[0])) {
                first.navigate(route);
            }

            // heap per idle session: load.idle-sessions (500) more users sign in and open the start page, then
            // stay idle; the heap growth after GC over the warmed-up baseline, divided by their number (many
            // sessions, so that the few MB by which the heap after GC wanders stay small per session). Their
            // passwords are stored {noop} only to keep these sign-ins quick: a session does not depend on the hash.
            ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicLong homesRendered = new AtomicLong();
            for (int i = 0; i < IDLE_SESSIONS; i++) {
                users.save(new AppUser("idle" + i, "Idle user " + i, "{noop}" + PASSWORD, Role.MANAGER, Instant.now()));
            }
            long baseline = usedHeapAfterGc();
            VaadinUserSession[] idle = signInEveryone(http, portal.baseUrl(), "idle", IDLE_SESSIONS, times,
                    homesRendered);
            long withIdle = usedHeapAfterGc();
            double heapPerSessionKb = (withIdle - baseline) / 1024.0 / IDLE_SESSIONS;
            SessionRegistry registry = portal.bean(SessionRegistry.class);
            long liveSessions = registry.getAllPrincipals().stream()
                    .mapToLong(p -> registry.getAllSessions(p, false).size()).sum();
            System.out.printf("heap after GC: %.1f MB warmed up, %.1f MB with %d idle sessions (%d signed-in "
                    + "sessions)%n",
                    baseline / 1048576.0, withIdle / 1048576.0, IDLE_SESSIONS, liveSessions);
            // the load's users sign in (BCrypt) and open the start page
            VaadinUserSession[] sessions = signInEveryone(http, portal.baseUrl(), "load", USERS, times, homesRendered);

            // two studies train while every user browses
            for (int i = 0; i < STUDIES; i++) {
                TestUsers.signIn("load" + i, Role.MANAGER);
                portal.bean(StudyRunService.class).start(portfolios[i]);
            }
            TestUsers.signOut();
            times.clear();
            AtomicLong navigations = new AtomicLong();
            AtomicLong portfolioPagesSeen = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            try (ExecutorService perUser = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < USERS; i++) {
                    int user = i;
                    perUser.submit(() -> {
                        SplittableRandom random = new SplittableRandom(1000 + user);
                        List<String> routes = routes(portfolios[user]);
                        try {
                            Thread.sleep(random.nextLong(1000));
                            while (System.nanoTime() < end) {
                                String route = routes.get(random.nextInt(routes.size()));
                                JsonNode answer = random.nextInt(10) == 0 ? sessions[user].open(route)
                                        : sessions[user].navigate(route);
                                navigations.incrementAndGet();
                                if (route.equals("portfolios/" + portfolios[user])
                                        && answer.toString().contains("Load portfolio " + user)) {
                                    portfolioPagesSeen.incrementAndGet();
                                }
                                // think time: 0.5–1.5 s between clicks
                                Thread.sleep(500 + random.nextLong(1000));
                            }
                        } catch (Exception e) {
                            errors.add("load" + user + ": " + e);
                        }
                    });
                }
            }
            // stop the studies that are still training
            List<JobState> studyStates = new ArrayList<>();
            for (int i = 0; i < STUDIES; i++) {
                TestUsers.signIn("load" + i, Role.MANAGER);
                StudyRunService runs = portal.bean(StudyRunService.class);
                JobSummary run = runs.runsOf(portfolios[i]).getFirst();
                studyStates.add(run.state());
                if (run.state().isActive()) {
                    runs.cancel(run.id());
                }
            }
            TestUsers.signOut();

            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("LOAD users=%d seconds=%d requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f"
                            + " max_ms=%.1f heap_per_session_kb=%.0f navigations=%d studies=%d (states at the end: "
                                    + "%s)%n",
                    USERS, SECONDS, sorted.length, errors.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    pct(sorted, 100), heapPerSessionKb, navigations.get(), STUDIES, studyStates);
            errors.stream().limit(10).forEach(System.out::println);

            assertThat(errors).isEmpty();
            // every user got a UI and a rendered start page
            assertThat(sessions).doesNotContainNull();
            assertThat(idle).doesNotContainNull();
            assertThat(homesRendered.get()).isEqualTo(USERS + IDLE_SESSIONS);
            assertThat(navigations.get()).isGreaterThanOrEqualTo((long) USERS * Math.max(1, SECONDS / 3));
            assertThat(portfolioPagesSeen.get()).isPositive();
            // the studies trained during the load (neither failed nor finished before it ended)
            assertThat(studyStates).allMatch(state -> state == JobState.RUNNING || state == JobState.SUCCEEDED);
        }
    }

    /** Every user signs in (BCrypt) and opens the start page, 20 at a time; returns their sessions. */
    private static VaadinUserSession[] signInEveryone(HttpClient http, String baseUrl, String prefix, int count,
                                                      ConcurrentLinkedQueue<Long> times, AtomicLong homesRendered)
            throws Exception {
        VaadinUserSession[] sessions = new VaadinUserSession[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int user = i;
                started.add(pool.submit(() -> {
                    VaadinUserSession s = new VaadinUserSession(http, baseUrl, times::add);
                    s.signIn(prefix + user, PASSWORD);
                    JsonNode home = s.open("");
                    if (home.path("changes").size() > 10) {
                        homesRendered.incrementAndGet();
                    }
                    sessions[user] = s;
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        return sessions;
    }

    private static List<String> routes(long portfolio) {
        return List.of("portfolios", "portfolios/" + portfolio, "portfolios/" + portfolio + "/runs", "runs", "datasets",
                "");
    }

    /** A small study that trains throughout the load (20 tickers, 2015–2019, 200 epochs); cancelled at the end. */
    private static PortfolioSettings study(List<String> tickers) {
        return SmallPortfolios.settings(tickers).toBuilder().epochs(200).build();
    }

    /**
     * Heap in use after full collections, once it has settled: measured every second until two readings in a row
     * agree within 512 KB (at most 30 s), since caches (H2's, Hibernate's, JIT-compiled code's metadata) keep
     * shrinking for a while after a burst of work.
     */
    private static long usedHeapAfterGc() throws InterruptedException {
        long previous = -1;
        for (int i = 0; i < 30; i++) {
            System.gc();
            Thread.sleep(1000);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 512 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    private static double pct(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
