package org.factorguard.quant.risk;

/**
 * Does ex-ante risk match what was realised? Compares a backtest's realised daily returns r<sub>t</sub> with the
 * ex-ante daily volatility σ<sub>t</sub> = √(w<sub>t</sub>'Σ̂<sub>t</sub>w<sub>t</sub>) the risk model assigned to
 * the book held on day t (forecast before the day).
 *
 * <ul>
 *   <li><b>Volatility ratio</b> = std(r, ddof = 1) / √(mean(σ<sub>t</sub>²)): realised over average predicted
 *       volatility; above 1 the model understates risk (a 25 % limit then lets more than 25 % through).</li>
 *   <li><b>Bias statistic</b> = std(r<sub>t</sub>/σ<sub>t</sub>, ddof = 1): the standard deviation of the
 *       standardised returns, 1 for a well-calibrated model, day by day rather than on average (the "bias
 *       statistic" of risk-model evaluation; J. Menchero, D. J. Orr and J. Wang, <i>The Barra US Equity Model
 *       (USE4), Methodology Notes</i>, MSCI, 2011).</li>
 * </ul>
 * Of two estimators run over the same walk-forward, prefer the one whose ratio is closer to 1
 * ({@link #closerToOne}). Days without a finite return or a positive forecast are left out.
 */
public final class VolatilityForecastCheck {

    /**
     * @param days                      days used
     * @param realisedAnnualVolatility  std(r, ddof = 1)·√252
     * @param exAnteAnnualVolatility    √(mean σ<sub>t</sub>²)·√252
     * @param ratio                     realised / ex-ante
     * @param biasStatistic             std(r<sub>t</sub>/σ<sub>t</sub>, ddof = 1)
     */
    public record Result(int days, double realisedAnnualVolatility, double exAnteAnnualVolatility, double ratio,
                         double biasStatistic) {
    }

    private VolatilityForecastCheck() {
    }

    /**
     * @param realisedReturns       the backtest's daily returns
     * @param exAnteDailyVolatility the ex-ante daily volatility of the book held on the same days
     */
    public static Result of(double[] realisedReturns, double[] exAnteDailyVolatility) {
        if (realisedReturns.length != exAnteDailyVolatility.length) {
            throw new IllegalArgumentException("returns and forecasts differ in length");
        }
        int n = realisedReturns.length;
        double[] r = new double[n];
        double[] z = new double[n];
        double sumVariance = 0;
        int k = 0;
        for (int t = 0; t < n; t++) {
            double sigma = exAnteDailyVolatility[t];
            if (Double.isFinite(realisedReturns[t]) && Double.isFinite(sigma) && sigma > 0) {
                r[k] = realisedReturns[t];
                z[k] = realisedReturns[t] / sigma;
                sumVariance += sigma * sigma;
                k++;
            }
        }
        if (k < 2) {
            return new Result(k, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        r = java.util.Arrays.copyOf(r, k);
        z = java.util.Arrays.copyOf(z, k);
        double realised = PerformanceMetrics.standardDeviation(r);
        double exAnte = Math.sqrt(sumVariance / k);
        double year = Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR);
        return new Result(k, realised * year, exAnte * year, realised / exAnte,
                PerformanceMetrics.standardDeviation(z));
    }

    /** σ = √(w'Σw) for weights w and a daily covariance Σ. */
    public static double exAnteDailyVolatility(double[] weights, double[][] covariance) {
        double v = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) {
                continue;
            }
            for (int j = 0; j < weights.length; j++) {
                v += weights[i] * covariance[i][j] * weights[j];
            }
        }
        return Math.sqrt(Math.max(v, 0.0));
    }

    /** Whether check {@code a}'s volatility ratio is at least as close to 1 as {@code b}'s (on a log scale). */
    public static boolean closerToOne(Result a, Result b) {
        return Math.abs(Math.log(a.ratio())) <= Math.abs(Math.log(b.ratio()));
    }
}
