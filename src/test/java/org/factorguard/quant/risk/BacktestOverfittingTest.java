package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestOverfittingTest {

    /**
     * Vector: src/test/reference/statistics_vectors.py, block "BacktestOverfittingTest", which runs the algorithm
     * of pypbo's {@code pbo(M, S, metric_func=sharpe, threshold=0)} (first T mod S rows dropped, scipy rankdata,
     * ω̄ = rank/(N + 1), scipy linregress of OOS on IS Sharpe ratios).
     */
    @Test
    void matches_the_pypbo_algorithm() {
        ReferenceSeries rs = new ReferenceSeries(41);
        double[][] m = new double[67][6];
        for (int t = 0; t < 67; t++) {
            for (int c = 0; c < 6; c++) {
                m[t][c] = 0.01 * rs.gaussian() + 0.0005 * c;
            }
        }
        BacktestOverfitting.Result r = BacktestOverfitting.cscv(m, 8);
        assertThat(r.combinations()).isEqualTo(70);
        assertThat(r.observationsUsed()).isEqualTo(64);
        assertThat(r.probability()).isCloseTo(0.08571428571428572, within(1e-15));
        assertThat(r.degradationSlope()).isCloseTo(-0.5800971471958991, within(1e-10));
        assertThat(r.degradationIntercept()).isCloseTo(0.6284841553751159, within(1e-10));
        assertThat(r.probabilityOfLoss()).isCloseTo(0.12857142857142856, within(1e-15));
        assertThat(r.logits()[0]).isCloseTo(0.9162907318741551, within(1e-12));
        assertThat(r.logits()[1]).isCloseTo(1.7917594692280545, within(1e-12));
    }

    /**
     * Without skill the in-sample winner's out-of-sample rank is uniform on 1…N, so with N = 10 the logit is ≤ 0
     * with probability 5/10. One data set's 70 combinations are strongly dependent (its PBO varies widely between
     * data sets), so the mean over 20 independent data sets is checked: its standard error is at most
     * 0.5/√20 = 0.11, and [0.25, 0.75] is more than two of them either side of 0.5.
     */
    @Test
    void pure_noise_configurations_overfit_about_half_the_time() {
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int set = 0; set < 20; set++) {
            double[][] m = new double[400][10];
            for (double[] row : m) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = 0.01 * random.nextGaussian();
                }
            }
            sum += BacktestOverfitting.cscv(m, 8).probability();
        }
        assertThat(sum / 20).isBetween(0.25, 0.75);
    }

    @Test
    void one_truly_better_configuration_is_not_overfit() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] m = new double[1000][10];
        for (double[] row : m) {
            for (int c = 0; c < row.length; c++) {
                row[c] = 0.01 * random.nextGaussian() + (c == 7 ? 0.002 : 0.0);
            }
        }
        BacktestOverfitting.Result r = BacktestOverfitting.cscv(m, 8);
        assertThat(r.probability()).isLessThan(0.05);
        assertThat(r.probabilityOfLoss()).isLessThan(0.05);
    }

    @Test
    void s_must_be_even() {
        assertThatThrownBy(() -> BacktestOverfitting.cscv(new double[40][3], 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
