package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.junit.jupiter.api.Test;

class StudyConfigJsonTest {

    @Test
    void a_config_with_switched_off_limits_reads_back_equal_and_writes_identical_text() {
        StudyConfig config = SmallStudy.config(LstmImplementation.DL4J).toBuilder()
                .universe(StudyConfig.Universe.ofTickers(List.of("S001", "S002")))
                .dates(LocalDate.of(2016, 1, 4), LocalDate.of(2019, 12, 31))
                .build();
        assertThat(config.allocation().defaultIndustryCap()).isNaN();

        String json = StudyConfigJson.write(config);
        StudyConfig back = StudyConfigJson.read(json);

        assertThat(json).contains("\"NaN\"").contains("\"2016-01-04\"");
        assertThat(StudyConfigJson.write(back)).isEqualTo(json);
        assertThat(back.universe().tickers()).containsExactly("S001", "S002");
        assertThat(back.allocation().defaultIndustryCap()).isNaN();
        assertThat(back.seed()).isEqualTo(config.seed());
    }

    @Test
    void a_config_stored_before_the_solver_choice_keeps_its_shortlist_and_reads_as_ojalgo() {
        StudyConfig current = StudyConfig.defaults();
        assertThat(current.allocationShortlist()).isZero();
        assertThat(current.allocationSolver()).isEqualTo(AllocationSolver.ACTIVE_SET);
        String json = StudyConfigJson.write(current);
        assertThat(json).contains("\"allocationShortlist\":0").contains("\"allocationSolver\":\"ACTIVE_SET\"");
        // the form every config took when the default was a 40-asset shortlist solved by ojAlgo
        String old = json.replace("\"allocationShortlist\":0", "\"allocationShortlist\":40")
                .replace(",\"allocationSolver\":\"ACTIVE_SET\"", "");
        assertThat(old).doesNotContain("allocationSolver");

        StudyConfig back = StudyConfigJson.read(old);

        assertThat(back.allocationShortlist()).isEqualTo(40);
        assertThat(back.allocationSolver()).isEqualTo(AllocationSolver.OJALGO);
        assertThat(back.toBuilder().allocationShortlist(0).allocationSolver(AllocationSolver.ACTIVE_SET).build())
                .isEqualTo(current);
    }

    @Test
    void text_that_is_not_a_config_is_refused_with_a_readable_message() {
        assertThatThrownBy(() -> StudyConfigJson.read("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a study config");
    }
}
