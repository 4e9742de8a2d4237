package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The look-ahead test over the whole pipeline (issue 13, research rules "Time"): every price, volume and fundamental
 * after day t is changed, and the study runs again; every factor value, factor selection, model fit (with the
 * LSTM's look-back choice), prediction and weight decided on or before t must be bit for bit the same, for both
 * models, while decisions after t must change (so that the test can fail). A fold's factor selection is decided
 * when its last training label is known; its models when its test starts (their validation labels end before).
 * The study screens its factors in every fold and searches the LSTM's look-back, so both are covered.
 */
class WholePipelineLookAheadTest {

    private static MarketData market;
    private static ScreenedSmallStudy.Run base;
    private static ScreenedSmallStudy.Run perturbed;
    private static int t;
    private static LocalDate cut;

    @BeforeAll
    static void runTheStudyOnTheMarketAndOnACopyChangedAfterDayT() {
        market = SmallStudy.market();
        base = ScreenedSmallStudy.onTheSmallMarket();
        // In the third fold's test: folds decided before t and after it exist, and portfolios are held at t.
        LocalDate thirdTest = base.result().model(StudyResult.LINEAR).folds().get(2).testFirst();
        t = Arrays.asList(market.dates()).indexOf(thirdTest) + 20;
        cut = market.dates()[t];
        perturbed = ScreenedSmallStudy.run(MarketPerturbation.after(market, t, 99));
    }

    @Test
    void factor_values_on_or_before_t_are_unchanged_and_later_ones_change() {
        assertThat(perturbed.panel().factorNames()).isEqualTo(base.panel().factorNames())
                .hasSize(SmallStudy.SCREENED_CANDIDATES.size());
        boolean laterDiffer = false;
        for (int k = 0; k < base.panel().factorCount(); k++) {
            for (int d = 0; d < market.dayCount(); d++) {
                float[] before = base.panel().values(k)[d];
                float[] after = perturbed.panel().values(k)[d];
                if (d <= t) {
                    assertThat(after).as("%s on day %d", base.panel().factorNames().get(k), d)
                            .containsExactly(before);
                } else {
                    laterDiffer |= !Arrays.equals(before, after);
                }
            }
        }
        assertThat(laterDiffer).as("the perturbation reaches the factors").isTrue();
    }

    @Test
    void every_fold_selection_decided_by_t_is_unchanged_with_the_numbers_behind_it() {
        List<StudyResult.FoldSelection> before = base.result().factorSelection().folds();
        List<StudyResult.FoldSelection> after = perturbed.result().factorSelection().folds();
        int decided = 0;
        boolean laterDiffer = false;
        for (int f = 0; f < before.size(); f++) {
            if (!before.get(f).labelsKnownBy().isAfter(cut)) {
                decided++;
                assertThat(after.get(f).factors()).isEqualTo(before.get(f).factors());
                assertSameScores(before.get(f).scores(), after.get(f).scores());
            } else {
                laterDiffer |= !sameScores(before.get(f).scores(), after.get(f).scores());
            }
        }
        assertThat(decided).isGreaterThanOrEqualTo(3);
        assertThat(laterDiffer).as("later folds' screens see the perturbation").isTrue();
    }

    @Test
    void every_model_fitted_before_t_is_unchanged_and_a_later_one_changes() {
        for (String model : List.of(StudyResult.LINEAR, StudyResult.LSTM)) {
            List<StudyResult.Fold> before = base.result().model(model).folds();
            List<StudyResult.Fold> after = perturbed.result().model(model).folds();
            boolean laterDiffer = false;
            for (int f = 0; f < before.size(); f++) {
                StudyResult.Fold b = before.get(f);
                StudyResult.Fold a = after.get(f);
                if (!b.testFirst().isAfter(cut)) {
                    assertThat(a.factors()).isEqualTo(b.factors());
                    assertThat(a.trainingSamples()).isEqualTo(b.trainingSamples());
                    assertThat(a.lstmChoice()).as("%s fold %d", model, f).isEqualTo(b.lstmChoice());
                    assertThat(a.configurationsEvaluated()).isEqualTo(b.configurationsEvaluated());
                    assertThat(fingerprint(a)).as("%s fold %d", model, f).containsExactly(fingerprint(b));
                } else {
                    laterDiffer |= !Arrays.equals(fingerprint(a), fingerprint(b));
                }
            }
            assertThat(laterDiffer).as("%s: later fits see the perturbation", model).isTrue();
        }
    }

    @Test
    void predictions_on_or_before_t_are_unchanged_for_both_models_and_later_ones_change() {
        for (String model : List.of(StudyResult.LINEAR, StudyResult.LSTM)) {
            float[][] before = base.predictions().get(model);
            float[][] after = perturbed.predictions().get(model);
            int predicted = 0;
            for (int d = 0; d <= t; d++) {
                assertThat(after[d]).as("%s on day %d", model, d).containsExactly(before[d]);
                predicted += Float.isFinite(before[d][0]) ? 1 : 0;
            }
            assertThat(predicted).as("%s predicts test days before t", model).isGreaterThan(100);
            boolean laterDiffer = false;
            for (int d = t + 1; d < before.length; d++) {
                laterDiffer |= !Arrays.equals(before[d], after[d]);
            }
            assertThat(laterDiffer).as("%s: later predictions see the perturbation", model).isTrue();
        }
    }

    @Test
    void weights_decided_on_or_before_t_are_unchanged_and_later_ones_change() {
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR, StudyResult.EQUAL_WEIGHT)) {
            List<StudyResult.Rebalance> before = base.result().portfolio(name).rebalances();
            List<StudyResult.Rebalance> after = perturbed.result().portfolio(name).rebalances();
            int decided = 0;
            boolean laterDiffer = false;
            for (int k = 0; k < before.size(); k++) {
                if (!before.get(k).date().isAfter(cut)) {
                    decided++;
                    assertThat(after.get(k).date()).isEqualTo(before.get(k).date());
                    assertThat(after.get(k).instruments()).as("%s on %s", name, before.get(k).date())
                            .containsExactly(before.get(k).instruments());
                    assertThat(after.get(k).weights()).as("%s on %s", name, before.get(k).date())
                            .containsExactly(before.get(k).weights());
                } else {
                    laterDiffer |= !Arrays.equals(before.get(k).weights(), after.get(k).weights());
                }
            }
            assertThat(decided).isGreaterThan(5);
            if (!name.equals(StudyResult.EQUAL_WEIGHT)) {
                assertThat(laterDiffer).as("%s: later weights see the perturbation", name).isTrue();
            }
        }
    }

    @Test
    void overlay_exposures_decided_on_or_before_t_are_unchanged_and_later_ones_change() {
        LocalDate[] days = base.result().returnDates();
        assertThat(perturbed.result().returnDates()).isEqualTo(days);
        boolean laterDiffer = false;
        int variedBefore = 0;
        for (String name : List.of(StudyResult.LSTM, StudyResult.LINEAR)) {
            StudyResult.DrawdownOverlayResult before = base.result().portfolio(name).drawdownOverlay();
            StudyResult.DrawdownOverlayResult after = perturbed.result().portfolio(name).drawdownOverlay();
            assertThat(before).as("%s runs under the daily overlay", name).isNotNull();
            // the exposure held over return day k was decided at a close before day k
            for (int k = 0; k < days.length; k++) {
                if (!days[k].isAfter(cut)) {
                    assertThat(after.exposure()[k]).as("%s exposure on %s", name, days[k])
                            .isEqualTo(before.exposure()[k]);
                    variedBefore += before.exposure()[k] < 1.0 ? 1 : 0;
                } else {
                    laterDiffer |= Double.compare(before.exposure()[k], after.exposure()[k]) != 0;
                }
            }
        }
        assertThat(variedBefore).as("the overlay cut exposure on some day before t, so the check means something")
                .isPositive();
        assertThat(laterDiffer).as("later overlay exposures see the perturbation").isTrue();
    }

    /** A fold fit's numbers: the linear coefficients, or every ensemble member's loss curve. */
    private static double[] fingerprint(StudyResult.Fold fold) {
        if (fold.linear() != null) {
            double[] out = Arrays.copyOf(fold.linear().beta(), fold.linear().beta().length + 1);
            out[out.length - 1] = fold.linear().alpha();
            return out;
        }
        return fold.curves().stream().flatMapToDouble(c -> java.util.stream.DoubleStream.concat(
                Arrays.stream(c.trainLoss()), Arrays.stream(c.validationLoss()))).toArray();
    }

    private static void assertSameScores(List<StudyResult.FactorScore> before, List<StudyResult.FactorScore> after) {
        assertThat(sameScores(before, after)).as("screen numbers %s vs %s", before, after).isTrue();
    }

    private static boolean sameScores(List<StudyResult.FactorScore> before, List<StudyResult.FactorScore> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int k = 0; k < before.size(); k++) {
            StudyResult.FactorScore b = before.get(k);
            StudyResult.FactorScore a = after.get(k);
            boolean same = a.factor().equals(b.factor()) && a.selected() == b.selected() && a.days() == b.days()
                    && Double.compare(a.meanRankIc(), b.meanRankIc()) == 0
                    && Double.compare(a.rankIcir(), b.rankIcir()) == 0
                    && Double.compare(a.rankIcTStatistic(), b.rankIcTStatistic()) == 0
                    && Double.compare(a.signStability(), b.signStability()) == 0
                    && Double.compare(a.vif(), b.vif()) == 0
                    && Arrays.equals(a.decayMeanRankIc(), b.decayMeanRankIc()) && a.reason().equals(b.reason());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
