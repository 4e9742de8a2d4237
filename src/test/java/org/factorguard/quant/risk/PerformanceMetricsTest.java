package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    // r = 1 %, −2 %, 3 %, −1 %, 2 %
    private static final double[] FIVE_DAYS = {0.01, -0.02, 0.03, -0.01, 0.02};

    @Test
    void sharpe_uses_sample_standard_deviation_and_root_252() {
        // mean = 0.03/5 = 0.006; deviations 0.004, −0.026, 0.024, −0.016, 0.014;
        // squares sum to 0.00172; ddof = 1 variance = 0.00172/4 = 0.00043
        double expected = 0.006 / Math.sqrt(0.00043) * Math.sqrt(252);
        assertThat(PerformanceMetrics.sharpe(FIVE_DAYS)).isCloseTo(expected, within(1e-12));
        assertThat(PerformanceMetrics.annualVolatility(FIVE_DAYS)).isCloseTo(Math.sqrt(0.00043 * 252), within(1e-12));
    }

    @Test
    void sharpe_subtracts_a_daily_risk_free_rate() {
        // excess mean 0.006 − 0.001 = 0.005; the standard deviation is unchanged by a constant shift
        double expected = 0.005 / Math.sqrt(0.00043) * Math.sqrt(252);
        assertThat(PerformanceMetrics.sharpe(FIVE_DAYS, 0.001)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void var_95_is_the_numpy_linear_percentile_of_daily_returns() {
        // sorted −0.02, −0.01, 0.01, 0.02, 0.03; R-7 position (n − 1)·0.05 = 0.2 →
        // −0.02 + 0.2·(−0.01 − (−0.02)) = −0.018 (numpy.percentile(r, 5) gives the same)
        assertThat(PerformanceMetrics.valueAtRisk95(FIVE_DAYS)).isCloseTo(-0.018, within(1e-12));
        // only −0.02 lies at or below −0.018
        assertThat(PerformanceMetrics.conditionalValueAtRisk95(FIVE_DAYS)).isCloseTo(-0.02, within(1e-12));
    }

    @Test
    void var_interpolates_between_the_two_lowest_of_twenty_one_returns() {
        double[] r = new double[21];
        for (int i = 0; i < r.length; i++) {
            r[i] = (i - 10) / 100.0; // −0.10 … +0.10
        }
        // position 20·0.05 = 1.0 exactly → the second smallest value, −0.09
        assertThat(PerformanceMetrics.valueAtRisk95(r)).isCloseTo(-0.09, within(1e-12));
        // CVaR: mean of −0.10 and −0.09
        assertThat(PerformanceMetrics.conditionalValueAtRisk95(r)).isCloseTo(-0.095, within(1e-12));
    }

    @Test
    void max_drawdown_comes_from_the_compounded_equity_curve() {
        // equity 1.01, 0.9898, 1.019494, 1.00929906, 1.0294850…; worst fall 1.01 → 0.9898 = −2 %
        assertThat(PerformanceMetrics.maxDrawdown(FIVE_DAYS)).isCloseTo(-0.02, within(1e-12));
        // 1 → 1.1 → 0.55 → 1.1: halved from the peak
        assertThat(PerformanceMetrics.maxDrawdown(new double[] {0.10, -0.50, 1.0})).isCloseTo(-0.5, within(1e-12));
        // a first-day loss counts against the initial capital
        assertThat(PerformanceMetrics.maxDrawdown(new double[] {-0.10, 0.05})).isCloseTo(-0.10, within(1e-12));
        assertThat(PerformanceMetrics.maxDrawdown(new double[] {0.01, 0.02})).isZero();
    }

    @Test
    void summary_holds_cagr_sortino_calmar_and_hit_rate() {
        PerformanceSummary s = PerformanceMetrics.summarise(FIVE_DAYS, 0.0, 3.5, 0.9);
        double growth = 1.01 * 0.98 * 1.03 * 0.99 * 1.02;
        assertThat(s.days()).isEqualTo(5);
        assertThat(s.totalReturn()).isCloseTo(growth - 1, within(1e-12));
        assertThat(s.annualReturn()).isCloseTo(Math.pow(growth, 252.0 / 5) - 1, within(1e-9));
        // downside over all five days: (0 + 0.0004 + 0 + 0.0001 + 0)/5 = 0.0001 → 0.01·√252
        assertThat(s.sortino()).isCloseTo(0.006 * 252 / (0.01 * Math.sqrt(252)), within(1e-9));
        assertThat(s.calmar()).isCloseTo(s.annualReturn() / 0.02, within(1e-9));
        assertThat(s.hitRate()).isCloseTo(0.6, within(1e-12));
        assertThat(s.annualTurnover()).isEqualTo(3.5);
        assertThat(s.averageGrossExposure()).isEqualTo(0.9);
    }

    @Test
    void undefined_ratios_are_nan_and_non_finite_returns_are_rejected() {
        PerformanceSummary flat = PerformanceMetrics.summarise(new double[] {0.0, 0.0, 0.0});
        assertThat(flat.sharpe()).isNaN();
        assertThat(flat.calmar()).isNaN();
        assertThat(flat.maxDrawdown()).isZero();
        assertThatThrownBy(() -> PerformanceMetrics.summarise(new double[] {0.01, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
