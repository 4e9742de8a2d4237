package org.factorguard.portfolios.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.FactorSelectionSettings;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class PortfolioSettingsTest {

    @Test
    void settings_rebuilt_from_their_builder_are_equal_to_them() {
        PortfolioSettings settings = PortfolioSettings.builder()
                .universeMode(PortfolioSettings.UniverseMode.TICKERS)
                .tickers(List.of("S001", "S002"))
                .dates(LocalDate.of(2016, 1, 4), LocalDate.of(2019, 12, 31))
                .factorIds(List.of("EP", "BP"))
                .rebalance(RebalanceFrequency.WEEKLY)
                .costBps(5)
                .longShort(true)
                .maxAnnualVolatility(0.2)
                .maxDailyVar95(0.02)
                .maxDrawdown(0.15)
                .maxWeight(0.3)
                .maxIndustryWeight(0.5)
                .retraining(PortfolioSettings.Retraining.QUARTERLY)
                .lookback(15)
                .units(12)
                .epochs(7)
                .ensembleSize(3)
                .implementation(LstmImplementation.DL4J)
                .seed(99L)
                .build();

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(PortfolioSettings.defaults().toBuilder().build()).isEqualTo(PortfolioSettings.defaults());
    }

    @Test
    void the_study_counts_the_candidates_the_portfolios_factor_screen_ranks() {
        PortfolioSettings defaults = PortfolioSettings.defaults();
        PortfolioSettings withPe = defaults.toBuilder().factorIds(List.of("EP", "PE")).build();
        for (PortfolioSettings s : List.of(defaults, withPe)) {
            long ranked = FactorScreeningService.candidates(s.factorIds()).stream()
                    .filter(f -> f.scope() != FactorScope.MARKET).count();
            assertThat(s.toStudyConfig().significance().screenedCandidates()).isEqualTo((int) ranked);
        }
        assertThat(withPe.toStudyConfig().significance().screenedCandidates())
                .isEqualTo(defaults.toStudyConfig().significance().screenedCandidates() + 1);
        assertThat(defaults.toStudyConfig().significance().screenedCandidates())
                .isEqualTo(StudyConfig.DEFAULT_SCREENED_CANDIDATES);
    }

    @Test
    void a_blank_builder_gives_settings_whose_problems_name_the_missing_fields() {
        PortfolioSettings blank = PortfolioSettings.builder().build();

        assertThat(blank.industries()).isEmpty();
        assertThat(blank.problems()).extracting(FieldProblem::field)
                .contains("universe", "factors", "rebalance", "retraining", "implementation", "maxWeight");
    }

    @Test
    void settings_stored_before_factor_selection_read_as_hand_picked_and_a_changed_list_as_picked_after_a_screen()
            throws Exception {
        // Both written by PortfolioSettingsJson at commit 1889803, before this change.
        PortfolioSettings defaults = PortfolioSettingsJson.read(
                resource("before-selection/portfolio-settings-defaults.json"));
        PortfolioSettings picked = PortfolioSettingsJson.read(
                resource("before-selection/portfolio-settings-picked.json"));

        assertThat(defaults.factorSelection()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(defaults.factorsFromFullPeriodScreen()).isFalse();
        assertThat(defaults.lstmSearch()).isEqualTo(PortfolioSettings.LstmSearch.OFF);
        StudyConfig asBefore = defaults.toStudyConfig();
        assertThat(asBefore.factorIds()).isEqualTo(StudyConfig.DEFAULT_FACTORS);
        assertThat(asBefore.factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(false));
        assertThat(asBefore.lstmSearch().searches(asBefore.lstm())).isFalse();
        assertThat(asBefore.lstm().ensembleSize()).isEqualTo(1);

        assertThat(picked.factorSelection()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(picked.factorsFromFullPeriodScreen()).isTrue();
        assertThat(picked.toStudyConfig().factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(true));
        assertThat(PortfolioSettingsJson.read(PortfolioSettingsJson.write(picked))).isEqualTo(picked);
    }

    @Test
    void a_stored_list_in_the_defaults_order_reads_as_a_new_portfolios_and_one_in_the_screens_order_as_picked() {
        // New portfolios on a close-only dataset started with the defaults it could supply, in the defaults' order;
        // the Factors page saved ticked factors in the screen's (library) order.
        assertThat(PortfolioSettingsJson.startedFromDefaults(StudyConfig.DEFAULT_FACTORS)).isTrue();
        assertThat(PortfolioSettingsJson.startedFromDefaults(List.of("REV_5", "VOL_60", "MOM_60"))).isTrue();
        assertThat(PortfolioSettingsJson.startedFromDefaults(List.of("MOM_60", "REV_5", "VOL_60"))).isFalse();
        assertThat(PortfolioSettingsJson.startedFromDefaults(List.of("EP"))).as("the same in both orders").isFalse();
        assertThat(PortfolioSettingsJson.startedFromDefaults(List.of("REV_5", "VOL_60", "BETA_60"))).isFalse();
    }

    @Test
    void a_new_portfolio_screens_the_default_candidates_in_every_fold_and_searches_the_lstm_grid() {
        PortfolioSettings fresh = PortfolioSettings.defaults();
        StudyConfig config = fresh.toStudyConfig();

        assertThat(fresh.factorSelection()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(fresh.factorIds()).isEqualTo(StudyConfig.DEFAULT_CANDIDATES);
        assertThat(config.factorSelection()).isEqualTo(StudyConfig.defaults().factorSelection());
        assertThat(config.lstmSearch()).isEqualTo(StudyConfig.defaultLstmSearch());
        assertThat(config.lstm()).isEqualTo(StudyConfig.defaults().lstm());
        assertThat(PortfolioSettingsJson.read(PortfolioSettingsJson.write(fresh))).isEqualTo(fresh);

        PortfolioSettings slower = fresh.toBuilder().lstmSearch(PortfolioSettings.LstmSearch.THOROUGH).build();
        assertThat(slower.toStudyConfig().lstmSearch().configurations(config.lstm()))
                .hasSizeGreaterThan(config.lstmSearch().configurations(config.lstm()).size());
        assertThat(fresh.toBuilder().factorIds(List.of("MARKET_RETURN")).build().problems())
                .extracting(FieldProblem::field).containsExactly("factors");
    }

    @Test
    void settings_stored_by_main_before_factor_selection_read_as_hand_picked_and_only_a_picked_list_as_after_a_screen()
            throws Exception {
        // Written by PortfolioSettingsJson at main 41237a1 (with the risk-free rate, before this branch): the
        // defaults, what a new portfolio on a close-only dataset started with, and what the Factors page saved
        PortfolioSettings defaults = PortfolioSettingsJson.read(
                resource("before-selection/portfolio-settings-method-3-defaults.json"));
        PortfolioSettings closeOnly = PortfolioSettingsJson.read(
                resource("before-selection/portfolio-settings-method-3-close-only.json"));
        PortfolioSettings picked = PortfolioSettingsJson.read(
                resource("before-selection/portfolio-settings-method-3-picked.json"));

        for (PortfolioSettings s : List.of(defaults, closeOnly, picked)) {
            assertThat(s.factorSelection()).isEqualTo(FactorSelectionMode.HAND_PICKED);
            assertThat(s.lstmSearch()).isEqualTo(PortfolioSettings.LstmSearch.OFF);
            assertThat(s.toStudyConfig().lstm().ensembleSize()).isEqualTo(1);
        }
        assertThat(defaults.factorsFromFullPeriodScreen()).isFalse();
        assertThat(defaults.toStudyConfig().factorIds()).isEqualTo(StudyConfig.DEFAULT_FACTORS);
        assertThat(closeOnly.factorsFromFullPeriodScreen()).isFalse();
        assertThat(picked.factorsFromFullPeriodScreen()).isTrue();
        assertThat(picked.toStudyConfig().factorSelection()).isEqualTo(FactorSelectionSettings.handPicked(true));
    }

    private static String resource(String name) throws java.io.IOException {
        try (var in = PortfolioSettingsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
