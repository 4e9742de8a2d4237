package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on a seeded random-walk market (60 stocks, 780 trading days over 2015–2017) with planted
 * next-day predictors: PLANTED (loading 0.002 on a N(0,1) signal against 2 % daily noise, Rank IC about 0.1),
 * UNSTABLE (loading +0.006 in 2015, −0.001 afterwards), PLANTED_ECHO = PLANTED + 0.35 × noise (redundant,
 * weaker), and NOISE (independent of returns).
 */
class FactorScreenTest {

    static final int STOCKS = 60;
    static final int DAYS = 780;
    static MarketData data;
    static List<Factor> factors;
    static ScreeningReport report;

    @BeforeAll
    static void screenPlantedMarket() {
        float[][] planted = RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 1);
        float[][] unstable = RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 2);
        float[][] noise = RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 3);
        float[][] echoNoise = RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 4);
        float[][] echo = new float[DAYS][STOCKS];
        for (int t = 0; t < DAYS; t++) {
            for (int i = 0; i < STOCKS; i++) {
                echo[t][i] = planted[t][i] + 0.35f * echoNoise[t][i];
            }
        }
        var dates = RandomWalkMarket.weekdays(DAYS);
        data = RandomWalkMarket.withPlantedSignals(STOCKS, DAYS, 99, new float[][][] {planted, unstable},
                (t, k) -> k == 0 ? 0.002 : (dates[t].getYear() == 2015 ? 0.006 : -0.001));
        factors = new ArrayList<>(List.of(
                new PrecomputedFactor("PLANTED", 1, planted),
                new PrecomputedFactor("PLANTED_ECHO", 1, echo),
                new PrecomputedFactor("UNSTABLE", 1, unstable),
                new PrecomputedFactor("NOISE", 0, noise)));
        factors.addAll(FactorLibrary.byIds(List.of("MOM_20", "VOL_20", "MARKET_RETURN")));
        report = new FactorScreen(ScreeningSettings.defaults())
                .screen(data, factors, CrossSectionalPreparation.Settings.defaults());
    }

    @Test
    void planted_factor_shows_a_significant_rank_ic_and_is_selected() {
        IcSummary rank = report.factor("PLANTED").rankIc();
        assertThat(rank.days()).isEqualTo(DAYS - 1);
        assertThat(rank.mean()).isBetween(0.06, 0.14);
        assertThat(rank.tStatistic()).isGreaterThan(10);
        assertThat(rank.pValue()).isLessThan(1e-6);
        assertThat(rank.shareWithSign()).isGreaterThan(0.7);
        assertThat(report.factor("PLANTED").ic().mean()).isBetween(0.06, 0.14);
        assertThat(report.decision("PLANTED").selected()).isTrue();
    }

    @Test
    void pure_noise_factor_is_not_significant_and_is_dropped() {
        IcSummary rank = report.factor("NOISE").rankIc();
        assertThat(Math.abs(rank.tStatistic())).isLessThan(3);
        assertThat(Math.abs(rank.mean())).isLessThan(0.01);
        assertThat(report.decision("NOISE").selected()).isFalse();
        assertThat(report.decision("NOISE").reason()).startsWith("dropped: |mean Rank IC|");
    }

    @Test
    void redundant_echo_loses_to_the_stronger_planted_factor() {
        assertThat(report.correlation("PLANTED", "PLANTED_ECHO")).isGreaterThan(0.9);
        assertThat(report.decision("PLANTED_ECHO").selected()).isFalse();
        assertThat(report.decision("PLANTED_ECHO").reason()).matches(
                "dropped: correlated 0\\.9\\d with PLANTED which has higher .*");
        assertThat(report.vif("PLANTED")).isGreaterThan(5);
        assertThat(report.vif("NOISE")).isLessThan(1.1);
    }

    @Test
    void sign_unstable_factor_is_dropped_although_its_mean_passes() {
        FactorEvaluation unstable = report.factor("UNSTABLE");
        assertThat(unstable.yearly()).extracting(YearlyIc::year).containsExactly(2015, 2016, 2017);
        assertThat(unstable.yearly().get(0).meanRankIc()).isGreaterThan(0.1);
        assertThat(unstable.yearly().get(1).meanRankIc()).isNegative();
        assertThat(unstable.rankIc().mean()).isGreaterThan(0.01);
        assertThat(report.decision("UNSTABLE").reason()).contains("sign unstable").contains("1 of 3 years");
    }

    @Test
    void ic_decays_with_the_horizon_of_a_one_day_signal() {
        List<HorizonIc> decay = report.factor("PLANTED").decay();
        assertThat(decay).extracting(HorizonIc::horizon).containsExactly(1, 5, 20);
        assertThat(decay.get(0).meanRankIc()).isGreaterThan(decay.get(1).meanRankIc());
        assertThat(decay.get(1).meanRankIc()).isGreaterThan(decay.get(2).meanRankIc());
    }

    @Test
    void market_level_factor_is_reported_but_not_ic_screened() {
        assertThat(report.factor("MARKET_RETURN").screenable()).isFalse();
        assertThat(report.correlationFactors()).doesNotContain("MARKET_RETURN");
        assertThat(report.decision("MARKET_RETURN").selected()).isFalse();
        assertThat(report.decisions()).hasSize(factors.size());
        assertThat(report.decisions()).allSatisfy(d
                -> assertThat(d.reason()).matches("(selected|dropped|not selected): .+"));
    }

    @Test
    void screen_rank_ic_equals_hipparchus_spearman_day_by_day_also_with_missing_values() {
        float[][] holey = RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 1);
        for (int t = 0; t < DAYS; t++) {
            holey[t][(t * 7) % STOCKS] = Float.NaN;   // a different instrument missing every day
        }
        List<Factor> pair = List.of(factors.get(0), new PrecomputedFactor("HOLEY", 1, holey));
        FactorPanel prepared = FactorPanelBuilder.prepared(data, pair,
                CrossSectionalPreparation.Settings.defaults()).panel();
        ScreeningReport own = new FactorScreen(ScreeningSettings.defaults()).screen(prepared, data, pair);
        double[][] labels = ForwardReturns.logReturns(data, 1);
        InformationCoefficient reference = new InformationCoefficient(10);
        for (int f = 0; f < 2; f++) {
            double[] daily = own.factors().get(f).dailyRankIc();
            double[] dailyPearson = own.factors().get(f).dailyIc();
            for (int t = 0; t < DAYS; t += 13) {
                assertThat(daily[t]).as("day %d", t).isCloseTo(reference.rank(prepared.values(f)[t], labels[t]),
                        within(1e-12));
                assertThat(dailyPearson[t]).isCloseTo(reference.pearson(prepared.values(f)[t], labels[t]),
                        within(1e-12));
            }
            assertThat(daily[DAYS - 1]).as("no forward return on the last day").isNaN();
        }
    }

    @Test
    void pooled_pearson_correlation_equals_hipparchus_and_is_nan_for_a_constant_column() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double[] x = new double[5_000];
        double[] y = new double[5_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + random.nextGaussian();
            y[i] = 0.4 * x[i] + random.nextGaussian() * 1e-3 * (1 + i % 7);
        }
        for (int m : new int[] {3, 17, 4_999}) {
            double expected = new org.hipparchus.stat.correlation.PearsonsCorrelation()
                    .correlation(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m));
            assertThat(FactorScreen.pearson(x, y, m)).as("first %d pairs", m).isCloseTo(expected, within(1e-12));
        }
        assertThat(FactorScreen.pearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, 4)).isNaN();
    }

    @Test
    void report_survives_java_serialisation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ScreeningReport copy = (ScreeningReport) in.readObject();
            assertThat(copy.selected()).isEqualTo(report.selected());
            assertThat(copy.factor("PLANTED").rankIc()).isEqualTo(report.factor("PLANTED").rankIc());
        }
    }

    @Test
    void default_screen_gives_every_default_factor_a_decision() {
        MarketData walk = RandomWalkMarket.generate(60, 300, 5);
        ScreeningReport defaults = FactorScreen.screenWithDefaults(walk);
        assertThat(defaults.decisions()).extracting(SelectionDecision::factorId)
                .containsExactlyElementsOf(FactorLibrary.defaults().stream().map(Factor::id).toList());
        assertThat(defaults.decision("MOM_12_1").reason()).startsWith("dropped: only");
    }

    @Test
    void a_window_screened_from_the_daily_series_equals_the_screen_of_that_window_cut_out() {
        int from = 150;
        int to = 560;
        FactorPanel panel = FactorPanelBuilder.prepared(data, factors, CrossSectionalPreparation.Settings.defaults())
                .panel();
        List<ScreeningCandidate> candidates = factors.stream().map(ScreeningCandidate::of).toList();
        java.util.Map<Integer, double[][]> forward = forwardReturns(data);
        FactorScreen screen = new FactorScreen(ScreeningSettings.defaults());
        ScreeningReport window = screen.screenWindow(screen.dailySeries(panel, candidates, forward), from, to,
                to - 1 + 20);

        java.util.Map<Integer, double[][]> cutForward = new java.util.TreeMap<>();
        forward.forEach((h, labels) -> cutForward.put(h, java.util.Arrays.copyOfRange(labels, from, to)));
        ScreeningReport cut = screen.screen(slice(panel, from, to), candidates, cutForward);

        assertThat(window.dates()).containsExactly(cut.dates());
        assertThat(window.decisions()).isEqualTo(cut.decisions());
        assertThat(window.selected()).isNotEmpty().isEqualTo(cut.selected());
        assertThat(window.vif()).containsExactly(cut.vif());
        for (int k = 0; k < window.correlation().length; k++) {
            assertThat(window.correlation()[k]).containsExactly(cut.correlation()[k]);
        }
        for (FactorEvaluation e : window.factors()) {
            FactorEvaluation c = cut.factor(e.factorId());
            assertThat(e.rankIc()).isEqualTo(c.rankIc());
            assertThat(e.ic()).isEqualTo(c.ic());
            assertThat(e.decay()).isEqualTo(c.decay());
            assertThat(e.yearly()).isEqualTo(c.yearly());
            assertThat(e.dailyRankIc()).containsExactly(c.dailyRankIc());
        }
    }

    @Test
    void a_window_leaves_out_every_label_not_known_by_its_cut_off_and_ignores_later_prices() {
        int from = 100;
        int to = 500;
        int knownThrough = to - 1;
        FactorScreen screen = new FactorScreen(ScreeningSettings.defaults());
        List<ScreeningCandidate> candidates = factors.stream().map(ScreeningCandidate::of).toList();
        ScreeningReport window = screenWindow(screen, data, candidates, from, to, knownThrough);

        FactorEvaluation planted = window.factor("PLANTED");
        assertThat(planted.dailyRankIc()[to - from - 2]).as("a 1-day label known on the last day").isFinite();
        assertThat(planted.dailyRankIc()[to - from - 1]).as("a 1-day label ending after the cut-off").isNaN();
        assertThat(planted.decay()).extracting(HorizonIc::days)
                .containsExactly(to - 1 - from, to - 5 - from, to - 20 - from);

        MarketData later = RandomWalkMarket.withPlantedSignals(STOCKS, DAYS, 12345, new float[][][] {
                RandomWalkMarket.gaussianPanel(DAYS, STOCKS, 1)}, (t, k) -> 0.01);
        MarketData spliced = closesFrom(data, later, knownThrough + 1);
        ScreeningReport again = screenWindow(screen, spliced, candidates, from, to, knownThrough);
        assertThat(again.decisions()).isEqualTo(window.decisions());
        for (FactorEvaluation e : window.factors()) {
            assertThat(again.factor(e.factorId()).rankIc()).isEqualTo(e.rankIc());
            assertThat(again.factor(e.factorId()).decay()).isEqualTo(e.decay());
        }
        assertThat(screenWindow(screen, spliced, candidates, from, to, knownThrough + 20).factor("PLANTED").decay())
                .as("the test can fail: with a later cut-off the spliced prices do change the screen")
                .isNotEqualTo(screenWindow(screen, data, candidates, from, to, knownThrough + 20).factor("PLANTED")
                        .decay());
    }

    private static ScreeningReport screenWindow(FactorScreen screen, MarketData market,
                                                List<ScreeningCandidate> candidates, int from, int to,
                                                int knownThrough) {
        FactorPanel panel = FactorPanelBuilder.prepared(market, factors, CrossSectionalPreparation.Settings.defaults())
                .panel();
        return screen.screenWindow(screen.dailySeries(panel, candidates, forwardReturns(market)), from, to,
                knownThrough);
    }

    private static java.util.Map<Integer, double[][]> forwardReturns(MarketData market) {
        java.util.Map<Integer, double[][]> forward = new java.util.TreeMap<>();
        for (int h : ScreeningSettings.defaults().horizons()) {
            forward.put(h, ForwardReturns.logReturns(market, h));
        }
        return forward;
    }

    private static FactorPanel slice(FactorPanel panel, int from, int to) {
        float[][][] values = new float[panel.factorCount()][][];
        for (int k = 0; k < values.length; k++) {
            values[k] = java.util.Arrays.copyOfRange(panel.values(k), from, to);
        }
        return new FactorPanel(panel.factorNames(), java.util.Arrays.copyOfRange(panel.dates(), from, to),
                panel.tickers(), values, panel.prepared());
    }

    /** {@code base}'s closes up to day {@code day − 1}, then {@code other}'s closes rescaled to continue them. */
    private static MarketData closesFrom(MarketData base, MarketData other, int day) {
        double[][] close = new double[base.instrumentCount()][];
        for (int i = 0; i < close.length; i++) {
            close[i] = base.close()[i].clone();
            double scale = base.close()[i][day - 1] / other.close()[i][day - 1];
            for (int t = day; t < close[i].length; t++) {
                close[i][t] = other.close()[i][t] * scale;
            }
        }
        return MarketData.builder(base.dates().clone(), base.instruments()).label("spliced").close(close)
                .volume(base.volume()).sharesOutstanding(base.sharesOutstanding())
                .earningsPerShare(base.earningsPerShare()).bookValuePerShare(base.bookValuePerShare()).build();
    }
}
