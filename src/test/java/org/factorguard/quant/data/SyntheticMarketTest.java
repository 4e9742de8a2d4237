package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in market (generator version 3) against its class comment and the magnitudes of RESEARCH-RULES.md.
 * Properties that depend on the regime path are checked over several seeds, so that they hold for the process
 * and not for one lucky draw; the calibration figures themselves are printed by CalibrationBenchmark.
 */
class SyntheticMarketTest {

    /** The default seed and four more, generated once for the multi-seed checks. */
    private static final long[] SEEDS = {SyntheticMarketConfig.DEFAULT_SEED, 1, 2, 3, 4};
    private static final Map<Long, MarketData> MARKETS = new LinkedHashMap<>();
    private static MarketData market;

    @BeforeAll
    static void generateMarkets() {
        for (long seed : SEEDS) {
            MARKETS.put(seed, SyntheticMarket.generate(SyntheticMarketConfig.defaults().withSeed(seed)));
        }
        market = MARKETS.get(SyntheticMarketConfig.DEFAULT_SEED);
    }

    @Test
    void default_market_has_the_documented_shape_and_label() {
        assertThat(market.instrumentCount()).isEqualTo(120);
        assertThat(market.industries()).hasSize(8);
        assertThat(market.dates()[0]).isEqualTo(LocalDate.of(2010, 1, 4));
        assertThat(market.dates()[market.dayCount() - 1]).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(market.dayCount()).isBetween(2800, 2880);
        assertThat(market.label()).isEqualTo("Built-in synthetic market (generator v3, seed 20250108)");
        assertThat(market.trueRegimes()).hasSize(market.dayCount()).doesNotContainNull();
        assertThat(market.contentHash()).isEqualTo(DatasetHash.of(market));
        assertThat(market.marketIndexMethod()).isEqualTo(IndexMethod.CAP_WEIGHTED);
    }

    @Test
    void bars_are_consistent_and_fundamentals_are_positive() {
        for (int i = 0; i < market.instrumentCount(); i++) {
            for (int d = 0; d < market.dayCount(); d++) {
                double c = market.close()[i][d];
                assertThat(c).isPositive();
                assertThat(market.low()[i][d]).isLessThanOrEqualTo(Math.min(c, market.open()[i][d]));
                assertThat(market.high()[i][d]).isGreaterThanOrEqualTo(Math.max(c, market.open()[i][d]));
                assertThat(market.volume()[i][d]).isPositive();
                assertThat(market.sharesOutstanding()[i][d]).isPositive();
                assertThat(market.bookValuePerShare()[i][d]).isPositive();
            }
        }
    }

    @Test
    void earnings_are_published_quarterly_with_a_lag() {
        double[] eps = market.earningsPerShare()[0];
        int changes = 0;
        for (int d = 1; d < eps.length; d++) {
            if (eps[d] != eps[d - 1]) {
                changes++;
                int month = market.dates()[d].getMonthValue();
                // quarter ends Mar/Jun/Sep/Dec + 35..55 days: published in Feb, May, Aug or Nov
                assertThat(month % 3).as("publication month of %s", market.dates()[d]).isEqualTo(2);
            }
        }
        assertThat(changes).isBetween(40, 45);
    }

    @Test
    void same_seed_gives_the_same_hash_and_another_seed_a_different_one() {
        MarketData again = SyntheticMarket.generate(SyntheticMarketConfig.defaults());
        MarketData other = MARKETS.get(1L);
        assertThat(DatasetHash.of(again)).isEqualTo(DatasetHash.of(market));
        assertThat(DatasetHash.of(other)).isNotEqualTo(DatasetHash.of(market));
        assertThat(other.label()).isEqualTo("Built-in synthetic market (generator v3, seed 1)");
    }

    @Test
    void the_default_market_of_generator_version_3_keeps_its_hash() {
        // The contract of a generator version: a stored built-in market is this content. Any change to the
        // generating process must come with a new SyntheticMarketConfig.CURRENT_VERSION, never a new hash here.
        // (Version 2's default market, seed 20250101, was
        // 0f67bf18004b413c67d30bb991701129138fc8f96476b8d0d6daf22e33c53852.)
        assertThat(SyntheticMarketConfig.CURRENT_VERSION).isEqualTo(3);
        assertThat(DatasetHash.of(market)).isEqualTo(DEFAULT_MARKET_HASH_V3);
    }

    private static final String DEFAULT_MARKET_HASH_V3 =
            "56f0266e38c5af0c679fa9b3dee6e57866c020f7a614abc65ba240d1619c5ee5";

    @Test
    void the_default_seed_is_the_first_seed_whose_market_meets_the_market_only_rule() {
        // docs/calibration.md: the rule reads the index and the true regimes only, never a model or the dating
        for (long seed = DefaultSeedRule.FIRST_SEED; seed < SyntheticMarketConfig.DEFAULT_SEED; seed++) {
            DefaultSeedRule.Verdict verdict = DefaultSeedRule.judge(seed);
            System.out.println(verdict.describe());
            assertThat(verdict.meets()).as(verdict.describe()).isFalse();
        }
        DefaultSeedRule.Verdict chosen = DefaultSeedRule.judge(market, SyntheticMarketConfig.DEFAULT_SEED);
        System.out.println(chosen.describe());
        assertThat(chosen.failures()).isEmpty();
        assertThat(chosen.outOfSample().values()).allSatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(0.10));
    }

    @Test
    void only_the_current_generator_version_is_generated() {
        assertThat(SyntheticMarketConfig.defaults().version()).isEqualTo(SyntheticMarketConfig.CURRENT_VERSION);
        assertThatThrownBy(() -> new SyntheticMarketConfig(1L, 12, 3, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generator version 1 is not available");
    }

    @Test
    void generating_the_default_market_takes_less_than_two_seconds() {
        // CPU time of this thread, so that a busy build machine does not make the test flaky
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        SyntheticMarket.generateDefault();
        double seconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("default synthetic market generated in %.3f s CPU (%.3f s wall)%n", seconds,
                (System.nanoTime() - start) / 1e9);
        assertThat(seconds).isLessThan(2.0);
    }

    @Test
    void the_true_regimes_are_the_plan_s_spells() {
        SyntheticMarket.Plan plan = SyntheticMarket.plan(SyntheticMarketConfig.defaults());
        assertThat(market.trueRegimes()).containsExactly(plan.regimes());
        List<SyntheticMarket.Spell> spells = plan.spells();
        assertThat(spells.getFirst().start()).isZero();
        assertThat(spells.getLast().end()).isEqualTo(market.dayCount());
        for (int k = 1; k < spells.size(); k++) {
            assertThat(spells.get(k).start()).isEqualTo(spells.get(k - 1).end());
            assertThat(spells.get(k).regime()).isNotEqualTo(spells.get(k - 1).regime());
        }
    }

    @Test
    void regime_spells_last_as_long_as_real_ones_over_many_seeds() {
        Map<Regime, List<Integer>> lengths = new EnumMap<>(Regime.class);
        int afterBearBottoms = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<SyntheticMarket.Spell> spells =
                    SyntheticMarket.plan(SyntheticMarketConfig.defaults().withSeed(seed)).spells();
            for (int k = 0; k < spells.size(); k++) {
                SyntheticMarket.Spell s = spells.get(k);
                int ordinal = s.regime().ordinal();
                if (k < spells.size() - 1) { // the last one runs to the end of the data
                    assertThat(s.length()).as("seed %d spell %s", seed, s)
                            .isBetween(SyntheticMarket.MIN_SPELL[ordinal], SyntheticMarket.MAX_SPELL[ordinal]);
                    lengths.computeIfAbsent(s.regime(), r -> new ArrayList<>()).add(s.length());
                } else {
                    assertThat(s.length()).as("seed %d last spell %s", seed, s)
                            .isGreaterThanOrEqualTo(SyntheticMarket.MIN_SPELL[ordinal]);
                }
                if (k >= 2 && spells.get(k - 1).regime() == Regime.SIDEWAYS
                        && spells.get(k - 2).regime() == Regime.BEAR) {
                    assertThat(s.regime()).as("after a bear market's sideways bottom").isEqualTo(Regime.BULL);
                    afterBearBottoms++;
                }
            }
        }
        Map<Regime, Double> meanYears = new EnumMap<>(Regime.class);
        lengths.forEach((r, l) -> meanYears.put(r, l.stream().mapToInt(i -> i).average().orElseThrow() / 252));
        System.out.println("mean spell length in years over 40 seeds: " + meanYears + ", sideways bottoms after a bear "
                + afterBearBottoms);
        // documented means: bull 504 days (2 years), bear 294 (1.17 years), sideways 252 (1 year)
        assertThat(meanYears.get(Regime.BULL)).isBetween(1.75, 2.25);
        assertThat(meanYears.get(Regime.BEAR)).isBetween(0.95, 1.4);
        assertThat(meanYears.get(Regime.SIDEWAYS)).isBetween(0.85, 1.15);
        assertThat(afterBearBottoms).isPositive();
    }

    @Test
    void sideways_spells_are_really_sideways() {
        for (Map.Entry<Long, MarketData> e : MARKETS.entrySet()) {
            for (TrueSpells.Move s : TrueSpells.of(e.getValue())) {
                if (s.regime() == Regime.SIDEWAYS) {
                    assertThat(Math.abs(s.annualDrift())).as("seed %d sideways spell from day %d (%d days)",
                            e.getKey(), s.start(), s.length()).isLessThanOrEqualTo(0.05);
                    assertThat(s.range()).as("the index still moves within the spell").isGreaterThan(0.03);
                }
            }
        }
    }

    @Test
    void sideways_spells_are_trading_ranges_over_many_seeds() {
        // v3's support and resistance: a volatility burst inside a sideways spell no longer makes a bear market of it
        // (v2, same 40 seeds: 50 of 87 spells spanned more than 15 %, the widest 69 %)
        List<Double> ranges = new ArrayList<>();
        for (long seed = 1; seed <= 40; seed++) {
            MarketData m = SyntheticMarket.generate(SyntheticMarketConfig.defaults().withSeed(seed));
            for (TrueSpells.Move s : TrueSpells.of(m)) {
                if (s.regime() == Regime.SIDEWAYS) {
                    ranges.add(Math.expm1(s.range()));
                }
            }
        }
        long narrow = ranges.stream().filter(r -> r <= 0.15).count();
        System.out.printf("sideways spells over 40 seeds: %d, within a 15 %% band %d, widest %.1f %%%n", ranges.size(),
                narrow, 100 * ranges.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(ranges).hasSizeGreaterThan(60).allSatisfy(r -> assertThat(r).isLessThan(0.35));
        assertThat(narrow).isGreaterThanOrEqualTo(Math.round(0.6 * ranges.size()));
    }

    @Test
    void bear_spells_are_deep_and_bull_spells_rise() {
        List<Double> bearFalls = new ArrayList<>();
        List<Double> bullDrifts = new ArrayList<>();
        for (MarketData m : MARKETS.values()) {
            for (TrueSpells.Move s : TrueSpells.of(m)) {
                if (s.regime() == Regime.BEAR) {
                    bearFalls.add(s.peakToTrough());
                } else if (s.regime() == Regime.BULL) {
                    bullDrifts.add(s.annualDrift());
                }
            }
        }
        System.out.println("peak-to-trough falls of the bear spells: " + bearFalls);
        System.out.println("annual drifts of the bull spells: " + bullDrifts);
        assertThat(median(bullDrifts)).as("median bull spell drift").isGreaterThan(0.10);
        assertThat(bullDrifts.stream().filter(d -> d > 0.05).count()).as("bull spells rising 5 % a year or more")
                .isGreaterThanOrEqualTo(Math.round(0.8 * bullDrifts.size()));
        double[] sorted = bearFalls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertThat(sorted.length).isGreaterThanOrEqualTo(8);
        assertThat(sorted[sorted.length / 2]).as("median bear spell fall").isLessThanOrEqualTo(-0.25);
        assertThat(bearFalls.stream().filter(f -> f <= -0.20).count()).as("bear spells falling 20 % or more")
                .isGreaterThanOrEqualTo(Math.round(0.8 * sorted.length));
    }

    @Test
    void the_index_has_realistic_volatility_sharpe_and_drawdowns_across_seeds() {
        List<Double> sharpes = new ArrayList<>();
        List<Double> drawdowns = new ArrayList<>();
        for (Map.Entry<Long, MarketData> e : MARKETS.entrySet()) {
            double[] r = simpleReturns(e.getValue().marketIndex());
            double volatility = new StandardDeviation().evaluate(r) * Math.sqrt(252);
            double sharpe = new Mean().evaluate(r) / new StandardDeviation().evaluate(r) * Math.sqrt(252);
            double drawdown = maxDrawdown(e.getValue().marketIndex());
            System.out.printf("seed %d: index volatility %.1f %%, Sharpe %.2f, max drawdown %.1f %%%n", e.getKey(),
                    100 * volatility, sharpe, 100 * drawdown);
            assertThat(volatility).as("seed %d volatility", e.getKey()).isBetween(0.14, 0.26);
            assertThat(drawdown).as("seed %d max drawdown", e.getKey()).isBetween(-0.70, -0.15);
            sharpes.add(sharpe);
            drawdowns.add(drawdown);
        }
        assertThat(median(sharpes)).as("median index Sharpe").isBetween(0.2, 0.8);
        assertThat(median(drawdowns)).as("median index max drawdown").isBetween(-0.55, -0.25);
    }

    @Test
    void each_regime_covers_between_5_and_75_percent_of_days() {
        for (Map.Entry<Long, MarketData> e : MARKETS.entrySet()) {
            Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
            for (Regime r : e.getValue().trueRegimes()) {
                counts.merge(r, 1, Integer::sum);
            }
            System.out.println("seed " + e.getKey() + " regime days: " + counts);
            for (Regime r : Regime.values()) {
                assertThat(counts.getOrDefault(r, 0) / (double) e.getValue().dayCount())
                        .as("seed %d %s", e.getKey(), r).isBetween(0.05, 0.75);
            }
        }
    }

    @Test
    void market_returns_have_fat_tails_and_volatility_clustering() {
        double[] r = Arrays.copyOfRange(LogReturns.logReturns(market.marketIndex()), 1, market.dayCount());
        double excessKurtosis = new Kurtosis().evaluate(r);
        double[] abs = Arrays.stream(r).map(Math::abs).toArray();
        double lag1 = new PearsonsCorrelation().correlation(
                Arrays.copyOfRange(abs, 0, abs.length - 1), Arrays.copyOfRange(abs, 1, abs.length));
        System.out.printf("market: excess kurtosis %.2f, acf|r|(1) %.3f, ann. vol %.3f%n", excessKurtosis, lag1,
                new StandardDeviation().evaluate(r) * Math.sqrt(252));
        assertThat(excessKurtosis).isGreaterThan(1.0);
        assertThat(lag1).isGreaterThan(0.1);
    }

    @Test
    void earnings_yield_predicts_next_day_returns_weakly_but_significantly() {
        double[] ic = dailyRankIc(market, earningsYield(market), 0, market.dayCount());
        double t = tStat(ic);
        System.out.printf("earnings yield: mean Rank IC %.4f, t %.1f%n", new Mean().evaluate(ic), t);
        // 0.85–1.7 bp a day per σ against a daily cross-sectional spread of about 2 %: a Rank IC below 0.01;
        // version 1's 4–8 bp gave 0.035, which is above what real value signals reach day by day
        assertThat(new Mean().evaluate(ic)).isBetween(0.003, 0.025);
        assertThat(t).isGreaterThan(3);
    }

    @Test
    void momentum_pays_in_bull_markets_and_reverses_in_bear_markets() {
        int window = 60;
        List<Double> bull = new ArrayList<>();
        List<Double> bear = new ArrayList<>();
        for (MarketData m : MARKETS.values()) {
            double[][] close = m.close();
            double[][] momentum = new double[close.length][m.dayCount()];
            for (int i = 0; i < close.length; i++) {
                for (int d = 0; d < m.dayCount(); d++) {
                    momentum[i][d] = d < window ? Double.NaN : Math.log(close[i][d] / close[i][d - window]);
                }
            }
            double[] ic = dailyRankIc(m, momentum, window, m.dayCount());
            for (int k = 0; k < ic.length; k++) {
                Regime next = m.trueRegimes()[window + k + 1];
                if (next == Regime.BULL) {
                    bull.add(ic[k]);
                } else if (next == Regime.BEAR) {
                    bear.add(ic[k]);
                }
            }
        }
        double bullMean = bull.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double bearMean = bear.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("momentum over %d seeds: mean Rank IC bull %.4f (%d days), bear %.4f (%d days)%n",
                MARKETS.size(), bullMean, bull.size(), bearMean, bear.size());
        assertThat(bullMean).isPositive();
        assertThat(bearMean).isNegative();
        assertThat(bullMean - bearMean).isBetween(0.005, 0.04);
    }

    @Test
    void factor_returns_follow_the_plan_s_premia_and_shocks_day_by_day() {
        for (long seed : new long[] {SyntheticMarketConfig.DEFAULT_SEED, 1, 2}) {
            MarketData m = MARKETS.get(seed);
            SyntheticMarket.Plan plan = SyntheticMarket.plan(SyntheticMarketConfig.defaults().withSeed(seed));
            double[][] ey = earningsYield(m);
            int days = m.dayCount();
            SimpleRegression regression = new SimpleRegression();
            double[] realised = new double[days - 1];
            double[] planned = new double[days - 1];
            for (int t = 0; t < days - 1; t++) {
                realised[t] = crossSectionalSlope(m, ey, t);
                planned[t] = plan.premia()[SyntheticMarket.EP][t + 1] + plan.factorShocks()[SyntheticMarket.EP][t + 1];
                regression.addData(planned[t], realised[t]);
            }
            double correlation = new PearsonsCorrelation().correlation(planned, realised);
            System.out.printf("seed %d: EP factor return on the plan's λ + ω ξ: slope %.2f, correlation %.3f%n", seed,
                    regression.getSlope(), correlation);
            // other factors' shocks and idiosyncratic noise blur the daily factor return but do not bias it
            assertThat(regression.getSlope()).isBetween(0.8, 1.2);
            assertThat(correlation).isGreaterThan(0.2);
        }
    }

    @Test
    void premia_wander_persistently_around_their_regime_means() {
        for (long seed : SEEDS) {
            SyntheticMarket.Plan plan = SyntheticMarket.plan(SyntheticMarketConfig.defaults().withSeed(seed));
            for (int k = 0; k < SyntheticMarket.PREMIUM_NAMES.length; k++) {
                double[] deviation = new double[plan.regimes().length];
                for (int t = 0; t < deviation.length; t++) {
                    deviation[t] = plan.premia()[k][t]
                            - SyntheticMarket.PREMIUM_MEAN[k][plan.regimes()[t].ordinal()];
                }
                double sd = Math.sqrt(Arrays.stream(deviation).map(v -> v * v).average().orElseThrow());
                double lag1 = new PearsonsCorrelation().correlation(
                        Arrays.copyOfRange(deviation, 0, deviation.length - 1),
                        Arrays.copyOfRange(deviation, 1, deviation.length));
                String name = SyntheticMarket.PREMIUM_NAMES[k];
                // AR(1) with φ = 0.99 over ~2,800 days: about 40 half-lives, so the sample SD scatters by ~25 %
                assertThat(sd).as("seed %d %s premium noise", seed, name)
                        .isBetween(0.5 * SyntheticMarket.PREMIUM_NOISE[k], 1.6 * SyntheticMarket.PREMIUM_NOISE[k]);
                assertThat(lag1).as("seed %d %s persistence", seed, name).isBetween(0.97, 0.999);
                double shockSd = new StandardDeviation().evaluate(plan.factorShocks()[k]);
                assertThat(shockSd / SyntheticMarket.FACTOR_SHOCK[k]).as("seed %d %s shock size", seed, name)
                        .isBetween(0.9, 1.1);
            }
        }
    }

    @Test
    void a_random_characteristic_has_no_predictive_power() {
        SplittableRandom rng = new SplittableRandom(99);
        double[][] noise = new double[market.instrumentCount()][market.dayCount()];
        for (double[] row : noise) {
            for (int d = 0; d < row.length; d++) {
                row[d] = rng.nextGaussian();
            }
        }
        double[] ic = dailyRankIc(market, noise, 0, market.dayCount());
        System.out.printf("noise: mean Rank IC %.4f, t %.2f%n", new Mean().evaluate(ic), tStat(ic));
        assertThat(Math.abs(tStat(ic))).isLessThan(3);
    }

    private static double[][] earningsYield(MarketData m) {
        double[][] ey = new double[m.instrumentCount()][m.dayCount()];
        for (int i = 0; i < ey.length; i++) {
            for (int d = 0; d < m.dayCount(); d++) {
                ey[i][d] = m.earningsPerShare()[i][d] / m.close()[i][d];
            }
        }
        return ey;
    }

    /** OLS slope of day t+1's log returns on day t's factor z-scores (clipped to ±3), both demeaned. */
    private static double crossSectionalSlope(MarketData m, double[][] factor, int t) {
        int n = m.instrumentCount();
        double[] x = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = factor[i][t];
            r[i] = Math.log(m.close()[i][t + 1] / m.close()[i][t]);
        }
        double mean = new Mean().evaluate(x);
        double sd = new StandardDeviation().evaluate(x);
        double meanReturn = new Mean().evaluate(r);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Math.max(-3, Math.min(3, (x[i] - mean) / sd));
        }
        double meanZ = new Mean().evaluate(z);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < n; i++) {
            numerator += (z[i] - meanZ) * (r[i] - meanReturn);
            denominator += (z[i] - meanZ) * (z[i] - meanZ);
        }
        return numerator / denominator;
    }

    /** Rank IC of day d's factor against the log return from d to d+1, for d in [from, to − 1). */
    private static double[] dailyRankIc(MarketData m, double[][] factor, int from, int to) {
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        double[][] close = m.close();
        int n = close.length;
        double[] ic = new double[to - 1 - from];
        double[] f = new double[n];
        double[] r = new double[n];
        for (int d = from; d < to - 1; d++) {
            for (int i = 0; i < n; i++) {
                f[i] = factor[i][d];
                r[i] = Math.log(close[i][d + 1] / close[i][d]);
            }
            ic[d - from] = spearman.correlation(f, r);
        }
        return ic;
    }

    private static double[] simpleReturns(double[] level) {
        double[] r = new double[level.length - 1];
        for (int t = 1; t < level.length; t++) {
            r[t - 1] = level[t] / level[t - 1] - 1;
        }
        return r;
    }

    private static double maxDrawdown(double[] level) {
        double peak = level[0];
        double worst = 0;
        for (double v : level) {
            peak = Math.max(peak, v);
            worst = Math.min(worst, v / peak - 1);
        }
        return worst;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double tStat(double[] x) {
        return new Mean().evaluate(x) / (new StandardDeviation().evaluate(x) / Math.sqrt(x.length));
    }
}
