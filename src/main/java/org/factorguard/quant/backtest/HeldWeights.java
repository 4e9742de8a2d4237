package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.Arrays;

import org.factorguard.quant.data.MarketData;

/**
 * The weights a backtest actually held each day, rebuilt from its rebalance targets and the prices exactly as the
 * {@link Backtester} moves them ({@link BacktestResult} keeps only the targets): starting in cash, each return day d
 * earns r<sup>g</sup><sub>d</sub> = Σ h<sub>i,d</sub> r<sub>i,d</sub> on the weights h<sub>d</sub> held after the
 * close of d − 1, with r<sub>i,d</sub> from closes carried forward over gaps; the weights then drift,
 * h<sub>i</sub> ← h<sub>i</sub>(1 + r<sub>i,d</sub>)/(1 + r<sup>g</sup><sub>d</sub>), and a target decided at the
 * close of d − 1 is traded at the close of d at cost c·Σ|w<sup>target</sup> − h<sup>drifted</sup>|, so
 * r<sub>d</sub> = (1 + r<sup>g</sup><sub>d</sub>)(1 − cost<sub>d</sub>) − 1.
 *
 * @param startDay      the backtest's first decision day (index in the data)
 * @param dates         the return days, as {@link BacktestResult#dates()}
 * @param weights       {@code [return day][instrument]} weights held over that day (after the previous close)
 * @param assetReturns  {@code [return day][instrument]} the simple returns the backtest credited (0 over gaps)
 * @param grossReturns  {@code [return day]} Σ h r before costs
 * @param costs         {@code [return day]} cost of the trade at that day's close as a fraction of equity (0 if none)
 */
public record HeldWeights(int startDay, LocalDate[] dates, double[][] weights, double[][] assetReturns,
                          double[] grossReturns, double[] costs) {

    public int dayCount() {
        return grossReturns.length;
    }

    /** Index in the data of return day {@code k}. */
    public int dataDay(int k) {
        return startDay + 1 + k;
    }

    /** The net return of day {@code k}: (1 + gross)(1 − cost) − 1, as the backtest recorded it. */
    public double netReturn(int k) {
        return (1 + grossReturns[k]) * (1 - costs[k]) - 1;
    }

    /**
     * Replays a backtest of {@code data}.
     *
     * @throws IllegalArgumentException when the result's targets do not have one weight per instrument (the
     *                                  market index is not a replayable portfolio) or its days do not fit the data
     */
    public static HeldWeights rebuild(MarketData data, BacktestResult result) {
        int n = data.instrumentCount();
        int[] decisions = result.decisionDays();
        if (decisions.length == 0) {
            throw new IllegalArgumentException("the backtest has no decision day");
        }
        for (double[] target : result.targetWeights()) {
            if (target.length != n) {
                throw new IllegalArgumentException("backtest " + result.name() + " holds " + target.length
                        + " weights per rebalance, the data has " + n + " instruments");
            }
        }
        int startDay = decisions[0];
        int length = result.returns().length;
        if (startDay + length >= data.dayCount()) {
            throw new IllegalArgumentException("the backtest runs past the data");
        }
        double[][] price = Backtester.carriedForward(data.close());
        double cost = result.costBps() / 10_000.0;
        double[][] held = new double[length][];
        double[][] assetReturns = new double[length][n];
        double[] gross = new double[length];
        double[] costs = new double[length];
        double[] w = new double[n];
        double[] pending = result.targetWeights()[0];
        int nextDecision = 1;
        for (int k = 0; k < length; k++) {
            int d = startDay + 1 + k;
            held[k] = w.clone();
            double rg = 0;
            for (int i = 0; i < n; i++) {
                double prev = price[i][d - 1];
                double now = price[i][d];
                assetReturns[k][i] = prev > 0 && now > 0 ? now / prev - 1.0 : 0.0;
                rg += w[i] * assetReturns[k][i];
            }
            gross[k] = rg;
            if (1 + rg > 0) {
                for (int i = 0; i < n; i++) {
                    w[i] = w[i] * (1 + assetReturns[k][i]) / (1 + rg);
                }
            }
            if (pending != null) {
                double turnover = 0;
                for (int i = 0; i < n; i++) {
                    turnover += Math.abs(pending[i] - w[i]);
                }
                costs[k] = cost * turnover;
                w = pending.clone();
                pending = null;
            }
            if (nextDecision < decisions.length && decisions[nextDecision] == d) {
                pending = result.targetWeights()[nextDecision++];
            }
        }
        return new HeldWeights(startDay, Arrays.copyOf(result.dates(), length), held, assetReturns, gross, costs);
    }
}
