package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Skewness;

/**
 * One-day value at risk of the current book, a return (negative for a loss) like
 * {@link PerformanceMetrics#valueAtRisk95(double[])}. The book's current weights w are applied to trailing raw
 * daily returns (e.g. {@link TrailingReturns#window}), giving the hypothetical P&amp;L series
 * p<sub>d</sub> = Σ<sub>i</sub>w<sub>i</sub>r<sub>di</sub> of holding today's book on each past day; a missing return
 * counts as 0 (the position neither gains nor loses that day). Cash (1 − Σw) earns nothing here.
 *
 * <ul>
 *   <li><b>Historical simulation</b>: VaR<sub>α</sub> = the (1 − α) percentile of p with linear interpolation
 *       (R-7, numpy's default), α = 0.95 for the 95 % VaR (J. Hull, <i>Risk Management and Financial
 *       Institutions</i>, "Historical simulation"). Uses the empirical tails, crashes included.</li>
 *   <li><b>Cornish–Fisher</b> (modified VaR; Zangari, "A VaR methodology for portfolios that include options",
 *       RiskMetrics Monitor 1996; Favre &amp; Galeano, Journal of Alternative Investments 5(2), 2002): with q =
 *       Φ<sup>−1</sup>(1 − α), S the skewness and K the excess kurtosis of p (bias-corrected sample estimators,
 *       as scipy's {@code skew(bias=False)} and {@code kurtosis(bias=False)}),
 *       q<sub>CF</sub> = q + (q² − 1)S/6 + (q³ − 3q)K/24 − (2q³ − 5q)S²/36 and VaR = μ + q<sub>CF</sub>σ
 *       (μ the mean, σ the standard deviation with ddof = 1). Fatter left tails and negative skew push it
 *       further out than the Gaussian μ + qσ.</li>
 * </ul>
 */
public final class PortfolioValueAtRisk {

    private PortfolioValueAtRisk() {
    }

    /** p<sub>d</sub> = Σ<sub>i</sub>w<sub>i</sub>r<sub>di</sub> over the window; a missing return counts as 0. */
    public static double[] hypotheticalReturns(double[] weights, double[][] returnsByDay) {
        double[] pnl = new double[returnsByDay.length];
        for (int d = 0; d < returnsByDay.length; d++) {
            double[] row = returnsByDay[d];
            if (row.length != weights.length) {
                throw new IllegalArgumentException("day " + d + " has " + row.length + " returns for "
                        + weights.length + " weights");
            }
            double s = 0;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] != 0 && Double.isFinite(row[i])) {
                    s += weights[i] * row[i];
                }
            }
            pnl[d] = s;
        }
        return pnl;
    }

    /** Historical-simulation VaR of the book at confidence α (e.g. 0.95). */
    public static double historical(double[] weights, double[][] returnsByDay, double confidence) {
        return historical(hypotheticalReturns(weights, returnsByDay), confidence);
    }

    /** Historical-simulation VaR of a return series: its (1 − α) percentile, R-7. */
    public static double historical(double[] returns, double confidence) {
        requireConfidence(confidence);
        return PerformanceMetrics.percentile(returns, (1 - confidence) * 100);
    }

    /** Cornish–Fisher VaR of the book at confidence α. */
    public static double cornishFisher(double[] weights, double[][] returnsByDay, double confidence) {
        return cornishFisher(hypotheticalReturns(weights, returnsByDay), confidence);
    }

    /** Cornish–Fisher VaR of a return series (at least 4 values). */
    public static double cornishFisher(double[] returns, double confidence) {
        requireConfidence(confidence);
        if (returns.length < 4) {
            throw new IllegalArgumentException("need at least 4 returns");
        }
        double mean = PerformanceMetrics.mean(returns);
        double sd = PerformanceMetrics.standardDeviation(returns);
        if (!(sd > 0)) {
            return mean;
        }
        double s = new Skewness().evaluate(returns);
        double k = new Kurtosis().evaluate(returns);
        return mean + cornishFisherQuantile(1 - confidence, s, k) * sd;
    }

    /**
     * q<sub>CF</sub> = q + (q² − 1)S/6 + (q³ − 3q)K/24 − (2q³ − 5q)S²/36 with q = Φ<sup>−1</sup>(p), S the skewness
     * and K the excess kurtosis.
     */
    public static double cornishFisherQuantile(double probability, double skewness, double excessKurtosis) {
        double q = new NormalDistribution(0, 1).inverseCumulativeProbability(probability);
        double s = skewness;
        double k = excessKurtosis;
        return q + (q * q - 1) * s / 6 + (q * q * q - 3 * q) * k / 24 - (2 * q * q * q - 5 * q) * s * s / 36;
    }

    /** Gaussian VaR μ + Φ<sup>−1</sup>(1 − α)σ, for comparison with the two above. */
    public static double gaussian(double mean, double standardDeviation, double confidence) {
        requireConfidence(confidence);
        return mean + new NormalDistribution(0, 1).inverseCumulativeProbability(1 - confidence) * standardDeviation;
    }

    private static void requireConfidence(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + confidence);
        }
    }
}
