package org.factorguard.quant.study;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.allocation.CovarianceModel;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.TradingData;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.risk.CovarianceEstimator;
import org.factorguard.quant.risk.FactoredLedoitWolfCovariance;
import org.factorguard.quant.risk.LedoitWolfCovariance;

/**
 * The backtests of a study, from the first test day to the last: the LSTM and linear portfolios through the
 * risk-constrained allocation of {@link ShortlistAllocationPolicy} (μ_t = prediction_t / h as a daily expected
 * return, the configured covariance of the trailing returns (Ledoit–Wolf by default, EWMA as an option), QP
 * with caps, volatility and VaR limits, then the book's historical VaR limit) under the daily drawdown overlay,
 * the equal-weight universe and the market index, all on the study's schedule and costs, with cash at the
 * risk-free rate (see {@link Backtester} for timing: decided at the close of t, traded at the close of t + 1).
 * Every portfolio earns the P&amp;L prices of {@link StudyInputs} and decides on the model view's closes. The
 * optimisation-degree analysis trades its checkpoints through {@link #checkpoint} (no overlay) and
 * {@link #riskConstrainedPolicy}.
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
    private final TradingData trading;
    private final List<ShortlistAllocationPolicy> policies = new CopyOnWriteArrayList<>();

    StudyBacktests(StudyConfig config, TradingData trading) {
        this.config = config;
        this.trading = trading;
    }

    /**
     * Backtests over days [start, end] (returns from start + 1) on the models' predictions (h-day log returns
     * [day][instrument]), checking for cancellation at every decision.
     */
    Results run(float[][] lstmPredictions, float[][] linearPredictions, int start, int end, StageProgress progress) {
        float[][] lstmMu = dailyExpectedReturns(lstmPredictions);
        float[][] linearMu = dailyExpectedReturns(linearPredictions);
        Backtester backtester = backtester(config.effectiveDrawdownOverlay());
        ShortlistAllocationPolicy lstmPolicy = riskConstrainedPolicy(lstmMu);
        BacktestResult lstm = backtester.run(StudyResult.LSTM, trading, start, end,
                cancellable(lstmPolicy, start, end, 0.0, 0.45, progress));
        ShortlistAllocationPolicy linearPolicy = riskConstrainedPolicy(linearMu);
        BacktestResult linear = backtester.run(StudyResult.LINEAR, trading, start, end,
                cancellable(linearPolicy, start, end, 0.45, 0.45, progress));
        BacktestResult equalWeight = backtester(null).run(StudyResult.EQUAL_WEIGHT, trading, start, end,
                cancellable(Backtester.equalWeightPolicy(), start, end, 0.9, 0.1, progress));
        BacktestResult marketIndex = Backtester.marketIndex(trading.pnl(), start, end,
                Backtester.dailyRiskFree(config.riskFreeRate()));
        return new Results(lstm, linear, equalWeight, marketIndex, lstmPolicy.decisions(), linearPolicy.decisions(),
                lstmMu, linearMu);
    }

    /**
     * The study's rebalance schedule, costs and risk-free rate; long-short portfolios up to the allocation's gross
     * limit; with the given drawdown overlay (null = none).
     */
    Backtester backtester(org.factorguard.quant.backtest.DrawdownOverlaySettings overlay) {
        return new Backtester(new Backtester.Settings(config.rebalance(), config.costBps(), config.longShort(),
                config.longShort() ? config.allocation().grossLimit() : 1.0, config.riskFreeRate(), overlay));
    }

    /** Net daily returns of a checkpoint portfolio over days [from, to], without overlay. */
    BacktestResult checkpoint(int from, int to, WeightPolicy policy) {
        return backtester(null).run("checkpoint", trading, from, to, policy);
    }

    /** The model portfolios' allocation on daily expected returns {@code mu} [day][instrument]. */
    ShortlistAllocationPolicy riskConstrainedPolicy(float[][] mu) {
        // the factored estimate has the dense one's entries; only the active-set solver can use its structure
        CovarianceEstimator covariance = config.allocationSolver() == AllocationSolver.ACTIVE_SET
                && config.allocation().covarianceModel() == CovarianceModel.LEDOIT_WOLF
                ? new FactoredLedoitWolfCovariance() : config.allocation().covarianceModel().estimator();
        ShortlistAllocationPolicy policy = new ShortlistAllocationPolicy(mu, covariance, config.covarianceWindow(),
                config.allocation(), null, config.allocationShortlist(), config.allocationSolver());
        policies.add(policy);
        return policy;
    }

    /** A note on the QPs the active-set solver failed on (ojAlgo solved them) over every policy made; null if none. */
    String solverFallbackNote() {
        int qps = policies.stream().mapToInt(ShortlistAllocationPolicy::qps).sum();
        int fallbacks = policies.stream().mapToInt(ShortlistAllocationPolicy::fallbacks).sum();
        return fallbacks == 0 ? null : "The active-set QP solver failed on " + fallbacks + " of " + qps
                + " allocation QPs; ojAlgo solved those (each such rebalance's message says so).";
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
