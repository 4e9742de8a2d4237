package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * The optimisation degree of the LSTM (Figure 2 of Li, Gu et al. 2025): each epoch's checkpoint, recorded while
 * the LSTM trained ({@link DegreeCheckpointRecorder}) and averaged over the ensemble members that reached the
 * epoch, becomes a portfolio on the last training days of a fold (in sample) and on its test days (out of sample);
 * the point of an epoch is the annual return and Sharpe ratio of each, with returns of several folds concatenated.
 * A checkpoint's portfolio is either the top quintile in equal weights ({@link #topQuintile}) or the model
 * portfolios' risk-constrained allocation ({@link StudyBacktests#riskConstrainedPolicy}), traded on the study's
 * schedule and costs. See {@link StudyConfig.OptimisationDegreeSettings}.
 */
final class OptimisationDegreeAnalysis {

    private final StudyConfig config;
    private final MarketData data;
    private final WalkForwardPlan plan;
    private final StudyBacktests backtests;
    private final DegreeCheckpointRecorder recorder;
    /** Out-of-sample daily returns of each evaluated checkpoint, in the order of the points. */
    private final List<double[]> outOfSampleReturns = new ArrayList<>();

    OptimisationDegreeAnalysis(StudyConfig config, MarketData data, WalkForwardPlan plan, StudyBacktests backtests) {
        this.config = config;
        this.data = data;
        this.plan = plan;
        this.backtests = backtests;
        this.recorder = new DegreeCheckpointRecorder(config.optimisationDegree(), evaluatedFolds(), plan,
                data.instrumentCount(), data.dates(), config.rebalance());
    }

    /** Give it the LSTM's checkpoints while it trains. */
    DegreeCheckpointRecorder recorder() {
        return recorder;
    }

    /** The last fold, every fold with {@code allFolds}, none when the sweep is off. */
    private List<Integer> evaluatedFolds() {
        StudyConfig.OptimisationDegreeSettings s = config.optimisationDegree();
        if (!s.enabled()) {
            return List.of();
        }
        int count = plan.folds().size();
        List<Integer> folds = new ArrayList<>();
        for (int f = s.allFolds() ? 0 : count - 1; f < count; f++) {
            folds.add(f);
        }
        return folds;
    }

    /** Backtests the recorded checkpoints, one point per epoch reached in every evaluated fold. */
    StudyResult.OptimisationDegree evaluate(StageProgress progress) {
        StudyConfig.OptimisationDegreeSettings s = config.optimisationDegree();
        if (!s.enabled()) {
            return new StudyResult.OptimisationDegree(false, List.of(), s.inSampleDays(), List.of(),
                    "not evaluated (switched off)");
        }
        List<Integer> folds = recorder.folds();
        TreeMap<Integer, List<DegreeCheckpointRecorder.Checkpoint>> byEpoch = recorder.averagedByEpoch();
        List<StudyResult.DegreePoint> points = new ArrayList<>();
        int done = 0;
        for (Map.Entry<Integer, List<DegreeCheckpointRecorder.Checkpoint>> e : byEpoch.entrySet()) {
            progress.checkCancelled();
            List<double[]> inSample = new ArrayList<>();
            List<double[]> outOfSample = new ArrayList<>();
            double trainLoss = 0;
            double validationLoss = 0;
            int members = 0;
            for (DegreeCheckpointRecorder.Checkpoint c : e.getValue()) {
                WalkForwardSplit split = plan.folds().get(c.fold());
                int inStart = recorder.inSampleStart(split);
                inSample.add(checkpointReturns(c.inSample(), inStart, split.trainEnd() - 1, progress));
                outOfSample.add(checkpointReturns(c.outOfSample(), split.testStart(), split.testEnd() - 1, progress));
                trainLoss += c.trainLoss() * c.members();
                validationLoss += c.validationLoss() * c.members();
                members += c.members();
            }
            double[] in = concat(inSample);
            double[] out = concat(outOfSample);
            outOfSampleReturns.add(out);
            points.add(new StudyResult.DegreePoint(e.getKey(), members, trainLoss / members, validationLoss / members,
                    PerformanceMetrics.annualReturn(in), PerformanceMetrics.sharpe(in),
                    PerformanceMetrics.annualReturn(out), PerformanceMetrics.sharpe(out)));
            progress.report((double) ++done / byEpoch.size(), "epoch " + e.getKey() + " evaluated");
        }
        String note = "Each point is the LSTM's weights after that many epochs (the trainer's checkpoint, no extra "
                + "training), averaged over the ensemble members that reached the epoch, turned into a "
                + (s.portfolio() == StudyConfig.DegreePortfolio.TOP_QUINTILE ? "top-quintile equal-weight portfolio"
                : "portfolio by the same risk-constrained allocation as the LSTM portfolio")
                + " on the study's schedule and costs, on the last " + s.inSampleDays()
                + " training days (in sample) and on the test days (out of sample) of fold(s) " + folds
                + "; returns of several folds are concatenated. Early stopping ends training, so epochs after it "
                + "are not observed.";
        return new StudyResult.OptimisationDegree(true, folds, s.inSampleDays(), points, note);
    }

    /**
     * The checkpoints' out-of-sample daily returns as a T × N matrix ([day][checkpoint], checkpoints in the order of
     * the points {@link #evaluate} returned; every checkpoint covers the same test days); empty before
     * {@link #evaluate} or when the sweep is off.
     */
    double[][] outOfSampleReturnsByDay() {
        if (outOfSampleReturns.isEmpty()) {
            return new double[0][];
        }
        int days = outOfSampleReturns.getFirst().length;
        double[][] m = new double[days][outOfSampleReturns.size()];
        for (int n = 0; n < outOfSampleReturns.size(); n++) {
            double[] r = outOfSampleReturns.get(n);
            for (int t = 0; t < days; t++) {
                m[t][n] = r[t];
            }
        }
        return m;
    }

    /** Net daily returns of the checkpoint's portfolio over days [from, to], its predictions starting at from. */
    private double[] checkpointReturns(float[][] predictionsFromFrom, int from, int to, StageProgress progress) {
        float[][] mu = new float[data.dayCount()][];
        for (int r = 0; r < predictionsFromFrom.length; r++) {
            mu[from + r] = predictionsFromFrom[r];
        }
        WeightPolicy p = config.optimisationDegree().portfolio() == StudyConfig.DegreePortfolio.TOP_QUINTILE
                ? topQuintile(fill(mu)) : backtests.riskConstrainedPolicy(backtests.dailyExpectedReturns(fill(mu)));
        return backtests.checkpoint(from, to, context -> {
            progress.checkCancelled();
            if (mu[context.day()] == null) {
                // the recorder predicts only the days it expects the backtest to decide on
                throw new IllegalStateException("no checkpoint prediction for the decision on day " + context.day()
                        + " (" + context.date() + ")");
            }
            return p.weights(context);
        }).returns();
    }

    /**
     * Equal weights on the fifth of the priced instruments with the highest prediction (ties by instrument
     * order); long-short also shorts the lowest fifth, each side half the gross limit.
     */
    private WeightPolicy topQuintile(float[][] predictions) {
        return context -> {
            int t = context.day();
            List<Integer> ranked = new ArrayList<>();
            for (int i = 0; i < context.instrumentCount(); i++) {
                if (Float.isFinite(predictions[t][i]) && context.close(i, t) > 0) {
                    ranked.add(i);
                }
            }
            ranked.sort((a, b) -> {
                int c = Float.compare(predictions[t][b], predictions[t][a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            double[] w = new double[context.instrumentCount()];
            int k = Math.max(1, ranked.size() / 5);
            if (ranked.isEmpty()) {
                return w;
            }
            double side = config.longShort() ? config.allocation().grossLimit() / 2 : 1.0;
            for (int j = 0; j < k; j++) {
                w[ranked.get(j)] = side / k;
                if (config.longShort()) {
                    w[ranked.get(ranked.size() - 1 - j)] = -side / k;
                }
            }
            return w;
        };
    }

    /** Rows without predictions become rows of NaN. */
    private float[][] fill(float[][] sparse) {
        float[][] out = new float[sparse.length][];
        float[] empty = new float[data.instrumentCount()];
        Arrays.fill(empty, Float.NaN);
        for (int t = 0; t < sparse.length; t++) {
            out[t] = sparse[t] != null ? sparse[t] : empty;
        }
        return out;
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }
}
