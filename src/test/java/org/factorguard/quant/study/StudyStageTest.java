package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The progress bar's stage weights: they add up to 100 and lead from 0 % to 100 % in stage order. */
class StudyStageTest {

    @Test
    void weights_add_up_to_one_hundred_percent() {
        assertThat(Arrays.stream(StudyStage.values()).mapToInt(StudyStage::weight).sum()).isEqualTo(100);
        assertThat(StudyStage.values()).allSatisfy(stage -> assertThat(stage.weight()).isPositive());
    }

    @Test
    void overall_percent_runs_from_zero_to_one_hundred_in_stage_order() {
        StudyStage[] stages = StudyStage.values();
        assertThat(stages[0].overallPercent(0)).isZero();
        assertThat(stages[stages.length - 1].overallPercent(1)).isEqualTo(100.0);
        for (int k = 1; k < stages.length; k++) {
            assertThat(stages[k].overallPercent(0)).isEqualTo(stages[k - 1].overallPercent(1));
        }
        // the LSTM walk-forward dominates the default study's time, so it holds most of the bar
        assertThat(StudyStage.LSTM.weight()).isGreaterThan(50);
        assertThat(StudyStage.LSTM.overallPercent(0.5)).isEqualTo(StudyStage.LSTM.overallPercent(0)
                + StudyStage.LSTM.weight() / 2.0);
    }
}
