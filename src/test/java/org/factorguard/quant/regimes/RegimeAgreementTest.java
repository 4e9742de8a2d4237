package org.factorguard.quant.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.Regime;
import org.junit.jupiter.api.Test;

class RegimeAgreementTest {

    /** Truth rows × dated columns in Regime order (bull, bear, sideways): 100 days. */
    private static final int[][] TABLE = {{30, 5, 3}, {4, 20, 6}, {7, 2, 23}};

    private final Regime[] truth;
    private final Regime[] dated;

    RegimeAgreementTest() {
        List<Regime> t = new ArrayList<>();
        List<Regime> d = new ArrayList<>();
        Regime[] r = Regime.values();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < TABLE[i][j]; k++) {
                    t.add(r[i]);
                    d.add(r[j]);
                }
            }
        }
        truth = t.toArray(Regime[]::new);
        dated = d.toArray(Regime[]::new);
    }

    @Test
    void kappa_matches_cohen_on_a_known_confusion_matrix() {
        // statsmodels 0.15: statsmodels.stats.inter_rater.cohens_kappa([[30,5,3],[4,20,6],[7,2,23]]).kappa
        // = 0.5914043583535108; by hand (Cohen 1960): p_o = 73/100, p_e = (38·41 + 30·27 + 32·32)/100² = 0.3392,
        // κ = (0.73 − 0.3392) / (1 − 0.3392)
        assertThat(RegimeAgreement.cohensKappa(dated, truth)).isCloseTo(0.5914043583535108, within(1e-12));
        assertThat(RegimeAgreement.cohensKappa(truth, dated)).isCloseTo(0.5914043583535108, within(1e-12));
        assertThat(RegimeAgreement.agreement(dated, truth)).isCloseTo(0.73, within(1e-12));
    }

    @Test
    void the_confusion_matrix_counts_truth_rows_against_dated_columns() {
        long[][] c = RegimeAgreement.confusion(dated, truth);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(c[i][j]).isEqualTo(TABLE[i][j]);
            }
        }
    }

    @Test
    void the_majority_baseline_always_says_the_truths_most_frequent_regime_and_has_kappa_zero() {
        RegimeAgreement.Summary s = RegimeAgreement.of(dated, truth);
        assertThat(s.days()).isEqualTo(100);
        assertThat(s.majorityRegime()).isEqualTo(Regime.BULL); // 38 of the 100 true days
        assertThat(s.majorityAgreement()).isCloseTo(0.38, within(1e-12));
        assertThat(RegimeAgreement.majorityBaseline(truth)).isCloseTo(0.38, within(1e-12));

        Regime[] always = new Regime[truth.length];
        Arrays.fill(always, Regime.BULL);
        assertThat(RegimeAgreement.agreement(always, truth)).isCloseTo(0.38, within(1e-12));
        assertThat(RegimeAgreement.cohensKappa(always, truth)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void perfect_agreement_has_kappa_one_and_a_permuted_dating_scores_below_chance() {
        assertThat(RegimeAgreement.cohensKappa(truth, truth)).isCloseTo(1.0, within(1e-12));
        Regime[] shifted = Arrays.stream(truth).map(r -> Regime.values()[(r.ordinal() + 1) % 3]).toArray(Regime[]::new);
        assertThat(RegimeAgreement.agreement(shifted, truth)).isZero();
        assertThat(RegimeAgreement.cohensKappa(shifted, truth)).isNegative();
    }

    @Test
    void days_without_a_label_are_left_out() {
        Regime[] a = {Regime.BULL, null, Regime.BEAR, Regime.SIDEWAYS};
        Regime[] b = {Regime.BULL, Regime.BEAR, null, Regime.BULL};
        RegimeAgreement.Summary s = RegimeAgreement.of(a, b);
        assertThat(s.days()).isEqualTo(2);
        assertThat(s.agreement()).isCloseTo(0.5, within(1e-12));
        assertThat(RegimeAgreement.of(new Regime[] {null}, new Regime[] {null}).agreement()).isNaN();
    }

    @Test
    void series_of_different_lengths_are_rejected() {
        assertThatThrownBy(() -> RegimeAgreement.agreement(new Regime[2], new Regime[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
