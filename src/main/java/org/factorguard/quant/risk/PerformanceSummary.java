package org.factorguard.quant.risk;

/**
 * Risk and performance figures of one daily return series, computed by {@link PerformanceMetrics}
 * (see there for every formula and convention). Ratios that are undefined for the series (for example
 * a Sharpe ratio of a series with zero volatility) are {@link Double#NaN}.
 *
 * @param days                 number of daily returns
 * @param totalReturn          compounded return over the whole series, Π(1 + r) − 1
 * @param annualReturn         compound annual growth rate (CAGR)
 * @param annualVolatility     std(r, ddof = 1)·√252
 * @param sharpe               annualised Sharpe ratio of the excess returns
 * @param sortino              annualised Sortino ratio (downside deviation over all days)
 * @param maxDrawdown          maximum drawdown of the compounded equity curve, a fraction ≤ 0
 * @param calmar               annualReturn / |maxDrawdown|
 * @param valueAtRisk95        95 % one-day historical VaR: the 5th percentile of daily returns, a return
 *                             (negative for a loss)
 * @param conditionalValueAtRisk95 mean of the daily returns at or below {@code valueAtRisk95}
 * @param hitRate              share of days with a strictly positive return
 * @param annualTurnover       traded volume Σ|Δw| per year, as passed in from the backtest (NaN when unknown)
 * @param averageGrossExposure mean of Σ|w| over the days, as passed in from the backtest (NaN when unknown)
 */
public record PerformanceSummary(
        int days,
        double totalReturn,
        double annualReturn,
        double annualVolatility,
        double sharpe,
        double sortino,
        double maxDrawdown,
        double calmar,
        double valueAtRisk95,
        double conditionalValueAtRisk95,
        double hitRate,
        double annualTurnover,
        double averageGrossExposure) {
}
