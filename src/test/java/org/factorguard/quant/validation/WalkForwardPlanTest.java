package org.factorguard.quant.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {

    @Test
    void expanding_window_is_anchored_and_grows_by_one_step_per_fold() {
        WalkForwardPlan plan = WalkForwardPlan.over(WalkForwardSettings.expanding(500, 60, 63, 5), 0, 1000);
        List<WalkForwardSplit> folds = plan.folds();

        WalkForwardSplit first = folds.getFirst();
        assertThat(first.trainStart()).isZero();
        assertThat(first.trainingDays()).isEqualTo(500);
        assertThat(first.validationStart()).isEqualTo(505);
        assertThat(first.validationEnd()).isEqualTo(565);
        assertThat(first.testStart()).isEqualTo(570);
        for (int f = 1; f < folds.size(); f++) {
            assertThat(folds.get(f).trainStart()).isZero();
            assertThat(folds.get(f).trainingDays()).isEqualTo(folds.get(f - 1).trainingDays() + 63);
            assertThat(folds.get(f).testStart()).isEqualTo(folds.get(f - 1).testEnd());
        }
        assertThat(folds.getLast().testEnd()).isEqualTo(1000);
        assertThat(folds).hasSize(7); // 570..1000 = 430 days = 6 full quarters + a 52-day stub
        assertThat(folds.getLast().testDays()).isEqualTo(52);
    }

    @Test
    void rolling_window_keeps_its_length_and_respects_purge_and_embargo() {
        WalkForwardSettings settings = WalkForwardSettings.rolling(250, 0, 21, 10).withPurgeAndEmbargo(12, 3);
        WalkForwardPlan plan = WalkForwardPlan.over(settings, 0, 600);

        for (WalkForwardSplit fold : plan.folds()) {
            assertThat(fold.trainingDays()).isEqualTo(250);
            assertThat(fold.hasValidation()).isFalse();
            assertThat(fold.testStart() - fold.trainEnd()).isEqualTo(15);
            assertThat(fold.trainEnd() - 1 + fold.horizon()).isLessThan(fold.testStart());
        }
        assertThat(plan.firstTestDay()).isEqualTo(265);
    }

    @Test
    void look_back_delays_the_first_usable_training_day() {
        WalkForwardPlan plan = WalkForwardPlan.over(WalkForwardSettings.expanding(100, 0, 50, 1).withLookback(20), 0,
                400);

        assertThat(plan.folds().getFirst().trainStart()).isEqualTo(19);
        assertThat(plan.folds().getFirst().trainingDays()).isEqualTo(100);
    }

    @Test
    void a_later_first_test_start_is_honoured() {
        WalkForwardPlan plan = WalkForwardPlan.over(
                WalkForwardSettings.expanding(100, 0, 50, 1).withFirstTestStart(300),
                0, 400);

        assertThat(plan.folds()).hasSize(2);
        assertThat(plan.folds().getFirst().trainingDays()).isEqualTo(299);
    }

    @Test
    void not_enough_data_for_one_fold_is_refused() {
        assertThatThrownBy(() -> WalkForwardPlan.over(WalkForwardSettings.expanding(252, 63, 63, 5), 0, 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not enough data for one fold");
    }

    @Test
    void look_back_longer_than_the_data_is_refused() {
        assertThatThrownBy(() -> WalkForwardPlan.over(WalkForwardSettings.expanding(100, 0, 10, 1).withLookback(60), 0,
                50))
                .hasMessageContaining("look-back of 60 days is longer than the 50 days of data");
        assertThatThrownBy(() -> WalkForwardSettings.expanding(10, 0, 10, 1).withLookback(20))
                .hasMessageContaining("longer than the training window");
    }

    @Test
    void zero_length_windows_are_refused() {
        assertThatThrownBy(() -> WalkForwardSettings.expanding(0, 0, 10, 1)).hasMessageContaining("training window");
        assertThatThrownBy(() -> WalkForwardSettings.expanding(10, 0, 0, 1)).hasMessageContaining("test slice");
        assertThatThrownBy(() -> WalkForwardPlan.over(WalkForwardSettings.expanding(10, 0, 5, 1), 50, 50))
                .hasMessageContaining("empty");
    }

    @Test
    void a_first_test_start_without_enough_history_is_refused() {
        assertThatThrownBy(() -> WalkForwardPlan.over(
                WalkForwardSettings.expanding(100, 0, 10, 5).withFirstTestStart(80),
                0, 400))
                .hasMessageContaining("can start on day 105 at the earliest");
    }

    @Test
    void purge_below_the_horizon_is_refused_in_settings() {
        assertThatThrownBy(() -> WalkForwardSettings.expanding(100, 0, 10, 5).withPurgeAndEmbargo(2, 0))
                .hasMessageContaining("shorter than the label horizon");
    }
}
