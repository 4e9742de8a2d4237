package org.factorguard.quant.allocation;

import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.backtest.DecisionContext;
import org.factorguard.quant.allocation.qp.QpWarmStart;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.risk.CovarianceEstimator;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.FactoredCovarianceEstimator;

/**
 * A {@link WeightPolicy} that turns a model's daily predictions into weights with the
 * {@link RiskConstrainedAllocator}: at decision day t, μ = predictions[t] (predicted next-day returns,
 * NaN = no prediction), Σ = the covariance estimator on the trailing {@code covarianceWindow} daily returns
 * ending at t, and the required exposure = settings.exposure × the {@link DrawdownControl}'s allowed
 * exposure for the running drawdown at t (when a control is given), then the {@link VarLimitStep} on the same
 * window. An infeasible allocation leaves the
 * portfolio in cash for that period; every result is kept in {@link #results()} for reporting. With the
 * {@link AllocationSolver#ACTIVE_SET} solver each rebalance starts from the previous rebalance's solution, and a
 * {@link FactoredCovarianceEstimator} hands Σ to it without forming the n×n matrix.
 * Stateful (drawdown control, results): use one instance per backtest run.
 */
public final class RiskConstrainedPolicy implements WeightPolicy {

    private final float[][] predictions;
    private final CovarianceEstimator covariance;
    private final int covarianceWindow;
    private final AllocationSettings settings;
    private final DrawdownControl drawdownControl;
    private final AllocationSolver solver;
    private final List<AllocationResult> results = new ArrayList<>();
    private QpWarmStart warmStart;
    private int qps;
    private int fallbacks;

    /**
     * @param predictions      predicted returns [day][instrument] aligned with the backtested data
     * @param covariance       covariance estimator, e.g. {@code new LedoitWolfCovariance()}
     * @param covarianceWindow trailing days of returns for the covariance (e.g. 120)
     * @param settings         allocation constraints
     * @param drawdownControl  drawdown control, or null for none
     */
    public RiskConstrainedPolicy(float[][] predictions, CovarianceEstimator covariance, int covarianceWindow,
                                 AllocationSettings settings, DrawdownControl drawdownControl) {
        this(predictions, covariance, covarianceWindow, settings, drawdownControl, AllocationSolver.OJALGO);
    }

    /** As above with the allocator's QP solver. */
    public RiskConstrainedPolicy(float[][] predictions, CovarianceEstimator covariance, int covarianceWindow,
                                 AllocationSettings settings, DrawdownControl drawdownControl,
                                 AllocationSolver solver) {
        this.solver = solver;
        this.predictions = predictions;
        this.covariance = covariance;
        this.covarianceWindow = covarianceWindow;
        this.settings = settings;
        this.drawdownControl = drawdownControl;
    }

    @Override
    public double[] weights(DecisionContext context) {
        int n = context.instrumentCount();
        int t = context.day();
        double[] mu = new double[n];
        String[] tickers = new String[n];
        String[] industries = new String[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            mu[i] = predictions[t] == null ? Double.NaN : predictions[t][i];
            tickers[i] = context.instruments().get(i).ticker();
            industries[i] = context.instruments().get(i).industry();
            all[i] = i;
            if (!(context.close(i, t) > 0)) {
                mu[i] = Double.NaN;
            }
        }
        double[][] window = context.trailingReturns(all, covarianceWindow);
        CovarianceMatrix cov = covariance instanceof FactoredCovarianceEstimator factored
                ? factored.estimateFactored(window) : CovarianceMatrix.dense(covariance.estimate(window));
        double allowed = drawdownControl == null ? 1.0 : drawdownControl.update(context.drawdown());
        AllocationSettings effective = settings.withExposure(settings.exposure() * allowed);
        RiskConstrainedAllocator.Outcome outcome = new RiskConstrainedAllocator(effective, solver)
                .allocate(tickers, industries, mu, cov, warmStart);
        if (outcome.warmStart() != null) {
            warmStart = outcome.warmStart();
        }
        qps += outcome.qps();
        fallbacks += outcome.fallbacks();
        AllocationResult result = VarLimitStep.of(settings).apply(outcome.result(), window).result();
        results.add(result);
        return result.weights().clone();
    }

    /** QPs solved so far. */
    public int qps() {
        return qps;
    }

    /** QPs so far that the active-set solver failed on and ojAlgo solved instead. */
    public int fallbacks() {
        return fallbacks;
    }

    /** The allocation result of every decision so far, in order. */
    public List<AllocationResult> results() {
        return List.copyOf(results);
    }
}
