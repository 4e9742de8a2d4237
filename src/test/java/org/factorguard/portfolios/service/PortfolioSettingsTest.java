package org.factorguard.portfolios.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.models.lstm.LstmImplementation;
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
}
