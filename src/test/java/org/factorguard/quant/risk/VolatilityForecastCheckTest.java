package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VolatilityForecastCheckTest {

    @Test
    void a_calibrated_forecast_has_ratio_and_bias_near_one() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 20_000;
        double[] sigma = new double[n];
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            sigma[t] = t % 500 < 250 ? 0.005 : 0.02; // regimes the forecast knows about
            r[t] = sigma[t] * random.nextGaussian();
        }
        VolatilityForecastCheck.Result c = VolatilityForecastCheck.of(r, sigma);
        // 3 standard errors of a standard deviation estimate from 20,000 draws: 3/√(2n) = 1.5 %
        assertThat(c.ratio()).isCloseTo(1.0, within(0.03));
        assertThat(c.biasStatistic()).isCloseTo(1.0, within(0.015));
        assertThat(c.days()).isEqualTo(n);
    }

    @Test
    void an_understated_forecast_shows_a_ratio_above_one() {
        double[] r = {0.02, -0.02, 0.02, -0.02};
        double[] sigma = {0.01, 0.01, 0.01, Double.NaN};
        VolatilityForecastCheck.Result c = VolatilityForecastCheck.of(r, sigma);
        assertThat(c.days()).isEqualTo(3);
        double sd = PerformanceMetrics.standardDeviation(new double[] {0.02, -0.02, 0.02});
        assertThat(c.ratio()).isCloseTo(sd / 0.01, within(1e-12));
        assertThat(c.realisedAnnualVolatility()).isCloseTo(sd * Math.sqrt(252), within(1e-12));
        VolatilityForecastCheck.Result better = VolatilityForecastCheck.of(r, new double[] {0.02, 0.02, 0.02, 0.02});
        assertThat(VolatilityForecastCheck.closerToOne(better, c)).isTrue();
    }

    @Test
    void ex_ante_volatility_is_the_quadratic_form() {
        double[] w = {0.6, 0.4};
        double[][] cov = {{4e-4, 1e-4}, {1e-4, 1e-4}};
        assertThat(VolatilityForecastCheck.exAnteDailyVolatility(w, cov))
                .isCloseTo(Math.sqrt(0.36 * 4e-4 + 2 * 0.24 * 1e-4 + 0.16 * 1e-4), within(1e-15));
    }
}
