package org.factorguard.studies.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.jobs.domain.JobRunRepository;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportService;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Setting sweeps end to end through the job system on the built-in market (issue 16, item 6): every value checked
 * before anything is queued, the batch queued whole, each study's deflated Sharpe N counting the others, the
 * results compared, and sweeps private to their owner.
 */
@SpringBootTest(properties = "jobrunr.background-job-server.enabled=true")
@ActiveProfiles("test")
class SettingSweepServiceIT {

    @Autowired SettingSweepService sweeps;
    @Autowired StudyRunService runs;
    @Autowired PortfolioService portfolios;
    @Autowired ReportService reports;
    @Autowired BuiltInMarket builtIn;
    @Autowired DatasetCatalog datasets;
    @Autowired UserRepository users;
    @Autowired JobRunRepository jobRuns;

    @BeforeAll
    static void pollOnTheTestThread() {
        org.awaitility.Awaitility.pollInSameThread();
    }

    @BeforeEach
    void signInAsAnn() {
        TestUsers.ensure(users, "ann", Role.MANAGER);
        TestUsers.ensure(users, "ben", Role.MANAGER);
        TestUsers.signIn("ann", Role.MANAGER);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private long smallPortfolio(String name) {
        long dataset = builtIn.ensurePresent();
        List<String> tickers = datasets.load(dataset).instruments().stream().limit(20)
                .map(org.factorguard.quant.data.Instrument::ticker).toList();
        return portfolios.create(new PortfolioDraft(name, dataset, SmallPortfolios.settings(tickers)));
    }

    @Test
    void a_sweep_runs_one_study_per_value_and_each_counts_the_others_in_its_deflated_sharpe_n() {
        long portfolio = smallPortfolio("Swept rebalancing");
        SweepSummary started = sweeps.start(portfolio, SweptSetting.REBALANCE, List.of("WEEKLY", "MONTHLY"));

        assertThat(started.valueLabels()).containsExactly("weekly", "monthly");
        assertThat(sweeps.sweepsOf(portfolio)).extracting(SweepSummary::id).containsExactly(started.id());
        SweepDetail queued = sweeps.find(started.id());
        assertThat(queued.members()).extracting(m -> m.run().title()).containsExactly(
                "Study of Swept rebalancing · Rebalancing: weekly",
                "Study of Swept rebalancing · Rebalancing: monthly");
        assertThat(runs.runsOf(portfolio)).hasSize(2);
        // the portfolio itself is not changed by a sweep
        assertThat(portfolios.find(portfolio).settings().rebalance()).isEqualTo(RebalanceFrequency.MONTHLY);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> sweeps.find(started.id()).finished());
        SweepDetail done = sweeps.find(started.id());
        assertThat(done.members()).allSatisfy(m -> assertThat(m.run().state()).as(m.run().errorMessage())
                .isEqualTo(JobState.SUCCEEDED));

        List<SweepOutcome> outcomes = sweeps.outcomes(started.id());
        assertThat(outcomes).extracting(SweepOutcome::value).containsExactly("WEEKLY", "MONTHLY");
        for (SweepOutcome o : outcomes) {
            ReportDetail report = reports.find(o.reportId());
            StudyResult r = report.result();
            assertThat(report.title()).startsWith("Swept rebalancing · Rebalancing: " + o.label() + " · ");
            assertThat(r.config().rebalance().name()).isEqualTo(o.value());
            StudyResult.TrialCount n = r.significance().trialCount();
            assertThat(n.sweepStudies()).isEqualTo(1);
            assertThat(n.earlierStudies()).isZero();
            assertThat(o.trials()).isEqualTo(n.total()).isEqualTo(r.significance().deflatedSharpe().trials());
            assertThat(o.lstm()).isEqualTo(r.portfolio(StudyResult.LSTM).summary());
            assertThat(o.deflatedSharpe()).isBetween(0.0, 1.0);
        }
        assertThat(outcomes.get(0).lstm().sharpe()).isNotEqualTo(outcomes.get(1).lstm().sharpe());

        // a later study of the same portfolio counts both as earlier studies
        JobSummary later = runs.start(portfolio);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> runs.runsOf(portfolio).getFirst().state().isFinal());
        JobSummary laterDone = runs.runsOf(portfolio).getFirst();
        assertThat(laterDone.id()).isEqualTo(later.id());
        StudyResult.TrialCount laterN = reports.find(Long.parseLong(laterDone.resultRef())).result().significance()
                .trialCount();
        assertThat(laterN.earlierStudies()).isEqualTo(2);
        assertThat(laterN.sweepStudies()).isZero();

        // private to Ann
        TestUsers.signIn("ben", Role.MANAGER);
        assertThatThrownBy(() -> sweeps.find(started.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sweeps.outcomes(started.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sweeps.cancel(started.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sweeps.start(portfolio, SweptSetting.COSTS, List.of("0", "10")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sweeps.sweepsOf(portfolio)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void bad_sweeps_are_refused_with_every_problem_and_nothing_is_queued() {
        long portfolio = smallPortfolio("Refused sweeps");

        assertThatThrownBy(() -> sweeps.start(portfolio, null, List.of("8", "16")))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("Choose the setting to sweep");
        assertThatThrownBy(() -> sweeps.start(portfolio, SweptSetting.LSTM_UNITS, List.of("16")))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("Choose 2 to 3 values")
                .hasMessageContaining("(1 chosen)");
        assertThatThrownBy(() -> sweeps.start(portfolio, SweptSetting.LSTM_UNITS, List.of("8", "16", "32", "64")))
                .isInstanceOf(ValidationProblemException.class).hasMessageContaining("(4 chosen)");
        assertThatThrownBy(() -> sweeps.start(portfolio, SweptSetting.LSTM_UNITS, List.of("16", "1000000")))
                .isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("'1000000' is not a value of LSTM hidden units");
        // a value the data cannot run is named: a 60-day look-back leaves too little of this short period
        long tiny = portfolios.create(new PortfolioDraft("Short period", builtIn.ensurePresent(),
                portfolios.find(portfolio).settings().toBuilder()
                        .dates(java.time.LocalDate.of(2017, 4, 1), java.time.LocalDate.of(2019, 12, 31)).build()));
        ValidationProblemException tooLong = org.junit.jupiter.api.Assertions.assertThrows(
                ValidationProblemException.class,
                () -> sweeps.start(tiny, SweptSetting.LOOK_BACK, List.of("5", "60")));
        assertThat(tooLong.problems()).extracting(FieldProblem::message).singleElement()
                .satisfies(m -> assertThat(m).startsWith("LSTM look-back: 60 days: ").contains("one fold needs"));
        assertThat(runs.runsOf(portfolio)).isEmpty();
        assertThat(runs.runsOf(tiny)).isEmpty();
        assertThat(sweeps.sweepsOf(portfolio)).isEmpty();
        assertThat(sweeps.sweepsOf(tiny)).isEmpty();
    }

    @Test
    void a_sweep_that_does_not_fit_beside_the_users_active_runs_queues_nothing_and_a_sweep_can_be_cancelled() {
        long portfolio = smallPortfolio("Busy portfolio");
        JobSummary busy = runs.start(portfolio);
        assertThatThrownBy(() -> sweeps.start(portfolio, SweptSetting.COSTS, List.of("0", "10", "50")))
                .isInstanceOf(ValidationProblemException.class)
                .hasMessageContaining("These 3 runs need 3 free places and you have 2");
        assertThat(runs.runsOf(portfolio)).hasSize(1);
        assertThat(sweeps.sweepsOf(portfolio)).isEmpty();
        runs.cancel(busy.id());
        await().atMost(Duration.ofMinutes(1)).until(() -> runs.runsOf(portfolio).getFirst().state().isFinal());

        SweepSummary units = sweeps.start(portfolio, SweptSetting.LSTM_UNITS, List.of("8", "32"));
        SweepDetail detail = sweeps.find(units.id());
        for (SweepDetail.Member m : detail.members()) {
            StudyRunSnapshot snapshot = StudyRunSnapshot.fromJson(jobRuns.findById(m.run().id()).orElseThrow()
                    .getSettingsJson());
            assertThat(snapshot.config().lstm().network().units()).isEqualTo(Integer.parseInt(m.value()));
            assertThat(snapshot.config().lstmSearch().searches(snapshot.config().lstm()))
                    .as("the sweep replaces the per-fold search").isFalse();
            assertThat(snapshot.config().significance().sweepStudies()).isEqualTo(1);
            assertThat(snapshot.variant()).isEqualTo("LSTM hidden units: " + m.value() + " units");
        }
        sweeps.cancel(units.id());
        await().atMost(Duration.ofMinutes(1)).until(() -> sweeps.find(units.id()).finished());
        assertThat(sweeps.find(units.id()).members()).allSatisfy(m -> assertThat(m.run().state())
                .isEqualTo(JobState.CANCELLED));
    }
}
