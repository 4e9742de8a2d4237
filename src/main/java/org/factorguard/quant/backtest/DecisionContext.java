package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.risk.TrailingReturns;

/**
 * What a {@link WeightPolicy} may see at the close of decision day t: the date, the portfolio's state
 * (equity, running drawdown, drifted weights, all at the close of t) and close prices of days ≤ t.
 * Reading a later price throws, so a policy cannot look ahead through this context.
 */
public final class DecisionContext {

    private final int day;
    private final LocalDate date;
    private final double equity;
    private final double drawdown;
    private final double[] currentWeights;
    private final double[][] close;
    private final List<Instrument> instruments;

    DecisionContext(int day, LocalDate date, double equity, double drawdown, double[] currentWeights,
                    double[][] close, List<Instrument> instruments) {
        this.day = day;
        this.date = date;
        this.equity = equity;
        this.drawdown = drawdown;
        this.currentWeights = currentWeights.clone();
        this.close = close;
        this.instruments = instruments;
    }

    /** Index of the decision day t in the data set. */
    public int day() { return day; }

    public LocalDate date() { return date; }

    /** Portfolio equity at the close of t (1 at the start). */
    public double equity() { return equity; }

    /** Running drawdown equity/peak − 1 at the close of t (≤ 0). */
    public double drawdown() { return drawdown; }

    /** Current (drifted) weights at the close of t, a copy. */
    public double[] currentWeights() { return currentWeights.clone(); }

    public List<Instrument> instruments() { return instruments; }

    public int instrumentCount() { return instruments.size(); }

    /** Close price of an instrument on a day ≤ t (NaN when missing). */
    public double close(int instrument, int onDay) {
        if (onDay > day) {
            throw new IllegalArgumentException("look-ahead: day " + onDay + " is after the decision day " + day);
        }
        return close[instrument][onDay];
    }

    /** The {@code double[day][asset]} window of daily returns ending at t (see {@link TrailingReturns}). */
    public double[][] trailingReturns(int[] instrumentIndices, int length) {
        return TrailingReturns.window(close, instrumentIndices, day, length);
    }
}
