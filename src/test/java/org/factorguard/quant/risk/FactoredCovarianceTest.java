package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FactoredCovarianceTest {

    /** Factor-driven daily returns with a few missing values and one asset never observed. */
    private static double[][] returns(int days, int assets, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] beta = new double[assets];
        double[] idio = new double[assets];
        for (int i = 0; i < assets; i++) {
            beta[i] = 0.4 + random.nextDouble();
            idio[i] = 0.005 + 0.02 * random.nextDouble();
        }
        double[][] r = new double[days][assets];
        for (int t = 0; t < days; t++) {
            double market = 0.01 * random.nextGaussian();
            for (int i = 0; i < assets; i++) {
                r[t][i] = beta[i] * market + idio[i] * random.nextGaussian();
            }
        }
        r[1][0] = Double.NaN;
        r[days - 1][2] = Double.NaN;
        for (int t = 0; t < days; t++) {
            r[t][assets - 1] = Double.NaN;
        }
        return r;
    }

    private static void assertSameMatrix(double[][] expected, double[][] actual, double relative) {
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i][i]));
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(relative * scale));
            }
        }
    }

    @Test
    void factored_ledoit_wolf_has_the_entries_and_intensity_of_the_dense_estimate() {
        int[][] shapes = {{20, 30}, {60, 12}, {5, 40}};
        for (LedoitWolfCovariance.Target target : LedoitWolfCovariance.Target.values()) {
            for (int[] shape : shapes) {
                double[][] r = returns(shape[0], shape[1], 17 + shape[0]);
                LedoitWolfCovariance.Shrunk dense = new LedoitWolfCovariance(target).estimateWithIntensity(r);
                FactoredLedoitWolfCovariance.Shrunk factored =
                        new FactoredLedoitWolfCovariance(target).estimateWithIntensity(r);
                String label = target + " T=" + shape[0] + " n=" + shape[1];
                assertThat(factored.intensity()).as(label).isCloseTo(dense.intensity(), within(1e-10));
                assertThat(dense.intensity()).as(label).isStrictlyBetween(0.0, 1.0);
                assertSameMatrix(dense.covariance(), factored.covariance().toArray(), 1e-12);
                int extra = target == LedoitWolfCovariance.Target.SCALED_IDENTITY ? 0 : 1;
                assertThat(factored.covariance().rank()).as(label).isLessThanOrEqualTo(shape[0] + extra);
            }
        }
    }

    @Test
    void factored_sample_covariance_has_the_entries_of_the_sample_covariance() {
        double[][] r = returns(15, 25, 3);
        assertSameMatrix(new SampleCovariance().estimate(r), new FactoredSampleCovariance().estimate(r), 1e-13);
    }

    @Test
    void ewma_covariance_matches_pandas() {
        // pandas 3.0.6: pd.DataFrame(r).ewm(alpha=0.1, adjust=True).cov(bias=True).loc[5] (λ = 0.9)
        double[][] r = {{0.010, -0.004, 0.002}, {-0.007, 0.012, 0.001}, {0.003, 0.005, -0.009},
                        {0.015, -0.011, 0.004}, {-0.002, 0.006, 0.007}, {0.008, 0.001, -0.003}};
        double[][] expected = {
                {5.244264014825969e-05, -5.020474132413638e-05, -1.9067812004632958e-06},
                {-5.020474132413638e-05, 5.210313550901518e-05, -7.0581773176676265e-06},
                {-1.9067812004632958e-06, -7.0581773176676265e-06, 2.71946902283128e-05}};
        assertSameMatrix(expected, new FactoredEwmaCovariance(0.9).estimate(r), 1e-12);
    }

    @Test
    void ewma_missing_return_adds_no_deviation_and_unobserved_assets_get_the_average_variance() {
        double nan = Double.NaN;
        double[][] withGap = {{0.01, 0.02, nan}, {nan, -0.01, nan}, {0.03, 0.00, nan}, {-0.02, 0.01, nan}};
        double lambda = 0.8;
        // the weighted mean of asset 0 over its finite days (weights λ^(T−1−t) of days 0, 2, 3)
        double w0 = Math.pow(lambda, 3);
        double w2 = lambda;
        double w3 = 1;
        double mean = (w0 * 0.01 + w2 * 0.03 + w3 * -0.02) / (w0 + w2 + w3);
        double[][] imputed = {{0.01, 0.02, nan}, {mean, -0.01, nan}, {0.03, 0.00, nan}, {-0.02, 0.01, nan}};
        double[][] a = new FactoredEwmaCovariance(lambda).estimate(withGap);
        double[][] b = new FactoredEwmaCovariance(lambda).estimate(imputed);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(a[i][j]).isCloseTo(b[i][j], within(1e-18));
            }
        }
        assertThat(a[2][2]).isCloseTo((a[0][0] + a[1][1]) / 2, within(1e-18));
        assertThat(a[2][0]).isZero();
    }

    @Test
    void factored_products_match_the_dense_matrix() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 9;
        int k = 4;
        double[] d = new double[n];
        double[][] b = new double[n][k];
        double[] omega = {0.5, 1.0, 2.0, -0.01}; // a small negative weight, as δ·r̄ with r̄ < 0
        for (int i = 0; i < n; i++) {
            d[i] = 0.1 + random.nextDouble();
            for (int l = 0; l < k; l++) {
                b[i][l] = random.nextGaussian();
            }
        }
        FactoredCovariance f = new FactoredCovariance(d, b, omega);
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = i == j ? d[i] : 0.0;
                for (int l = 0; l < k; l++) {
                    v += b[i][l] * omega[l] * b[j][l];
                }
                dense[i][j] = v;
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextGaussian();
        }
        double[] fw = new double[n];
        double[] dw = new double[n];
        f.multiply(w, fw);
        CovarianceMatrix.dense(dense).multiply(w, dw);
        for (int i = 0; i < n; i++) {
            assertThat(fw[i]).isCloseTo(dw[i], within(1e-12));
            assertThat(f.get(i, (i + 3) % n)).isCloseTo(dense[i][(i + 3) % n], within(1e-12));
        }
        assertThat(f.quadraticForm(w)).isCloseTo(CovarianceMatrix.dense(dense).quadraticForm(w), within(1e-11));
        assertSameMatrix(dense, f.toArray(), 1e-14);
    }
}
