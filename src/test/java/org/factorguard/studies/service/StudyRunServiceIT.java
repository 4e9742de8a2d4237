package org.factorguard.studies.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.jobs.domain.JobRunRepository;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.ReportArchive;
import org.factorguard.reports.service.ReportComparison;
import org.factorguard.reports.service.ReportListing;
import org.factorguard.reports.service.ReportSource;
import org.factorguard.shared.FieldProblem;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.service.JobState;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.TestUsers;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.reports.domain.ShareLinkRepository;
import org.factorguard.reports.service.CreatedShareLink;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportService;
import org.factorguard.reports.service.ReportSummary;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.reports.service.ShareLinkSummary;
import org.factorguard.reports.service.SharedReportOpening;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * A tiny study end to end through the job system on the built-in market, then the report's export and
 * sharing rules (one study per class: the context and its report are shared by the tests).
 */
@SpringBootTest(properties = "jobrunr.background-job-server.enabled=true")
@ActiveProfiles("test")
class StudyRunServiceIT {

    static final Instant START = Instant.parse("2030-01-01T09:00:00Z");
    private static Long reportId;
    private static Long jobId;

    @Autowired StudyRunService runs;
    @Autowired ReportService reports;
    @Autowired PortfolioService portfolios;
    @Autowired BuiltInMarket builtIn;
    @Autowired DatasetCatalog datasets;
    @Autowired UserRepository users;
    @Autowired ShareLinkRepository links;
    @Autowired MutableClock clock;
    @Autowired DatasetAdministrationService datasetAdmin;
    @Autowired ReportArchive archive;
    @Autowired JobRunRepository jobRuns;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @BeforeAll
    static void pollOnTheTestThread() {
        org.awaitility.Awaitility.pollInSameThread();
    }

    @BeforeEach
    void signInAsAnn() {
        TestUsers.ensure(users, "ann", Role.MANAGER);
        TestUsers.ensure(users, "ben", Role.MANAGER);
        TestUsers.ensure(users, "ada", Role.ADMIN);
        TestUsers.signIn("ann", Role.MANAGER);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private synchronized long report() {
        if (reportId == null) {
            long dataset = builtIn.ensurePresent();
            List<String> tickers = datasets.load(dataset).instruments().stream().limit(20)
                    .map(org.factorguard.quant.data.Instrument::ticker).toList();
            long portfolio = portfolios.create(new PortfolioDraft("Small study", dataset,
                    SmallPortfolios.settings(tickers)));
            long started = System.nanoTime();
            JobSummary queued = runs.start(portfolio);
            assertThat(runs.runsOf(portfolio)).extracting(JobSummary::id).contains(queued.id());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> runs.runsOf(portfolio).getFirst().state().isFinal());
            JobSummary done = runs.runsOf(portfolio).getFirst();
            System.out.printf("tiny study through the job system: %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(done.state()).as(done.errorMessage()).isEqualTo(JobState.SUCCEEDED);
            jobId = done.id();
            reportId = Long.parseLong(done.resultRef());
        }
        return reportId;
    }

    @Test
    void a_tiny_study_runs_through_the_job_system_and_is_stored_as_a_report() {
        long id = report();
        ReportDetail detail = reports.find(id);

        assertThat(detail.jobId()).isEqualTo(jobId);
        assertThat(detail.portfolioName()).isEqualTo("Small study");
        assertThat(detail.syntheticData()).isTrue();
        assertThat(detail.result().selection().tickers()).hasSize(20);
        assertThat(detail.datasetHash()).isEqualTo(detail.result().datasetHash());
        assertThat(reports.exportJson(id)).isEqualTo(StudyResultJson.write(detail.result()));
        assertThat(reports.listMine()).extracting(ReportSummary::id).contains(id);
        assertThat(runs.runsOf(detail.portfolioId()).getFirst().resultLocation()).isEqualTo("reports/" + id);
        assertThat(runs.runsOf(detail.portfolioId()).getFirst().lossHistory()).isNotEmpty();
        StudyResult result = detail.result();
        assertThat(result.factorSelection().mode()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(result.factorSelection().folds()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.factors()).isNotEmpty().isSubsetOf(result.config().factorIds()));
        // the default grid: look-back 10 or 20 × 16 or 32 units, counted in the deflated Sharpe's N
        assertThat(result.model(StudyResult.LSTM).folds()).allSatisfy(f -> {
            assertThat(f.configurationsEvaluated()).isEqualTo(4);
            assertThat(f.lstmChoice().candidates()).hasSize(4);
        });
        assertThat(result.significance().trialCount().gridConfigurations()).isEqualTo(4);
    }

    @Test
    void every_table_exports_as_csv_with_a_header_and_rows() {
        long id = report();
        for (ReportTable table : ReportTable.values()) {
            String csv = reports.exportCsv(id, table);
            assertThat(csv.lines().count()).as(table.name()).isGreaterThan(1);
        }
        assertThat(reports.exportCsv(id, ReportTable.RISK)).startsWith("portfolio,days,max_drawdown,sharpe")
                .contains("LSTM,").contains("Market index,");
    }

    @Test
    void absurd_settings_are_refused_before_anything_is_queued() {
        long dataset = builtIn.ensurePresent();
        List<String> tickers = datasets.load(dataset).instruments().stream().limit(5)
                .map(org.factorguard.quant.data.Instrument::ticker).toList();
        PortfolioSettings tooShort = SmallPortfolios.settings(tickers).toBuilder()
                .dates(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 1)).build();
        long portfolio = portfolios.create(new PortfolioDraft("Too short", dataset, tooShort));

        assertThatThrownBy(() -> runs.start(portfolio)).isInstanceOf(ValidationProblemException.class);
        assertThat(runs.runsOf(portfolio)).isEmpty();
    }

    @Test
    void a_portfolio_whose_factors_the_data_cannot_supply_is_refused_before_any_job_exists() {
        String csv = DatasetTestFiles.widePanelCsv(20, 1000, 33);
        long panel = TestUsers.as("ada", Role.ADMIN, () -> datasetAdmin.importWidePanelCsv(new ImportRequest(
                "Close-only panel (runs)", "", "closes.csv", csv.length(), CleaningSettings.defaults()),
                DatasetTestFiles.stream(csv), null, null).id());
        TestUsers.signIn("ann", Role.MANAGER);
        long portfolio = portfolios.create(new PortfolioDraft("Defaults on closes", panel,
                PortfolioSettings.defaults()));
        long jobsBefore = jobRuns.count();

        assertThatThrownBy(() -> runs.start(portfolio)).isInstanceOfSatisfying(ValidationProblemException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::message).hasSize(7)
                        .allSatisfy(m -> assertThat(m).startsWith("The dataset cannot supply "))
                        .anySatisfy(m -> assertThat(m).contains("EP (Earnings yield (E/P)): missing fundamentals")));
        assertThat(runs.runsOf(portfolio)).isEmpty();
        assertThat(jobRuns.count()).as("no job row").isEqualTo(jobsBefore);
    }

    @Test
    void the_reports_page_lists_own_and_opened_shared_reports_and_compares_only_those() {
        long id = report();
        ReportDetail first = reports.find(id);
        long annId = users.findByUsernameIgnoreCase("ann").orElseThrow().getId();
        long copy = archive.store(new ReportSource(annId, 9_000_000L + jobId, first.portfolioId(), "Small study copy",
                builtIn.ensurePresent(), first.datasetName(), first.datasetHash()), "Copy", first.result());
        PerformanceSummary lstm = first.result().portfolio(StudyResult.LSTM).summary();
        PerformanceSummary linear = first.result().portfolio(StudyResult.LINEAR).summary();
        int methodVersion = tools.jackson.databind.json.JsonMapper.builder().build().readTree(reports.exportJson(id))
                .path("methodVersion").asInt(1);

        ReportListing listed = reports.listReports().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(listed.mine()).isTrue();
        assertThat(listed.lstm()).isEqualTo(new ReportListing.Headline(lstm.maxDrawdown(), lstm.sharpe(),
                lstm.valueAtRisk95()));
        assertThat(listed.linear()).isEqualTo(new ReportListing.Headline(linear.maxDrawdown(), linear.sharpe(),
                linear.valueAtRisk95()));
        assertThat(listed.methodVersion()).isEqualTo(methodVersion);

        ReportComparison same = reports.compare(List.of(id, copy));
        assertThat(same.reports()).extracting(ReportComparison.Compared::id).containsExactly(id, copy);
        assertThat(same.differing()).isEmpty();
        assertThat(same.settings()).anySatisfy(row -> {
            assertThat(row.setting()).isEqualTo("lstm.network.units");
            assertThat(row.values()).containsExactly("8", "8");
        });
        assertThatThrownBy(() -> reports.compare(List.of(id))).isInstanceOf(ValidationProblemException.class);
        assertThatThrownBy(() -> reports.compare(List.of(id, id))).isInstanceOf(ValidationProblemException.class);

        // links of other tests that Ben may have opened are revoked: his access starts with this one
        reports.listLinks(id).stream().filter(l -> !l.revoked()).forEach(l -> reports.revoke(l.id()));
        CreatedShareLink link = reports.createLink(id, null);
        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(reports.listReports()).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> reports.openSharedAgain(id)).isInstanceOf(NotFoundException.class);
        assertThat(reports.openShared(link.token()).outcome()).isEqualTo(SharedReportOpening.Outcome.OK);

        ReportListing shared = reports.listReports().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(shared.sharedBy()).isEqualTo("ANN");
        assertThat(shared.route()).isEqualTo("reports/shared/" + id);
        assertThat(reports.listReports()).noneMatch(r -> r.id() == copy);
        assertThat(reports.openSharedAgain(id).report().id()).isEqualTo(id);
        assertThatThrownBy(() -> reports.openSharedAgain(copy)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.compare(List.of(id, copy))).isInstanceOf(NotFoundException.class);

        TestUsers.signIn("ann", Role.MANAGER);
        reports.revoke(link.link().id());
        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(reports.listReports()).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> reports.openSharedAgain(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_share_token_has_256_random_bits_and_only_its_hash_is_stored() {
        long id = report();
        CreatedShareLink a = reports.createLink(id, null);
        CreatedShareLink b = reports.createLink(id, null);

        assertThat(a.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.token());
        String stored = links.findById(a.link().id()).orElseThrow().getTokenHash();
        assertThat(stored).hasSize(64).isEqualTo(ReportService.hash(a.token())).isNotEqualTo(a.token());
        assertThat(links.findAll()).noneMatch(l -> l.getTokenHash().contains(a.token()));
    }

    @Test
    void a_colleague_opens_the_snapshot_and_the_opening_is_logged() {
        long id = report();
        CreatedShareLink link = reports.createLink(id, null);
        String json = reports.exportJson(id);

        TestUsers.signIn("ben", Role.MANAGER);
        SharedReportOpening opening = reports.openShared(link.token());
        assertThat(opening.outcome()).isEqualTo(SharedReportOpening.Outcome.OK);
        assertThat(opening.sharedBy()).isEqualTo("ANN");
        assertThat(StudyResultJson.write(opening.report().result())).isEqualTo(json);
        assertThat(reports.openShared(link.token() + "x").outcome()).isEqualTo(SharedReportOpening.Outcome.NOT_FOUND);

        TestUsers.signIn("ann", Role.MANAGER);
        ShareLinkSummary listed = reports.listLinks(id).stream().filter(l
                -> l.id() == link.link().id()).findFirst().orElseThrow();
        assertThat(listed.openings()).extracting(ShareLinkSummary.Opening::username).containsExactly("ben");
        assertThat(listed.openings().getFirst().openedAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_revoked_link_says_so_on_the_next_opening() {
        long id = report();
        CreatedShareLink link = reports.createLink(id, null);
        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(reports.openShared(link.token()).outcome()).isEqualTo(SharedReportOpening.Outcome.OK);

        TestUsers.signIn("ann", Role.MANAGER);
        reports.revoke(link.link().id());

        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(reports.openShared(link.token()).outcome()).isEqualTo(SharedReportOpening.Outcome.REVOKED);
    }

    @Test
    void a_link_stops_working_at_its_expiry() {
        long id = report();
        assertThatThrownBy(() -> reports.createLink(id, clock.instant().minusSeconds(1)))
                .isInstanceOf(ValidationProblemException.class);
        CreatedShareLink link = reports.createLink(id, clock.instant().plus(Duration.ofDays(2)));
        TestUsers.signIn("ben", Role.MANAGER);
        assertThat(reports.openShared(link.token()).outcome()).isEqualTo(SharedReportOpening.Outcome.OK);

        clock.advance(Duration.ofDays(2));
        assertThat(reports.openShared(link.token()).outcome()).isEqualTo(SharedReportOpening.Outcome.EXPIRED);
    }

    @Test
    void another_users_report_export_and_links_are_not_found() {
        long id = report();
        CreatedShareLink link = reports.createLink(id, null);
        TestUsers.signIn("ben", Role.MANAGER);

        assertThat(reports.listMine()).isEmpty();
        assertThatThrownBy(() -> reports.find(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.exportJson(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.exportCsv(id, ReportTable.RISK)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.listLinks(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.createLink(id, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.revoke(link.link().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> runs.runsOf(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }
}
