package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Results stored before per-fold factor selection and the LSTM search existed still read, as what they were. */
class StudyResultCompatibilityTest {

    @Test
    void a_result_written_before_factor_selection_reads_with_hand_picked_factors_and_one_configuration_per_fold()
            throws Exception {
        // Written by the study code at commit 1889803 (a 12-stock, 3-year synthetic study) before this change.
        String old = StudyConfigJsonTest.resource("before-selection/study-result-small.json");
        assertThat(old).doesNotContain("factorSelection").doesNotContain("configurationsEvaluated");

        StudyResult read = StudyResultJson.read(old);

        assertThat(read.factorSelection().mode()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(read.factorSelection().outOfSample()).isFalse();
        assertThat(read.factorSelection().folds()).isEmpty();
        assertThat(read.config().factorSelection().mode()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertFoldsWithoutSelectionAndStable(read);
    }

    @Test
    void a_method_three_result_written_by_main_reads_with_the_selection_not_recorded() throws Exception {
        // SmallStudy's result as written by main at 41237a1 (method version 3), before per-fold selection existed
        String old;
        try (var in = new java.util.zip.GZIPInputStream(StudyResultCompatibilityTest.class.getResourceAsStream(
                "before-selection/study-result-method-3.json.gz"))) {
            old = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(old).contains("\"methodVersion\":3").doesNotContain("factorSelection")
                .doesNotContain("configurationsEvaluated");

        StudyResult read = StudyResultJson.read(old);

        assertThat(read.methodVersion()).isEqualTo(3);
        assertThat(read.dataTreatment()).isNotNull();
        assertThat(read.factorSelection()).isEqualTo(StudyResult.FactorSelection.notRecorded());
        assertThat(read.config().factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(false));
        assertThat(read.significance().trialCount().gridConfigurations()).isZero();
        assertFoldsWithoutSelectionAndStable(read);
    }

    /** Every fold of a result without per-fold selection: no factors, one configuration, no LSTM choice; stable. */
    private static void assertFoldsWithoutSelectionAndStable(StudyResult read) {
        assertThat(read.models()).isNotEmpty().allSatisfy(m -> assertThat(m.folds()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.factors()).isEmpty();
            assertThat(f.configurationsEvaluated()).isEqualTo(1);
            assertThat(f.lstmChoice()).isNull();
        }));
        assertThat(read.model(StudyResult.LINEAR).folds().getFirst().linear().factors())
                .containsExactly("EP", "BP", "REV_5", "VOL_60");
        String again = StudyResultJson.write(read);
        assertThat(StudyResultJson.write(StudyResultJson.read(again))).isEqualTo(again);
    }
}
