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
 *
 * <p><b>N and V.</b> N counts every configuration tried for this portfolio and dataset (screened factor sets,
 * earlier studies, checkpoints), never just the two models compared. V is the variance (ddof = 1) of the daily
 * Sharpe ratios of those trials when at least {@value #MIN_TRIALS_FOR_VARIANCE} of them are known; with fewer,
 * their spread says little and V falls back to the null sampling variance of a daily Sharpe estimate,
 * V<sub>0</sub> = 1/(T − 1) (the variance of SR̂ when the true SR is 0, the denominator above at SR = 0).
 * {@link Result#varianceSource()} says which was used.
 */
public final class DeflatedSharpeRatio {

    /** Euler–Mascheroni constant γ. */
    public static final double EULER_MASCHERONI = 0.5772156649015329;

    /** Fewer known trial Sharpe ratios than this and V is the null sampling variance. */
    public static final int MIN_TRIALS_FOR_VARIANCE = 10;

    /** Where V came from. */
    public enum VarianceSource {
        /** Passed in by the caller. */
        GIVEN,
        /** The variance of the known trials' daily Sharpe ratios. */
        TRIALS,
        /** Fewer than ten trial Sharpe ratios known: 1/(T − 1), the null sampling variance of SR̂. */
        NULL_SAMPLING_VARIANCE
    }

    /**
     * @param probability            the deflated Sharpe ratio, a probability in [0, 1]
     * @param dailySharpe            observed per-period Sharpe ratio SR
     * @param expectedMaxDailySharpe SR<sub>0</sub>
     * @param annualisedSharpe       SR·√252, for display
     * @param trials                 N
     * @param observations           T
     * @param skewness               γ̂<sub>3</sub>
     * @param kurtosis               γ̂<sub>4</sub> (normal = 3)
     * @param trialSharpeVariance    V used for SR<sub>0</sub> (daily Sharpe ratios squared)
     * @param varianceSource         where V came from
     */
    public record Result(double probability, double dailySharpe, double expectedMaxDailySharpe,
                         double annualisedSharpe, int trials, int observations, double skewness,
                         double kurtosis, double trialSharpeVariance, VarianceSource varianceSource) {
    }

    private DeflatedSharpeRatio() {
    }

    /**
     * @param returns             daily returns of the selected strategy
     * @param trials              number of configurations tried, N ≥ 1
     * @param trialSharpeVariance variance of the per-period Sharpe ratios across the trials
     */
    public static Result compute(double[] returns, int trials, double trialSharpeVariance) {
        return compute(returns, trials, trialSharpeVariance, VarianceSource.GIVEN);
    }

    /**
     * N = {@code trials} (every configuration tried, at least the number of known Sharpe ratios) and V from the
     * known trials' daily Sharpe ratios, or the null sampling variance when fewer than
     * {@value #MIN_TRIALS_FOR_VARIANCE} are known.
     *
     * @param returns           daily returns of the selected strategy
     * @param trials            N, every configuration tried
     * @param trialDailySharpes the daily Sharpe ratios of the trials whose returns are known (non-finite ignored)
     */
    public static Result compute(double[] returns, int trials, double[] trialDailySharpes) {
        double[] known = NeweyWest.finite(trialDailySharpes);
        if (trials < known.length) {
            throw new IllegalArgumentException("N = " + trials + " is below the " + known.length
                    + " trials whose Sharpe ratios are known");
        }
        if (known.length >= MIN_TRIALS_FOR_VARIANCE) {
            double sd = PerformanceMetrics.standardDeviation(known);
            return compute(returns, trials, sd * sd, VarianceSource.TRIALS);
        }
        return compute(returns, trials, nullSharpeVariance(returns.length), VarianceSource.NULL_SAMPLING_VARIANCE);
    }

    /** As {@link #compute(double[], int, double[])} with N = the number of trial Sharpe ratios given. */
    public static Result compute(double[] returns, double[] trialDailySharpes) {
        return compute(returns, Math.max(1, NeweyWest.finite(trialDailySharpes).length), trialDailySharpes);
    }

    /** V<sub>0</sub> = 1/(T − 1): the sampling variance of a daily Sharpe estimate from T returns when SR = 0. */
    public static double nullSharpeVariance(int observations) {
        if (observations < 2) {
            throw new IllegalArgumentException("need at least 2 observations");
        }
        return 1.0 / (observations - 1);
    }

    private static Result compute(double[] returns, int trials, double variance, VarianceSource source) {
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
        int t = returns.length;
        double probability = probability(sr, expectedMaximumSharpe(trials, variance), t, skew, kurt);
        return new Result(probability, sr, expectedMaximumSharpe(trials, variance),
                sr * Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR), trials, t, skew, kurt, variance, source);
    }

    /**
     * The probabilistic Sharpe ratio against a benchmark SR<sub>0</sub>, from summary statistics:
     * Φ((SR − SR<sub>0</sub>)√(T − 1)/√(1 − γ̂<sub>3</sub>SR + (γ̂<sub>4</sub> − 1)/4·SR²)).
     */
    public static double probability(double dailySharpe, double benchmarkDailySharpe, int observations,
                                     double skewness, double kurtosis) {
        double sr = dailySharpe;
        double denominator = 1 - skewness * sr + (kurtosis - 1) / 4 * sr * sr;
        double z = (sr - benchmarkDailySharpe) * Math.sqrt(observations - 1)
                / Math.sqrt(Math.max(denominator, 1e-12));
        return new NormalDistribution(0, 1).cumulativeProbability(z);
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
