package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SelectionRuleTest {

    /** A factor whose daily Rank IC has this mean and sd over 1000 days, with the given yearly means. */
    static FactorEvaluation evaluation(String id, double mean, double sd, double... yearlyMeans) {
        IcSummary rank = new IcSummary(1000, mean, sd, mean / sd, mean / (sd / Math.sqrt(1000)), 0.01, 1, 0.55);
        List<YearlyIc> yearly = new java.util.ArrayList<>();
        int stable = 0;
        for (int y = 0; y < yearlyMeans.length; y++) {
            yearly.add(new YearlyIc(2015 + y, yearlyMeans[y], 250));
            if (Math.signum(yearlyMeans[y]) == Math.signum(mean)) {
                stable++;
            }
        }
        return new FactorEvaluation(id, FactorScope.INSTRUMENT, 1, true, rank, rank, new double[0], new double[0],
                List.of(new HorizonIc(1, mean, mean / sd, 1000)), yearly, stable, (double) stable / yearly.size());
    }

    static final FactorEvaluation STRONG = evaluation("STRONG", 0.04, 0.10, 0.05, 0.03, 0.04, 0.04);     // ICIR 0.4
    static final FactorEvaluation REDUNDANT = evaluation("REDUNDANT", 0.03, 0.12, 0.04, 0.02, 0.03, 0.03); // ICIR 0.25
    static final FactorEvaluation WEAK = evaluation("WEAK", 0.004, 0.02, 0.004, 0.005, 0.003, 0.004);     // ICIR 0.2
    static final FactorEvaluation NOISY = evaluation("NOISY", 0.02, 0.5, 0.02, 0.02, 0.02, 0.02);        // ICIR 0.04
    static final FactorEvaluation UNSTABLE = evaluation("UNSTABLE", 0.02, 0.1, 0.12, -0.02, -0.01, -0.01);
    // 3 of 4 years
    static final FactorEvaluation OTHER = evaluation("OTHER", -0.02, 0.1, -0.03, -0.01, -0.02, 0.01);
    static final FactorEvaluation MARKET = new FactorEvaluation("MKT", FactorScope.MARKET, 0, false, IcSummary.empty(),
            IcSummary.empty(), new double[0], new double[0], List.of(), List.of(), 0, Double.NaN);

    static final List<String> IDS = List.of("STRONG", "REDUNDANT", "WEAK", "NOISY", "UNSTABLE", "OTHER");
    static final double[][] CORRELATION = {
            {1, 0.83, 0, 0, 0, 0.2},
            {0.83, 1, 0, 0, 0, 0.1},
            {0, 0, 1, 0, 0, 0},
            {0, 0, 0, 1, 0, 0},
            {0, 0, 0, 0, 1, 0},
            {0.2, 0.1, 0, 0, 0, 1}};

    final List<FactorEvaluation> all = List.of(REDUNDANT, STRONG, WEAK, NOISY, UNSTABLE, OTHER, MARKET);

    @Test
    void redundant_pair_loses_the_weaker_factor_with_the_reason() {
        var decisions = new SelectionRule(ScreeningSettings.defaults()).propose(all, IDS, CORRELATION, ids -> null);
        assertThat(decisions).extracting(SelectionDecision::factorId)
                .containsExactly("REDUNDANT", "STRONG", "WEAK", "NOISY", "UNSTABLE", "OTHER", "MKT");
        assertThat(decisions.stream().filter(SelectionDecision::selected).map(SelectionDecision::factorId))
                .containsExactly("STRONG", "OTHER");
        assertThat(decisions.get(0).reason())
                .isEqualTo("dropped: correlated 0.83 with STRONG which has higher |Rank ICIR| (0.400 ≥ 0.250)");
        assertThat(decisions.get(1).reason()).startsWith("selected: mean Rank IC 0.0400").contains("4 of 4 years");
    }

    @Test
    void weak_noisy_and_sign_unstable_factors_are_dropped_with_reasons() {
        var decisions = new SelectionRule(ScreeningSettings.defaults()).propose(all, IDS, CORRELATION, ids -> null);
        assertThat(decisions.get(2).reason()).isEqualTo("dropped: |mean Rank IC| 0.0040 < 0.0100");
        assertThat(decisions.get(3).reason()).isEqualTo("dropped: |Rank ICIR| 0.040 < 0.050");
        assertThat(decisions.get(4).reason())
                .isEqualTo("dropped: sign unstable: yearly mean Rank IC has the overall sign in 1 of 4 years (0.25 < "
                        + "0.50)");
        assertThat(decisions.get(6).selected()).isFalse();
        assertThat(decisions.get(6).reason()).contains("market-level factor");
    }

    @Test
    void a_negative_but_stable_factor_is_kept() {
        var decisions = new SelectionRule(ScreeningSettings.defaults()).propose(List.of(OTHER), IDS, CORRELATION, ids
                -> null);
        assertThat(decisions.get(0).selected()).isTrue();
    }

    @Test
    void thresholds_are_settings() {
        var strict = ScreeningSettings.defaults().withThresholds(0.035, 0.05, 0.5, 0.9);
        var decisions = new SelectionRule(strict).propose(all, IDS, CORRELATION, ids -> null);
        assertThat(decisions.stream().filter(SelectionDecision::selected).map(SelectionDecision::factorId))
                .containsExactly("STRONG");
        assertThat(decisions.get(0).reason()).isEqualTo("dropped: |mean Rank IC| 0.0300 < 0.0350");
        var loose = ScreeningSettings.defaults().withThresholds(0.01, 0.05, 0.5, 0.9).withIncludeMarketFactors(true);
        var kept = new SelectionRule(loose).propose(all, IDS, CORRELATION, ids -> null);
        assertThat(kept.stream().filter(SelectionDecision::selected).map(SelectionDecision::factorId))
                .containsExactly("REDUNDANT", "STRONG", "OTHER", "MKT");
    }

    @Test
    void the_vif_step_drops_the_most_collinear_factor_until_all_are_below_the_limit() {
        var settings = ScreeningSettings.defaults().withThresholds(0.01, 0.05, 0.5, 0.95).withMaxVif(5);
        AtomicInteger calls = new AtomicInteger();
        var decisions = new SelectionRule(settings).propose(List.of(STRONG, REDUNDANT, OTHER), IDS, CORRELATION, ids
                -> {
            calls.incrementAndGet();
            // first call: STRONG, REDUNDANT, OTHER (ICIR order) with REDUNDANT highly collinear
            return ids.size() == 3 ? new double[] {4.0, 12.5, 1.2} : new double[] {1.1, 1.1};
        });
        assertThat(calls).hasValue(2);
        assertThat(decisions.get(1).selected()).isFalse();
        assertThat(decisions.get(1).reason()).isEqualTo("dropped: VIF 12.5 > 5.0 among the factors still selected");
        assertThat(decisions.get(0).selected()).isTrue();
        assertThat(decisions.get(2).selected()).isTrue();
    }

    @Test
    void too_few_valid_days_is_reported_as_such() {
        IcSummary few = new IcSummary(12, 0.2, 0.1, 2, 7, 0.001, 1, 1);
        var sparse = new FactorEvaluation("SPARSE", FactorScope.INSTRUMENT, 1, true, few, few, new double[0],
                new double[0],
                List.of(), List.of(), 0, Double.NaN);
        var decisions = new SelectionRule(ScreeningSettings.defaults()).propose(List.of(sparse), List.of(),
                new double[0][0], ids -> null);
        assertThat(decisions.get(0).reason()).startsWith("dropped: only 12 days with a valid Rank IC (< 60");
    }
}
