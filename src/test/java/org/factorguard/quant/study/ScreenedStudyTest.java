package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The small study with factors screened inside each fold and the LSTM's look-back chosen on each validation slice. */
class ScreenedStudyTest {

    private static StudyResult result;

    @BeforeAll
    static void runOnce() {
        result = ScreenedSmallStudy.onTheSmallMarket().result();
    }

    @Test
    void both_models_of_a_fold_use_the_factors_its_screen_selected_and_the_linear_fit_names_them() {
        List<StudyResult.FoldSelection> selections = result.factorSelection().folds();
        List<StudyResult.Fold> linear = result.model(StudyResult.LINEAR).folds();
        List<StudyResult.Fold> lstm = result.model(StudyResult.LSTM).folds();
        assertThat(selections).hasSameSizeAs(linear).hasSameSizeAs(lstm).hasSizeGreaterThanOrEqualTo(4);
        for (int f = 0; f < selections.size(); f++) {
            List<String> chosen = selections.get(f).factors();
            assertThat(chosen).isNotEmpty().isSubsetOf(SmallStudy.SCREENED_CANDIDATES);
            assertThat(linear.get(f).factors()).isEqualTo(chosen);
            assertThat(linear.get(f).linear().factors()).isEqualTo(chosen);
            assertThat(linear.get(f).linear().beta()).hasSize(chosen.size());
            assertThat(lstm.get(f).factors()).isEqualTo(chosen);
            assertThat(selections.get(f).scores()).filteredOn(StudyResult.FactorScore::selected)
                    .extracting(StudyResult.FactorScore::factor).containsExactlyElementsOf(chosen);
        }
        assertThat(result.factorSelection().outOfSample()).isTrue();
        assertThat(result.notes()).noneMatch(n -> n.contains("not out of sample"));
    }

    @Test
    void each_lstm_fold_records_its_search_and_keeps_the_configuration_with_the_best_validation_rank_ic() {
        for (StudyResult.Fold fold : result.model(StudyResult.LSTM).folds()) {
            StudyResult.LstmChoice choice = fold.lstmChoice();
            assertThat(choice).isNotNull();
            assertThat(fold.configurationsEvaluated()).isEqualTo(2).isEqualTo(choice.candidates().size());
            assertThat(choice.candidates()).extracting(StudyResult.LstmCandidate::lookback).containsExactly(5, 10);
            StudyResult.LstmCandidate best = choice.candidates().stream()
                    .max(Comparator.comparingDouble(StudyResult.LstmCandidate::validationRankIc)).orElseThrow();
            assertThat(choice.lookback()).isEqualTo(best.lookback());
            assertThat(choice.units()).isEqualTo(8);
            assertThat(choice.candidates()).allSatisfy(c -> {
                assertThat(c.validationRankIc()).isBetween(-1.0, 1.0);
                assertThat(c.epochs()).isBetween(1, 2);
            });
            assertThat(fold.curves()).as("the seed ensemble").hasSize(3);
        }
        assertThat(result.model(StudyResult.LINEAR).folds())
                .allSatisfy(f -> assertThat(f.configurationsEvaluated()).isEqualTo(1));
        assertThat(result.config().effectiveWalkForward().lookback()).as("the grid's longest look-back").isEqualTo(10);
    }

    @Test
    void the_deflated_sharpe_counts_the_candidates_each_fold_screened_and_the_lstm_grid() {
        StudyResult.TrialCount n = result.significance().trialCount();
        // 8 candidates of which MARKET_RETURN is not ranked; the grid of look-back 5 or 10; settings: 3 earlier
        // studies (the settings' 12 screened candidates describe a hand-picked list and do not apply here)
        assertThat(n.candidates()).isEqualTo(7);
        assertThat(n.gridConfigurations()).isEqualTo(2);
        assertThat(n.earlierStudies()).isEqualTo(3);
        assertThat(result.significance().trials()).isEqualTo(n.total()).isEqualTo(7 + 3 + n.checkpoints() + 2 + 2);
        assertThat(result.significance().deflatedSharpe().trials()).isEqualTo(n.total());
        assertThat(n.describe()).contains("2 LSTM grid configurations");
    }

    @Test
    void figure_two_follows_the_ensemble_on_the_folds_own_inputs_and_the_result_reads_back_identically() {
        assertThat(result.optimisationDegree().points()).isNotEmpty();
        assertThat(result.optimisationDegree().points().getFirst().members()).isEqualTo(3);
        String json = StudyResultJson.write(result);
        assertThat(StudyResultJson.write(StudyResultJson.read(json))).isEqualTo(json);
        assertThat(StudyResultJson.read(json).factorSelection().folds().getFirst().scores())
                .hasSize(SmallStudy.SCREENED_CANDIDATES.size());
    }
}
