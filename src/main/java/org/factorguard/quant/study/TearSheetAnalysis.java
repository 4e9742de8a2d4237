package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.factorguard.quant.backtest.AttributionResult;
import org.factorguard.quant.backtest.AttributionSettings;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.FactorAttribution;
import org.factorguard.quant.backtest.HeldWeights;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.factors.QuantileAnalysis;
import org.factorguard.quant.factors.QuantileSeries;
import org.factorguard.quant.factors.QuantileSettings;
import org.factorguard.quant.factors.QuantileSummary;
import org.factorguard.quant.models.FittedReturnModel;
import org.factorguard.quant.models.FoldImportance;
import org.factorguard.quant.models.FoldResult;
import org.factorguard.quant.models.ImportanceSettings;
import org.factorguard.quant.models.ImportanceSummary;
import org.factorguard.quant.models.PermutationImportance;
import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * The tear-sheet stage of a {@link Study}, on the walk-forward's test slices only: Alphalens' returns by quintile of
 * each model's out-of-sample predictions ({@link QuantileAnalysis}, per fold and over all test days), out-of-sample
 * permutation importance of each factor and look-back block ({@link PermutationImportance}, measured on each fold's
 * test slice as soon as the fold's model is fitted, with {@link ImportanceSettings#defaults()} seeded by the study)
 * and the Barra-style factor attribution of both model portfolios ({@link FactorAttribution} on the weights the
 * backtest held, {@link HeldWeights}; Cariño-linked totals). Formulas and references: docs/tear-sheets.md.
 */
final class TearSheetAnalysis {

    private final StudyConfig config;
    private final MarketData data;
    private final MarketData pnl;
    private final FactorPanel panel;
    private final double[][] labels;
    private final WalkForwardPlan plan;
    private final CancellationToken cancel;
    private final ImportanceSettings importanceSettings;
    private final QuantileSettings quantileSettings = QuantileSettings.defaults();
    private final List<FoldImportance> linearFolds = new ArrayList<>();
    private final List<FoldImportance> lstmFolds = new ArrayList<>();
    /** A diagnostic must not cost the user the study: the first failure drops the tear sheet with a note. */
    private RuntimeException failure;

    TearSheetAnalysis(StudyConfig config, MarketData data, FactorPanel panel, double[][] labels, WalkForwardPlan plan,
                      CancellationToken cancel) {
        this(config, data, data, panel, labels, plan, cancel);
    }

    /**
     * @param data the model view (signals and quintile returns)
     * @param pnl  the prices the portfolios earned (the attribution replays the books on them)
     */
    TearSheetAnalysis(StudyConfig config, MarketData data, MarketData pnl, FactorPanel panel, double[][] labels,
                      WalkForwardPlan plan, CancellationToken cancel) {
        this.config = config;
        this.data = data;
        this.pnl = pnl;
        this.panel = panel;
        this.labels = labels;
        this.plan = plan;
        this.cancel = cancel;
        this.importanceSettings = ImportanceSettings.defaults().withSeed(config.seed());
    }

    /** {@code progress}, which also measures each fitted fold's importance for {@code model} ("Linear", "LSTM"). */
    WalkForwardListener measuringImportance(WalkForwardListener progress, String model) {
        List<FoldImportance> sink = StudyResult.LSTM.equals(model) ? lstmFolds : linearFolds;
        sink.clear();
        return new WalkForwardListener() {
            @Override
            public void onFoldStarted(int fold, int folds, WalkForwardSplit split) {
                progress.onFoldStarted(fold, folds, split);
            }

            @Override
            public TrainingListener trainingListener(int fold) {
                return progress.trainingListener(fold);
            }

            @Override
            public void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel fitted) {
                onFoldFitted(fold, split, fitted, panel);
            }

            @Override
            public void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel fitted, FactorPanel inputs) {
                progress.onFoldFitted(fold, split, fitted, inputs);
                if (failure != null) {
                    return;
                }
                try {
                    // the fold's own factors: those its screen selected, which the fitted model reads
                    sink.add(PermutationImportance.measure(fitted, inputs, labels, split, importanceSettings, cancel));
                } catch (TrainingCancelledException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }

            @Override
            public void onFoldFinished(FoldResult result) {
                progress.onFoldFinished(result);
            }
        };
    }

    /**
     * The tear sheet, or {@code null} with a note to {@code notes} when it could not be computed (the study's other
     * results stand).
     */
    TearSheet analyseOrNote(float[][] linearPredictions, float[][] lstmPredictions, BacktestResult lstmBook,
                            BacktestResult linearBook, StageProgress progress, Consumer<String> notes) {
        try {
            if (failure == null) {
                return analyse(linearPredictions, lstmPredictions, lstmBook, linearBook, progress);
            }
        } catch (StudyCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            failure = e;
        }
        notes.accept("The tear sheets (quintiles, importance, attribution) could not be computed for this study: "
                + failure.getMessage());
        return null;
    }

    /**
     * The tear sheet, from both walk-forwards' predictions (measured through {@link #measuringImportance}) and the
     * model portfolios' backtests.
     */
    TearSheet analyse(float[][] linearPredictions, float[][] lstmPredictions, BacktestResult lstmBook,
                      BacktestResult linearBook, StageProgress progress) {
        double[][] nextDay = ForwardReturns.logReturns(data, 1);
        progress.report(0.05, "returns by quintile of the linear model's predictions");
        TearSheet.ModelQuantiles linear = quantiles(StudyResult.LINEAR, linearPredictions, nextDay);
        progress.checkCancelled();
        progress.report(0.2, "returns by quintile of the LSTM's predictions");
        TearSheet.ModelQuantiles lstm = quantiles(StudyResult.LSTM, lstmPredictions, nextDay);
        progress.checkCancelled();
        progress.report(0.4, "factor attribution of the model portfolios");
        List<AttributionResult> attributed = FactorAttribution.attribute(pnl,
                List.of(HeldWeights.rebuild(pnl, lstmBook), HeldWeights.rebuild(pnl, linearBook)), panel,
                AttributionSettings.defaults());
        progress.report(0.95, String.format(java.util.Locale.ROOT, "permutation importance across folds (measured "
                + "inside the walk-forwards: linear %.2f s, LSTM %.2f s)", seconds(linearFolds), seconds(lstmFolds)));
        return new TearSheet(quantileSettings.quantiles(), config.horizon(), List.of(linear, lstm),
                List.of(importance(StudyResult.LINEAR, linearFolds), importance(StudyResult.LSTM, lstmFolds)),
                List.of(attribution(StudyResult.LSTM, attributed.get(0)),
                        attribution(StudyResult.LINEAR, attributed.get(1))));
    }

    /** Returns by quantile of {@code signal} (NaN outside the test slices) per fold and over all test days. */
    TearSheet.ModelQuantiles quantiles(String name, float[][] signal, double[][] nextDay) {
        QuantileSeries series = QuantileAnalysis.analyse(signal, labels, nextDay, config.horizon(), quantileSettings);
        LocalDate[] dates = data.dates();
        List<TearSheet.QuantileFigures> folds = new ArrayList<>();
        for (WalkForwardSplit split : plan.folds()) {
            folds.add(TearSheet.QuantileFigures.of(series.summarise(split.testStart(), split.testEnd()), dates));
        }
        QuantileSummary overall = series.summarise(plan.firstTestDay(), plan.folds().getLast().testEnd());
        float[][] cumulative = new float[overall.cumulative().length][];
        for (int b = 0; b < cumulative.length; b++) {
            cumulative[b] = toFloats(overall.cumulative()[b]);
        }
        return new TearSheet.ModelQuantiles(name, TearSheet.QuantileFigures.of(overall, dates), folds,
                Arrays.copyOfRange(dates, overall.fromDay(), overall.toDay()), cumulative,
                toFloats(overall.cumulativeSpread()));
    }

    private TearSheet.ModelImportance importance(String model, List<FoldImportance> folds) {
        if (folds.isEmpty()) {
            return new TearSheet.ModelImportance(model, importanceSettings.repeats(), importanceSettings.maxDays(),
                    new double[0], List.of(), List.of());
        }
        ImportanceSummary summary = ImportanceSummary.of(folds);
        return new TearSheet.ModelImportance(model, importanceSettings.repeats(), importanceSettings.maxDays(),
                folds.stream().mapToDouble(FoldImportance::baselineRankIc).toArray(), summary.factors(),
                summary.blocks());
    }

    static TearSheet.PortfolioAttribution attribution(String portfolio, AttributionResult result) {
        List<TearSheet.Parts> years = new ArrayList<>();
        LocalDate[] dates = result.dates();
        int from = 0;
        for (int d = 1; d <= dates.length; d++) {
            if (d == dates.length || dates[d].getYear() != dates[from].getYear()) {
                years.add(TearSheet.Parts.of(String.valueOf(dates[from].getYear()),
                        slice(result, from, d).linkedTotals()));
                from = d;
            }
        }
        int k = result.exposureNames().size();
        double[] meanExposure = new double[k];
        double rSquared = 0;
        int rCount = 0;
        for (int d = 0; d < result.dayCount(); d++) {
            for (int j = 0; j < k; j++) {
                meanExposure[j] += result.exposures()[d][j] / result.dayCount();
            }
            if (Double.isFinite(result.rSquared()[d])) {
                rSquared += result.rSquared()[d];
                rCount++;
            }
        }
        AttributionResult.Totals total = result.linkedTotals();
        return new TearSheet.PortfolioAttribution(portfolio, TearSheet.Parts.of("total", total), years,
                result.exposureNames(), result.groups(), total.byExposure(), meanExposure,
                rCount == 0 ? Double.NaN : rSquared / rCount);
    }

    /** Days {@code [from, to)} of an attribution. */
    private static AttributionResult slice(AttributionResult r, int from, int to) {
        return new AttributionResult(Arrays.copyOfRange(r.dates(), from, to), r.exposureNames(), r.groups(),
                Arrays.copyOfRange(r.exposures(), from, to), Arrays.copyOfRange(r.factorReturns(), from, to),
                Arrays.copyOfRange(r.contributions(), from, to), Arrays.copyOfRange(r.specific(), from, to),
                Arrays.copyOfRange(r.costs(), from, to), Arrays.copyOfRange(r.returns(), from, to),
                Arrays.copyOfRange(r.rSquared(), from, to));
    }

    private static double seconds(List<FoldImportance> folds) {
        return folds.stream().mapToLong(FoldImportance::elapsedNanos).sum() / 1e9;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
