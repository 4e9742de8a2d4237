package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.factorguard.browser.PortalInstance;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.JobTestUsers;
import org.factorguard.jobs.domain.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.reports.service.StudyRunService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Load on loopback: {@code load.users} (100) signed-in users, each with a real Vaadin UI, open pages and navigate
 * between their portfolios, runs, datasets and the start page for {@code load.seconds} (30 in the test command)
 * while two studies train, on a real portal (H2 file database). Every request is Vaadin's own protocol (see
 * {@link VaadinUserSession}). Prints round-trip percentiles, errors and the heap one idle session holds; asserts
 * only that there were no errors and that every user got their pages. The full version:
 * {@code ./mvnw test -Dtest=PortalLoadIT -Dload.seconds=180}.
 */
class PortalLoadIT {

    private static final int USERS = Integer.getInteger("load.users", 100);
    private static final int SECONDS = Integer.getInteger("load.seconds", 30);
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
            JobTestUsers.signIn("load0", Role.MANAGER);
            List<String> tickers = portal.bean(DatasetCatalog.class).load(dataset).instruments().stream().limit(20)
                    .map(Instrument::ticker).toList();
            long[] portfolios = new long[USERS];
            for (int i = 0; i < USERS; i++) {
                JobTestUsers.signIn("load" + i, Role.MANAGER);
                portfolios[i] = portal.bean(PortfolioService.class)
                        .create(new PortfolioDraft("Load portfolio " + i, dataset, study(tickers)));
            }
            JobTestUsers.signOut();

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
            long baseline = usedHeapAfterGc();

            // every user signs in and opens the start page, twice (two browsers each): the second batch's heap
            // growth over the first is what an idle session costs, free of one-time costs (caches, compiled code)
            ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            AtomicLong homesRendered = new AtomicLong();
            VaadinUserSession[] idle = signInEveryone(http, portal.baseUrl(), times, homesRendered);
            long withOneBatch = usedHeapAfterGc();
            VaadinUserSession[] sessions = signInEveryone(http, portal.baseUrl(), times, homesRendered);
            long withTwoBatches = usedHeapAfterGc();
            double heapPerSessionKb = (withTwoBatches - withOneBatch) / 1024.0 / USERS;
            System.out.printf("heap after GC: %.1f MB warmed up, %.1f MB with %d sessions, %.1f MB with %d%n",
                    baseline / 1048576.0, withOneBatch / 1048576.0, USERS, withTwoBatches / 1048576.0, 2 * USERS);

            // two studies train while every user browses
            JobTestUsers.signIn("load0", Role.MANAGER);
            JobSummary studyA = portal.bean(StudyRunService.class).start(portfolios[0]);
            JobTestUsers.signIn("load1", Role.MANAGER);
            JobSummary studyB = portal.bean(StudyRunService.class).start(portfolios[1]);
            JobTestUsers.signOut();
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
            // the studies were training throughout; stop them
            List<JobState> studyStates = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JobTestUsers.signIn("load" + i, Role.MANAGER);
                StudyRunService runs = portal.bean(StudyRunService.class);
                JobSummary run = runs.runsOf(portfolios[i]).getFirst();
                studyStates.add(run.state());
                if (run.state().isActive()) {
                    runs.cancel(run.id());
                }
            }
            JobTestUsers.signOut();

            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("LOAD users=%d seconds=%d requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f"
                            + " max_ms=%.1f heap_per_session_kb=%.0f navigations=%d studies=%s,%s (at the end: %s)%n",
                    USERS, SECONDS, sorted.length, errors.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    pct(sorted, 100), heapPerSessionKb, navigations.get(), studyA.id(), studyB.id(), studyStates);
            errors.stream().limit(10).forEach(System.out::println);

            assertThat(errors).isEmpty();
            // every user got a UI and a rendered start page, twice
            assertThat(sessions).doesNotContainNull();
            assertThat(idle).doesNotContainNull();
            assertThat(homesRendered.get()).isEqualTo(2L * USERS);
            assertThat(navigations.get()).isGreaterThanOrEqualTo((long) USERS * Math.max(1, SECONDS / 3));
            assertThat(portfolioPagesSeen.get()).isPositive();
        }
    }

    /** Every user signs in (BCrypt) and opens the start page, 20 at a time; returns their sessions. */
    private static VaadinUserSession[] signInEveryone(HttpClient http, String baseUrl, ConcurrentLinkedQueue<Long> times,
                                                      AtomicLong homesRendered) throws Exception {
        VaadinUserSession[] sessions = new VaadinUserSession[USERS];
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                int user = i;
                started.add(pool.submit(() -> {
                    VaadinUserSession s = new VaadinUserSession(http, baseUrl, times::add);
                    s.signIn("load" + user, PASSWORD);
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
        return List.of("portfolios", "portfolios/" + portfolio, "portfolios/" + portfolio + "/runs", "runs", "datasets", "");
    }

    /** A small study that still trains for a while (20 tickers, 2015–2019, 60 epochs). */
    private static PortfolioSettings study(List<String> tickers) {
        PortfolioSettings d = PortfolioSettings.defaults();
        return new PortfolioSettings(PortfolioSettings.UniverseMode.TICKERS, List.of(), tickers,
                LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31), d.factorIds(), d.rebalance(), d.costBps(),
                d.longShort(), d.maxAnnualVolatility(), d.maxDailyVar95(), d.maxDrawdown(), 0.2, d.maxIndustryWeight(),
                d.retraining(), d.lookback(), 8, 60, 1, d.implementation(), d.seed());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = 0;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(500);
            used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        return used;
    }

    private static double pct(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }
}
