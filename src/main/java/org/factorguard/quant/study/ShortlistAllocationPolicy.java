package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.allocation.AllocationResult;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.allocation.DrawdownControl;
import org.factorguard.quant.allocation.RiskConstrainedAllocator;
import org.factorguard.quant.allocation.qp.QpWarmStart;
import org.factorguard.quant.allocation.VarLimitStep;
import org.factorguard.quant.backtest.DecisionContext;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.risk.CovarianceEstimator;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.FactoredCovarianceEstimator;

/**
 * The risk-constrained allocation of the paper's section II.C, solved over a shortlist: at decision day t,
 * μ<sub>i</sub> = the model's daily expected return (NaN = none; not investable without a price at t); the
 * {@code shortlist} investable assets with the highest μ (long-only), or the highest and lowest halves
 * (long-short), enter the {@link RiskConstrainedAllocator} with their covariance Σ estimated on the trailing
 * {@code covarianceWindow} daily returns ending at t; the required exposure is settings.exposure × the
 * {@link DrawdownControl}'s allowed exposure for the running drawdown at t; the {@link VarLimitStep} then scales the
 * book into cash when its VaR on the same window exceeds the limit; assets off the shortlist get weight 0. With
 * {@code shortlist} = 0 (or at least the universe) every asset enters, which is exactly
 * {@link org.factorguard.quant.allocation.RiskConstrainedPolicy}.
 *
 * <p>Why a shortlist: ojAlgo's convex solver time grows steeply with the number of assets, and a long-only
 * optimum at a 10 % cap holds far fewer names than 40; with the {@link AllocationSolver#ACTIVE_SET} solver the
 * whole universe is cheap, and each rebalance starts from the previous one's solution (its active set when the
 * same assets enter, else its weights on the entering assets). A {@link FactoredCovarianceEstimator} hands Σ to
 * the solver without forming the n×n matrix. Ties in μ are broken by instrument order, so the choice is
 * deterministic. Stateful (drawdown control, decisions): one instance per backtest run.
 */
public final class ShortlistAllocationPolicy implements WeightPolicy {

    /**
     * One decision: the shortlisted instrument indices and the allocator's result in that order (after the
     * {@link VarLimitStep}, whose outcome {@code varLimit} also says whether the book's VaR limit bound).
     */
    public record Decision(int day, int[] shortlist, AllocationResult result, VarLimitStep.Outcome varLimit) {

        /** Weights over the whole universe of {@code instruments} instruments. */
        public double[] fullWeights(int instruments) {
            double[] w = new double[instruments];
            for (int k = 0; k < shortlist.length; k++) {
                w[shortlist[k]] = result.weights()[k];
            }
            return w;
        }
    }

    private final float[][] expectedReturns;
    private final CovarianceEstimator covariance;
    private final int covarianceWindow;
    private final AllocationSettings settings;
    private final DrawdownControl drawdownControl;
    private final int shortlist;
    private final AllocationSolver solver;
    private final List<Decision> decisions = new ArrayList<>();
    private double[] previousWeights;
    private int[] previousChosen;
    private QpWarmStart previousWarmStart;
    private int qps;
    private int fallbacks;
    private double[] qpMillis = new double[64];

    /**
     * @param expectedReturns  daily expected returns [day][instrument] aligned with the backtested data
     *                         (a null row = no prediction that day)
     * @param covariance       covariance estimator, e.g. Ledoit–Wolf
     * @param covarianceWindow trailing days of returns for Σ
     * @param settings         allocation constraints
     * @param drawdownControl  rebalance-day drawdown control, or null for none (studies pass null: their limit is
     *                         the daily overlay of the {@code Backtester})
     * @param shortlist        assets entering the QP (0 = all)
     */
    public ShortlistAllocationPolicy(float[][] expectedReturns, CovarianceEstimator covariance, int covarianceWindow,
                                     AllocationSettings settings, DrawdownControl drawdownControl, int shortlist) {
        this(expectedReturns, covariance, covarianceWindow, settings, drawdownControl, shortlist,
                AllocationSolver.OJALGO);
    }

    /** As above with the allocator's QP solver. */
    public ShortlistAllocationPolicy(float[][] expectedReturns, CovarianceEstimator covariance, int covarianceWindow,
                                     AllocationSettings settings, DrawdownControl drawdownControl, int shortlist,
                                     AllocationSolver solver) {
        this.solver = solver;
        this.expectedReturns = expectedReturns;
        this.covariance = covariance;
        this.covarianceWindow = covarianceWindow;
        this.settings = settings;
        this.drawdownControl = drawdownControl;
        this.shortlist = shortlist;
    }

    @Override
    public double[] weights(DecisionContext context) {
        int n = context.instrumentCount();
        int t = context.day();
        double[] mu = new double[n];
        List<Integer> investable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mu[i] = expectedReturns[t] == null ? Double.NaN : expectedReturns[t][i];
            if (Double.isFinite(mu[i]) && context.close(i, t) > 0) {
                investable.add(i);
            }
        }
        int[] chosen = choose(investable, mu);
        String[] tickers = new String[chosen.length];
        String[] industries = new String[chosen.length];
        double[] chosenMu = new double[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            tickers[k] = context.instruments().get(chosen[k]).ticker();
            industries[k] = context.instruments().get(chosen[k]).industry();
            chosenMu[k] = mu[chosen[k]];
        }
        double[][] window = context.trailingReturns(chosen, covarianceWindow);
        CovarianceMatrix cov = covariance instanceof FactoredCovarianceEstimator factored
                ? factored.estimateFactored(window) : CovarianceMatrix.dense(covariance.estimate(window));
        double allowed = drawdownControl == null ? 1.0 : drawdownControl.update(context.drawdown());
        RiskConstrainedAllocator.Outcome outcome =
                new RiskConstrainedAllocator(settings.withExposure(settings.exposure() * allowed), solver)
                        .allocate(tickers, industries, chosenMu, cov, warmStart(chosen, n));
        if (qps + outcome.qps() > qpMillis.length) {
            qpMillis = Arrays.copyOf(qpMillis, Math.max(2 * qpMillis.length, qps + outcome.qps()));
        }
        System.arraycopy(outcome.qpMillis(), 0, qpMillis, qps, outcome.qps());
        qps += outcome.qps();
        fallbacks += outcome.fallbacks();
        VarLimitStep.Outcome varLimit = VarLimitStep.of(settings).apply(outcome.result(), window);
        Decision decision = new Decision(t, chosen, varLimit.result(), varLimit);
        decisions.add(decision);
        double[] full = decision.fullWeights(n);
        if (outcome.warmStart() != null) {
            previousWarmStart = outcome.warmStart();
            previousChosen = chosen;
            previousWeights = new double[n];
            double[] w = outcome.warmStart().weights();
            for (int k = 0; k < chosen.length; k++) {
                previousWeights[chosen[k]] = w[k];
            }
        }
        return full;
    }

    /** The previous rebalance's solution on the assets of this one (null before the first). */
    private QpWarmStart warmStart(int[] chosen, int n) {
        if (previousWarmStart == null || previousWeights.length != n) {
            return null;
        }
        if (Arrays.equals(chosen, previousChosen)) {
            return previousWarmStart;
        }
        double[] w = new double[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            w[k] = previousWeights[chosen[k]];
        }
        return QpWarmStart.ofWeights(w);
    }

    /** QPs solved so far. */
    public int qps() {
        return qps;
    }

    /** QPs so far that the active-set solver failed on and ojAlgo solved instead. */
    public int fallbacks() {
        return fallbacks;
    }

    /** Wall time of every QP so far, in milliseconds. */
    public double[] qpMillis() {
        return Arrays.copyOf(qpMillis, qps);
    }

    private int[] choose(List<Integer> investable, double[] mu) {
        Integer[] order = investable.toArray(Integer[]::new);
        if (shortlist <= 0 || order.length <= shortlist) {
            return investable.stream().mapToInt(Integer::intValue).toArray();
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(mu[b], mu[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] chosen;
        if (settings.longShort()) {
            int top = (shortlist + 1) / 2;
            int bottom = shortlist - top;
            chosen = new int[shortlist];
            for (int k = 0; k < top; k++) {
                chosen[k] = order[k];
            }
            for (int k = 0; k < bottom; k++) {
                chosen[top + k] = order[order.length - 1 - k];
            }
        } else {
            chosen = new int[shortlist];
            for (int k = 0; k < shortlist; k++) {
                chosen[k] = order[k];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** Every decision so far, in order. */
    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }
}
