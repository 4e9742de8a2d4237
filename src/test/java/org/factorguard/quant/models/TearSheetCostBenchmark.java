package org.factorguard.quant.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.factorguard.quant.backtest.AttributionResult;
import org.factorguard.quant.backtest.AttributionSettings;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.BrinsonAttribution;
import org.factorguard.quant.backtest.FactorAttribution;
import org.factorguard.quant.backtest.HeldWeights;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.factors.QuantileAnalysis;
import org.factorguard.quant.factors.QuantileSeries;
import org.factorguard.quant.factors.QuantileSettings;
import org.factorguard.quant.factors.QuantileSummary;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.study.Study;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.StudyProgressListener;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the tear-sheet analytics would add to the default study on the built-in market: runs the study once for
 * its wall time, then the same data, factors, labels and folds through both walk-forwards with permutation
 * importance ({@link ImportanceSettings#defaults()}) measured on every fold's test slice, the quantile analysis of
 * every factor and both models' predictions (per fold and overall), and the factor and Brinson attribution of
 * three books; prints each part's seconds and their share of the study's time. Not part of the default run;
 * {@code ./mvnw test -Dtest=TearSheetCostBenchmark}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*TearSheetCostBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=TearSheetCostBenchmark")
class TearSheetCostBenchmark {

    @Test
    void tear_sheet_analytics_on_the_default_study() {
        MarketData market = SyntheticMarket.generateDefault();
        StudyConfig config = StudyConfig.defaults();
        PermutationImportanceBenchmark.Clock studyClock = new PermutationImportanceBenchmark.Clock();
        StudyResult study = Study.standard().run(market, config, new StudyProgressListener() {
        }, CancellationToken.NEVER);
        studyClock.stop();
        double studySeconds = studyClock.wall / 1e9;
        System.out.printf(Locale.ROOT, "%d processors, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        study.timings().forEach(t -> System.out.printf(Locale.ROOT, "  study stage %-28s %7.2f s%n",
                t.stage().displayName(), t.millis() / 1000.0));
        System.out.printf(Locale.ROOT, "default study: %s%n", studyClock);

        FactorPanel panel = FactorPanelBuilder.prepared(market, FactorLibrary.byIds(config.factorIds()),
                config.preparation()).panel();
        double[][] labels = ForwardReturns.logReturns(market, config.horizon());
        double[][] nextDay = ForwardReturns.logReturns(market, 1);
        WalkForwardPlan plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, market.dayCount());
        LstmModelSettings lstmSettings = config.lstm().withNetwork(config.lstm().network().withSeed(config.seed()));
        ImportanceSettings importance = ImportanceSettings.defaults();

        Timed linear = walkForward(new LinearFactorModel(config.linear()), panel, labels, plan, importance);
        Timed lstm = walkForward(new LstmReturnModel(lstmSettings), panel, labels, plan, importance);
        report("Linear", linear);
        report("LSTM", lstm);

        PermutationImportanceBenchmark.Clock quantileClock = new PermutationImportanceBenchmark.Clock();
        List<float[][]> signals = new ArrayList<>();
        for (int k = 0; k < panel.factorCount(); k++) {
            signals.add(panel.values(k));
        }
        signals.add(linear.result.predictions());
        signals.add(lstm.result.predictions());
        QuantileSummary lstmOverall = null;
        for (float[][] signal : signals) {
            QuantileSeries series = QuantileAnalysis.analyse(signal, labels, nextDay, config.horizon(),
                    QuantileSettings.defaults());
            for (WalkForwardSplit split : plan.folds()) {
                series.summarise(split.testStart(), split.testEnd());
            }
            lstmOverall = series.summarise(plan.firstTestDay(), plan.folds().getLast().testEnd());
        }
        quantileClock.stop();
        double quantileSeconds = quantileClock.wall / 1e9;
        System.out.printf(Locale.ROOT, "quantiles: %d signals × (%d folds + overall) %.2f s; LSTM overall: means %s,"
                        + " spread t %.2f, top turnover %.2f, monotonicity %.2f%n", signals.size(),
                plan.folds().size(), quantileSeconds, Arrays.toString(lstmOverall.meanReturn()),
                lstmOverall.spread().tStatistic(), lstmOverall.topTurnover(), lstmOverall.monotonicity());

        int start = plan.firstTestDay();
        int end = plan.folds().getLast().testEnd() - 1;
        Backtester backtester = new Backtester(Backtester.Settings.longOnly(config.rebalance(), config.costBps()));
        BacktestResult equal = backtester.equalWeightUniverse(market, start, end);
        BacktestResult linearBook = backtester.run("Linear top 40", market, start, end,
                topPolicy(linear.result.predictions(), 40));
        BacktestResult lstmBook = backtester.run("LSTM top 40", market, start, end,
                topPolicy(lstm.result.predictions(), 40));
        PermutationImportanceBenchmark.Clock attributionClock = new PermutationImportanceBenchmark.Clock();
        List<HeldWeights> books = List.of(HeldWeights.rebuild(market, linearBook),
                HeldWeights.rebuild(market, lstmBook), HeldWeights.rebuild(market, equal));
        List<AttributionResult> attributions = FactorAttribution.attribute(market, books, panel,
                AttributionSettings.defaults());
        BrinsonAttribution.attribute(market, books.get(0), books.get(2));
        BrinsonAttribution.attribute(market, books.get(1), books.get(2));
        attributionClock.stop();
        double attributionSeconds = attributionClock.wall / 1e9;
        AttributionResult.Totals t = attributions.get(1).linkedTotals();
        System.out.printf(Locale.ROOT, "attribution: 3 books over %d days + 2 Brinson %.2f s; LSTM top 40 linked: "
                        + "market %.3f, industries %.3f, styles %.3f, specific %.3f, costs %.3f = %.3f%n",
                books.get(0).dayCount(), attributionSeconds, t.market(), t.industries(), t.styles(), t.specific(),
                t.costs(), t.portfolio());

        double extra = linear.importanceSeconds + lstm.importanceSeconds + quantileSeconds + attributionSeconds;
        System.out.printf(Locale.ROOT, "extra %.2f s wall = %.1f %% of the study (importance linear %.2f s, "
                        + "LSTM %.2f s, quantiles %.2f s, attribution %.2f s)%n", extra, 100 * extra / studySeconds,
                linear.importanceSeconds, lstm.importanceSeconds, quantileSeconds, attributionSeconds);
        double extraCpu = (linear.importanceCpu + lstm.importanceCpu + quantileClock.cpu + attributionClock.cpu) / 1e9;
        System.out.printf(Locale.ROOT, "extra %.2f s CPU = %.1f %% of the study's %.2f s CPU (importance linear %.2f s,"
                        + " LSTM %.2f s, quantiles %.2f s, attribution %.2f s)%n", extraCpu,
                100 * extraCpu / (studyClock.cpu / 1e9), studyClock.cpu / 1e9, linear.importanceCpu / 1e9,
                lstm.importanceCpu / 1e9, quantileClock.cpu / 1e9, attributionClock.cpu / 1e9);
    }

    private record Timed(WalkForwardResult result, ImportanceSummary importance, double totalSeconds,
                         double importanceSeconds, long totalCpu, long importanceCpu) {
    }

    private static Timed walkForward(ReturnModel model, FactorPanel panel, double[][] labels, WalkForwardPlan plan,
                                     ImportanceSettings settings) {
        List<FoldImportance> folds = new ArrayList<>();
        long[] importanceCpu = new long[1];
        PermutationImportanceBenchmark.Clock clock = new PermutationImportanceBenchmark.Clock();
        WalkForwardResult result = WalkForwardRun.run(model, panel, labels, plan, new WalkForwardListener() {
            @Override
            public void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel fitted) {
                long cpu0 = PermutationImportanceBenchmark.Clock.processCpu();
                folds.add(PermutationImportance.measure(fitted, panel, labels, split, settings));
                importanceCpu[0] += PermutationImportanceBenchmark.Clock.processCpu() - cpu0;
            }
        }, CancellationToken.NEVER);
        clock.stop();
        ImportanceSummary summary = ImportanceSummary.of(folds);
        return new Timed(result, summary, clock.wall / 1e9, summary.elapsedNanos() / 1e9, clock.cpu,
                importanceCpu[0]);
    }

    private static void report(String name, Timed timed) {
        System.out.printf(Locale.ROOT, "%s walk-forward %.2f s wall, of which importance %.2f s over %d folds "
                        + "(%.2f s per fold); CPU %.2f s, importance %.2f s (%.0f %% of the rest)%n", name,
                timed.totalSeconds, timed.importanceSeconds, timed.importance.folds(),
                timed.importanceSeconds / timed.importance.folds(), timed.totalCpu / 1e9, timed.importanceCpu / 1e9,
                100.0 * timed.importanceCpu / (timed.totalCpu - timed.importanceCpu));
        for (ImportanceSummary.Aggregate a : timed.importance.factors()) {
            System.out.printf(Locale.ROOT, "  %-16s Rank IC drop %+.4f (folds sd %.4f), MSE %+.2e%n", a.name(),
                    a.meanRankIcDrop(), a.foldSdRankIcDrop(), a.meanMseIncrease());
        }
        for (ImportanceSummary.Aggregate a : timed.importance.blocks()) {
            System.out.printf(Locale.ROOT, "  %-16s Rank IC drop %+.4f (folds sd %.4f), MSE %+.2e%n", a.name(),
                    a.meanRankIcDrop(), a.foldSdRankIcDrop(), a.meanMseIncrease());
        }
    }

    /** Equal weights on the {@code size} highest predictions of the decision day (cash when there are none). */
    private static WeightPolicy topPolicy(float[][] predictions, int size) {
        return context -> {
            float[] p = predictions[context.day()];
            Integer[] order = new Integer[p.length];
            for (int i = 0; i < p.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(finite(p[b]), finite(p[a])));
            double[] w = new double[p.length];
            int chosen = 0;
            for (int j = 0; j < p.length && chosen < size; j++) {
                if (Float.isFinite(p[order[j]]) && context.close(order[j], context.day()) > 0) {
                    w[order[j]] = 1.0 / size;
                    chosen++;
                }
            }
            return w;
        };
    }

    private static float finite(float v) {
        return Float.isFinite(v) ? v : Float.NEGATIVE_INFINITY;
    }
}
