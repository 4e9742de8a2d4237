package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DieboldMarianoTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "DieboldMarianoTest": hln(d, h) there implements
    // Harvey, Leybourne & Newbold (1997) eqs. (1)-(3) in numpy (unweighted autocovariances with divisor T) with
    // scipy.stats.norm.cdf / scipy.stats.t.cdf(., T - 1) for the p-values.

    @Test
    void statistic_uses_the_unweighted_sum_of_h_minus_one_autocovariances() {
        double[] d = new ReferenceSeries(21).movingAverage(400, 4);
        for (int i = 0; i < d.length; i++) {
            d[i] += 0.15;
        }
        DieboldMariano.Result r = DieboldMariano.onLosses(d, new double[d.length], 5);
        assertThat(r.varianceEstimate()).isEqualTo(DieboldMariano.VarianceEstimate.UNWEIGHTED);
        assertThat(r.fellBack()).isFalse();
        assertThat(r.longRunVariance()).isCloseTo(26.25410363224794, within(1e-10));
        assertThat(r.statistic()).isCloseTo(0.39391059669397566, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.693647046573115, within(1e-12));
        assertThat(r.hlnStatistic()).isCloseTo(0.3894787912368937, within(1e-12));
        assertThat(r.hlnPValue()).isCloseTo(0.6971297910724956, within(1e-12));
        assertThat(r.observations()).isEqualTo(400);
    }

    @Test
    void a_negative_unweighted_variance_falls_back_to_bartlett_weights_and_says_so() {
        double[] e = new ReferenceSeries(23).gaussians(201);
        double[] d = new double[200];
        for (int t = 0; t < 200; t++) {
            d[t] = 0.05 + e[t + 1] - e[t]; // over-differenced: γ0 + 2γ1 < 0 for this seed
        }
        DieboldMariano.Result r = DieboldMariano.onLosses(d, new double[200], 2);
        assertThat(r.varianceEstimate()).isEqualTo(DieboldMariano.VarianceEstimate.BARTLETT_FALLBACK);
        assertThat(r.fellBack()).isTrue();
        assertThat(r.longRunVariance()).isCloseTo(1.023563812322713, within(1e-12));
        assertThat(r.statistic()).isCloseTo(0.7504841614020236, within(1e-12));
        assertThat(r.hlnStatistic()).isCloseTo(0.7448531672023653, within(1e-12));
        assertThat(r.hlnPValue()).isCloseTo(0.4572392375733344, within(1e-12));
    }

    @Test
    void demeaned_squared_error_ignores_the_level_of_the_forecasts() {
        float[][] p = {{1, 2, 3}};
        double[][] r = {{0.5, 0.5, 2}};
        // demeaned p = (−1, 0, 1), demeaned r = (−0.5, −0.5, 1): squared differences 0.25, 0.25, 0
        assertThat(DieboldMariano.dailyDemeanedSquaredErrorLoss(p, r)[0]).isCloseTo(1.0 / 6, within(1e-12));
        float[][] shifted = {{101, 102, 103}};
        assertThat(DieboldMariano.dailyDemeanedSquaredErrorLoss(shifted, r)[0]).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(DieboldMariano.dailySquaredErrorLoss(shifted, r)[0])
                .isGreaterThan(100 * DieboldMariano.dailySquaredErrorLoss(p, r)[0]);
    }

    @Test
    void rank_ic_loss_is_one_minus_spearman() {
        float[][] p = {{1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}, {1, 2, Float.NaN, 4, 5}};
        double[][] r = {{5, 6, 7, 8, 7}, {5, 4, 3, 2, 1}, {1, 2, 3, Double.NaN, Double.NaN}};
        double[] loss = DieboldMariano.dailyRankIcLoss(p, r);
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic = 0.8207826816681233
        assertThat(loss[0]).isCloseTo(1 - 0.8207826816681233, within(1e-12));
        assertThat(loss[1]).isCloseTo(2.0, within(1e-12));
        assertThat(loss[2]).isNaN(); // two common instruments only
    }

    @Test
    void compare_scores_both_forecasts_on_the_same_cells() {
        float[][] a = {{1, 2, 3, 4}, {4, 3, 2, 1}, {1, 3, 2, 4}};
        float[][] b = {{1, 2, 3, Float.NaN}, {1, 2, 3, 4}, {2, 1, 4, 3}};
        double[][] realised = {{1, 2, 3, 40}, {1, 2, 3, 4}, {1, 2, 3, 4}};
        DieboldMariano.Result r = DieboldMariano.compare(a, b, realised, 1, DieboldMariano.Loss.SQUARED_ERROR);
        // day 0 skips instrument 3 for both (B has no forecast there), so the losses are equal that day
        double[] lossA = {0, (9 + 1 + 1 + 9) / 4.0, (0 + 1 + 1 + 0) / 4.0};
        double[] lossB = {0, 0, (1 + 1 + 1 + 1) / 4.0};
        assertThat(r.meanLossDifference()).isCloseTo(
                (lossA[0] - lossB[0] + lossA[1] - lossB[1] + lossA[2] - lossB[2]) / 3, within(1e-12));
    }

    @Test
    void the_better_ranking_forecast_wins_on_the_rank_ic_loss() {
        SplittableRandomForecasts f = new SplittableRandomForecasts(7, 300, 60);
        DieboldMariano.Result r = DieboldMariano.compare(f.noisy(2.0), f.noisy(0.5), f.realised(), 1,
                DieboldMariano.Loss.ONE_MINUS_RANK_IC);
        assertThat(r.statistic()).isGreaterThan(3); // A (noisier) has the larger loss
        assertThat(r.rejectsEqualAccuracy(0.01)).isTrue();
    }

    /**
     * Size on 20-day overlapping losses (MA(19) loss differential with unit weights, whose autocorrelation
     * 1 − k/20 is that of overlapping 20-day sums), T = 1106 as in the study. With 1,000 replications the
     * standard error of a rejection rate near 5 % is √(0.05·0.95/1000) = 0.69 %, so a correctly sized test lands
     * in 5 % ± 3·0.69 % = [2.9 %, 7.1 %] with probability 99.7 %. Bartlett weights (the old long-run variance)
     * reject about 10–11 % here and fail this band. The full 2,000-replication figures, on cross-sectional
     * forecasts too, come from SignificanceSizeBenchmark.
     */
    @Test
    void rejects_a_true_null_about_five_percent_of_the_time_with_twenty_day_overlap() {
        double[] rates = SignificanceSimulations.movingAverageRejections(1000, 1106, 20, 99);
        assertThat(rates[0]).isBetween(0.029, 0.071);
    }

    /** Cross-sectional forecasts with a common signal plus independent noise of a chosen size. */
    private static final class SplittableRandomForecasts {
        private final java.util.SplittableRandom random;
        private final double[][] signal;
        private final double[][] realised;

        SplittableRandomForecasts(long seed, int days, int instruments) {
            random = new java.util.SplittableRandom(seed);
            signal = new double[days][instruments];
            realised = new double[days][instruments];
            for (int t = 0; t < days; t++) {
                for (int i = 0; i < instruments; i++) {
                    signal[t][i] = random.nextGaussian();
                    realised[t][i] = 0.3 * signal[t][i] + random.nextGaussian();
                }
            }
        }

        float[][] noisy(double noise) {
            float[][] out = new float[signal.length][signal[0].length];
            for (int t = 0; t < out.length; t++) {
                for (int i = 0; i < out[t].length; i++) {
                    out[t][i] = (float) (signal[t][i] + noise * random.nextGaussian());
                }
            }
            return out;
        }

        double[][] realised() {
            return realised;
        }
    }
}
