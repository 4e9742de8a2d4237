package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RollingMeanTest {

    private static final double NaN = Double.NaN;

    @Test
    void it_matches_pandas_rolling_mean_with_min_periods_on_a_series_with_gaps() {
        double[] daily = {0.05, NaN, -0.02, 0.03, 0.01, NaN, NaN, 0.04, -0.01, 0.02, NaN, 0.06};
        // pandas 3.0.6: pd.Series(daily).rolling(window=4, min_periods=2).mean()
        double[] expected = {NaN, NaN, 0.015000000000000001, 0.02, 0.006666666666666665, 0.006666666666666665,
                0.019999999999999997, 0.025, 0.014999999999999996, 0.016666666666666666, 0.016666666666666666,
                0.02333333333333333};

        double[] rolling = RollingMean.of(daily, 4, 2);

        assertThat(rolling).hasSize(expected.length);
        for (int t = 0; t < expected.length; t++) {
            if (Double.isNaN(expected[t])) {
                assertThat(rolling[t]).as("day %d", t).isNaN();
            } else {
                assertThat(rolling[t]).as("day %d", t).isCloseTo(expected[t], within(1e-15));
            }
        }
    }

    @Test
    void a_day_with_too_few_valid_values_in_its_window_is_missing() {
        double[] daily = {1, NaN, NaN, NaN, 2};

        assertThat(Arrays.stream(RollingMean.of(daily, 3, 2)).allMatch(Double::isNaN)).isTrue();
        assertThat(Arrays.toString(RollingMean.of(daily, 3, 1))).isEqualTo("[1.0, 1.0, 1.0, NaN, 2.0]");
    }

    @Test
    void a_later_value_never_changes_an_earlier_mean() {
        double[] daily = {0.1, 0.2, -0.3, 0.4, 0.5};
        double[] changed = daily.clone();
        changed[4] = 99;

        assertThat(Arrays.copyOf(RollingMean.of(changed, 3, 1), 4))
                .containsExactly(Arrays.copyOf(RollingMean.of(daily, 3, 1), 4));
    }

    @Test
    void a_minimum_above_the_window_is_refused() {
        assertThatThrownBy(() -> RollingMean.of(new double[3], 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
