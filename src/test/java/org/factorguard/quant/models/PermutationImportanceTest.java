package org.factorguard.quant.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.FittedLstmEnsemble;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSettings;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

    // Next-day return = 0.01·f0 + noise; f1 and f2 are pure noise.
    private final SyntheticFactorData data = SyntheticFactorData.generate(3, 400, 60,
            (x, t, i) -> 0.01 * x[0][t][i], 0.01, 5L);
    private final FactorPanel panel = data.panel();
    private final double[][] labels = data.labels(1);
    private static final ImportanceSettings FORTY_DAYS = new ImportanceSettings(3, 40, 42L, List.of(5, 20));
    private final WalkForwardSplit split = WalkForwardSplit.withoutValidation(0, 250, 251, 400, 1, 1, 0);

    @Test
    void the_factor_that_drives_returns_has_the_largest_importance_for_the_linear_model() {
        FittedReturnModel linear = new LinearFactorModel(LinearModelSettings.defaults())
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
        FoldImportance fold = PermutationImportance.measure(linear, panel, labels, split,
                ImportanceSettings.defaults().withMaxDays(0));

        assertThat(fold.evaluatedDays()).isEqualTo(148);
        assertThat(fold.baselineRankIc()).isGreaterThan(0.5);
        FoldImportance.Score driver = fold.factors().get(0);
        assertThat(driver.name()).isEqualTo("f0");
        // permuting the only informative factor takes the Rank IC to about 0 and raises the MSE
        assertThat(driver.rankIcDrop()).isCloseTo(fold.baselineRankIc(), within(0.05));
        assertThat(driver.mseIncrease()).isGreaterThan(0.5 * 0.01 * 0.01);
        for (FoldImportance.Score noise : fold.factors().subList(1, 3)) {
            assertThat(Math.abs(noise.rankIcDrop())).isLessThan(0.01);
            assertThat(Math.abs(noise.mseIncrease())).isLessThan(0.01 * driver.mseIncrease());
        }
        assertThat(fold.blocks()).isEmpty();
    }

    @Test
    void an_input_the_model_ignores_scores_exactly_zero_and_blocks_show_which_days_it_reads() {
        SequenceInputModel recentF0 = new SumOfRecentSteps(20, 5);
        FoldImportance fold = PermutationImportance.measure(recentF0, panel, labels, 260, 400, FORTY_DAYS);

        assertThat(fold.evaluatedDays()).isEqualTo(40);
        assertThat(fold.blocks()).extracting(FoldImportance.TimeBlock::label)
                .containsExactly("days 1–5", "days 6–20");
        assertThat(fold.baselineRankIc()).isGreaterThan(0.2);
        assertThat(fold.factors().get(0).rankIcDrop()).isCloseTo(fold.baselineRankIc(), within(0.05));
        assertThat(fold.factors().get(1).rankIcDrop()).isZero();
        assertThat(fold.factors().get(2).mseIncrease()).isZero();
        assertThat(fold.blockScores().get(0).rankIcDrop()).isCloseTo(fold.baselineRankIc(), within(0.05));
        assertThat(fold.blockScores().get(1).rankIcDrop()).isZero();
        assertThat(fold.blockScores().get(1).rankIcDropSd()).isZero();
    }

    @Test
    void the_same_seed_repeats_the_result_and_another_seed_moves_it_within_the_repeat_spread() {
        SequenceInputModel recentF0 = new SumOfRecentSteps(20, 5);
        ImportanceSettings settings = FORTY_DAYS;
        FoldImportance first = PermutationImportance.measure(recentF0, panel, labels, 260, 400, settings);
        FoldImportance again = PermutationImportance.measure(recentF0, panel, labels, 260, 400, settings);
        FoldImportance other = PermutationImportance.measure(recentF0, panel, labels, 260, 400,
                settings.withSeed(7));

        assertThat(again.factors()).isEqualTo(first.factors());
        assertThat(other.factors().get(0).rankIcDrop()).isNotEqualTo(first.factors().get(0).rankIcDrop())
                .isCloseTo(first.factors().get(0).rankIcDrop(), within(0.05));
    }

    @Test
    void a_trained_lstm_relies_on_the_factor_that_drives_returns() {
        LstmModelSettings settings = new LstmModelSettings(LstmImplementation.FAST, 5, 1, 6_000, 0,
                FeatureScaling.defaults(), new LstmSettings(1, 8, 0, 1e-5, 0.01, 128, 4, 0, 3L));
        FittedLstmEnsemble lstm = new LstmReturnModel(settings)
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
        FoldImportance fold = PermutationImportance.measure(lstm, panel, labels, split,
                ImportanceSettings.defaults().withBlockLags(List.of(1)));

        assertThat(fold.baselineRankIc()).isGreaterThan(0.3);
        assertThat(fold.factors().get(0).rankIcDrop()).isGreaterThan(0.2);
        assertThat(fold.factors().get(1).rankIcDrop()).isLessThan(0.05);
        assertThat(fold.factors().get(2).rankIcDrop()).isLessThan(0.05);
        // returns depend on the prediction day's f0 only: the older steps matter far less than the last one
        assertThat(fold.blocks()).extracting(FoldImportance.TimeBlock::label).containsExactly("day 1", "days 2–5");
        assertThat(fold.blockScores().get(0).rankIcDrop())
                .isGreaterThan(4 * Math.abs(fold.blockScores().get(1).rankIcDrop()));
    }

    @Test
    void the_lstm_seam_predicts_exactly_what_forecast_predicts() {
        LstmModelSettings settings = new LstmModelSettings(LstmImplementation.FAST, 5, 2, 2_000, 0,
                FeatureScaling.defaults(), new LstmSettings(1, 4, 0, 1e-5, 0.01, 128, 1, 0, 3L));
        FittedLstmEnsemble lstm = new LstmReturnModel(settings)
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
        SequenceInputModel.Samples samples = lstm.inputs(panel, 300, 303);
        float[] direct = lstm.predictSequences(samples.batch());
        float[][] forecast = lstm.predict(panel, 300, 303);
        for (int s = 0; s < direct.length; s++) {
            assertThat(direct[s]).isEqualTo(forecast[samples.days()[s] - 300][samples.instruments()[s]]);
        }
        assertThat(direct).hasSize(3 * 60);
    }

    @Test
    void a_walk_forward_listener_measures_every_fold_and_the_summary_averages_them() {
        WalkForwardPlan plan = WalkForwardPlan.over(WalkForwardSettings.expanding(150, 20, 50, 1), 0, 400);
        List<FoldImportance> folds = new ArrayList<>();
        WalkForwardRun.run(new LinearFactorModel(LinearModelSettings.defaults()), panel, labels, plan,
                new WalkForwardListener() {
                    @Override
                    public void onFoldFitted(int fold, WalkForwardSplit split, FittedReturnModel model) {
                        folds.add(PermutationImportance.measure(model, panel, labels, split,
                                ImportanceSettings.defaults()));
                    }
                }, CancellationToken.NEVER);
        ImportanceSummary summary = ImportanceSummary.of(folds);

        assertThat(summary.folds()).isEqualTo(plan.folds().size()).isGreaterThan(2);
        assertThat(folds.getFirst().fromDay()).isEqualTo(plan.folds().getFirst().testStart());
        ImportanceSummary.Aggregate driver = summary.factors().getFirst();
        assertThat(driver.rankIcDropByFold()).hasSize(summary.folds());
        assertThat(driver.meanRankIcDrop()).isGreaterThan(0.5)
                .isGreaterThan(10 * Math.abs(summary.factors().get(1).meanRankIcDrop()));
        assertThat(driver.foldSdRankIcDrop()).isPositive().isLessThan(0.1);
    }

    @Test
    void a_cancelled_measurement_stops_before_the_next_prediction() {
        SequenceInputModel recentF0 = new SumOfRecentSteps(20, 5);
        int[] checks = new int[1];
        CancellationToken afterThree = () -> ++checks[0] > 3;
        assertThatThrownBy(() -> PermutationImportance.measure(recentF0, panel, labels, split, FORTY_DAYS,
                afterThree)).isInstanceOf(TrainingCancelledException.class);
        assertThat(checks[0]).isEqualTo(4);
    }

    @Test
    void evaluated_days_are_spread_evenly_over_the_days_with_labels() {
        int[] days = PermutationImportance.evaluatedDays(labels, 300, 400, 4);
        assertThat(days).containsExactly(300, 324, 349, 374);
        assertThat(PermutationImportance.evaluatedDays(labels, 390, 400, 0))
                .as("the last day has no next-day label").hasSize(9);
    }

    @Test
    void blocks_cover_the_look_back_and_a_single_block_is_dropped() {
        assertThat(PermutationImportance.blocks(List.of(5, 20), 30)).containsExactly(
                new FoldImportance.TimeBlock(0, 4), new FoldImportance.TimeBlock(5, 19),
                new FoldImportance.TimeBlock(20, 29));
        assertThat(PermutationImportance.blocks(List.of(5, 20), 20)).hasSize(2);
        assertThat(PermutationImportance.blocks(List.of(5, 20), 3)).isEmpty();
    }

    @Test
    void across_folds_the_summary_gives_the_mean_and_the_spread_between_folds() {
        FoldImportance a = fold(0.10, 0.002, 0.0);
        FoldImportance b = fold(0.04, 0.001, 0.02);
        ImportanceSummary summary = ImportanceSummary.of(List.of(a, b));
        ImportanceSummary.Aggregate f0 = summary.factors().get(0);
        assertThat(f0.meanRankIcDrop()).isCloseTo(0.07, within(1e-15));
        assertThat(f0.foldSdRankIcDrop()).isCloseTo(Math.sqrt(2 * 0.03 * 0.03), within(1e-15));
        assertThat(f0.meanMseIncrease()).isCloseTo(0.0015, within(1e-15));
        assertThat(f0.rankIcDropByFold()).containsExactly(0.10, 0.04);
        assertThat(summary.blocks().get(0).name()).isEqualTo("days 1–5");
        assertThat(summary.blocks().get(0).meanRankIcDrop()).isCloseTo(0.01, within(1e-15));
        assertThat(summary.elapsedNanos()).isEqualTo(20);
    }

    private static FoldImportance fold(double icDrop, double mse, double blockDrop) {
        return new FoldImportance(0, 10, 10, 3, 0.1, 0.01,
                List.of(new FoldImportance.Score("f0", icDrop, 0, mse, 0)),
                List.of(new FoldImportance.TimeBlock(0, 4)),
                List.of(new FoldImportance.Score("x", blockDrop, 0, 0, 0)), 10);
    }

    /** A sequence model whose prediction is the sum of factor 0 over the last {@code recent} days. */
    private record SumOfRecentSteps(int lookback, int recent) implements SequenceInputModel {

        @Override
        public Samples inputs(FactorPanel panel, int fromDay, int toDay) {
            int n = panel.instrumentCount();
            int features = panel.factorCount();
            int size = (toDay - fromDay) * n;
            int[] days = new int[size];
            int[] instruments = new int[size];
            float[] x = new float[size * lookback * features];
            int s = 0;
            for (int t = fromDay; t < toDay; t++) {
                for (int i = 0; i < n; i++, s++) {
                    days[s] = t;
                    instruments[s] = i;
                    for (int step = 0; step < lookback; step++) {
                        int day = Math.max(0, t - lookback + 1 + step);
                        for (int k = 0; k < features; k++) {
                            x[(s * lookback + step) * features + k] = panel.value(k, day, i);
                        }
                    }
                }
            }
            return new Samples(days, instruments, new SequenceBatch(size, lookback, features, x, null));
        }

        @Override
        public float[] predictSequences(SequenceBatch batch) {
            float[] out = new float[batch.size()];
            for (int s = 0; s < out.length; s++) {
                for (int step = lookback - recent; step < lookback; step++) {
                    out[s] += batch.x(s, step, 0);
                }
            }
            return out;
        }

        @Override
        public ModelFit fit() {
            return () -> 0;
        }

        @Override
        public Forecast forecast(FactorPanel panel, int fromDay, int toDay) {
            Samples samples = inputs(panel, fromDay, toDay);
            float[] p = predictSequences(samples.batch());
            float[][] out = new float[toDay - fromDay][panel.instrumentCount()];
            for (int s = 0; s < p.length; s++) {
                out[samples.days()[s] - fromDay][samples.instruments()[s]] = p[s];
            }
            return new Forecast(fromDay, out, null);
        }
    }
}
