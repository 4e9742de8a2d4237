package org.factorguard.quant.regimes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.SyntheticMarketConfig;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Agreement of the regime dating with the built-in market's true regimes, per seed (the default seed, then 1 to
 * 10, or to {@code -Dregimes.seeds=N}): Cohen's κ and the share of equal days for the ex-post and the causal view,
 * against the majority baseline ("always the truth's most frequent regime"); over the default study's period (the
 * return days of its backtest, as the study slices them) and over the whole sample. Also the truth's spells per
 * regime (count and median length in trading days), since no dating recovers spells of a few weeks. Not part of
 * the default run; run it with {@code mvn -o test -Dtest=RegimeDatingBenchmark}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*RegimeDatingBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=RegimeDatingBenchmark")
class RegimeDatingBenchmark {

    private record Row(double exPostAgreement, double exPostKappa, double causalAgreement, double causalKappa,
                       double majority) {

        static Row of(RegimeDatingResult dated, Regime[] truth, int from, int to) {
            Regime[] t = Arrays.copyOfRange(truth, from, to);
            Regime[] ex = Arrays.copyOfRange(dated.exPost(), from, to);
            Regime[] ca = Arrays.copyOfRange(dated.causal(), from, to);
            return new Row(RegimeAgreement.agreement(ex, t), RegimeAgreement.cohensKappa(ex, t),
                    RegimeAgreement.agreement(ca, t), RegimeAgreement.cohensKappa(ca, t),
                    RegimeAgreement.majorityBaseline(t));
        }

        String format() {
            return String.format(Locale.ROOT, "%6.1f %6.2f  %6.1f %6.2f  %6.1f", 100 * exPostAgreement,
                    exPostKappa, 100 * causalAgreement, causalKappa, 100 * majority);
        }

        static Row mean(List<Row> rows) {
            return new Row(rows.stream().mapToDouble(Row::exPostAgreement).average().orElseThrow(),
                    rows.stream().mapToDouble(Row::exPostKappa).average().orElseThrow(),
                    rows.stream().mapToDouble(Row::causalAgreement).average().orElseThrow(),
                    rows.stream().mapToDouble(Row::causalKappa).average().orElseThrow(),
                    rows.stream().mapToDouble(Row::majority).average().orElseThrow());
        }
    }

    @Test
    void agreement_and_kappa_with_the_true_regimes_per_seed() {
        RegimeDating dating = RegimeDating.of(RegimeDatingSettings.defaults());
        System.out.println("method: " + RegimeDating.METHOD);
        System.out.println("parameters: " + dating.settings().describe());
        System.out.println("columns: ex-post agreement % and kappa | causal agreement % and kappa | majority "
                + "baseline %");
        List<Row> study = new ArrayList<>();
        List<Row> whole = new ArrayList<>();
        int others = Integer.getInteger("regimes.seeds", 10);
        long[] seeds = new long[others + 1];
        seeds[0] = SyntheticMarketConfig.DEFAULT_SEED;
        for (int k = 1; k <= others; k++) {
            seeds[k] = k;
        }
        for (long seed : seeds) {
            long t0 = System.nanoTime();
            MarketData market = SyntheticMarket.generate(SyntheticMarketConfig.defaults().withSeed(seed));
            long t1 = System.nanoTime();
            RegimeDatingResult dated = dating.date(market.marketIndex());
            long t2 = System.nanoTime();
            Regime[] truth = market.trueRegimes();
            assertThat(dated.exPost()).hasSameSizeAs(truth).doesNotContainNull();
            assertThat(dated.causal()).hasSameSizeAs(truth).doesNotContainNull();

            // the study's return days: first test day + 1 to the last test day (Study.regimes slices them so)
            WalkForwardPlan plan = WalkForwardPlan.over(StudyConfig.defaults().effectiveWalkForward(), 0,
                    market.dayCount());
            int from = plan.firstTestDay() + 1;
            int to = plan.folds().getLast().testEnd();
            Row s = Row.of(dated, truth, from, to);
            Row w = Row.of(dated, truth, 0, truth.length);
            study.add(s);
            whole.add(w);
            String label = seed == SyntheticMarketConfig.DEFAULT_SEED ? "default" : String.valueOf(seed);
            System.out.printf(Locale.ROOT, "seed %-8s study (days %d-%d) %s | whole %s | truth spells %s"
                            + " | dated phases %d | generate %.1f s, date %.0f ms%n", label, from, to - 1,
                    s.format(), w.format(), spells(truth), dated.exPostPhases().size(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e6);
        }
        System.out.printf(Locale.ROOT, "mean over seeds 1-" + others + ": study %s | whole %s%n",
                Row.mean(study.subList(1, study.size())).format(), Row.mean(whole.subList(1, whole.size())).format());
    }

    /** Per regime: number of spells / median length in trading days. */
    private static String spells(Regime[] truth) {
        List<RegimeDatingResult.Phase> phases = RegimeDatingResult.phases(truth);
        StringBuilder out = new StringBuilder();
        for (Regime r : Regime.values()) {
            int[] lengths = phases.stream().filter(p -> p.regime() == r).mapToInt(RegimeDatingResult.Phase::days)
                    .sorted().toArray();
            int median = lengths.length == 0 ? 0 : lengths[lengths.length / 2];
            out.append(String.format(Locale.ROOT, "%s %d/%d ", r.label().toLowerCase(Locale.ROOT), lengths.length,
                    median));
        }
        return out.toString().trim();
    }
}
