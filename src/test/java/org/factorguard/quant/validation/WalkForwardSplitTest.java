package org.factorguard.quant.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalkForwardSplitTest {

    @Test
    void leak_free_fold_is_accepted() {
        WalkForwardSplit split = new WalkForwardSplit(0, 100, 105, 125, 130, 160, 5, 5, 0);

        assertThat(split.hasValidation()).isTrue();
        assertThat(split.trainingDays()).isEqualTo(100);
        assertThat(split.testDays()).isEqualTo(30);
        // the last training label spans days 99..104, strictly before validation starts on day 105
        assertThat(split.trainEnd() - 1 + split.horizon()).isLessThan(split.validationStart());
        assertThat(split.validationEnd() - 1 + split.horizon()).isLessThan(split.testStart());
    }

    @Test
    void purge_shorter_than_the_label_horizon_is_rejected() {
        assertThatThrownBy(() -> new WalkForwardSplit(0, 100, 110, 130, 140, 160, 5, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purge of 4 days is shorter than the label horizon of 5");
    }

    @Test
    void training_labels_reaching_into_validation_are_rejected() {
        // day 99's 5-day label ends on day 104 = validation start
        assertThatThrownBy(() -> new WalkForwardSplit(0, 100, 104, 125, 130, 160, 5, 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaky fold")
                .hasMessageContaining("last training label");
    }

    @Test
    void validation_labels_reaching_into_the_test_are_rejected() {
        assertThatThrownBy(() -> new WalkForwardSplit(0, 100, 105, 125, 128, 160, 5, 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last validation label");
    }

    @Test
    void training_labels_reaching_into_the_test_are_rejected_without_validation() {
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(0, 100, 100, 150, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the test starts on day 100");
    }

    @Test
    void test_before_training_is_rejected() {
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(100, 200, 0, 50, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaky fold");
    }

    @Test
    void embargo_gap_is_enforced() {
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(0, 100, 102, 150, 1, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purge + embargo gap of 6 days");
        assertThat(WalkForwardSplit.withoutValidation(0, 100, 106, 150, 1, 1, 5).testStart()).isEqualTo(106);
    }

    @Test
    void empty_windows_are_rejected() {
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(10, 10, 20, 30, 1, 1, 0))
                .hasMessageContaining("training window");
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(0, 10, 20, 20, 1, 1, 0))
                .hasMessageContaining("test window");
        assertThatThrownBy(() -> WalkForwardSplit.withoutValidation(0, 10, 20, 30, 0, 1, 0))
                .hasMessageContaining("horizon");
    }
}
