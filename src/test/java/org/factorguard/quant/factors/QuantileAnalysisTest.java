package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.factorguard.quant.risk.ReferenceSeries;
import org.junit.jupiter.api.Test;

class QuantileAnalysisTest {

    // Vectors: src/test/reference/quantile_vectors.py, block "QuantileAnalysisTest": alphalens' quantize_factor,
    // demean_forward_returns, mean_return_by_quantile, compute_mean_returns_spread, cumulative_returns and
    // quantile_turnover re-implemented with pandas; Newey–West from statsmodels 0.15 OLS HAC; scipy spearmanr.
    private static final int DAYS = 30;
    private static final int NAMES = 13;
    private static final int H = 3;

    @Test
    void buckets_match_pandas_qcut_per_day_with_a_tied_pair_sharing_a_bucket() {
        Reference data = Reference.build();
        QuantileSeries series = QuantileAnalysis.analyse(data.signal, data.forward, data.nextDay, H,
                QuantileSettings.defaults());
        assertThat(series.sizes()[0]).containsExactly(3, 2, 3, 2, 3);
        assertThat(series.buckets()[7]).containsExactly(3, 2, 5, 5, 1, 4, 1, 3, 3, 2, 4, 1, 5);
    }

    @Test
    void summary_over_all_days_matches_the_alphalens_formulas() {
        Reference data = Reference.build();
        QuantileSummary s = QuantileAnalysis.analyse(data.signal, data.forward, data.nextDay, H,
                QuantileSettings.defaults()).summarise(0, DAYS);
        assertThat(s.days()).isEqualTo(DAYS);
        assertClose(s.meanReturn(), new double[] {-0.00382474625975579, 0.00098476522790014, -0.00685356964020611,
            0.01071573443448736, 0.00185605235321793}, 1e-15);
        assertClose(s.standardError(), new double[] {0.00322939462973698, 0.00359641543470436,
            0.00395664744040849, 0.00340492017209669, 0.00298158800848049}, 1e-15);
        assertThat(s.spread().mean()).isCloseTo(0.00568079861297371, within(1e-15));
        assertThat(s.spread().standardError()).isCloseTo(0.00521807271348773, within(1e-15));
        assertThat(s.spread().tStatistic()).isCloseTo(1.0886775491437533, within(1e-11));
        assertThat(s.spread().pValue()).isCloseTo(0.285261011212566, within(1e-10));
        assertThat(s.spread().lags()).isEqualTo(H - 1);
        double[] finals = new double[5];
        for (int b = 0; b < 5; b++) {
            finals[b] = s.cumulative()[b][DAYS - 1];
        }
        assertClose(finals, new double[] {0.8863303503258743, 0.900127902327321, 1.0204443836780528,
            1.2173621455334238, 1.061026587568506}, 1e-13);
        assertThat(s.cumulative()[4][0]).isCloseTo(1.0041620262865665, within(1e-14));
        assertThat(s.cumulative()[4][13]).isCloseTo(1.0210921394699919, within(1e-13));
        assertThat(s.cumulativeSpread()[DAYS - 1]).isCloseTo(1.1912289053130967, within(1e-13));
        assertThat(s.topTurnover()).isCloseTo(0.8563218390804598, within(1e-15));
        assertThat(s.bottomTurnover()).isCloseTo(0.7471264367816093, within(1e-15));
        assertThat(s.monotonicity()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void a_fold_range_restarts_the_curves_and_counts_turnover_inside_the_range_only() {
        Reference data = Reference.build();
        QuantileSummary s = QuantileAnalysis.analyse(data.signal, data.forward, data.nextDay, H,
                QuantileSettings.defaults()).summarise(10, 25);
        assertThat(s.fromDay()).isEqualTo(10);
        assertThat(s.cumulative()[4]).hasSize(15);
        assertClose(s.meanReturn(), new double[] {-0.00771632471859316, 0.00115025231983722,
            -0.00123113348941301, 0.01093283463577775, 0.00293614925768782}, 1e-15);
        assertClose(s.standardError(), new double[] {0.00444362555020734, 0.00473562281608237,
            0.00502730399299762, 0.00397563580531065, 0.0042325532280617}, 1e-15);
        assertThat(s.spread().tStatistic()).isCloseTo(1.5080766581961278, within(1e-11));
        assertThat(s.spread().pValue()).isCloseTo(0.15376680401676818, within(1e-10));
        assertThat(s.cumulative()[4][0]).isCloseTo(0.9996532590854228, within(1e-14));
        assertThat(s.cumulative()[0][14]).isCloseTo(0.9089861709701222, within(1e-13));
        assertThat(s.cumulativeSpread()[14]).isCloseTo(1.1375600873206266, within(1e-13));
        assertThat(s.topTurnover()).isCloseTo(0.8452380952380951, within(1e-15));
        assertThat(s.bottomTurnover()).isCloseTo(0.738095238095238, within(1e-15));
        assertThat(s.monotonicity()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void at_a_one_day_horizon_the_standard_error_is_alphalens_std_over_root_count() {
        Reference data = Reference.build();
        QuantileSummary s = QuantileAnalysis.analyse(data.signal, data.forward, data.nextDay, 1,
                QuantileSettings.defaults()).summarise(0, DAYS);
        assertClose(s.standardError(), new double[] {0.0032543856946906, 0.0046555603963533, 0.00437583652384006,
            0.00368619336177223, 0.00359096325835679}, 1e-15);
    }

    @Test
    void without_demeaning_the_means_are_raw_and_the_spread_is_unchanged() {
        Reference data = Reference.build();
        QuantileSettings raw = QuantileSettings.defaults().withDemeaned(false);
        QuantileSummary s = QuantileAnalysis.analyse(data.signal, data.forward, data.nextDay, H, raw)
                .summarise(0, DAYS);
        assertClose(s.meanReturn(), new double[] {-0.00307021692944451, 0.00173929455821141, -0.00609904030989484,
            0.01147026376479863, 0.0026105816835292}, 1e-15);
        assertThat(s.spread().mean()).isCloseTo(0.00568079861297371, within(1e-15));
    }

    @Test
    void a_large_tie_group_shares_one_bucket_and_leaves_the_next_empty() {
        // pandas.qcut refuses these values (duplicate edges 1, 1, 1, 1); the ties go to bucket 1.
        byte[] out = new byte[7];
        QuantileAnalysis.assign(new float[] {1, 1, 3, 1, Float.NaN, 2, 1}, 5, out);
        assertThat(out).containsExactly(1, 1, 5, 1, 0, 4, 1);
        QuantileAnalysis.assign(new float[] {1, 2, 3, Float.NaN, Float.NaN, Float.NaN, 4}, 5, out);
        assertThat(out).as("fewer finite values than buckets").containsOnly(0);
    }

    @Test
    void turnover_is_the_share_of_new_names_in_the_bucket() {
        float[][] signal = {{1, 2, 3, 4}, {1, 2, 4, 3}, {4, 3, 2, 1}};
        double[][] zero = new double[3][4];
        QuantileSeries s = QuantileAnalysis.analyse(signal, zero, zero, 1, new QuantileSettings(2, true, 1));
        assertThat(s.topTurnover()[0]).isNaN();
        assertThat(s.topTurnover()[1]).isEqualTo(0.0);
        assertThat(s.topTurnover()[2]).isEqualTo(1.0);
        QuantileSeries twoDays = QuantileAnalysis.analyse(signal, zero, zero, 1, new QuantileSettings(2, true, 2));
        assertThat(twoDays.topTurnover()[2]).isEqualTo(1.0);
        assertThat(twoDays.topTurnover()[1]).isNaN();
    }

    @Test
    void a_factor_that_ranks_returns_perfectly_has_monotone_quintiles_and_a_large_spread() {
        Market m = Market.generate(400, 100, 5, 7);
        QuantileSummary perfect = QuantileAnalysis.analyse(m.perfect, m.forward, m.nextDay, 5,
                QuantileSettings.defaults()).summarise(0, 400);
        QuantileSummary noise = QuantileAnalysis.analyse(m.noise, m.forward, m.nextDay, 5,
                QuantileSettings.defaults()).summarise(0, 400);
        assertThat(perfect.monotonicity()).isEqualTo(1.0);
        for (int b = 1; b < 5; b++) {
            assertThat(perfect.meanReturn()[b]).isGreaterThan(perfect.meanReturn()[b - 1]);
            assertThat(perfect.cumulative()[b][399]).isGreaterThan(perfect.cumulative()[b - 1][399]);
        }
        assertThat(perfect.spread().tStatistic()).isGreaterThan(10);
        assertThat(perfect.spread().mean()).isGreaterThan(5 * Math.abs(noise.spread().mean()));
    }

    @Test
    void a_factor_of_pure_noise_has_no_spread_beyond_the_noise() {
        Market m = Market.generate(400, 100, 5, 11);
        QuantileSummary noise = QuantileAnalysis.analyse(m.noise, m.forward, m.nextDay, 5,
                QuantileSettings.defaults()).summarise(0, 400);
        // The spread is a sum of noise: a seeded draw from a t-distribution, far inside ±4 standard errors.
        assertThat(Math.abs(noise.spread().tStatistic())).isLessThan(4);
        for (int b = 0; b < 5; b++) {
            assertThat(Math.abs(noise.meanReturn()[b])).isLessThan(4 * noise.standardError()[b]);
        }
        // a noise signal redraws its quintiles every day: about 80 % of the top names are new
        assertThat(noise.topTurnover()).isCloseTo(0.8, within(0.03));
    }

    @Test
    void monotonicity_is_nan_when_a_bucket_has_no_mean() {
        assertThat(QuantileSeries.monotonicity(new double[] {0.1, Double.NaN, 0.3})).isNaN();
        assertThat(QuantileSeries.monotonicity(new double[] {0.3, 0.2, 0.1})).isEqualTo(-1.0);
    }

    private static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element " + i).isCloseTo(expected[i], within(tolerance));
        }
    }

    /** The inputs of quantile_vectors.py, rebuilt from the same LCG. */
    private record Reference(float[][] signal, double[][] forward, double[][] nextDay) {

        static Reference build() {
            ReferenceSeries rs = new ReferenceSeries(1919);
            float[][] signal = new float[DAYS][NAMES];
            for (int t = 0; t < DAYS; t++) {
                for (int i = 0; i < NAMES; i++) {
                    double u = rs.uniform();
                    double v = rs.uniform();
                    signal[t][i] = u >= 0.08 ? (float) v : Float.NaN;
                }
                int j = t % (NAMES - 1);
                signal[t][j + 1] = signal[t][j];
            }
            double[][] r1 = new double[DAYS + H][NAMES];
            for (int t = 0; t < DAYS + H; t++) {
                for (int i = 0; i < NAMES; i++) {
                    r1[t][i] = 0.02 * rs.gaussian();
                }
            }
            for (int t = 0; t < DAYS; t++) {
                for (int i = 0; i < NAMES; i++) {
                    if (!Float.isNaN(signal[t][i])) {
                        r1[t][i] += 0.01 * ((double) signal[t][i] - 0.5);
                    }
                }
            }
            double[][] forward = new double[DAYS][NAMES];
            double[][] nextDay = new double[DAYS][NAMES];
            for (int t = 0; t < DAYS; t++) {
                for (int i = 0; i < NAMES; i++) {
                    forward[t][i] = r1[t][i] + r1[t + 1][i] + r1[t + 2][i];
                    nextDay[t][i] = r1[t][i];
                }
            }
            return new Reference(signal, forward, nextDay);
        }
    }

    /** Daily log returns of pure noise; the perfect signal is the realised h-day forward return itself. */
    private record Market(float[][] perfect, float[][] noise, double[][] forward, double[][] nextDay) {

        static Market generate(int days, int names, int horizon, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            double[][] r = new double[days + horizon][names];
            float[][] noise = new float[days][names];
            for (int t = 0; t < days + horizon; t++) {
                for (int i = 0; i < names; i++) {
                    r[t][i] = 0.02 * gaussian(random);
                    if (t < days) {
                        noise[t][i] = (float) gaussian(random);
                    }
                }
            }
            float[][] perfect = new float[days][names];
            double[][] forward = new double[days][names];
            double[][] nextDay = new double[days][names];
            for (int t = 0; t < days; t++) {
                for (int i = 0; i < names; i++) {
                    double s = 0;
                    for (int k = 0; k < horizon; k++) {
                        s += r[t + k][i];
                    }
                    forward[t][i] = s;
                    perfect[t][i] = (float) s;
                    nextDay[t][i] = r[t][i];
                }
            }
            return new Market(perfect, noise, forward, nextDay);
        }

        private static double gaussian(SplittableRandom random) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
    }
}
