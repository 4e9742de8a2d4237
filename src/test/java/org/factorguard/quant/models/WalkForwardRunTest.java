package org.factorguard.quant.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSettings;
import org.junit.jupiter.api.Test;

class WalkForwardRunTest {

    private static final int HORIZON = 2;
    private static final int LOOKBACK = 4;
    private final SyntheticFactorData data = SyntheticFactorData.generate(2, 200, 10,
            (x, t, i) -> t >= 1 ? 0.004 * x[0][t][i] + 0.003 * x[1][t - 1][i] * x[0][t][i] : 0, 0.01, 99L);
    private final WalkForwardPlan plan = WalkForwardPlan.over(
            WalkForwardSettings.expanding(80, 15, 30, HORIZON).withLookback(LOOKBACK), 0, 200);

    private static final ReturnModel LINEAR = new LinearFactorModel(LinearModelSettings.defaults());
    private static final ReturnModel LSTM = new LstmReturnModel(new LstmModelSettings(LstmImplementation.DL4J, LOOKBACK,
            1, 300, 100, FeatureScaling.defaults(), new LstmSettings(1, 4, 0, 1e-5, 0.01, 100, 2, 1, 3L)));

    private WalkForwardResult run(ReturnModel model, SyntheticFactorData input) {
        return WalkForwardRun.run(model, input.panel(), input.labels(HORIZON), plan, WalkForwardListener.NONE,
                CancellationToken.NEVER);
    }

    @Test
    void plan_of_this_test_has_several_purged_folds() {
        assertThat(plan.folds()).hasSize(4);
        assertThat(plan.firstTestDay()).isEqualTo(3 + 80 + 2 + 15 + 2);
    }

    @Test
    void linear_model_stitches_out_of_sample_predictions_of_every_fold() {
        WalkForwardResult result = run(LINEAR, data);

        assertThat(result.folds()).hasSize(4);
        for (int t = 0; t < 200; t++) {
            boolean tested = t >= plan.firstTestDay();
            assertThat(Float.isNaN(result.predictions()[t][0])).as("day %d", t).isEqualTo(!tested);
        }
        assertThat(result.overall().rankIc()).isPositive();
        assertThat(result.folds().getFirst().fit()).isInstanceOf(org.factorguard.quant.models.linear.LinearFit.class);
        assertThat(result.folds().getFirst().testMetrics().observations()).isEqualTo(30 * 10);
    }

    @Test
    void changing_data_after_day_t_changes_no_linear_prediction_at_or_before_t() {
        assertNoLookAhead(LINEAR, new int[]{plan.firstTestDay(), 140, 161, 175});
    }

    @Test
    void changing_data_after_day_t_changes_no_lstm_prediction_at_or_before_t() {
        WalkForwardResult original = assertNoLookAhead(LSTM, new int[]{115, 161});

        assertThat(original.folds().getFirst().trainingCurves()).hasSize(1);
        assertThat(original.folds().getFirst().trainingCurves().getFirst().epochs()).isNotEmpty();
    }

    @Test
    void each_fold_fits_and_predicts_on_its_own_factors_and_the_linear_fit_names_them() {
        List<List<String>> inputs = List.of(List.of("f0"), List.of("f0", "f1"), List.of("f1"), List.of("f1", "f0"));
        FactorPanel panel = data.panel();
        for (ReturnModel model : List.of(LINEAR, LSTM)) {
            WalkForwardResult result = WalkForwardRun.run(model, panel, data.labels(HORIZON), plan.folds(), inputs,
                    WalkForwardListener.NONE, CancellationToken.NEVER);
            for (int f = 0; f < inputs.size(); f++) {
                assertThat(result.folds().get(f).factors()).isEqualTo(inputs.get(f));
                WalkForwardResult alone = WalkForwardRun.run(model, panel.select(inputs.get(f)),
                        data.labels(HORIZON), List.of(plan.folds().get(f)), WalkForwardListener.NONE,
                        CancellationToken.NEVER);
                for (int t = plan.folds().get(f).testStart(); t < plan.folds().get(f).testEnd(); t++) {
                    assertThat(result.predictions()[t]).as("%s fold %d day %d", model.name(), f, t)
                            .containsExactly(alone.predictions()[t]);
                }
            }
            if (model == LINEAR) {
                for (int f = 0; f < inputs.size(); f++) {
                    org.factorguard.quant.models.linear.LinearFit fit =
                            (org.factorguard.quant.models.linear.LinearFit) result.folds().get(f).fit();
                    assertThat(fit.factorNames()).isEqualTo(inputs.get(f));
                    assertThat(fit.beta()).hasSize(inputs.get(f).size());
                }
            }
        }
    }

    private WalkForwardResult assertNoLookAhead(ReturnModel model, int[] days) {
        WalkForwardResult original = run(model, data);
        List<Integer> changedLater = new ArrayList<>();
        for (int day : days) {
            WalkForwardResult perturbed = run(model, data.perturbedAfter(day, 1000L + day));
            for (int t = 0; t <= day; t++) {
                assertThat(perturbed.predictions()[t]).as("prediction on day %d after changing data after day %d", t,
                        day)
                        .containsExactly(original.predictions()[t]);
            }
            boolean anyLaterChange = false;
            for (int t = day + 1; t < 200; t++) {
                anyLaterChange |= !Arrays.equals(perturbed.predictions()[t], original.predictions()[t]);
            }
            if (anyLaterChange) {
                changedLater.add(day);
            }
        }
        assertThat(changedLater).as("the perturbation must matter after day t").containsExactly(
                Arrays.stream(days).boxed().toArray(Integer[]::new));
        return original;
    }
}
