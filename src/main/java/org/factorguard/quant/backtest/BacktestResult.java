package org.factorguard.quant.backtest;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;

/**
 * Daily record of one backtest (see {@link Backtester} for the timing and cost conventions).
 *
 * @param name            portfolio label, e.g. "LSTM", "Equal weight", "Market index"
 * @param dates           the return days (decision start + 1 … end)
 * @param returns         daily simple returns net of costs
 * @param equity          equity after each return day, starting from 1
 * @param drawdown        running drawdown equity/peak − 1 per day (≤ 0)
 * @param grossExposure   Σ|w| held after the close of each day
 * @param decisionDays    indices (in the data set) of the rebalance decision days t
 * @param decisionDates   their dates
 * @param targetWeights   the target weights decided at each decision day (as traded at t + 1)
 * @param turnover        Σ|w<sub>target</sub> − w<sub>drifted</sub>| of each executed rebalance
 * @param costs           cost of each rebalance as a fraction of equity (costBps/10⁴ × turnover)
 * @param costBps         transaction cost in basis points per unit of turnover
 * @param frequency       rebalance schedule
 * @param dailyRiskFree   daily risk-free rate earned by cash and subtracted in Sharpe and Sortino
 * @param delistings      positions closed by a delisting, in order
 * @param extraTurnover   Σ turnover of trades that are not rebalances (overlay changes, delisting sales)
 * @param overlay         what the drawdown overlay did, or null when there was none
 */
public record BacktestResult(
        String name,
        LocalDate[] dates,
        double[] returns,
        double[] equity,
        double[] drawdown,
        double[] grossExposure,
        int[] decisionDays,
        LocalDate[] decisionDates,
        double[][] targetWeights,
        double[] turnover,
        double[] costs,
        double costBps,
        RebalanceFrequency frequency,
        double dailyRiskFree,
        List<Delisting> delistings,
        double extraTurnover,
        OverlayRecord overlay) {

    public BacktestResult {
        delistings = delistings == null ? List.of() : List.copyOf(delistings);
    }

    /** A result without cash interest, delistings or overlay. */
    public BacktestResult(String name, LocalDate[] dates, double[] returns, double[] equity, double[] drawdown,
                          double[] grossExposure, int[] decisionDays, LocalDate[] decisionDates,
                          double[][] targetWeights, double[] turnover, double[] costs, double costBps,
                          RebalanceFrequency frequency) {
        this(name, dates, returns, equity, drawdown, grossExposure, decisionDays, decisionDates, targetWeights,
                turnover, costs, costBps, frequency, 0.0, List.of(), 0.0, null);
    }

    /** Σ turnover over all trades: rebalances, overlay changes and delisting sales. */
    public double totalTurnover() {
        double s = extraTurnover;
        for (double t : turnover) {
            s += t;
        }
        return s;
    }

    /** Σ turnover × 252 / number of return days. */
    public double annualTurnover() {
        return returns.length == 0 ? Double.NaN
                : totalTurnover() * PerformanceMetrics.TRADING_DAYS_PER_YEAR / returns.length;
    }

    /** Mean of the daily gross exposure. */
    public double averageGrossExposure() {
        return PerformanceMetrics.mean(grossExposure);
    }

    /** All performance metrics of the net returns (excess of the risk-free rate in Sharpe and Sortino). */
    public PerformanceSummary summary() {
        return PerformanceMetrics.summarise(returns, dailyRiskFree, annualTurnover(), averageGrossExposure());
    }
}
