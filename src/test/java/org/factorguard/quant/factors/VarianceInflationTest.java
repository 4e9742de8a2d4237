package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarianceInflationTest {

    @Test
    void a_near_linear_combination_has_a_huge_vif() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] rows = new double[2000][3];
        for (double[] row : rows) {
            row[0] = RandomWalkMarket.gaussian(random);
            row[1] = RandomWalkMarket.gaussian(random);
            row[2] = row[0] + row[1] + 0.01 * RandomWalkMarket.gaussian(random);
        }
        double[] vif = VarianceInflation.of(rows);
        // R² of x3 on x1, x2 is about 2 / (2 + 1e-4): VIF about 2e4
        assertThat(vif[2]).isGreaterThan(5_000);
        assertThat(vif[0]).as("x1 is x3 - x2 up to noise").isGreaterThan(5_000);
    }

    @Test
    void independent_columns_have_vif_about_one() {
        SplittableRandom random = new SplittableRandom(12);
        double[][] rows = new double[5000][4];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = RandomWalkMarket.gaussian(random);
            }
        }
        for (double v : VarianceInflation.of(rows)) {
            assertThat(v).isCloseTo(1.0, within(0.01));
        }
    }

    @Test
    void two_columns_with_known_correlation_have_vif_one_over_one_minus_r_squared() {
        // x2 = x1 + e with var(x1) = var(e): corr = 1/sqrt(2), R² = 0.5, VIF = 2
        SplittableRandom random = new SplittableRandom(13);
        double[][] rows = new double[20000][2];
        for (double[] row : rows) {
            row[0] = RandomWalkMarket.gaussian(random);
            row[1] = row[0] + RandomWalkMarket.gaussian(random);
        }
        for (double v : VarianceInflation.of(rows)) {
            assertThat(v).isCloseTo(2.0, within(0.05));
        }
    }

    @Test
    void an_exact_copy_gives_infinite_vif_and_too_few_rows_give_nan() {
        double[][] rows = {{1, 1, 3}, {2, 2, 1}, {3, 3, 4}, {4, 4, 1}, {5, 5, 5}};
        assertThat(VarianceInflation.of(rows)[0]).isInfinite();
        assertThat(VarianceInflation.of(new double[][] {{1, 2, 3}, {2, 3, 1}})).containsOnly(Double.NaN);
    }
}
