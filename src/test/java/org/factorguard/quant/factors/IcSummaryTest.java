package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.factorguard.quant.risk.ReferenceSeries;
import org.junit.jupiter.api.Test;

class IcSummaryTest {

    /**
     * ICs against 20-day forward returns overlap by 19 days. Vector: src/test/reference/statistics_vectors.py,
     * block "NeweyWestTest" (the same series): statsmodels OLS(ic, ones).fit(cov_type='HAC',
     * cov_kwds={'maxlags': 19, 'use_correction': True}, use_t=True).
     */
    @Test
    void t_statistic_at_horizon_twenty_is_newey_west_with_nineteen_lags() {
        double[] ic = new ReferenceSeries(12).movingAverage(500, 19);
        for (int i = 0; i < ic.length; i++) {
            ic[i] = 0.01 + 0.1 * ic[i];
        }
        IcSummary s = IcSummary.of(ic, 1, 20);
        assertThat(s.neweyWestLags()).isEqualTo(19);
        assertThat(s.tStatistic()).isCloseTo(-0.2733005386927437, within(1e-11));
        assertThat(s.pValue()).isCloseTo(0.7847352770836045, within(1e-10));
        double naive = s.icir() * Math.sqrt(s.days());
        assertThat(Math.abs(naive)).isGreaterThan(2 * Math.abs(s.tStatistic()));
    }

    @Test
    void at_horizon_one_it_is_icir_times_root_n() {
        double[] ic = {0.05, -0.02, 0.08, 0.01, 0.03, Double.NaN, 0.04};
        IcSummary s = IcSummary.of(ic, 0, 1);
        assertThat(s.neweyWestLags()).isZero();
        assertThat(s.tStatistic()).isCloseTo(s.icir() * Math.sqrt(6), within(1e-12));
        assertThat(IcSummary.of(ic, 0)).isEqualTo(s);
    }
}
