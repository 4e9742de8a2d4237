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
import org.factorguard.jobs.JobTestUsers;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.portfolios.service.PortfolioSettings.UniverseMode;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
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
        JobTestUsers.ensure(users, MANAGER, Role.MANAGER);
        builtIn = builtInMarket.ensurePresent();
        JobTestUsers.signIn(MANAGER, Role.MANAGER);
    }

    @AfterEach
    void tearDown() {
        JobTestUsers.signOut();
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private static PortfolioSettings change(UnaryOperator<Object[]> edit) {
        PortfolioSettings s = PortfolioSettings.defaults().withDates(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31));
        Object[] v = {s.universeMode(), s.industries(), s.tickers(), s.startDate(), s.endDate(), s.factorIds(),
                s.rebalance(), s.costBps(), s.longShort(), s.maxAnnualVolatility(), s.maxDailyVar95(), s.maxDrawdown(),
                s.maxWeight(), s.maxIndustryWeight(), s.retraining(), s.lookback(), s.units(), s.epochs(),
                s.ensembleSize(), s.implementation(), s.seed()};
        v = edit.apply(v);
        @SuppressWarnings("unchecked")
        PortfolioSettings changed = new PortfolioSettings((UniverseMode) v[0], (List<String>) v[1], (List<String>) v[2],
                (LocalDate) v[3], (LocalDate) v[4], (List<String>) v[5], s.rebalance(), (double) v[7], (boolean) v[8],
                (Double) v[9], (Double) v[10], (Double) v[11], (double) v[12], (Double) v[13], s.retraining(),
                (int) v[15], (int) v[16], (int) v[17], (int) v[18], s.implementation(), (long) v[20]);
        return changed;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return v -> {
            v[index] = value;
            return v;
        };
    }

    @Test
    void out_of_range_settings_are_refused_when_saved_with_a_message_per_field() {
        record Case(String field, PortfolioSettings settings) {
        }
        List<Case> cases = List.of(
                new Case("epochs", change(set(17, 1_000_000_000))),
                new Case("epochs", change(set(17, -1))),
                new Case("lookback", change(set(15, 1_000_000))),
                new Case("lookback", change(set(15, 0))),
                new Case("units", change(set(16, Integer.MAX_VALUE))),
                new Case("ensembleSize", change(set(18, 1_000_000_000))),
                new Case("endDate", change(v -> {
                    v[4] = v[3]; // zero-length window
                    return v;
                })),
                new Case("maxWeight", change(set(12, Double.NaN))),
                new Case("maxWeight", change(set(12, Double.POSITIVE_INFINITY))),
                new Case("costBps", change(set(7, -5.0))),
                new Case("costBps", change(set(7, Double.NaN))),
                new Case("maxAnnualVolatility", change(set(9, Double.POSITIVE_INFINITY))),
                new Case("maxDrawdown", change(set(11, 0.0))),
                new Case("maxDailyVar95", change(set(10, Double.NaN))),
                new Case("maxIndustryWeight", change(set(13, 0.0))),
                new Case("tickers", change(v -> {
                    v[0] = UniverseMode.TICKERS;
                    v[2] = List.of("ONLY");
                    return v;
                })));
        long portfoliosBefore = count("portfolio");
        long jobsBefore = count("job_run");
        for (Case c : cases) {
            assertThatThrownBy(() -> portfolios.create(new PortfolioDraft("Absurd " + c.field(), builtIn, c.settings())))
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
        List<String> twoTickers = catalog.load(builtIn).instruments().stream().limit(2).map(Instrument::ticker).toList();
        List<String> twentyTickers = catalog.load(builtIn).instruments().stream().limit(20).map(Instrument::ticker).toList();
        JobTestUsers.signIn("ada-absurd", Role.ADMIN);
        JobTestUsers.ensure(users, "ada-absurd", Role.ADMIN);
        byte[] csv = DatasetTestFiles.longCsv(6, 150, 5151).getBytes(StandardCharsets.UTF_8);
        long shortData = datasetAdmin.importLongCsv(new ImportRequest("Short history", "", "short.csv", csv.length,
                CleaningSettings.defaults()), new ByteArrayInputStream(csv), null).id();
        JobTestUsers.signIn(MANAGER, Role.MANAGER);

        record Case(String why, long dataset, PortfolioSettings settings) {
        }
        List<Case> cases = List.of(
                new Case("a window of one week", builtIn, change(v -> {
                    v[3] = LocalDate.of(2019, 3, 4);
                    v[4] = LocalDate.of(2019, 3, 8);
                    return v;
                })),
                new Case("dates outside the data", builtIn, change(v -> {
                    v[3] = LocalDate.of(1900, 1, 1);
                    v[4] = LocalDate.of(1900, 12, 31);
                    return v;
                })),
                new Case("a look-back longer than the data", shortData, change(v -> {
                    v[3] = null;
                    v[4] = null;
                    v[15] = 250;
                    return v;
                })),
                new Case("a per-asset cap of 0.5 % on 20 assets (sums to 10 %)", builtIn, change(v -> {
                    v[0] = UniverseMode.TICKERS;
                    v[2] = twentyTickers;
                    v[12] = 0.005;
                    return v;
                })),
                new Case("a per-asset cap of 30 % on 2 assets", builtIn, change(v -> {
                    v[0] = UniverseMode.TICKERS;
                    v[2] = twoTickers;
                    v[12] = 0.3;
                    return v;
                })));
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
