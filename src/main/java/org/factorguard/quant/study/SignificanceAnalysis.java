package org.factorguard.quant.study;

import java.util.Arrays;
import java.util.function.Consumer;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;

/**
 * Is the LSTM better than the linear benchmark? Three tests, each in its own method:
 * <ul>
 *   <li>{@link #dieboldMariano}: Diebold–Mariano with the Harvey–Leybourne–Newbold correction on the daily
 *       cross-sectional squared errors of the two models' out-of-sample predictions, over the cells where both
 *       predict, at the study's horizon (A = LSTM, B = linear);</li>
 *   <li>{@link #sharpeDifference}: a stationary-bootstrap interval of Sharpe(LSTM) − Sharpe(linear) of the two
 *       model portfolios, seeded with the study's seed;</li>
 *   <li>{@link #deflatedSharpe}: the deflated Sharpe ratio (Bailey and López de Prado 2014) of the LSTM portfolio
 *       with N = the configurations tried before plus those evaluated here (both model portfolios and every
 *       optimisation-degree checkpoint) and the trial variance of the checkpoints' out-of-sample daily Sharpe
 *       ratios (configurations measured alike; the two model portfolios when there are fewer than two).</li>
 * </ul>
 */
final class SignificanceAnalysis {

    /** The deflated Sharpe ratio with the N it used and a sentence on how N and the trial variance were formed. */
    record Deflation(DeflatedSharpeRatio.Result result, int trials, String note) {
    }

    private final StudyConfig config;
    private final Consumer<String> notes;

    /** @param notes receives a sentence for the study's notes when a test cannot be computed */
    SignificanceAnalysis(StudyConfig config, Consumer<String> notes) {
        this.config = config;
        this.notes = notes;
    }

    /**
     * @param labels         realised h-day log returns [day][instrument]
     * @param from           first test day
     * @param to             end (exclusive) of the last test period
     * @param lstmReturns    daily net returns of the LSTM portfolio
     * @param linearReturns  daily net returns of the linear portfolio
     * @param degree         the optimisation-degree points (their out-of-sample Sharpe ratios are trials)
     */
    StudyResult.Significance analyse(WalkForwardResult lstm, WalkForwardResult linear, double[][] labels, int from,
                                     int to, double[] lstmReturns, double[] linearReturns,
                                     StudyResult.OptimisationDegree degree) {
        DieboldMariano.Result dm = dieboldMariano(lstm.predictions(), linear.predictions(), labels, from, to);
        SharpeDifferenceBootstrap.Interval interval = sharpeDifference(lstmReturns, linearReturns);
        Deflation deflated = deflatedSharpe(lstmReturns, linearReturns, degree);
        String note = deflated.note() + " Diebold–Mariano: A = LSTM, B = linear, daily cross-sectional MSE over "
                + "cells where both predict, horizon " + config.horizon()
                + " (a positive statistic means the LSTM's errors are larger).";
        return new StudyResult.Significance(dm, interval, deflated.result(), deflated.trials(), note);
    }

    /** On the days [from, to) and the cells where both models predict; null (and a note) when it cannot run. */
    DieboldMariano.Result dieboldMariano(float[][] lstm, float[][] linear, double[][] labels, int from, int to) {
        float[][] a = new float[to - from][];
        float[][] b = new float[to - from][];
        double[][] realised = Arrays.copyOfRange(labels, from, to);
        for (int t = from; t < to; t++) {
            a[t - from] = lstm[t].clone();
            b[t - from] = linear[t].clone();
            for (int i = 0; i < a[t - from].length; i++) {
                if (!Float.isFinite(a[t - from][i]) || !Float.isFinite(b[t - from][i])) {
                    a[t - from][i] = Float.NaN;
                    b[t - from][i] = Float.NaN;
                }
            }
        }
        double[] lossA = DieboldMariano.dailySquaredErrorLoss(a, realised);
        double[] lossB = DieboldMariano.dailySquaredErrorLoss(b, realised);
        try {
            return DieboldMariano.onLosses(lossA, lossB, config.horizon());
        } catch (IllegalArgumentException e) {
            notes.accept("Diebold–Mariano not computed: " + e.getMessage());
            return null;
        }
    }

    /** Bootstrap interval of Sharpe(LSTM) − Sharpe(linear) with the configured resamples, blocks and confidence. */
    SharpeDifferenceBootstrap.Interval sharpeDifference(double[] lstmReturns, double[] linearReturns) {
        StudyConfig.SignificanceSettings s = config.significance();
        return new SharpeDifferenceBootstrap(s.bootstrapResamples(), s.meanBlockLength(), s.confidence(),
                config.seed()).interval(lstmReturns, linearReturns);
    }

    /** The LSTM portfolio's deflated Sharpe ratio over every configuration tried and evaluated. */
    Deflation deflatedSharpe(double[] lstmReturns, double[] linearReturns, StudyResult.OptimisationDegree degree) {
        StudyConfig.SignificanceSettings s = config.significance();
        double[] models = {dailySharpe(lstmReturns), dailySharpe(linearReturns)};
        double[] checkpoints = degree.points().stream().mapToDouble(StudyResult.DegreePoint::outOfSampleSharpe)
                .filter(Double::isFinite).map(v -> v / Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR)).toArray();
        // The trial variance is the spread of Sharpe ratios between configurations measured alike: the
        // checkpoints share one window and one portfolio rule and differ only in the degree of optimisation.
        // Mixing them with the full-period model portfolios would measure the difference of windows instead.
        double[] alike = checkpoints.length >= 2 ? checkpoints : models;
        double variance = Math.pow(PerformanceMetrics.standardDeviation(alike), 2);
        if (!Double.isFinite(variance)) {
            variance = 0.0;
        }
        int evaluated = models.length + checkpoints.length;
        int trials = s.configurationsTried() + evaluated;
        DeflatedSharpeRatio.Result result = DeflatedSharpeRatio.compute(lstmReturns, trials, variance);
        String note = "N = " + s.configurationsTried() + " configurations tried before + " + evaluated
                + " evaluated here (the LSTM and linear portfolios and " + checkpoints.length
                + " optimisation-degree checkpoints); trial variance " + variance + " of the daily Sharpe ratios of "
                + (alike == checkpoints ? "the checkpoints (same window and portfolio rule)"
                : "the two model portfolios") + ".";
        return new Deflation(result, trials, note);
    }

    private static double dailySharpe(double[] returns) {
        return PerformanceMetrics.sharpe(returns) / Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR);
    }
}
