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

    @Test
    void a_config_written_before_factor_selection_reads_as_hand_picked_factors_without_a_search() throws Exception {
        String old = resource("before-selection/study-config-defaults.json");
        assertThat(old).doesNotContain("factorSelection").doesNotContain("lstmSearch");

        StudyConfig read = StudyConfigJson.read(old);

        assertThat(read.factorIds()).isEqualTo(StudyConfig.DEFAULT_FACTORS);
        assertThat(read.factorSelection().mode()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(read.factorSelection().pickedAfterFullPeriodScreen()).isFalse();
        assertThat(read.lstmSearch().searches(read.lstm())).isFalse();
        assertThat(read.effectiveWalkForward().lookback()).isEqualTo(20);
        assertThat(read.lstm().ensembleSize()).isEqualTo(1);
        assertThat(StudyConfigJson.write(StudyConfigJson.read(StudyConfigJson.write(read))))
                .isEqualTo(StudyConfigJson.write(read));
    }

    @Test
    void the_default_config_screens_per_fold_searches_the_lstm_grid_and_reads_back_identically() {
        StudyConfig defaults = StudyConfig.defaults();
        String json = StudyConfigJson.write(defaults);
        StudyConfig back = StudyConfigJson.read(json);

        assertThat(StudyConfigJson.write(back)).isEqualTo(json);
        assertThat(back.factorSelection().mode()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(back.factorSelection().screening().primaryHorizon()).isEqualTo(back.horizon()).isEqualTo(20);
        assertThat(back.factorSelection().screening().horizons()).containsExactly(1, 5, 20);
        assertThat(back.factorIds()).isEqualTo(StudyConfig.DEFAULT_CANDIDATES);
        assertThat(back.lstmSearch().configurations(back.lstm())).hasSize(4);
        assertThat(back.lstm().ensembleSize()).isGreaterThanOrEqualTo(3);
        assertThat(back.effectiveWalkForward().lookback()).isEqualTo(20);
        StudyConfig longer = back.toBuilder().lstmSearch(new org.factorguard.quant.models.lstm.LstmSearchSettings(
                List.of(10, 40), List.of(), 4, 0)).build();
        assertThat(longer.effectiveWalkForward().lookback()).as("both models start where the longest look-back can")
                .isEqualTo(40);
    }

    @Test
    void a_screen_judged_at_another_horizon_than_the_models_is_refused() {
        StudyConfig defaults = StudyConfig.defaults();
        assertThatThrownBy(() -> defaults.toBuilder().factorSelection(FactorSelectionSettings.screenedPerFold(5))
                .build())
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("the screen's primary horizon must be the models'");
        assertThatThrownBy(() -> defaults.toBuilder().factorIds(List.of("MARKET_RETURN")).build())
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("at least one candidate that varies across stocks");
        assertThat(defaults.toBuilder().factorIds(List.of("MARKET_RETURN"))
                .factorSelection(FactorSelectionSettings.handPicked(false)).build().factorIds())
                .containsExactly("MARKET_RETURN");
    }

    @Test
    void a_config_written_by_main_before_per_fold_selection_reads_as_hand_picked_without_a_search()
            throws Exception {
        // StudyConfig.defaults() as written by main at 41237a1 (method version 3), before this branch's fields
        String old = resource("before-selection/study-config-method-3.json");
        assertThat(old).doesNotContain("factorSelection").doesNotContain("lstmSearch");

        StudyConfig read = StudyConfigJson.read(old);

        assertThat(read.factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(false));
        assertThat(read.lstmSearch()).isEqualTo(org.factorguard.quant.models.lstm.LstmSearchSettings.none());
        assertThat(read.factorIds()).isEqualTo(StudyConfig.DEFAULT_FACTORS);
        assertThat(read.lstm().ensembleSize()).isEqualTo(1);
        assertThat(read.effectiveWalkForward().lookback()).isEqualTo(20);
        // the same text with those two settings written out reads as the same config: nothing else moves
        tools.jackson.databind.node.ObjectNode explicit = (tools.jackson.databind.node.ObjectNode)
                StudyResultJson.MAPPER.readTree(old);
        explicit.set("factorSelection", StudyResultJson.MAPPER.valueToTree(FactorSelectionSettings.handPicked(false)));
        explicit.set("lstmSearch", StudyResultJson.MAPPER.valueToTree(
                org.factorguard.quant.models.lstm.LstmSearchSettings.none()));
        assertThat(StudyConfigJson.read(explicit.toString())).isEqualTo(read);
        assertThat(StudyConfigJson.write(StudyConfigJson.read(StudyConfigJson.write(read))))
                .isEqualTo(StudyConfigJson.write(read));
    }

    static String resource(String name) throws java.io.IOException {
        try (var in = StudyConfigJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
