package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Skewness;

/**
 * Deflated Sharpe ratio (D. H. Bailey and M. López de Prado, "The deflated Sharpe ratio: correcting
 * for selection bias, backtest overfitting and non-normality", Journal of Portfolio Management 40(5),
 * 2014): the probability that the true Sharpe ratio exceeds the Sharpe ratio one would expect from the
 * best of N unskilled trials.
 *
 * <p>All Sharpe ratios in the formulas are per period (daily, not annualised). With V the variance of
 * the trials' Sharpe ratios and γ ≈ 0.5772 the Euler–Mascheroni constant, the expected maximum is
 * SR<sub>0</sub> = √V·((1 − γ)Φ<sup>−1</sup>(1 − 1/N) + γΦ<sup>−1</sup>(1 − 1/(N·e))) (SR<sub>0</sub> = 0 for
 * N = 1), and
 * DSR = Φ((SR − SR<sub>0</sub>)√(T − 1) / √(1 − γ̂<sub>3</sub>SR + (γ̂<sub>4</sub> − 1)/4·SR²)), with
 * γ̂<sub>3</sub> the skewness and γ̂<sub>4</sub> the (non-excess) kurtosis of the returns (Hipparchus
 * bias-corrected sample estimators; excess kurtosis + 3). With N = 1 this is the probabilistic Sharpe
 * ratio against 0.
 */
public final class DeflatedSharpeRatio {

    /** Euler–Mascheroni constant γ. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    /**
     * @param probability             the deflated Sharpe ratio, a probability in [0, 1]
     * @param dailySharpe             observed per-period Sharpe ratio SR
     * @param expectedMaxDailySharpe  SR<sub>0</sub>
     * @param annualisedSharpe        SR·√252, for display
     * @param trials                  N
     * @param observations            T
     * @param skewness                γ̂<sub>3</sub>
     * @param kurtosis                γ̂<sub>4</sub> (normal = 3)
     */
    public record Result(double probability, double dailySharpe, double expectedMaxDailySharpe,
                         double annualisedSharpe, int trials, int observations, double skewness,
                         double kurtosis) {
    }

    private DeflatedSharpeRatio() {
    }

    /**
     * @param returns            daily returns of the selected strategy
     * @param trials             number of configurations tried, N ≥ 1
     * @param trialSharpeVariance variance of the per-period Sharpe ratios across the trials
     */
    public static Result compute(double[] returns, int trials, double trialSharpeVariance) {
        if (trials < 1) {
            throw new IllegalArgumentException("at least one trial");
        }
        if (returns.length < 4) {
            throw new IllegalArgumentException("need at least 4 returns");
        }
        double sd = PerformanceMetrics.standardDeviation(returns);
        double sr = sd > 0 ? PerformanceMetrics.mean(returns) / sd : 0.0;
        double skew = new Skewness().evaluate(returns);
        double kurt = new Kurtosis().evaluate(returns) + 3.0;
        if (!Double.isFinite(skew)) {
            skew = 0.0;
        }
        if (!Double.isFinite(kurt)) {
            kurt = 3.0;
        }
        double sr0 = expectedMaximumSharpe(trials, trialSharpeVariance);
        int t = returns.length;
        double denominator = 1 - skew * sr + (kurt - 1) / 4 * sr * sr;
        double z = (sr - sr0) * Math.sqrt(t - 1) / Math.sqrt(Math.max(denominator, 1e-12));
        double probability = new NormalDistribution(0, 1).cumulativeProbability(z);
        return new Result(probability, sr, sr0, sr * Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR),
                trials, t, skew, kurt);
    }

    /** As {@link #compute(double[], int, double)} with V estimated (ddof = 1) from the trials' daily Sharpe ratios. */
    public static Result compute(double[] returns, double[] trialDailySharpes) {
        double v = trialDailySharpes.length > 1 ? Math.pow(PerformanceMetrics.standardDeviation(trialDailySharpes), 2) : 0.0;
        return compute(returns, Math.max(1, trialDailySharpes.length), v);
    }

    /** SR<sub>0</sub>: expected maximum of N per-period Sharpe ratios of unskilled trials with variance V. */
    public static double expectedMaximumSharpe(int trials, double trialSharpeVariance) {
        if (trials <= 1) {
            return 0.0;
        }
        NormalDistribution normal = new NormalDistribution(0, 1);
        double g = EULER_MASCHERONI;
        return Math.sqrt(Math.max(trialSharpeVariance, 0.0))
                * ((1 - g) * normal.inverseCumulativeProbability(1 - 1.0 / trials)
                + g * normal.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E)));
    }
}
