package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EwmaCovarianceTest {

    /**
     * Vector: src/test/reference/statistics_vectors.py, block "EwmaCovarianceTest": pandas
     * {@code Series(r_i * r_j).ewm(alpha=1 - 0.94, adjust=True).mean().iloc[-1]} on 30 days × 3 assets.
     */
    @Test
    void matches_pandas_exponentially_weighted_cross_products() {
        ReferenceSeries rs = new ReferenceSeries(51);
        double[][] r = new double[30][3];
        for (double[] row : r) {
            for (int j = 0; j < 3; j++) {
                row[j] = 0.01 * rs.gaussian();
            }
        }
        double[][] expected = {
            {9.6310143451928875e-05, 2.6249138065804297e-06, -2.6204501344071433e-05},
            {2.6249138065804297e-06, 5.8345460032568115e-05, -7.2620465078368782e-06},
            {-2.6204501344071433e-05, -7.2620465078368782e-06, 1.0098096670683304e-04}};
        double[][] cov = new EwmaCovariance().estimate(r);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(cov[i][j]).isCloseTo(expected[i][j], within(1e-18));
            }
        }
    }

    @Test
    void recent_days_dominate() {
        double[][] calmThenVolatile = new double[60][1];
        for (int t = 0; t < 60; t++) {
            calmThenVolatile[t][0] = (t % 2 == 0 ? 1 : -1) * (t < 50 ? 0.005 : 0.03);
        }
        double ewma = new EwmaCovariance().estimate(calmThenVolatile)[0][0];
        double sample = new SampleCovariance().estimate(calmThenVolatile)[0][0];
        // the last 10 of 60 days carry 1 − 0.94^10 ≈ 46 % of the weight
        assertThat(ewma).isGreaterThan(2 * sample);
        assertThat(Math.sqrt(ewma)).isBetween(0.02, 0.03);
    }

    @Test
    void missing_returns_add_nothing_and_unobserved_assets_get_the_average_variance() {
        double[][] r = {{0.01, Double.NaN, Double.NaN}, {-0.02, 0.01, Double.NaN}};
        double[][] cov = new EwmaCovariance(0.5).estimate(r);
        // weights: last day 1/1.5, first day 0.5/1.5
        assertThat(cov[0][0]).isCloseTo((0.5 * 1e-4 + 4e-4) / 1.5, within(1e-15));
        assertThat(cov[1][1]).isCloseTo(1e-4 / 1.5, within(1e-15));
        assertThat(cov[0][1]).isCloseTo(-2e-4 / 1.5, within(1e-15));
        assertThat(cov[2][2]).isCloseTo((cov[0][0] + cov[1][1]) / 2, within(1e-15));
        assertThat(cov[2][0]).isZero();
        assertThat(new EwmaCovariance().name()).contains("0.94");
    }
}
