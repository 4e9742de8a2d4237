package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    private static double[] gaussian(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * random.nextGaussian();
        }
        return x;
    }

    @Test
    void diebold_mariano_detects_a_clearly_better_forecast() {
        double[] worse = gaussian(1, 500, 0, 1.0);
        double[] better = gaussian(2, 500, 0, 0.5);
        DieboldMariano.Result r = DieboldMariano.onErrors(worse, better, 1);
        assertThat(r.statistic()).isGreaterThan(3.0);
        assertThat(r.pValue()).isLessThan(0.01);
        assertThat(r.rejectsEqualAccuracy(0.05)).isTrue();
        DieboldMariano.Result reversed = DieboldMariano.onErrors(better, worse, 5);
        assertThat(reversed.statistic()).isLessThan(-3.0);
        assertThat(reversed.hlnPValue()).isLessThan(0.01);
    }

    @Test
    void diebold_mariano_does_not_reject_identical_forecasts() {
        double[] e = gaussian(3, 300, 0, 1.0);
        DieboldMariano.Result r = DieboldMariano.onErrors(e, e.clone(), 1);
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(r.rejectsEqualAccuracy(0.05)).isFalse();
    }

    @Test
    void diebold_mariano_statistic_matches_the_formula_for_horizon_one() {
        double[] la = {1, 4, 2, 5};
        double[] lb = {0, 1, 1, 3};
        // d = 1, 3, 1, 2; mean 1.75; γ0 = (0.5625 + 1.5625 + 0.5625 + 0.0625)/4 = 0.6875
        double expected = 1.75 / Math.sqrt(0.6875 / 4);
        assertThat(DieboldMariano.onLosses(la, lb, 1).statistic()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void bootstrap_interval_contains_zero_for_identical_series() {
        double[] r = gaussian(4, 500, 0.0005, 0.01);
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(42).interval(r, r.clone());
        assertThat(i.containsZero()).isTrue();
        assertThat(i.observedDifference()).isZero();
    }

    @Test
    void bootstrap_interval_excludes_zero_for_a_clearly_better_strategy() {
        double[] b = gaussian(5, 750, 0.0, 0.01);
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] + 0.003; // same risk, 0.3 % more every day
        }
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(42).interval(a, b);
        assertThat(i.lower()).isGreaterThan(0.0);
        assertThat(i.containsZero()).isFalse();
        assertThat(i.observedDifference()).isBetween(i.lower(), i.upper());
        // same seed, same interval
        assertThat(new SharpeDifferenceBootstrap(42).interval(a, b)).isEqualTo(i);
    }

    @Test
    void deflated_sharpe_decreases_with_more_trials() {
        double[] r = gaussian(6, 1000, 0.0008, 0.01);
        double variance = 0.02 * 0.02;
        double previous = 1.1;
        for (int trials : new int[] {1, 5, 20, 100, 1000}) {
            DeflatedSharpeRatio.Result d = DeflatedSharpeRatio.compute(r, trials, variance);
            assertThat(d.probability()).as("N = %d", trials).isLessThan(previous).isBetween(0.0, 1.0);
            previous = d.probability();
        }
        assertThat(DeflatedSharpeRatio.expectedMaximumSharpe(1, variance)).isZero();
    }

    @Test
    void deflated_sharpe_with_one_trial_is_the_probabilistic_sharpe_ratio() {
        double[] r = gaussian(7, 400, 0.001, 0.01);
        DeflatedSharpeRatio.Result d = DeflatedSharpeRatio.compute(r, 1, 0.0);
        double sr = d.dailySharpe();
        double z = sr * Math.sqrt(399) / Math.sqrt(1 - d.skewness() * sr + (d.kurtosis() - 1) / 4 * sr * sr);
        assertThat(d.probability()).isCloseTo(new org.hipparchus.distribution.continuous.NormalDistribution(0, 1)
                .cumulativeProbability(z), within(1e-12));
        assertThat(d.kurtosis()).isCloseTo(3.0, within(0.7));
    }
}
