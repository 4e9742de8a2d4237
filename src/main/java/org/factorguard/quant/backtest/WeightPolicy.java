package org.factorguard.quant.backtest;

/**
 * Decides target portfolio weights at the close of a rebalance day t, seeing only information up to
 * and including t (enforced by {@link DecisionContext}). Weights are fractions of equity per
 * instrument of the backtested data set; 1 − Σw is held in cash. The {@link Backtester} trades them at
 * the close of t + 1.
 */
@FunctionalInterface
public interface WeightPolicy {

    /** Target weights, one per instrument (long-only: w ≥ 0, Σw ≤ 1; long-short: Σ|w| ≤ gross limit). */
    double[] weights(DecisionContext context);
}
