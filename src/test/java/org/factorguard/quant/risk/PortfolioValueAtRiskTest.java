package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PortfolioValueAtRiskTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "PortfolioValueAtRiskTest": numpy.percentile (linear),
    // scipy.stats.skew(bias=False), scipy.stats.kurtosis(bias=False), scipy.stats.norm.ppf, ddof = 1 sd.

    private static double[] skewedReturns() {
        double[] g = new ReferenceSeries(61).gaussians(500);
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = 0.0004 + 0.01 * (g[i] + 0.3 * (g[i] * g[i] - 1));
        }
        return r;
    }

    @Test
    void historical_and_cornish_fisher_match_numpy_and_scipy() {
        double[] r = skewedReturns();
        assertThat(PortfolioValueAtRisk.historical(r, 0.95)).isCloseTo(-0.01075746441370722, within(1e-15));
        assertThat(PortfolioValueAtRisk.cornishFisher(r, 0.95)).isCloseTo(-0.01247979224502377, within(1e-13));
        assertThat(PortfolioValueAtRisk.historical(r, 0.99)).isCloseTo(-0.01092354436815279, within(1e-15));
        assertThat(PortfolioValueAtRisk.cornishFisher(r, 0.99)).isCloseTo(-0.01204232812022436, within(1e-13));
        assertThat(PortfolioValueAtRisk.historical(r, 0.95)).isEqualTo(PerformanceMetrics.valueAtRisk95(r));
    }

    @Test
    void cornish_fisher_reduces_to_the_gaussian_quantile_without_skew_or_excess_kurtosis() {
        assertThat(PortfolioValueAtRisk.cornishFisherQuantile(0.05, 0, 0)).isCloseTo(-1.6448536269514722, within(1e-9));
        assertThat(PortfolioValueAtRisk.cornishFisherQuantile(0.05, -1, 3))
                .isLessThan(PortfolioValueAtRisk.cornishFisherQuantile(0.05, 0, 0));
        assertThat(PortfolioValueAtRisk.gaussian(0.001, 0.01, 0.95)).isCloseTo(0.001 - 0.016448536269514722,
                within(1e-12));
    }

    @Test
    void the_book_is_todays_weights_on_trailing_returns() {
        double[] w = {0.5, -0.25, 0.0};
        double[][] r = {{0.02, 0.04, 0.5}, {-0.01, Double.NaN, 0.3}, {0.0, -0.02, Double.NaN}};
        assertThat(PortfolioValueAtRisk.hypotheticalReturns(w, r)).containsExactly(0.0, -0.005, 0.005);
        assertThat(PortfolioValueAtRisk.historical(w, r, 0.95)).isCloseTo(-0.0045, within(1e-15));
    }
}
