package org.factorguard.quant.risk;

import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Risk and performance metrics of a series of daily <em>simple</em> portfolio returns
 * r<sub>1</sub>…r<sub>n</sub>, with these conventions, used everywhere in FactorGuard:
 *
 * <ul>
 *   <li><b>Annualisation</b>: {@value #TRADING_DAYS_PER_YEAR} trading days per year.</li>
 *   <li><b>Sharpe ratio</b> = mean(r − rf) / std(r − rf, ddof = 1) · √252, with rf a <em>daily</em>
 *       risk-free rate (default 0).</li>
 *   <li><b>Sortino ratio</b> = mean(r − rf)·252 / DD, where the downside deviation is taken over
 *       <em>all</em> days, DD = √(mean(min(r − rf, 0)²))·√252 (days above rf count as zero, they are not
 *       dropped; Sortino &amp; Price 1994, as in the common "target downside deviation" convention).</li>
 *   <li><b>Maximum drawdown</b> from the compounded equity curve E<sub>0</sub> = 1,
 *       E<sub>t</sub> = Π<sub>s≤t</sub>(1 + r<sub>s</sub>): MDD = min<sub>t</sub>(E<sub>t</sub> /
 *       max<sub>s≤t</sub> E<sub>s</sub> − 1), a negative fraction (0 when the curve never falls). The
 *       initial capital E<sub>0</sub> counts as a peak.</li>
 *   <li><b>VaR 95 %</b> (historical, one day) = the 5th percentile of the daily returns with linear
 *       interpolation between order statistics (Hyndman &amp; Fan type 7, numpy's default; Hipparchus
 *       {@link Percentile} with {@link EstimationType#R_7}), reported as a return, i.e. negative for a
 *       loss.</li>
 *   <li><b>CVaR 95 %</b> (expected shortfall) = mean of the returns at or below that VaR.</li>
 *   <li><b>Annual return</b> = CAGR = E<sub>n</sub><sup>252/n</sup> − 1.</li>
 *   <li><b>Annual volatility</b> = std(r, ddof = 1)·√252.</li>
 *   <li><b>Calmar ratio</b> = CAGR / |MDD|.</li>
 *   <li><b>Hit rate</b> = share of days with r &gt; 0.</li>
 *   <li><b>Turnover</b> and <b>average gross exposure</b> are not functions of the returns; they are
 *       passed in from the backtest.</li>
 * </ul>
 *
 * <p>Undefined ratios (fewer than two returns, zero volatility, zero drawdown) are {@link Double#NaN}.
 * Non-finite returns are rejected.
 */
public final class PerformanceMetrics {

    /** Trading days per year used for every annualisation. */
    public static final int TRADING_DAYS_PER_YEAR = 252;

    private static final double SQRT_YEAR = Math.sqrt(TRADING_DAYS_PER_YEAR);

    private PerformanceMetrics() {
    }

    /** All metrics with rf = 0 and without turnover / exposure information. */
    public static PerformanceSummary summarise(double[] returns) {
        return summarise(returns, 0.0, Double.NaN, Double.NaN);
    }

    /**
     * All metrics.
     *
     * @param returns              daily simple returns
     * @param dailyRiskFree        daily risk-free rate subtracted for Sharpe and Sortino
     * @param annualTurnover       annualised turnover from the backtest (NaN when unknown)
     * @param averageGrossExposure average gross exposure from the backtest (NaN when unknown)
     */
    public static PerformanceSummary summarise(double[] returns, double dailyRiskFree,
                                               double annualTurnover, double averageGrossExposure) {
        requireFinite(returns);
        double mdd = maxDrawdown(returns);
        double cagr = annualReturn(returns);
        return new PerformanceSummary(
                returns.length,
                totalReturn(returns),
                cagr,
                annualVolatility(returns),
                sharpe(returns, dailyRiskFree),
                sortino(returns, dailyRiskFree),
                mdd,
                mdd < 0 ? cagr / Math.abs(mdd) : Double.NaN,
                valueAtRisk95(returns),
                conditionalValueAtRisk95(returns),
                hitRate(returns),
                annualTurnover,
                averageGrossExposure);
    }

    /** Arithmetic mean (NaN for an empty series). */
    public static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation with ddof = 1 (NaN for fewer than two values). */
    public static double standardDeviation(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    /** Annualised Sharpe ratio mean(r − rf)/std(r − rf, ddof = 1)·√252. */
    public static double sharpe(double[] returns, double dailyRiskFree) {
        double[] excess = excess(returns, dailyRiskFree);
        double sd = standardDeviation(excess);
        return sd > 0 ? mean(excess) / sd * SQRT_YEAR : Double.NaN;
    }

    /** Annualised Sharpe ratio with rf = 0. */
    public static double sharpe(double[] returns) {
        return sharpe(returns, 0.0);
    }

    /** Annualised Sortino ratio, downside deviation over all days (see class comment). */
    public static double sortino(double[] returns, double dailyRiskFree) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double[] excess = excess(returns, dailyRiskFree);
        double ss = 0;
        for (double v : excess) {
            double d = Math.min(v, 0.0);
            ss += d * d;
        }
        double downside = Math.sqrt(ss / excess.length) * SQRT_YEAR;
        return downside > 0 ? mean(excess) * TRADING_DAYS_PER_YEAR / downside : Double.NaN;
    }

    /** Compounded equity curve starting from 1 before the first return: E[t] after return t. */
    public static double[] equityCurve(double[] returns) {
        double[] equity = new double[returns.length];
        double e = 1.0;
        for (int t = 0; t < returns.length; t++) {
            e *= 1.0 + returns[t];
            equity[t] = e;
        }
        return equity;
    }

    /** Running drawdown E[t]/max(1, max E[s≤t]) − 1 for each day (≤ 0). */
    public static double[] drawdownCurve(double[] returns) {
        double[] dd = new double[returns.length];
        double e = 1.0;
        double peak = 1.0;
        for (int t = 0; t < returns.length; t++) {
            e *= 1.0 + returns[t];
            peak = Math.max(peak, e);
            dd[t] = e / peak - 1.0;
        }
        return dd;
    }

    /** Maximum drawdown of the compounded equity curve, a fraction ≤ 0. */
    public static double maxDrawdown(double[] returns) {
        double worst = 0.0;
        for (double d : drawdownCurve(returns)) {
            worst = Math.min(worst, d);
        }
        return worst;
    }

    /** Π(1 + r) − 1. */
    public static double totalReturn(double[] returns) {
        double e = 1.0;
        for (double r : returns) {
            e *= 1.0 + r;
        }
        return e - 1.0;
    }

    /** CAGR = (Π(1 + r))<sup>252/n</sup> − 1. */
    public static double annualReturn(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double growth = 1.0 + totalReturn(returns);
        return growth <= 0 ? -1.0 : Math.pow(growth, (double) TRADING_DAYS_PER_YEAR / returns.length) - 1.0;
    }

    /** std(r, ddof = 1)·√252. */
    public static double annualVolatility(double[] returns) {
        return standardDeviation(returns) * SQRT_YEAR;
    }

    /** 5th percentile of the returns, R-7 (numpy default) interpolation; negative for a loss. */
    public static double valueAtRisk95(double[] returns) {
        return percentile(returns, 5.0);
    }

    /** Percentile p (0–100] of the values with R-7 interpolation (numpy's default). */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }

    /** Mean of the returns at or below the 95 % VaR. */
    public static double conditionalValueAtRisk95(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        double var = valueAtRisk95(returns);
        double s = 0;
        int k = 0;
        for (double r : returns) {
            if (r <= var) {
                s += r;
                k++;
            }
        }
        return s / k;
    }

    /** Share of days with r &gt; 0. */
    public static double hitRate(double[] returns) {
        if (returns.length == 0) {
            return Double.NaN;
        }
        int up = 0;
        for (double r : returns) {
            if (r > 0) {
                up++;
            }
        }
        return (double) up / returns.length;
    }

    private static double[] excess(double[] returns, double rf) {
        double[] out = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            out[i] = returns[i] - rf;
        }
        return out;
    }

    private static void requireFinite(double[] returns) {
        for (int i = 0; i < returns.length; i++) {
            if (!Double.isFinite(returns[i])) {
                throw new IllegalArgumentException("return " + i + " is not finite: " + returns[i]);
            }
        }
    }
}
