package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.factorguard.quant.backtest.TradingData;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.models.ImportanceSummary;
import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.WalkForwardRun;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tear-sheet stage on the small study's market, with signals whose answer is known: a signal equal to the
 * forward return ranks it perfectly (monotone quintiles, a large spread t, the largest importance), pure noise
 * ranks nothing.
 */
class TearSheetAnalysisTest {

    private static MarketData market;
    private static StudyConfig config;
    private static FactorPanel panel;
    private static double[][] labels;
    private static WalkForwardPlan plan;

    @BeforeAll
    static void prepareTheSmallStudysInputs() {
        market = SmallStudy.market();
        config = SmallStudy.config(LstmImplementation.DL4J);
        panel = FactorPanelBuilder.prepared(market, FactorLibrary.byIds(config.factorIds()), config.preparation())
                .panel();
        labels = ForwardReturns.logReturns(market, config.horizon());
        plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, market.dayCount());
    }

    @Test
    void a_signal_that_ranks_returns_perfectly_has_monotone_quintiles_and_noise_has_none() {
        TearSheetAnalysis analysis = new TearSheetAnalysis(config, market, panel, labels, plan,
                CancellationToken.NEVER);
        double[][] nextDay = ForwardReturns.logReturns(market, 1);

        TearSheet.ModelQuantiles perfect = analysis.quantiles("perfect", onTestDays(labels, 0), nextDay);
        TearSheet.ModelQuantiles noise = analysis.quantiles("noise", onTestDays(labels, 1), nextDay);

        assertThat(perfect.folds()).hasSize(plan.folds().size());
        assertThat(perfect.overall().monotonicity()).isEqualTo(1.0, within(1e-12));
        assertThat(perfect.folds()).allSatisfy(f -> assertThat(f.monotonicity()).isEqualTo(1.0, within(1e-12)));
        assertThat(perfect.overall().spreadT()).isGreaterThan(10);
        assertThat(perfect.overall().from()).isEqualTo(market.dates()[plan.firstTestDay()]);
        assertThat(perfect.dates()).hasSize(perfect.cumulativeSpread().length);
        assertThat(perfect.cumulative()).hasNumberOfRows(5);

        assertThat(Math.abs(noise.overall().spreadT())).isLessThan(3);
        assertThat(Math.abs(noise.overall().spread())).isLessThan(perfect.overall().spread() / 10);
        assertThat(noise.overall().topTurnover()).isBetween(0.7, 0.9);
    }

    @Test
    void permutation_importance_through_the_stage_finds_the_perfect_factor_and_not_the_noise() {
        float[][][] values = new float[2][][];
        values[0] = onTestDaysAndBefore(labels, 0);
        values[1] = onTestDaysAndBefore(labels, 1);
        FactorPanel known = new FactorPanel(List.of("PERFECT", "NOISE"), panel.dates(), panel.tickers(), values,
                true);
        TearSheetAnalysis analysis = new TearSheetAnalysis(config, market, known, labels, plan,
                CancellationToken.NEVER);

        var linear = WalkForwardRun.run(new LinearFactorModel(config.linear()), known, labels, plan,
                analysis.measuringImportance(WalkForwardListener.NONE, StudyResult.LINEAR), CancellationToken.NEVER);
        TearSheet sheet = analysis.analyse(linear.predictions(), linear.predictions(),
                new StudyBacktests(config, TradingData.of(market)).backtester(null).equalWeightUniverse(market,
                        plan.firstTestDay(),
                        plan.folds().getLast().testEnd() - 1),
                new StudyBacktests(config, TradingData.of(market)).backtester(null).equalWeightUniverse(market,
                        plan.firstTestDay(),
                        plan.folds().getLast().testEnd() - 1), QuietStage.of(StudyStage.TEAR_SHEETS));

        TearSheet.ModelImportance importance = sheet.importanceOf(StudyResult.LINEAR);
        assertThat(importance.factors()).extracting(ImportanceSummary.Aggregate::name)
                .containsExactly("PERFECT", "NOISE");
        ImportanceSummary.Aggregate perfect = importance.factors().get(0);
        ImportanceSummary.Aggregate noise = importance.factors().get(1);
        assertThat(perfect.rankIcDropByFold()).hasSize(plan.folds().size());
        assertThat(perfect.meanRankIcDrop()).isGreaterThan(0.5);
        assertThat(Math.abs(noise.meanRankIcDrop())).isLessThan(0.05);
        assertThat(importance.blocks()).isEmpty();
        assertThat(java.util.Arrays.stream(importance.baselineRankIc()).min().orElseThrow()).isGreaterThan(0.8);
        assertThat(sheet.quantilesOf(StudyResult.LINEAR).overall().monotonicity()).isEqualTo(1.0, within(1e-12));

        TearSheet.PortfolioAttribution book = sheet.attributionOf(StudyResult.LSTM);
        TearSheet.Parts t = book.total();
        assertThat(t.market() + t.industries() + t.styles() + t.specific() + t.costs())
                .isEqualTo(t.portfolio(), within(1e-9));
        assertThat(book.years()).extracting(TearSheet.Parts::label).contains("2017", "2019");
        int market = book.exposureNames().indexOf("Market");
        assertThat(book.meanExposure()[market]).as("a fully invested book").isEqualTo(1.0, within(0.02));
    }

    @Test
    void a_tear_sheet_that_cannot_be_computed_leaves_a_note_and_no_tear_sheet() {
        TearSheetAnalysis analysis = new TearSheetAnalysis(config, market, panel, labels, plan,
                CancellationToken.NEVER);
        var book = new StudyBacktests(config, TradingData.of(market)).backtester(null).equalWeightUniverse(market,
                plan.firstTestDay(),
                plan.folds().getLast().testEnd() - 1);
        List<String> notes = new java.util.ArrayList<>();

        TearSheet sheet = analysis.analyseOrNote(new float[1][1], new float[1][1], book, book,
                QuietStage.of(StudyStage.TEAR_SHEETS), notes::add);

        assertThat(sheet).isNull();
        assertThat(notes).singleElement().asString().contains("could not be computed");
    }

    /** The signal on test days only ({@code noise}: seeded Gaussian noise instead), NaN elsewhere. */
    private static float[][] onTestDays(double[][] signal, int noise) {
        float[][] out = onTestDaysAndBefore(signal, noise);
        for (int t = 0; t < plan.firstTestDay(); t++) {
            java.util.Arrays.fill(out[t], Float.NaN);
        }
        return out;
    }

    private static float[][] onTestDaysAndBefore(double[][] signal, int noise) {
        Random random = new Random(17L);
        float[][] out = new float[signal.length][signal[0].length];
        for (int t = 0; t < signal.length; t++) {
            for (int i = 0; i < signal[t].length; i++) {
                out[t][i] = noise == 1 ? (float) random.nextGaussian()
                        : Double.isFinite(signal[t][i]) ? (float) signal[t][i] : 0f;
            }
        }
        return out;
    }
}
