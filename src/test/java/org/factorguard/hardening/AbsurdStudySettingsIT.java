package org.factorguard.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.portfolios.service.PortfolioSettings.UniverseMode;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.TestUsers;
import org.factorguard.studies.service.StudyRunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Absurd study settings are refused with a message before any job exists: out-of-range numbers when the
 * portfolio is saved, settings that cannot run on the data when a study is started. The job_run and portfolio
 * tables are counted before and after.
 */
@SpringBootTest
@ActiveProfiles("test")
class AbsurdStudySettingsIT {

    private static final String MANAGER = "max-absurd";

    @Autowired PortfolioService portfolios;
    @Autowired StudyRunService runs;
    @Autowired BuiltInMarket builtInMarket;
    @Autowired DatasetCatalog catalog;
    @Autowired DatasetAdministrationService datasetAdmin;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    long builtIn;

    @BeforeEach
    void setUp() {
        TestUsers.ensure(users, MANAGER, Role.MANAGER);
        builtIn = builtInMarket.ensurePresent();
        TestUsers.signIn(MANAGER, Role.MANAGER);
    }

    @AfterEach
    void tearDown() {
        TestUsers.signOut();
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private static final LocalDate START = LocalDate.of(2015, 1, 1);

    /** The defaults over 2015–2020 with {@code edit} applied. */
    private static PortfolioSettings change(UnaryOperator<PortfolioSettings.Builder> edit) {
        return edit.apply(PortfolioSettings.defaults().toBuilder().dates(START, LocalDate.of(2020, 12, 31))).build();
    }

    @Test
    void out_of_range_settings_are_refused_when_saved_with_a_message_per_field() {
        record Case(String field, PortfolioSettings settings) {
        }
        List<Case> cases = List.of(
                new Case("epochs", change(b -> b.epochs(1_000_000_000))),
                new Case("epochs", change(b -> b.epochs(-1))),
                new Case("lookback", change(b -> b.lookback(1_000_000))),
                new Case("lookback", change(b -> b.lookback(0))),
                new Case("units", change(b -> b.units(Integer.MAX_VALUE))),
                new Case("ensembleSize", change(b -> b.ensembleSize(1_000_000_000))),
                new Case("endDate", change(b -> b.dates(START, START))),
                new Case("maxWeight", change(b -> b.maxWeight(Double.NaN))),
                new Case("maxWeight", change(b -> b.maxWeight(Double.POSITIVE_INFINITY))),
                new Case("costBps", change(b -> b.costBps(-5.0))),
                new Case("costBps", change(b -> b.costBps(Double.NaN))),
                new Case("maxAnnualVolatility", change(b -> b.maxAnnualVolatility(Double.POSITIVE_INFINITY))),
                new Case("maxDrawdown", change(b -> b.maxDrawdown(0.0))),
                new Case("maxDailyVar95", change(b -> b.maxDailyVar95(Double.NaN))),
                new Case("maxIndustryWeight", change(b -> b.maxIndustryWeight(0.0))),
                new Case("tickers", change(b -> b.universeMode(UniverseMode.TICKERS).tickers(List.of("ONLY")))));
        long portfoliosBefore = count("portfolio");
        long jobsBefore = count("job_run");
        for (Case c : cases) {
            assertThatThrownBy(() -> portfolios.create(
                    new PortfolioDraft("Absurd " + c.field(), builtIn, c.settings())))
                    .as(c.field()).isInstanceOf(ValidationProblemException.class)
                    .satisfies(e -> assertThat(((ValidationProblemException) e).problems())
                            .extracting(FieldProblem::field).contains(c.field()))
                    .satisfies(e -> assertThat(((ValidationProblemException) e).problems())
                            .allSatisfy(p -> assertThat(p.message()).isNotBlank()));
        }
        assertThat(count("portfolio")).isEqualTo(portfoliosBefore);
        assertThat(count("job_run")).isEqualTo(jobsBefore);
    }

    @Test
    void settings_that_cannot_run_on_the_data_are_refused_when_started_and_no_job_is_created() {
        List<String> twoTickers = catalog.load(builtIn).instruments().stream().limit(2).map(
                Instrument::ticker).toList();
        List<String> twentyTickers = catalog.load(builtIn).instruments().stream().limit(20).map(
                Instrument::ticker).toList();
        TestUsers.signIn("ada-absurd", Role.ADMIN);
        TestUsers.ensure(users, "ada-absurd", Role.ADMIN);
        byte[] csv = DatasetTestFiles.longCsv(6, 150, 5151).getBytes(StandardCharsets.UTF_8);
        long shortData = datasetAdmin.importLongCsv(new ImportRequest("Short history", "", "short.csv", csv.length,
                CleaningSettings.defaults()), new ByteArrayInputStream(csv), null).id();
        TestUsers.signIn(MANAGER, Role.MANAGER);

        record Case(String why, long dataset, PortfolioSettings settings) {
        }
        List<Case> cases = List.of(
                new Case("a window of one week", builtIn,
                        change(b -> b.dates(LocalDate.of(2019, 3, 4), LocalDate.of(2019, 3, 8)))),
                new Case("dates outside the data", builtIn,
                        change(b -> b.dates(LocalDate.of(1900, 1, 1), LocalDate.of(1900, 12, 31)))),
                new Case("a look-back longer than the data", shortData, change(b -> b.dates(null, null).lookback(250))),
                new Case("a per-asset cap of 0.5 % on 20 assets (sums to 10 %)", builtIn,
                        change(b -> b.universeMode(UniverseMode.TICKERS).tickers(twentyTickers).maxWeight(0.005))),
                new Case("a per-asset cap of 30 % on 2 assets", builtIn,
                        change(b -> b.universeMode(UniverseMode.TICKERS).tickers(twoTickers).maxWeight(0.3))));
        long jobsBefore = count("job_run");
        for (Case c : cases) {
            long id = portfolios.create(new PortfolioDraft("Cannot run: " + c.why(), c.dataset(), c.settings()));
            assertThatThrownBy(() -> runs.start(id)).as(c.why()).isInstanceOf(ValidationProblemException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as(c.why()).isNotBlank().doesNotContain("Exception"));
            assertThat(runs.runsOf(id)).as(c.why()).isEmpty();
        }
        assertThat(count("job_run")).isEqualTo(jobsBefore);
    }
}
