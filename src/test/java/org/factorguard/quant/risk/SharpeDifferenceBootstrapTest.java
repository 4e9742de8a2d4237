package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SharpeDifferenceBootstrapTest {

    @Test
    void stationary_bootstrap_variance_matches_politis_romano() {
        // src/test/reference/statistics_vectors.py, block "SharpeDifferenceBootstrapTest": Politis & Romano (1994)
        // sigma^2_SB = g0 + 2 sum_k [(1 - k/n)(1 - p)^k + (k/n)(1 - p)^(n - k)] g_k in numpy, p = 1/8
        double[] z = new ReferenceSeries(35).autoregressive(300, 0.4);
        assertThat(SharpeDifferenceBootstrap.stationaryBootstrapVariance(z, 1.0 / 8))
                .isCloseTo(1.2932618000888456, within(1e-12));
        // p = 1: the iid bootstrap, variance γ0
        double mean = PerformanceMetrics.mean(z);
        double g0 = 0;
        for (double v : z) {
            g0 += (v - mean) * (v - mean) / z.length;
        }
        assertThat(SharpeDifferenceBootstrap.stationaryBootstrapVariance(z, 1.0)).isCloseTo(g0, within(1e-14));
    }

    @Test
    void observed_difference_is_the_difference_of_the_reported_sharpe_ratios() {
        double[][] ab = correlatedNormal(11, 750, 0.0006, 0.0002, 0.5);
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(199, 5, 0.95, 1).interval(ab[0], ab[1]);
        assertThat(i.observedDifference())
                .isCloseTo(PerformanceMetrics.sharpe(ab[0]) - PerformanceMetrics.sharpe(ab[1]), within(1e-12));
        assertThat(i.observedDifference()).isBetween(i.lower(), i.upper());
        assertThat(i.automaticBlockLength()).isFalse();
        assertThat(i.meanBlockLength()).isEqualTo(5.0);
    }

    /**
     * For iid normal returns the delta-method variance of SR<sub>a</sub> − SR<sub>b</sub> is
     * (2 − 2ρ + ½(SR<sub>a</sub>² + SR<sub>b</sub>² − 2SR<sub>a</sub>SR<sub>b</sub>ρ²))/T (Jobson &amp; Korkie 1981
     * as corrected by Memmel 2003); on a long sample the bootstrap's standard error must match it.
     */
    @Test
    void standard_error_matches_the_memmel_formula_for_iid_normal_returns() {
        int n = 20_000;
        double rho = 0.5;
        double[][] ab = correlatedNormal(12, n, 0.001, 0.0003, rho);
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(19, 1, 0.95, 1).interval(ab[0], ab[1]);
        double srA = 0.1;
        double srB = 0.03;
        double variance = (2 - 2 * rho + 0.5 * (srA * srA + srB * srB - 2 * srA * srB * rho * rho)) / n;
        double expected = Math.sqrt(variance) * Math.sqrt(252);
        assertThat(i.standardError()).isCloseTo(expected, within(0.03 * expected));
    }

    @Test
    void identical_series_give_zero_and_p_one() {
        double[] r = correlatedNormal(13, 500, 0.0005, 0.0005, 0.0)[0];
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(42).interval(r, r.clone());
        assertThat(i.observedDifference()).isZero();
        assertThat(i.containsZero()).isTrue();
        assertThat(i.pValue()).isEqualTo(1.0);
    }

    @Test
    void a_clearly_better_strategy_gets_a_small_p_value_and_an_interval_above_zero() {
        double[][] ab = correlatedNormal(14, 1000, 0.0, 0.0, 0.9);
        double[] a = ab[0].clone();
        for (int t = 0; t < a.length; t++) {
            a[t] += 0.002; // same risk, 0.2 % more every day
        }
        SharpeDifferenceBootstrap.Interval i = new SharpeDifferenceBootstrap(42).interval(a, ab[0]);
        assertThat(i.automaticBlockLength()).isTrue();
        assertThat(i.lower()).isGreaterThan(0.0);
        assertThat(i.pValue()).isLessThan(0.01).isGreaterThanOrEqualTo(1.0 / 2000);
        assertThat(new SharpeDifferenceBootstrap(42).interval(a, ab[0])).isEqualTo(i);
    }

    @Test
    void p_value_and_interval_agree_on_rejection() {
        // both come from the same studentised distribution: away from the 5 % boundary (where the 999 resamples'
        // discreteness decides), 0 lies outside the interval exactly when p < 5 %
        int rejected = 0;
        for (int k = 0; k < 8; k++) {
            double[][] ab = correlatedNormal(20 + k, 800, 0.0002 * k, 0.0001, 0.3);
            SharpeDifferenceBootstrap.Interval i =
                    SharpeDifferenceBootstrap.automatic(999, 0.95, k).interval(ab[0], ab[1]);
            if (i.pValue() < 0.04) {
                assertThat(i.containsZero()).as("p = %s", i.pValue()).isFalse();
                rejected++;
            } else if (i.pValue() > 0.06) {
                assertThat(i.containsZero()).as("p = %s", i.pValue()).isTrue();
            }
        }
        assertThat(rejected).isBetween(1, 7);
    }

    /**
     * Coverage of a known Sharpe difference on GARCH returns. With 250 replications the standard error of a
     * coverage near 95 % is √(0.95·0.05/250) = 1.4 %, so an interval with the right coverage lands in
     * 95 % ± 3·1.4 % ≈ [90.9 %, 99 %] with probability 99.7 %; we check [90 %, 99 %]. The 2,000-replication
     * figure comes from SignificanceSizeBenchmark.
     */
    @Test
    void the_studentised_interval_covers_a_known_difference_about_95_percent_of_the_time() {
        double[] c = SignificanceSimulations.bootstrapCoverage(250, 500, 199, 77);
        assertThat(c[0]).isBetween(0.90, 0.99);
    }

    private static double[][] correlatedNormal(long seed, int n, double meanA, double meanB, double rho) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int t = 0; t < n; t++) {
            double z1 = random.nextGaussian();
            double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * random.nextGaussian();
            a[t] = meanA + 0.01 * z1;
            b[t] = meanB + 0.01 * z2;
        }
        return new double[][] {a, b};
    }
}
