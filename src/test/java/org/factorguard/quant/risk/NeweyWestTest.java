package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NeweyWestTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "NeweyWestTest": statsmodels 0.15
    // OLS(x, ones).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': True}, use_t=True).

    @Test
    void mean_test_matches_statsmodels_hac_with_four_lags() {
        double[] x = ma(11, 300, 4, 0.02, 0.05);
        NeweyWest.MeanTest test = NeweyWest.meanTest(x, 4);
        assertThat(test.mean()).isCloseTo(0.01816015436670294, within(1e-15));
        assertThat(test.standardError()).isCloseTo(0.01118821240524264, within(1e-14));
        assertThat(test.tStatistic()).isCloseTo(1.6231506615116944, within(1e-11));
        assertThat(test.pValue()).isCloseTo(0.10561100585486399, within(1e-10));
        assertThat(test.lags()).isEqualTo(4);
    }

    @Test
    void without_lags_it_is_the_classical_one_sample_t_test() {
        double[] x = ma(11, 300, 4, 0.02, 0.05);
        NeweyWest.MeanTest test = NeweyWest.meanTest(x, 0);
        assertThat(test.standardError()).isCloseTo(0.00613556815942588, within(1e-14));
        assertThat(test.tStatistic()).isCloseTo(2.9598162541482114, within(1e-11));
        assertThat(test.pValue()).isCloseTo(0.00332449103141664, within(1e-11));
        double classical = PerformanceMetrics.mean(x) / (PerformanceMetrics.standardDeviation(x) / Math.sqrt(300));
        assertThat(test.tStatistic()).isCloseTo(classical, within(1e-10));
    }

    @Test
    void twenty_day_overlap_matches_statsmodels_and_its_long_run_variance() {
        double[] y = ma(12, 500, 19, 0.01, 0.1);
        NeweyWest.MeanTest test = NeweyWest.meanTest(y, NeweyWest.lagsForHorizon(20));
        assertThat(test.mean()).isCloseTo(-0.01863777137197248, within(1e-15));
        assertThat(test.standardError()).isCloseTo(0.06819515051496432, within(1e-13));
        assertThat(test.tStatistic()).isCloseTo(-0.2733005386927437, within(1e-11));
        assertThat(test.pValue()).isCloseTo(0.7847352770836045, within(1e-10));
        // statsmodels S_hac_simple(y - mean, nlags=19) / n
        assertThat(NeweyWest.longRunVariance(y, 19)).isCloseTo(2.3206386983255576, within(1e-12));
    }

    @Test
    void missing_days_are_dropped_and_too_short_series_give_nan() {
        double[] x = {0.1, Double.NaN, 0.3, 0.2, Double.NaN, 0.4};
        NeweyWest.MeanTest test = NeweyWest.meanTest(x, 1);
        assertThat(test.observations()).isEqualTo(4);
        assertThat(test.mean()).isCloseTo(0.25, within(1e-15));
        assertThat(NeweyWest.meanTest(new double[] {0.5}, 0).tStatistic()).isNaN();
    }

    private static double[] ma(long seed, int n, int q, double level, double scale) {
        double[] x = new ReferenceSeries(seed).movingAverage(n, q);
        for (int i = 0; i < n; i++) {
            x[i] = level + scale * x[i];
        }
        return x;
    }
}
