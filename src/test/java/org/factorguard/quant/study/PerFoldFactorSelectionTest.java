package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.FactorScreen;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.factors.ScreeningCandidate;
import org.factorguard.quant.factors.ScreeningReport;
import org.factorguard.quant.factors.ScreeningSettings;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PerFoldFactorSelectionTest {

    private static final StageProgress QUIET = QuietStage.of(StudyStage.SELECTION);

    private static MarketData market;
    private static StudyConfig config;
    private static WalkForwardPlan plan;
    private static FactorPanel panel;
    private static double[][] labels;

    @BeforeAll
    static void prepare() {
        market = SmallStudy.market();
        config = SmallStudy.screenedConfig();
        plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, market.dayCount());
        panel = prepared(market);
        labels = ForwardReturns.logReturns(market, config.horizon());
    }

    @Test
    void each_fold_selects_what_a_screen_of_the_data_known_at_its_cut_off_selects_on_its_training_window() {
        PerFoldFactorSelection.Outcome outcome = PerFoldFactorSelection.choose(config, market, panel, labels, plan,
                QUIET);
        ScreeningSettings rule = config.factorSelection().screening();
        List<ScreeningCandidate> candidates = FactorLibrary.byIds(config.factorIds()).stream()
                .map(ScreeningCandidate::of).toList();
        assertThat(plan.folds()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcome.record().mode()).isEqualTo(FactorSelectionMode.SCREENED_PER_FOLD);
        assertThat(outcome.record().outOfSample()).isTrue();
        assertThat(outcome.record().horizons()).containsExactly(1, 5, 20);
        for (int f = 0; f < plan.folds().size(); f++) {
            WalkForwardSplit s = plan.folds().get(f);
            int known = s.trainEnd() - 1 + config.horizon();
            assertThat(known).as("the screen's labels end before the fold validates").isLessThan(s.validationStart());
            MarketData knownByThen = market.slice(0, known + 1);
            Map<Integer, double[][]> forward = new TreeMap<>();
            for (int h : rule.horizons()) {
                forward.put(h, Arrays.copyOfRange(ForwardReturns.logReturns(knownByThen, h), s.trainStart(),
                        s.trainEnd()));
            }
            ScreeningReport reference = new FactorScreen(rule).screen(
                    window(prepared(knownByThen), s.trainStart(), s.trainEnd()), candidates, forward);

            StudyResult.FoldSelection chosen = outcome.record().folds().get(f);
            assertThat(outcome.inputs().get(f)).as("fold %d", f).isEqualTo(chosen.factors())
                    .isEqualTo(reference.selected()).doesNotContain("MARKET_RETURN");
            assertThat(chosen.screenFirst()).isEqualTo(market.dates()[s.trainStart()]);
            assertThat(chosen.screenLast()).isEqualTo(market.dates()[s.trainEnd() - 1]);
            assertThat(chosen.labelsKnownBy()).isEqualTo(market.dates()[known]);
            assertThat(chosen.scores()).extracting(StudyResult.FactorScore::factor)
                    .containsExactlyElementsOf(config.factorIds());
            for (StudyResult.FactorScore score : chosen.scores()) {
                assertThat(Double.valueOf(score.meanRankIc()))
                        .isEqualTo(Double.valueOf(reference.factor(score.factor()).rankIc().mean()));
                assertThat(score.reason()).isEqualTo(reference.decision(score.factor()).reason());
                assertThat(score.selected()).isEqualTo(reference.decision(score.factor()).selected());
            }
        }
        assertThat(outcome.notes()).isEmpty();
    }

    @Test
    void hand_picked_factors_are_used_in_every_fold_and_a_full_period_pick_is_said_to_be_not_out_of_sample() {
        StudyConfig picked = config.toBuilder().factorIds(List.of("MOM_20", "EP"))
                .factorSelection(FactorSelectionSettings.handPicked(true)).build();
        PerFoldFactorSelection.Outcome outcome = PerFoldFactorSelection.choose(picked, market, panel, labels, plan,
                QUIET);

        assertThat(outcome.inputs()).hasSize(plan.folds().size())
                .allSatisfy(f -> assertThat(f).containsExactly("MOM_20", "EP"));
        assertThat(outcome.record().mode()).isEqualTo(FactorSelectionMode.HAND_PICKED);
        assertThat(outcome.record().outOfSample()).isFalse();
        assertThat(outcome.record().note()).contains("after a factor screen over the portfolio's whole date range")
                .contains("not out of sample");
        assertThat(outcome.notes()).containsExactly(outcome.record().note());
        assertThat(outcome.record().folds()).allSatisfy(f -> assertThat(f.scores()).isEmpty());

        PerFoldFactorSelection.Outcome unmarked = PerFoldFactorSelection.choose(picked.toBuilder()
                .factorSelection(FactorSelectionSettings.handPicked(false)).build(), market, panel, labels, plan,
                QUIET);
        assertThat(unmarked.notes()).isEmpty();
        assertThat(unmarked.record().outOfSample()).isFalse();
    }

    private static FactorPanel prepared(MarketData data) {
        return FactorPanelBuilder.prepared(data, FactorLibrary.byIds(config.factorIds()), config.preparation())
                .panel();
    }

    private static FactorPanel window(FactorPanel p, int from, int to) {
        float[][][] values = new float[p.factorCount()][][];
        for (int k = 0; k < values.length; k++) {
            values[k] = Arrays.copyOfRange(p.values(k), from, to);
        }
        return new FactorPanel(p.factorNames(), Arrays.copyOfRange(p.dates(), from, to), p.tickers(), values,
                p.prepared());
    }
}
