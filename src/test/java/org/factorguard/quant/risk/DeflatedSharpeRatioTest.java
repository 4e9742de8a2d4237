package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeflatedSharpeRatioTest {

    /**
     * Bailey &amp; López de Prado (2014), "A numerical example": N = 100 trials whose annualised Sharpe ratios have
     * variance 1/2, T = 1,250 daily returns (250 a year), annualised SR 2.5, skewness −3, kurtosis 10: the
     * expected maximum is 0.1132 per day and DSR ≈ 0.9004. The digits below are the same computation in scipy
     * (statistics_vectors.py, block "DeflatedSharpeRatioTest": norm.ppf / norm.cdf).
     */
    @Test
    void reproduces_the_worked_example_of_bailey_and_lopez_de_prado() {
        double sr0 = DeflatedSharpeRatio.expectedMaximumSharpe(100, 0.5 / 250);
        assertThat(sr0).isCloseTo(0.1132, within(5e-5)).isCloseTo(0.11317200186513214, within(1e-12));
        double dsr = DeflatedSharpeRatio.probability(2.5 / Math.sqrt(250), sr0, 1250, -3, 10);
        assertThat(dsr).isCloseTo(0.9004, within(5e-5)).isCloseTo(0.9003968344493903, within(1e-12));
    }

    @Test
    void variance_comes_from_ten_or_more_known_trials() {
        double[] returns = gaussian(1, 1100, 0.0006, 0.01);
        double[] trials = new double[12];
        SplittableRandom random = new SplittableRandom(2);
        for (int k = 0; k < trials.length; k++) {
            trials[k] = 0.02 + 0.015 * random.nextGaussian();
        }
        DeflatedSharpeRatio.Result r = DeflatedSharpeRatio.compute(returns, 40, trials);
        double sd = PerformanceMetrics.standardDeviation(trials);
        assertThat(r.varianceSource()).isEqualTo(DeflatedSharpeRatio.VarianceSource.TRIALS);
        assertThat(r.trialSharpeVariance()).isCloseTo(sd * sd, within(1e-15));
        assertThat(r.trials()).isEqualTo(40);
        assertThat(r.expectedMaxDailySharpe())
                .isCloseTo(DeflatedSharpeRatio.expectedMaximumSharpe(40, sd * sd), within(1e-15));
    }

    @Test
    void with_fewer_than_ten_known_trials_the_null_sampling_variance_is_used() {
        double[] returns = gaussian(3, 1106, 0.0006, 0.01);
        double[] checkpoints = {0.051, 0.049, 0.050, 0.052}; // correlated checkpoints: a spread far too small
        DeflatedSharpeRatio.Result r = DeflatedSharpeRatio.compute(returns, 26, checkpoints);
        assertThat(r.varianceSource()).isEqualTo(DeflatedSharpeRatio.VarianceSource.NULL_SAMPLING_VARIANCE);
        assertThat(r.trialSharpeVariance()).isCloseTo(1.0 / 1105, within(1e-15));
        DeflatedSharpeRatio.Result fromSpread = DeflatedSharpeRatio.compute(returns, 26,
                Math.pow(PerformanceMetrics.standardDeviation(checkpoints), 2));
        assertThat(r.probability()).isLessThan(fromSpread.probability());
        assertThat(fromSpread.varianceSource()).isEqualTo(DeflatedSharpeRatio.VarianceSource.GIVEN);
    }

    @Test
    void n_cannot_be_below_the_number_of_known_trials() {
        double[] known = {0.1, 0.2, 0.3};
        assertThatThrownBy(() -> DeflatedSharpeRatio.compute(gaussian(4, 100, 0, 0.01), 2, known))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void more_trials_deflate_more() {
        double[] returns = gaussian(5, 1000, 0.0008, 0.01);
        double previous = 1.1;
        for (int trials : new int[] {1, 5, 20, 100, 1000}) {
            double p = DeflatedSharpeRatio.compute(returns, trials, 1.0 / 999).probability();
            assertThat(p).as("N = %d", trials).isLessThan(previous);
            previous = p;
        }
    }

    private static double[] gaussian(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * random.nextGaussian();
        }
        return x;
    }
}
