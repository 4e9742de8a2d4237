package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.SyntheticMarketConfig;
import org.factorguard.quant.regimes.RegimeAgreement;
import org.factorguard.quant.regimes.RegimeDating;
import org.factorguard.quant.regimes.RegimeDatingResult;
import org.factorguard.quant.regimes.RegimeDatingSettings;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regime dating wired into Table 2 on the built-in market over the default study's return days. The issue's
 * targets (agreement ≥ 75 %, κ ≥ 0.5) wait for the recalibrated generator; here the figures must be computed and
 * consistent.
 */
class MarketRegimeAnalysisTest {

    private static MarketData market;
    private static int start;
    private static int end;
    private static StudyResult.RegimeAnalysis analysis;

    @BeforeAll
    static void dateTheBuiltInMarket() {
        market = SyntheticMarket.generate(SyntheticMarketConfig.defaults());
        WalkForwardPlan plan = WalkForwardPlan.over(StudyConfig.defaults().effectiveWalkForward(), 0,
                market.dayCount());
        start = plan.firstTestDay();
        end = plan.folds().getLast().testEnd() - 1;
        analysis = MarketRegimeAnalysis.analyse(RegimeDatingSettings.defaults(), market, start, end,
                List.of(portfolio("Market", market.marketIndex())));
    }

    /** A portfolio holding the index: its daily returns over the return days start + 1 … end. */
    private static StudyResult.Portfolio portfolio(String name, double[] index) {
        double[] r = new double[end - start];
        for (int t = start + 1; t <= end; t++) {
            r[t - start - 1] = index[t] / index[t - 1] - 1;
        }
        return new StudyResult.Portfolio(name, r, r, r, r, null, List.of(), null, List.of());
    }

    @Test
    void table_two_uses_the_ex_post_dating_of_the_return_days() {
        RegimeDatingResult dated = RegimeDating.of(RegimeDatingSettings.defaults()).date(market.marketIndex());
        assertThat(analysis.detected()).containsExactly(Arrays.copyOfRange(dated.exPost(), start + 1, end + 1));
        assertThat(analysis.dating().causal()).containsExactly(Arrays.copyOfRange(dated.causal(), start + 1,
                end + 1));
        assertThat(analysis.dating().method()).isEqualTo(RegimeDating.METHOD);
        assertThat(analysis.dating().parameters()).isEqualTo(RegimeDatingSettings.defaults().describe());
        int days = analysis.table().stream().mapToInt(row -> row.days()).sum();
        int causalDays = analysis.dating().causalTable().stream().mapToInt(row -> row.days()).sum();
        assertThat(days).isEqualTo(end - start);
        assertThat(causalDays).isEqualTo(end - start);
    }

    @Test
    void agreement_and_kappa_against_the_generators_truth_are_computed_for_both_views() {
        Regime[] truth = Arrays.copyOfRange(market.trueRegimes(), start + 1, end + 1);
        StudyResult.AgreementWithTruth exPost = analysis.dating().exPostAgreement();
        StudyResult.AgreementWithTruth causal = analysis.dating().causalAgreement();
        assertThat(exPost.days()).isEqualTo(end - start);
        assertThat(exPost.agreement()).isEqualTo(RegimeAgreement.agreement(analysis.detected(), truth))
                .isEqualTo(analysis.agreement()).isBetween(0.0, 1.0);
        assertThat(exPost.kappa()).isEqualTo(RegimeAgreement.cohensKappa(analysis.detected(), truth))
                .isBetween(-1.0, 1.0);
        assertThat(causal.kappa()).isEqualTo(RegimeAgreement.cohensKappa(analysis.dating().causal(), truth));
        assertThat(exPost.majorityAgreement()).isEqualTo(RegimeAgreement.majorityBaseline(truth));
        assertThat(exPost.majorityRegime()).isEqualTo(causal.majorityRegime()).isNotNull();
        assertThat(analysis.dating().explanation()).contains("κ").contains("causal view")
                .contains(exPost.majorityRegime().label());
        System.out.printf(java.util.Locale.ROOT, "built-in market, default study days: ex post %.1f %% kappa %.2f, "
                        + "causal %.1f %% kappa %.2f, majority %.1f %%%n", 100 * exPost.agreement(), exPost.kappa(),
                100 * causal.agreement(), causal.kappa(), 100 * exPost.majorityAgreement());
    }

    @Test
    void real_data_has_no_agreement_figures() {
        MarketData real = MarketData.builder(market.dates().clone(), market.instruments()).label("real")
                .close(market.close()).open(market.open()).high(market.high()).low(market.low())
                .volume(market.volume()).sharesOutstanding(market.sharesOutstanding())
                .earningsPerShare(market.earningsPerShare()).bookValuePerShare(market.bookValuePerShare()).build();
        StudyResult.RegimeAnalysis r = MarketRegimeAnalysis.analyse(RegimeDatingSettings.defaults(), real, start, end,
                List.of(portfolio("Market", real.marketIndex())));
        assertThat(r.trueRegimes()).isNull();
        assertThat(r.agreement()).isNaN();
        assertThat(r.dating().exPostAgreement()).isNull();
        assertThat(r.dating().causalAgreement()).isNull();
        assertThat(r.dating().explanation()).doesNotContain("κ").contains(RegimeDating.METHOD);
    }
}
