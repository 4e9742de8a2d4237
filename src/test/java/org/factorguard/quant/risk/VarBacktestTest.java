package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VarBacktestTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "VarBacktestTest": var_tests(hits, 0.05) there
    // computes Kupiec's and Christoffersen's likelihood ratios in numpy with scipy.stats.chi2.sf p-values.

    @Test
    void kupiec_and_christoffersen_match_the_reference_on_independent_exceedances() {
        ReferenceSeries rs = new ReferenceSeries(71);
        boolean[] hits = new boolean[500];
        for (int t = 0; t < hits.length; t++) {
            hits[t] = rs.uniform() < 0.07;
        }
        VarBacktest.Result r = new VarBacktest(0, 1).test(hits, 0.05);
        assertThat(r.exceedances()).isEqualTo(35);
        assertThat(r.expectedExceedances()).isCloseTo(25.0, within(1e-12));
        assertThat(r.transitions()).isEqualTo(new VarBacktest.Transitions(432, 32, 32, 3));
        assertThat(r.kupiec().statistic()).isCloseTo(3.7650760075099186, within(1e-10));
        assertThat(r.kupiec().pValue()).isCloseTo(0.052333479586807057, within(1e-10));
        assertThat(r.independence().statistic()).isCloseTo(0.13200355285282406, within(1e-10));
        assertThat(r.independence().pValue()).isCloseTo(0.71636366489807135, within(1e-10));
        assertThat(r.conditionalCoverage().statistic()).isCloseTo(3.8970795603627426, within(1e-10));
        assertThat(r.conditionalCoverage().pValue()).isCloseTo(0.14248197476074723, within(1e-10));
        assertThat(r.kupiec().monteCarloPValue()).isNaN();
    }

    @Test
    void clustered_exceedances_fail_independence_but_not_coverage() {
        ReferenceSeries rs = new ReferenceSeries(72);
        boolean[] hits = new boolean[500];
        for (int t = 0; t < hits.length; t++) {
            hits[t] = rs.uniform() < (t > 0 && hits[t - 1] ? 0.25 : 0.04);
        }
        VarBacktest.Result r = new VarBacktest(999, 5).test(hits, 0.05);
        assertThat(r.exceedances()).isEqualTo(29);
        assertThat(r.transitions()).isEqualTo(new VarBacktest.Transitions(448, 22, 22, 7));
        assertThat(r.kupiec().statistic()).isCloseTo(0.64213945969333963, within(1e-10));
        assertThat(r.kupiec().pValue()).isCloseTo(0.42293712806487127, within(1e-10));
        assertThat(r.independence().statistic()).isCloseTo(11.586315464001469, within(1e-9));
        assertThat(r.independence().pValue()).isCloseTo(6.6438919298517963e-04, within(1e-11));
        assertThat(r.conditionalCoverage().pValue()).isCloseTo(2.2111833332390416e-03, within(1e-11));
        assertThat(r.independence().monteCarloPValue()).isLessThan(0.01);
        assertThat(r.kupiec().monteCarloPValue()).isGreaterThan(0.2);
    }

    /**
     * Kupiec's non-rejection regions at the 5 % level for the number of exceedances x in n days (Kupiec 1995, as
     * tabulated in P. Jorion, <i>Value at Risk</i>, 3rd ed., chapter "Backtesting VaR"): p = 0.05: n = 255 →
     * 6 &lt; x &lt; 21, n = 510 → 16 &lt; x &lt; 36, n = 1000 → 37 &lt; x &lt; 65; p = 0.01: n = 255 → x &lt; 7,
     * n = 510 → 1 &lt; x &lt; 11, n = 1000 → 4 &lt; x &lt; 17.
     */
    @Test
    void kupiec_reproduces_the_textbook_non_rejection_regions() {
        int[][] regions = {{5, 255, 7, 20}, {5, 510, 17, 35}, {5, 1000, 38, 64}, {1, 510, 2, 10}, {1, 1000, 5, 16}};
        for (int[] row : regions) {
            double p = row[0] / 100.0;
            int n = row[1];
            assertThat(kupiecP(n, row[2], p)).as("p %s n %d x %d", p, n, row[2]).isGreaterThan(0.05);
            assertThat(kupiecP(n, row[3], p)).as("p %s n %d x %d", p, n, row[3]).isGreaterThan(0.05);
            assertThat(kupiecP(n, row[2] - 1, p)).as("p %s n %d x %d", p, n, row[2] - 1).isLessThan(0.05);
            assertThat(kupiecP(n, row[3] + 1, p)).as("p %s n %d x %d", p, n, row[3] + 1).isLessThan(0.05);
        }
        assertThat(kupiecP(255, 6, 0.01)).isGreaterThan(0.05);
        assertThat(kupiecP(255, 7, 0.01)).isLessThan(0.05);
    }

    @Test
    void exceedances_are_days_below_the_var_with_both_values_known() {
        double[] returns = {-0.03, 0.01, -0.02, Double.NaN, -0.05};
        double[] var = {-0.02, -0.02, -0.02, -0.02, Double.NaN};
        assertThat(VarBacktest.exceedances(returns, var)).containsExactly(true, false, false);
    }

    @Test
    void fewer_than_two_exceedances_leave_independence_untestable() {
        boolean[] hits = new boolean[300];
        hits[100] = true;
        VarBacktest.Result r = new VarBacktest(99, 1).test(hits, 0.05);
        assertThat(r.independence().pValue()).isEqualTo(1.0);
        assertThat(r.kupiec().pValue()).isLessThan(0.01);
    }

    /**
     * Size on a correct 95 % VaR (independent Bernoulli(0.05) exceedances, 1,000 days). With 400 replications the
     * standard error of a rejection rate near 5 % is √(0.05·0.95/400) = 1.1 %, so a correctly sized test lands in
     * 5 % ± 3·1.1 % = [1.7 %, 8.3 %] with probability 99.7 %. Kupiec's χ² p-value and the Monte Carlo p-values are
     * checked; the asymptotic independence test is oversized at this n (about 8–9 %, see VarBacktest), which is
     * why the Monte Carlo p-value exists. Full figures: SignificanceSizeBenchmark.
     */
    @Test
    void a_correct_model_is_rejected_about_five_percent_of_the_time() {
        double[] rates = SignificanceSimulations.varBacktestRejections(400, 1000, 0.05, 99, 8);
        assertThat(rates[0]).as("Kupiec").isBetween(0.017, 0.083);
        assertThat(rates[3]).as("Kupiec, Monte Carlo").isBetween(0.017, 0.083);
        assertThat(rates[4]).as("independence, Monte Carlo").isBetween(0.017, 0.083);
        assertThat(rates[5]).as("conditional coverage, Monte Carlo").isBetween(0.017, 0.083);
    }

    private static double kupiecP(int n, int x, double p) {
        boolean[] hits = new boolean[n];
        for (int t = 0; t < x; t++) {
            hits[t * (n / Math.max(1, x))] = true;
        }
        return new VarBacktest(0, 1).test(hits, p).kupiec().pValue();
    }
}
