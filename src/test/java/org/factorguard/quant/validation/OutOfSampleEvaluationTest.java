package org.factorguard.quant.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutOfSampleEvaluationTest {

    @Test
    void perfect_predictions_have_unit_ic_zero_error_and_full_hit_rate() {
        double[][] labels = {{0.01, -0.02, 0.03, -0.01}, {0.02, 0.01, -0.03, 0.00}};
        float[][] predictions = new float[2][4];
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 4; i++) {
                predictions[t][i] = (float) labels[t][i];
            }
        }

        OutOfSampleMetrics m = OutOfSampleEvaluation.evaluate(predictions, labels, 0, 2);

        assertThat(m.ic()).isCloseTo(1, within(1e-6));
        assertThat(m.rankIc()).isCloseTo(1, within(1e-12));
        assertThat(m.mse()).isCloseTo(0, within(1e-12));
        assertThat(m.hitRate()).isEqualTo(1.0); // the zero label is not counted
        assertThat(m.observations()).isEqualTo(8);
    }

    @Test
    void metrics_match_a_hand_computed_example() {
        // day 0: ranks of predictions (1,2,3) vs labels (1,3,2): Spearman = 1 − 6·2/(3·8) = 0.5
        // day 1: predictions reverse the labels: IC = Rank IC = −1
        double[][] labels = {{1, 3, 2}, {1, 2, 3}};
        float[][] predictions = {{1, 2, 3}, {3, 2, 1}};

        OutOfSampleMetrics m = OutOfSampleEvaluation.evaluate(predictions, labels, 0, 2);

        assertThat(m.dailyRankIc()).containsExactly(0.5, -1.0);
        assertThat(m.dailyIc()[0]).isCloseTo(0.5, within(1e-12)); // Pearson of (1,2,3),(1,3,2)
        assertThat(m.rankIc()).isCloseTo(-0.25, within(1e-12));
        // ICIR = mean / sample sd = −0.25 / sqrt(((0.75)² + (0.75)²)/1)
        assertThat(m.rankIcir()).isCloseTo(-0.25 / Math.sqrt(2 * 0.75 * 0.75), within(1e-12));
        // squared errors: day 0: 0,1,1; day 1: 4,0,4 → 10/6
        assertThat(m.mse()).isCloseTo(10.0 / 6, within(1e-12));
        assertThat(m.hitRate()).isEqualTo(1.0); // every value positive
    }

    @Test
    void missing_values_are_skipped_and_thin_days_have_no_ic() {
        double[][] labels = {{0.1, Double.NaN, -0.1, 0.2}, {0.1, 0.2, Double.NaN, Double.NaN}};
        float[][] predictions = {{0.1f, 0.3f, Float.NaN, 0.1f}, {-0.1f, 0.2f, 0.1f, 0.1f}};

        OutOfSampleMetrics m = OutOfSampleEvaluation.evaluate(predictions, labels, 0, 2);

        assertThat(m.observations()).isEqualTo(4);
        assertThat(m.dailyIc()[0]).isNaN(); // two pairs only
        assertThat(m.days()).isZero();
        assertThat(m.hitRate()).isEqualTo(0.75);
    }
}
