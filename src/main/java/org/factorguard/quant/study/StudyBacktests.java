package org.factorguard.quant.study;

import java.util.List;
import org.factorguard.quant.allocation.DrawdownControl;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.data.MarketData;

/**
 * The backtests of a study, from the first test day to the last: the LSTM and linear portfolios through the
 * risk-constrained allocation of {@link ShortlistAllocationPolicy} (μ_t = prediction_t / h as a daily expected
 * return, the configured covariance of the trailing raw returns, QP with caps, volatility and VaR limits, the
 * book's historical VaR limit, drawdown control), the equal-weight universe and the market index, all on the
 * study's schedule and costs (see
 * {@link Backtester} for timing: decided at the close of t, traded at the close of t + 1). The optimisation-degree
 * analysis trades its checkpoints through the same {@link #backtester()} and {@link #riskConstrainedPolicy}.
 */
final class StudyBacktests {

    /**
     * The four backtests with the model portfolios' allocation decisions and daily expected returns.
     *
     * @param lstmExpectedReturns   μ of the LSTM portfolio [day][instrument]
     * @param linearExpectedReturns μ of the linear portfolio [day][instrument]
     */
    record Results(BacktestResult lstm, BacktestResult linear, BacktestResult equalWeight, BacktestResult marketIndex,
                   List<ShortlistAllocationPolicy.Decision> lstmDecisions,
                   List<ShortlistAllocationPolicy.Decision> linearDecisions,
                   float[][] lstmExpectedReturns, float[][] linearExpectedReturns) {
    }

    private final StudyConfig config;
    private final MarketData data;

    StudyBacktests(StudyConfig config, MarketData data) {
        this.config = config;
        this.data = data;
    }

    /**
     * Backtests over days [start, end] (returns from start + 1) on the models' predictions (h-day log returns
     * [day][instrument]), checking for cancellation at every decision.
     */
    Results run(float[][] lstmPredictions, float[][] linearPredictions, int start, int end, StageProgress progress) {
        float[][] lstmMu = dailyExpectedReturns(lstmPredictions);
        float[][] linearMu = dailyExpectedReturns(linearPredictions);
        Backtester backtester = backtester();
        ShortlistAllocationPolicy lstmPolicy = riskConstrainedPolicy(lstmMu);
        BacktestResult lstm = backtester.run(StudyResult.LSTM, data, start, end,
                cancellable(lstmPolicy, start, end, 0.0, 0.45, progress));
        ShortlistAllocationPolicy linearPolicy = riskConstrainedPolicy(linearMu);
        BacktestResult linear = backtester.run(StudyResult.LINEAR, data, start, end,
                cancellable(linearPolicy, start, end, 0.45, 0.45, progress));
        BacktestResult equalWeight = backtester.run(StudyResult.EQUAL_WEIGHT, data, start, end,
                cancellable(Backtester.equalWeightPolicy(), start, end, 0.9, 0.1, progress));
        BacktestResult marketIndex = Backtester.marketIndex(data, start, end);
        return new Results(lstm, linear, equalWeight, marketIndex, lstmPolicy.decisions(), linearPolicy.decisions(),
                lstmMu, linearMu);
    }

    /** The study's rebalance schedule and costs; long-short portfolios up to the allocation's gross limit. */
    Backtester backtester() {
        return new Backtester(new Backtester.Settings(config.rebalance(), config.costBps(), config.longShort(),
                config.longShort() ? config.allocation().grossLimit() : 1.0));
    }

    /** The model portfolios' allocation on daily expected returns {@code mu} [day][instrument]. */
    ShortlistAllocationPolicy riskConstrainedPolicy(float[][] mu) {
        return new ShortlistAllocationPolicy(mu, config.allocation().covarianceModel().estimator(),
                config.covarianceWindow(),
                config.allocation(),
                config.drawdownControl() == null ? null : new DrawdownControl(config.drawdownControl()),
                config.allocationShortlist());
    }

    /** μ_t = prediction_t / h: the model's h-day log return as a daily expected return. */
    float[][] dailyExpectedReturns(float[][] predictions) {
        float h = config.horizon();
        float[][] out = new float[predictions.length][];
        for (int t = 0; t < predictions.length; t++) {
            out[t] = new float[predictions[t].length];
            for (int i = 0; i < out[t].length; i++) {
                out[t][i] = predictions[t][i] / h;
            }
        }
        return out;
    }

    /** Checks the token at every decision and reports progress within [offset, offset + share] of the stage. */
    private static WeightPolicy cancellable(WeightPolicy policy, int start, int end, double offset, double share,
                                            StageProgress progress) {
        return context -> {
            progress.checkCancelled();
            double fraction = offset + share * (context.day() - start) / Math.max(1.0, end - start);
            progress.report(fraction, "rebalance on " + context.date());
            return policy.weights(context);
        };
    }
}
