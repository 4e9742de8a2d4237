package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class CovarianceEstimatorTest {

    @Test
    void sample_covariance_matches_a_hand_computed_two_asset_case() {
        // asset A: 1, 2, 3 (mean 2); asset B: 2, 4, 9 (mean 5)
        // var A = (1 + 0 + 1)/2 = 1; var B = (9 + 1 + 16)/2 = 13; cov = (3 + 0 + 4)/2 = 3.5
        double[][] r = {{1, 2}, {2, 4}, {3, 9}};
        double[][] s = new SampleCovariance().estimate(r);
        assertThat(s[0][0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1][1]).isCloseTo(13.0, within(1e-12));
        assertThat(s[0][1]).isCloseTo(3.5, within(1e-12));
        assertThat(s[1][0]).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void missing_returns_add_no_deviation_and_unobserved_assets_get_the_average_variance() {
        double nan = Double.NaN;
        // asset A: 1, NaN, 3 → imputed 2 (its mean) → deviations −1, 0, 1
        double[][] r = {{1, 2, nan}, {nan, 4, nan}, {3, 9, nan}};
        double[][] s = new SampleCovariance().estimate(r);
        assertThat(s[0][0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[0][1]).isCloseTo((-1 * -3 + 1 * 4) / 2.0, within(1e-12));
        assertThat(s[2][2]).isCloseTo((s[0][0] + s[1][1]) / 2, within(1e-12));
        assertThat(s[2][0]).isZero();
    }

    @Test
    void ledoit_wolf_shrinks_into_a_well_conditioned_matrix_when_assets_outnumber_days() {
        SplittableRandom random = new SplittableRandom(7);
        int days = 20;
        int assets = 30;
        double[][] r = new double[days][assets];
        for (int t = 0; t < days; t++) {
            double market = random.nextGaussian() * 0.01;
            for (int i = 0; i < assets; i++) {
                r[t][i] = market + random.nextGaussian() * 0.01;
            }
        }
        for (LedoitWolfCovariance.Target target : LedoitWolfCovariance.Target.values()) {
            LedoitWolfCovariance.Shrunk shrunk = new LedoitWolfCovariance(target).estimateWithIntensity(r);
            assertThat(shrunk.intensity()).as(target.name()).isBetween(0.0, 1.0).isGreaterThan(0.0);
            double[] eig = new EigenDecompositionSymmetric(
                    MatrixUtils.createRealMatrix(shrunk.covariance())).getEigenvalues();
            double min = java.util.Arrays.stream(eig).min().orElseThrow();
            assertThat(min).as(target.name()).isGreaterThan(0.0);
            for (int i = 0; i < assets; i++) {
                for (int j = 0; j < assets; j++) {
                    assertThat(shrunk.covariance()[i][j]).isEqualTo(shrunk.covariance()[j][i]);
                }
            }
        }
        double[] sampleEig = new EigenDecompositionSymmetric(
                MatrixUtils.createRealMatrix(new SampleCovariance().estimate(r)))
                .getEigenvalues();
        assertThat(java.util.Arrays.stream(sampleEig).min().orElseThrow()).isLessThan(1e-12);
    }

    @Test
    void constant_correlation_target_keeps_the_sample_variances() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] r = new double[60][5];
        for (double[] row : r) {
            for (int i = 0; i < row.length; i++) {
                row[i] = random.nextGaussian() * 0.01 * (i + 1);
            }
        }
        double[][] lw = new LedoitWolfCovariance().estimate(r);
        double[][] biased = new SampleCovariance().estimate(r);
        for (int i = 0; i < 5; i++) {
            // divisor T in Ledoit–Wolf versus T − 1 in the sample estimator
            assertThat(lw[i][i]).isCloseTo(biased[i][i] * 59 / 60, within(1e-15));
        }
    }

    @Test
    void trailing_window_uses_prices_up_to_the_end_day_only() {
        double[][] close = {{100, 110, 99, 99, Double.NaN, 120}};
        double[][] w = TrailingReturns.window(close, new int[] {0}, 3, 2);
        assertThat(w).hasNumberOfRows(2);
        assertThat(w[0][0]).isCloseTo(-0.1, within(1e-12));
        assertThat(w[1][0]).isCloseTo(0.0, within(1e-12));
        assertThat(TrailingReturns.window(close, new int[] {0}, 4, 1)[0][0]).isNaN();
    }
}
