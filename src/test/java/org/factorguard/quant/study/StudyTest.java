package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.risk.PortfolioValueAtRisk;
import org.factorguard.quant.risk.VarBacktest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a small synthetic market with a tiny DL4J LSTM. */
class StudyTest {

    private static MarketData market;
    private static StudyConfig config;
    private static StudyResult result;
    private static final List<StudyProgress> progress = new ArrayList<>();
    private static final List<StudyStage> finishedStages = new ArrayList<>();

    @BeforeAll
    static void runTheSmallStudyOnce() {
        market = SmallStudy.market();
        config = SmallStudy.config(LstmImplementation.FAST);
        result = SmallStudy.study().run(market, config, new StudyProgressListener() {
            @Override
            public void onProgress(StudyProgress p) {
                progress.add(p);
            }

            @Override
            public void onStageFinished(StudyStage stage, long millis) {
                finishedStages.add(stage);
            }
        }, CancellationToken.NEVER);
    }

    @Test
    void the_whole_study_twice_gives_identical_json() {
        StudyResult again = SmallStudy.study().run(market, config, StudyProgressListener.NONE, CancellationToken.NEVER);
        assertThat(StudyResultJson.write(again.withoutTimings())).isEqualTo(
                StudyResultJson.write(result.withoutTimings()));
    }

    @Test
    void json_round_trip_writes_identical_text() {
        String json = StudyResultJson.write(result);
        StudyResult read = StudyResultJson.read(json);
        assertThat(StudyResultJson.write(read)).isEqualTo(json);
        assertThat(read.portfolio(StudyResult.LSTM).summary().sharpe())
                .isEqualTo(result.portfolio(StudyResult.LSTM).summary().sharpe());
        assertThat(read.regimes().detected()).containsExactly(result.regimes().detected());
        assertThat(json).contains("\"NaN\"");
        assertThat(json.length()).as("JSON size").isLessThan(2_000_000);
    }

    @Test
    void fast_lstm_missing_from_the_build_falls_back_to_dl4j_and_says_so() {
        assertThat(result.selection().lstmImplementation()).isEqualTo("DL4J");
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("FAST").contains("DL4J"));
        assertThat(result.config().lstm().implementation()).isEqualTo(LstmImplementation.FAST);
    }

    @Test
    void every_stage_is_timed_and_reported_in_order() {
        assertThat(finishedStages).containsExactly(StudyStage.values());
        assertThat(result.timings()).extracting(StudyResult.StageTiming::stage).containsExactly(StudyStage.values());
        double last = -1;
        for (StudyProgress p : progress) {
            assertThat(p.overallPercent()).isBetween(0.0, 100.0).isGreaterThanOrEqualTo(last - 1e-9);
            last = p.overallPercent();
        }
        assertThat(progress).anySatisfy(p -> {
            assertThat(p.stage()).isEqualTo(StudyStage.LSTM);
            assertThat(p.epoch()).isPositive();
            assertThat(p.trainLoss()).isFinite();
        });
    }

    @Test
    void table_one_rederives_from_the_stored_daily_returns() {
        assertThat(result.portfolios()).extracting(StudyResult.Portfolio::name).containsExactly(StudyResult.LSTM,
                StudyResult.LINEAR, StudyResult.EQUAL_WEIGHT, StudyResult.MARKET_INDEX);
        for (StudyResult.Portfolio p : result.portfolios()) {
            assertThat(p.returns()).hasSize(result.returnDates().length);
            PerformanceSummary again = PerformanceMetrics.summarise(p.returns());
            assertThat(p.summary().sharpe()).isEqualTo(again.sharpe());
            assertThat(p.summary().maxDrawdown()).isEqualTo(again.maxDrawdown()).isLessThanOrEqualTo(0);
            assertThat(p.summary().valueAtRisk95()).isEqualTo(again.valueAtRisk95());
            assertThat(p.equity()[p.equity().length - 1]).isCloseTo(1 + again.totalReturn(), within(1e-9));
        }
    }

    @Test
    void model_portfolios_respect_the_caps_and_report_the_current_allocation() {
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR)) {
            StudyResult.Portfolio p = result.portfolio(name);
            assertThat(p.rebalances()).hasSizeGreaterThan(10);
            for (StudyResult.Rebalance r : p.rebalances()) {
                assertThat(Arrays.stream(r.weights()).max().orElse(0)).isLessThanOrEqualTo(0.10 + 1e-6);
                assertThat(Arrays.stream(r.weights()).sum()).isLessThanOrEqualTo(1 + 1e-6);
                assertThat(Arrays.stream(r.weights()).min().orElse(0)).isGreaterThanOrEqualTo(-1e-9);
            }
            StudyResult.CurrentAllocation now = result.currentAllocations().stream()
                    .filter(c -> c.portfolio().equals(name)).findFirst().orElseThrow();
            assertThat(now.date()).isEqualTo(p.rebalances().getLast().date());
            assertThat(now.holdings()).isNotEmpty();
            assertThat(now.holdings().stream().mapToDouble(StudyResult.Holding::weight).sum())
                    .isCloseTo(now.netExposure(), within(1e-9));
            assertThat(now.exAnteAnnualVolatility()).isLessThanOrEqualTo(0.25 + 1e-6);
        }
    }

    @Test
    void table_one_carries_a_var_backtest_per_portfolio_and_both_volatility_ratios_for_the_model_portfolios() {
        StudyResult.ExAnteRisk risk = result.exAnteRisk();
        assertThat(risk).isNotNull();
        assertThat(risk.covarianceModel()).isEqualTo(config.allocation().covarianceModel().name());
        assertThat(risk.varModel()).isEqualTo("HISTORICAL");
        assertThat(risk.lookbackDays()).isEqualTo(config.covarianceWindow());
        assertThat(risk.portfolios()).extracting(StudyResult.PortfolioRisk::portfolio)
                .containsExactly(StudyResult.LSTM, StudyResult.LINEAR, StudyResult.EQUAL_WEIGHT,
                        StudyResult.MARKET_INDEX);
        int returnDays = result.returnDates().length;
        for (StudyResult.PortfolioRisk p : risk.portfolios()) {
            VarBacktest.Result b = p.varBacktest();
            // the first return day is held in cash (decided at the start, traded a day later)
            assertThat(b.days()).as(p.portfolio()).isBetween((int) (0.8 * returnDays), returnDays - 1);
            assertThat(b.expectedExceedances()).isCloseTo(0.05 * b.days(), within(1e-9));
            assertThat(b.kupiec().monteCarloPValue()).isBetween(0.0, 1.0);
            assertThat(b.independence().monteCarloPValue()).isBetween(0.0, 1.0);
            assertThat(p.explanation()).startsWith(p.portfolio() + " lost more than its one-day VaR on "
                    + b.exceedances() + " of " + b.days() + " days");
        }
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR)) {
            StudyResult.PortfolioRisk p = risk.portfolio(name);
            assertThat(p.ewma().ratio()).isStrictlyBetween(0.3, 3.0);
            assertThat(p.ledoitWolf().ratio()).isStrictlyBetween(0.3, 3.0);
            assertThat(p.ewma().ratio()).isNotEqualTo(p.ledoitWolf().ratio());
            assertThat(p.decisions()).isEqualTo(result.portfolio(name).rebalances().size());
            assertThat(p.varLimitBound()).isBetween(0, p.decisions());
            assertThat(risk.explanation()).contains(name + ": EWMA ");
        }
        assertThat(risk.portfolio(StudyResult.EQUAL_WEIGHT).ewma()).isNull();
        assertThat(risk.portfolio(StudyResult.MARKET_INDEX).decisions()).isZero();
    }

    @Test
    void the_var_of_each_day_uses_returns_up_to_the_previous_close_only() {
        // the market index's book is the index itself: recount its exceedances from the stored returns with the
        // forecast for day d from the index returns up to d − 1
        double[] index = market.marketIndex();
        int start = Arrays.asList(market.dates()).indexOf(result.returnDates()[0]) - 1;
        double[] returns = result.portfolio(StudyResult.MARKET_INDEX).returns();
        int window = config.covarianceWindow();
        int exceedances = 0;
        int days = 0;
        for (int k = 1; k < returns.length; k++) {
            int last = start + k;
            double[] past = new double[window];
            for (int j = 0; j < window; j++) {
                past[j] = index[last - window + 1 + j] / index[last - window + j] - 1;
            }
            double var = PortfolioValueAtRisk.historical(past, 0.95);
            days++;
            exceedances += returns[k] < var ? 1 : 0;
        }
        VarBacktest.Result b = result.exAnteRisk().portfolio(StudyResult.MARKET_INDEX).varBacktest();
        assertThat(b.days()).isEqualTo(days);
        assertThat(b.exceedances()).isEqualTo(exceedances);
    }

    @Test
    void regimes_tables_degree_and_significance_are_filled() {
        StudyResult.RegimeAnalysis regimes = result.regimes();
        assertThat(regimes.detected()).hasSameSizeAs(result.returnDates());
        assertThat(regimes.trueRegimes()).hasSameSizeAs(result.returnDates());
        assertThat(regimes.agreement()).isBetween(0.0, 1.0);
        assertThat(regimes.table()).hasSize(Regime.values().length * 4);
        int days = regimes.table().stream().filter(r -> r.portfolio().equals(StudyResult.LSTM))
                .mapToInt(r -> r.days()).sum();
        assertThat(days).isEqualTo(result.returnDates().length);

        StudyResult.OptimisationDegree degree = result.optimisationDegree();
        assertThat(degree.evaluated()).isTrue();
        assertThat(degree.points()).isNotEmpty();
        assertThat(degree.points().getFirst().epoch()).isEqualTo(1);
        assertThat(degree.points().getFirst().members()).as("both ensemble members reach epoch 1").isEqualTo(2);
        assertThat(result.model(StudyResult.LSTM).folds()).allSatisfy(f -> assertThat(f.curves()).hasSize(2));
        assertThat(result.portfolio(StudyResult.MARKET_INDEX).rebalances()).isEmpty();
        assertThat(degree.points()).allSatisfy(p -> assertThat(p.outOfSampleSharpe()).isFinite());

        StudyResult.Significance s = result.significance();
        assertThat(s.dieboldMariano()).isNotNull();
        assertThat(s.sharpeDifference().lower()).isLessThanOrEqualTo(s.sharpeDifference().upper());
        // SmallStudy: 12 screened candidates, 3 earlier studies (2 with stored Sharpe ratios), both models
        assertThat(s.trialCount()).isEqualTo(new StudyResult.TrialCount(12, 3, degree.points().size(), 0, 2));
        assertThat(s.trials()).isEqualTo(12 + 3 + degree.points().size() + 2);
        assertThat(s.deflatedSharpe().trials()).isEqualTo(s.trials());
        assertThat(s.knownTrialSharpes()).as("both models and the 2 earlier studies' stored Sharpe ratios")
                .isEqualTo(4);
        assertThat(s.deflatedSharpe().probability()).isBetween(0.0, 1.0);
        assertThat(result.model(StudyResult.LSTM).folds()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(result.model(StudyResult.LINEAR).folds().getFirst().linear().beta()).hasSize(4);
    }

    @Test
    void model_portfolios_carry_the_overlay_record_and_their_returns_without_overlay() {
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR)) {
            StudyResult.Portfolio p = result.portfolio(name);
            StudyResult.DrawdownOverlayResult o = p.drawdownOverlay();
            assertThat(o).as(name).isNotNull();
            assertThat(o.limit()).isEqualTo(0.20);
            assertThat(o.exposure()).hasSameSizeAs(result.returnDates());
            assertThat(o.withoutOverlayReturns()).hasSameSizeAs(result.returnDates());
            assertThat(o.realisedMaxDrawdown()).isEqualTo(p.summary().maxDrawdown());
            assertThat(o.heldWithinOneDay()).isEqualTo(-o.realisedMaxDrawdown() <= 0.20 - o.worstDayLoss() + 1e-12);
            assertThat(-o.realisedMaxDrawdown()).as("%s realised MDD vs 20 %% + worst day %.4f", name,
                    o.worstDayLoss()).isLessThanOrEqualTo(0.20 - o.worstDayLoss());
            assertThat(o.withoutOverlay().maxDrawdown())
                    .isEqualTo(org.factorguard.quant.risk.PerformanceMetrics.maxDrawdown(o.withoutOverlayReturns()));
            assertThat(o.actedDays()).isEqualTo(o.actedDates().size());
            assertThat(o.rule()).contains("cushion");
            for (int k = 0; k < o.exposure().length; k++) {
                assertThat(p.grossExposure()[k]).isLessThanOrEqualTo(o.exposure()[k] + 1e-9);
            }
        }
        assertThat(result.portfolio(StudyResult.EQUAL_WEIGHT).drawdownOverlay()).isNull();
        assertThat(result.portfolio(StudyResult.MARKET_INDEX).drawdownOverlay()).isNull();
        StudyResult.DataTreatment treatment = result.dataTreatment();
        assertThat(treatment.dailyRiskFreeRate()).isZero();
        assertThat(treatment.note()).contains("causal cleaned view").contains("bad ticks");
    }

    @Test
    void the_result_carries_the_method_version_and_the_new_statistics_with_plain_explanations() {
        assertThat(result.methodVersion()).isEqualTo(StudyResult.METHOD_VERSION);
        StudyResult.Significance s = result.significance();
        assertThat(s.dieboldMariano().horizon()).isEqualTo(5);
        assertThat(s.dieboldMarianoRankIc()).isNotNull();
        assertThat(s.dieboldMarianoRankIc().observations()).isEqualTo(s.dieboldMariano().observations());
        assertThat(s.sharpeDifference().automaticBlockLength()).isTrue();
        assertThat(s.sharpeDifference().pValue()).isBetween(0.0, 1.0);
        assertThat(s.sharpeDifference().resamples()).isEqualTo(200);
        StudyResult.Overfitting pbo = s.overfitting();
        assertThat(pbo.configurations()).isEqualTo(result.optimisationDegree().points().size());
        if (pbo.evaluated()) {
            assertThat(pbo.probability()).isBetween(0.0, 1.0);
            assertThat(pbo.blocks()).isEven().isBetween(4, 16);
            assertThat(pbo.blockDays()).isGreaterThanOrEqualTo(21);
        }
        assertThat(pbo.note()).isNotBlank();
        StudyResult.Explanations words = s.explanations();
        assertThat(words.dieboldMariano()).startsWith("DM p");
        assertThat(words.dieboldMarianoRankIc()).contains("Rank IC");
        assertThat(words.sharpeDifference()).startsWith("Sharpe LSTM − linear = ");
        assertThat(words.deflatedSharpe()).contains("configurations tried").contains("12 screened candidate");
        assertThat(words.overfitting()).isNotBlank();
        assertThat(s.note()).contains("N = 12 screened candidate factors + 3 earlier studies");

        StudyResult.IcTests ic = result.model(StudyResult.LSTM).overall().icTests();
        assertThat(ic.neweyWestLags()).isEqualTo(4);
        assertThat(ic.rankIcTStatistic()).isFinite();
        assertThat(ic.explanation()).contains("Newey–West, 4 lags");
        assertThat(result.model(StudyResult.LINEAR).folds()).allSatisfy(f -> {
            assertThat(f.test().icTests().neweyWestLags()).isEqualTo(4);
            var fm = f.linear().famaMacBeth();
            assertThat(fm.method()).isEqualTo(org.factorguard.quant.models.linear.CoefficientInference.Method
                    .FAMA_MACBETH);
            assertThat(fm.lags()).isEqualTo(4);
            assertThat(fm.tValues()).hasSize(5);
        });
        assertThat(result.model(StudyResult.LSTM).folds()).allSatisfy(f -> assertThat(f.linear()).isNull());

        StudyResult.RegimeDating dating = result.regimes().dating();
        assertThat(dating.method()).isEqualTo(org.factorguard.quant.regimes.RegimeDating.METHOD);
        assertThat(dating.causal()).hasSameSizeAs(result.returnDates());
        assertThat(dating.exPostAgreement().agreement()).isEqualTo(result.regimes().agreement());
        assertThat(dating.exPostAgreement().kappa()).isBetween(-1.0, 1.0);
        assertThat(dating.causalAgreement().days()).isEqualTo(result.returnDates().length);
    }

    @Test
    void weights_decided_at_t_do_not_change_when_prices_after_t_change() {
        StudyResult.Portfolio lstm = result.portfolio(StudyResult.LSTM);
        int cut = lstm.rebalances().size() / 2;
        java.time.LocalDate t = lstm.rebalances().get(cut).date();
        int day = Arrays.asList(market.dates()).indexOf(t);
        MarketData perturbed = perturbAfter(market, day);
        StudyResult other = SmallStudy.study().run(perturbed, config, StudyProgressListener.NONE,
                CancellationToken.NEVER);
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR, StudyResult.EQUAL_WEIGHT)) {
            List<StudyResult.Rebalance> before = result.portfolio(name).rebalances();
            List<StudyResult.Rebalance> after = other.portfolio(name).rebalances();
            for (int k = 0; k <= cut; k++) {
                assertThat(after.get(k).date()).isEqualTo(before.get(k).date());
                assertThat(after.get(k).instruments()).as("%s holdings on %s", name, before.get(k).date())
                        .containsExactly(before.get(k).instruments());
                assertThat(after.get(k).weights()).as("%s weights on %s", name, before.get(k).date())
                        .containsExactly(before.get(k).weights());
            }
        }
        boolean laterDiffer = false;
        List<StudyResult.Rebalance> before = result.portfolio(StudyResult.LSTM).rebalances();
        List<StudyResult.Rebalance> after = other.portfolio(StudyResult.LSTM).rebalances();
        for (int k = cut + 1; k < before.size(); k++) {
            laterDiffer |= !Arrays.equals(before.get(k).weights(), after.get(k).weights());
        }
        assertThat(laterDiffer).as("the perturbation reaches later decisions (the test can fail)").isTrue();
    }

    @Test
    void absurd_configs_are_refused_with_clear_messages_before_anything_runs() {
        AtomicInteger reports = new AtomicInteger();
        StudyProgressListener counting = new StudyProgressListener() {
            @Override
            public void onProgress(StudyProgress p) {
                reports.incrementAndGet();
            }
        };
        StudyConfig dl4j = SmallStudy.config(LstmImplementation.DL4J);
        assertThatThrownBy(() -> SmallStudy.study().run(market,
                dl4j.toBuilder().allocationShortlist(0).allocation(dl4j.allocation().withMaxWeight(0.02)).build(),
                counting, CancellationToken.NEVER))
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("per-stock cap 2.00 % × 30 stocks = 60.00 % cannot reach the required exposure "
                        + "of 100.00 %");
        assertThatThrownBy(() -> dl4j.toBuilder().allocation(dl4j.allocation().withMaxWeight(0.04)).build())
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("a shortlist of 20 assets at a per-stock cap of 4.00 % holds at most 80.00 %");
        assertThatThrownBy(() -> SmallStudy.study().run(market,
                dl4j.toBuilder().allocation(dl4j.allocation().withIndustryCaps(java.util.Map.of(), 0.1)).build(),
                counting, CancellationToken.NEVER))
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("industry caps allow at most 40.00 %");
        assertThatThrownBy(() -> SmallStudy.study().run(market.slice(0, 200), dl4j, counting, CancellationToken.NEVER))
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("one fold needs at least");
        assertThatThrownBy(() -> SmallStudy.study().run(market,
                dl4j.toBuilder().dates(java.time.LocalDate.of(2030, 1, 1), null).build(), counting,
                CancellationToken.NEVER))
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("contains no trading day");
        assertThatThrownBy(() -> SmallStudy.study().run(market,
                dl4j.toBuilder().universe(StudyConfig.Universe.ofTickers(List.of("NOPE"))).build(), counting,
                CancellationToken.NEVER))
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("unknown tickers in the universe: NOPE");
        assertThat(reports).as("nothing ran").hasValue(0);

        assertThatThrownBy(() -> dl4j.toBuilder()
                .lstm(dl4j.lstm().withNetwork(dl4j.lstm().network().withMaxEpochs(1_000_000_000))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                        "epochs must be between 1 and 10000");
        assertThatThrownBy(() -> dl4j.toBuilder()
                .lstm(dl4j.lstm().withNetwork(dl4j.lstm().network().withMaxEpochs(5000))).build())
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("network passes per fold");
        assertThatThrownBy(() -> dl4j.toBuilder().walkForward(new org.factorguard.quant.validation.WalkForwardSettings(
                org.factorguard.quant.validation.TrainingWindow.EXPANDING, 0, 0, 126, 5, 5, 0, 1, -1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one day");
        assertThatThrownBy(() -> dl4j.toBuilder().walkForward(
                org.factorguard.quant.validation.WalkForwardSettings.expanding(252, 63, 126, 1)).build())
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("must equal the forward horizon");
        assertThatThrownBy(() -> dl4j.toBuilder().factorIds(List.of("EP", "MAGIC")).build())
                .isInstanceOf(StudyConfigException.class).hasMessageContaining("unknown factors [MAGIC]");
        assertThatThrownBy(() -> dl4j.toBuilder().costBps(50_000).build())
                .isInstanceOf(StudyConfigException.class).hasMessageContaining(
                        "transaction costs must be between 0 and 1000 bps");
        assertThatThrownBy(() -> dl4j.toBuilder().lstm(new org.factorguard.quant.models.lstm.LstmModelSettings(
                LstmImplementation.DL4J, 400, 1, 0, 0, dl4j.lstm().scaling(), dl4j.lstm().network())).build())
                .isInstanceOf(StudyConfigException.class).hasMessageContaining(
                        "look-back of 400 days is longer than the training window");
    }

    @Test
    void cancelling_stops_the_study_inside_training() {
        AtomicInteger epochs = new AtomicInteger();
        StudyProgressListener countEpochs = new StudyProgressListener() {
            @Override
            public void onProgress(StudyProgress p) {
                if (p.stage() == StudyStage.LSTM && p.epoch() > 0) {
                    epochs.incrementAndGet();
                }
            }
        };
        assertThatThrownBy(() -> SmallStudy.study().run(market, config, countEpochs, () -> epochs.get() >= 2))
                .isInstanceOf(StudyCancelledException.class)
                .satisfies(e -> assertThat(((StudyCancelledException) e).stage()).isEqualTo(StudyStage.LSTM));
        assertThat(epochs.get()).isLessThan(6);
    }

    @Test
    void cancelling_before_the_start_runs_nothing() {
        assertThatThrownBy(() -> SmallStudy.study().run(market, config, StudyProgressListener.NONE, () -> true))
                .isInstanceOf(StudyCancelledException.class)
                .satisfies(e -> assertThat(((StudyCancelledException) e).stage()).isEqualTo(StudyStage.DATA));
    }

    /** Closes, opens, highs, lows and volumes after {@code day} multiplied by random factors (seeded). */
    @Test
    void the_result_holds_the_tear_sheet_of_both_models_computed_on_the_test_slices() {
        TearSheet sheet = result.tearSheet();
        assertThat(sheet).isNotNull();
        int folds = result.model(StudyResult.LSTM).folds().size();
        assertThat(sheet.models()).extracting(TearSheet.ModelQuantiles::model)
                .containsExactly(StudyResult.LINEAR, StudyResult.LSTM);
        assertThat(sheet.quantilesOf(StudyResult.LSTM).folds()).hasSize(folds);
        assertThat(sheet.quantilesOf(StudyResult.LSTM).overall().from()).as("the first test day")
                .isAfter(result.selection().firstDate()).isBefore(result.returnDates()[0]);
        assertThat(sheet.quantilesOf(StudyResult.LINEAR).overall().meanReturn()).hasSize(5);
        assertThat(sheet.importanceOf(StudyResult.LINEAR).factors()).extracting(a -> a.name())
                .containsExactlyElementsOf(config.factorIds());
        assertThat(sheet.importanceOf(StudyResult.LINEAR).blocks()).isEmpty();
        assertThat(sheet.importanceOf(StudyResult.LSTM).blocks()).extracting(a -> a.name())
                .containsExactly("days 1–5", "days 6–10");
        assertThat(sheet.importanceOf(StudyResult.LSTM).baselineRankIc()).hasSize(folds);
        TearSheet.Parts lstm = sheet.attributionOf(StudyResult.LSTM).total();
        assertThat(lstm.market() + lstm.industries() + lstm.styles() + lstm.specific() + lstm.costs())
                .isEqualTo(lstm.portfolio(), within(1e-9));
        StudyResult.Portfolio book = result.portfolio(StudyResult.LSTM);
        double[] ownReturns = book.drawdownOverlay() == null ? book.returns()
                : book.drawdownOverlay().withoutOverlayReturns();
        double compounded = java.util.Arrays.stream(ownReturns).reduce(1, (g, r) -> g * (1 + r)) - 1;
        assertThat(lstm.portfolio()).as("the compounded net return of the model's book before the drawdown overlay")
                .isEqualTo(compounded, within(1e-9));
    }

    private static MarketData perturbAfter(MarketData data, int day) {
        SplittableRandom random = new SplittableRandom(99);
        double[][] close = copy(data.close());
        double[][] volume = copy(data.volume());
        for (int i = 0; i < close.length; i++) {
            double drift = 1.0;
            for (int d = day + 1; d < close[i].length; d++) {
                drift *= 1 + 0.03 * random.nextGaussian();
                close[i][d] *= drift;
                volume[i][d] *= 0.5 + random.nextDouble();
            }
        }
        return MarketData.builder(data.dates().clone(), data.instruments()).label(data.label() + " (perturbed)")
                .close(close).open(copy(data.open())).high(copy(data.high())).low(copy(data.low())).volume(volume)
                .sharesOutstanding(copy(data.sharesOutstanding())).earningsPerShare(copy(data.earningsPerShare()))
                .bookValuePerShare(copy(data.bookValuePerShare())).trueRegimes(data.trueRegimes().clone()).build();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
