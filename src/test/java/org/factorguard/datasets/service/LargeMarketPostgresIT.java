package org.factorguard.datasets.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.factorguard.datasets.domain.DatasetContentType;
import org.factorguard.datasets.domain.DatasetKind;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.DatasetHash;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.MarketDataCodec;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.SyntheticMarketConfig;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.Study;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.StudyProgressListener;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.reports.service.ReportArchive;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportService;
import org.factorguard.reports.service.ReportSource;
import org.factorguard.reports.service.ReportSummary;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.support.EmbeddedPostgresServer;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issue-17 scale case on real PostgreSQL 17 (embedded): the 500-stock, ten-year large synthetic market is
 * stored as a dataset and reopened bit for bit, and a study of all 500 stocks with weekly full-universe allocation
 * at 2 % per stock (kept cheap: the last four years, a tiny LSTM trained for two epochs, no Figure 2) is stored as
 * a report and reopened with the same figures.
 */
@SpringBootTest
@ActiveProfiles("test")
class LargeMarketPostgresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.newDatabase("scale");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired DatasetWriter writer;
    @Autowired DatasetCatalog catalog;
    @Autowired ReportArchive archive;
    @Autowired ReportService reports;
    @Autowired UserRepository users;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_large_market_and_a_weekly_full_universe_study_of_it_round_trip_through_postgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        TestUsers.ensure(users, "scale-pm", Role.MANAGER);
        TestUsers.signIn("scale-pm", Role.MANAGER);
        long owner = users.findByUsernameIgnoreCase("scale-pm").orElseThrow().getId();

        MarketData market = SyntheticMarket.generate(SyntheticMarketConfig.large());
        String name = SyntheticMarket.label(SyntheticMarketConfig.large());
        long datasetId = writer.store(new PreparedDataset(name, "The large synthetic market", "SyntheticMarket"
                + ".generate(SyntheticMarketConfig.large())", DatasetKind.SYNTHETIC, DatasetContentType.STOCKS, null,
                market, null, "Generated (synthetic); not cleaned", MarketDataCodec.encode(market), null, true))
                .getId();
        String hash = DatasetHash.of(market);
        market = null;

        MarketData reopened = catalog.load(datasetId);
        assertThat(reopened.instrumentCount()).isEqualTo(500);
        assertThat(reopened.dates()[reopened.dayCount() - 1].getYear()
                - reopened.dates()[0].getYear()).isGreaterThanOrEqualTo(9);
        assertThat(DatasetHash.of(reopened)).isEqualTo(hash)
                .isEqualTo(catalog.find(datasetId).orElseThrow().contentHash());
        assertThat(catalog.detail(datasetId).instruments()).hasSize(500);

        StudyResult result = Study.standard().run(reopened, cheapWeeklyFullUniverse(), new StudyProgressListener() {
        }, CancellationToken.NEVER);
        assertThat(result.datasetHash()).isEqualTo(hash);
        assertThat(result.selection().tickers()).hasSize(500);
        StudyResult.Portfolio lstm = portfolio(result, StudyResult.LSTM);
        assertThat(lstm.rebalances()).hasSizeGreaterThan(40);
        for (StudyResult.Rebalance b : lstm.rebalances()) {
            for (double w : b.weights()) {
                assertThat(w).as("weight on %s", b.date()).isLessThanOrEqualTo(0.02 + 1e-9);
            }
        }

        long reportId = archive.store(new ReportSource(owner, 917_001L, 917_002L, "Large universe, weekly",
                datasetId, name, hash), "Scale", result);
        ReportDetail detail = reports.find(reportId);

        assertThat(detail.datasetHash()).isEqualTo(hash);
        assertThat(reports.exportJson(reportId)).isEqualTo(StudyResultJson.write(result));
        assertThat(detail.result().returnDates()).containsExactly(result.returnDates());
        for (StudyResult.Portfolio p : result.portfolios()) {
            StudyResult.Portfolio back = portfolio(detail.result(), p.name());
            assertThat(back.equity()).as(p.name()).containsExactly(p.equity());
            assertThat(back.rebalances()).as(p.name()).hasSameSizeAs(p.rebalances());
            PerformanceSummary s = p.summary();
            PerformanceSummary r = back.summary();
            assertThat(new double[] {r.annualReturn(), r.sharpe(), r.maxDrawdown()}).as(p.name())
                    .containsExactly(s.annualReturn(), s.sharpe(), s.maxDrawdown());
        }
        ReportSummary listed = reports.listMine().stream().filter(s -> s.id() == reportId).findFirst().orElseThrow();
        assertThat(listed.lstmSharpe()).isCloseTo(lstm.summary().sharpe(), within(1e-12));
        assertThat(reports.exportCsv(reportId, ReportTable.EQUITY_CURVES).lines().count())
                .as("the export keeps every day").isEqualTo(result.returnDates().length + 1L);
    }

    /** The product's defaults at scale, made cheap: four years, a tiny LSTM, no Figure 2, fewer resamples. */
    private static StudyConfig cheapWeeklyFullUniverse() {
        StudyConfig d = StudyConfig.defaults();
        StudyConfig.SignificanceSettings s = d.significance();
        return d.toBuilder()
                .dates(LocalDate.of(2017, 1, 1), LocalDate.of(2020, 12, 31))
                .rebalance(RebalanceFrequency.WEEKLY)
                .allocation(d.allocation().withMaxWeight(0.02))
                .allocationShortlist(0)
                .allocationSolver(AllocationSolver.ACTIVE_SET)
                .lstm(d.lstm().withMaxSamples(4_000, 1_000)
                        .withNetwork(new LstmSettings(1, 8, 0.0, 1e-5, 2e-3, 256, 2, 1, 42L)))
                .optimisationDegree(StudyConfig.OptimisationDegreeSettings.off())
                .significance(new StudyConfig.SignificanceSettings(199, s.meanBlockLength(), s.confidence(),
                        s.configurationsTried(), s.screenedCandidates(), s.earlierStudySharpes()))
                .build();
    }

    private static StudyResult.Portfolio portfolio(StudyResult r, String name) {
        return r.portfolios().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
