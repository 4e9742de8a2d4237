package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.descriptive.moment.Kurtosis;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    private static MarketData market;

    @BeforeAll
    static void generateDefaultMarket() {
        market = SyntheticMarket.generateDefault();
    }

    @Test
    void default_market_has_the_documented_shape_and_label() {
        assertThat(market.instrumentCount()).isEqualTo(120);
        assertThat(market.industries()).hasSize(8);
        assertThat(market.dates()[0]).isEqualTo(java.time.LocalDate.of(2010, 1, 4));
        assertThat(market.dates()[market.dayCount() - 1]).isEqualTo(java.time.LocalDate.of(2020, 12, 31));
        assertThat(market.dayCount()).isBetween(2800, 2880);
        assertThat(market.label()).isEqualTo("Built-in synthetic market (seed 20250101)");
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
        MarketData other = SyntheticMarket.generate(SyntheticMarketConfig.defaults().withSeed(7));
        assertThat(DatasetHash.of(again)).isEqualTo(DatasetHash.of(market));
        assertThat(DatasetHash.of(other)).isNotEqualTo(DatasetHash.of(market));
        assertThat(other.label()).isEqualTo("Built-in synthetic market (seed 7)");
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
    void each_regime_covers_between_15_and_60_percent_of_days() {
        Map<Regime, Integer> counts = new EnumMap<>(Regime.class);
        for (Regime r : market.trueRegimes()) {
            counts.merge(r, 1, Integer::sum);
        }
        System.out.println("regime days: " + counts);
        for (Regime r : Regime.values()) {
            assertThat(counts.getOrDefault(r, 0) / (double) market.dayCount()).as(r.name()).isBetween(0.15, 0.60);
        }
    }

    @Test
    void market_returns_have_fat_tails_and_volatility_clustering() {
        double[] r = Arrays.copyOfRange(LogReturns.logReturns(market.marketIndex()), 1, market.dayCount());
        double excessKurtosis = new Kurtosis().evaluate(r);
        double[] abs = Arrays.stream(r).map(Math::abs).toArray();
        double lag1 = new org.hipparchus.stat.correlation.PearsonsCorrelation().correlation(
                Arrays.copyOfRange(abs, 0, abs.length - 1), Arrays.copyOfRange(abs, 1, abs.length));
        System.out.printf("market: excess kurtosis %.2f, acf|r|(1) %.3f, ann. vol %.3f%n", excessKurtosis, lag1,
                new StandardDeviation().evaluate(r) * Math.sqrt(252));
        assertThat(excessKurtosis).isGreaterThan(1.0);
        assertThat(lag1).isGreaterThan(0.1);
    }

    @Test
    void earnings_yield_predicts_next_day_returns_modestly_and_significantly() {
        double[][] ey = new double[market.instrumentCount()][market.dayCount()];
        for (int i = 0; i < ey.length; i++) {
            for (int d = 0; d < market.dayCount(); d++) {
                ey[i][d] = market.earningsPerShare()[i][d] / market.close()[i][d];
            }
        }
        double[] ic = dailyRankIc(ey, 0, market.dayCount());
        double t = tStat(ic);
        System.out.printf("earnings yield: mean Rank IC %.4f, t %.1f%n", new Mean().evaluate(ic), t);
        assertThat(Math.abs(new Mean().evaluate(ic))).isBetween(0.01, 0.12);
        assertThat(t).isGreaterThan(3);
    }

    @Test
    void momentum_pays_in_bull_markets_and_reverses_in_bear_markets() {
        int window = 60;
        double[][] close = market.close();
        double[][] momentum = new double[close.length][market.dayCount()];
        for (int i = 0; i < close.length; i++) {
            for (int d = 0; d < market.dayCount(); d++) {
                momentum[i][d] = d < window ? Double.NaN : Math.log(close[i][d] / close[i][d - window]);
            }
        }
        double[] ic = dailyRankIc(momentum, window, market.dayCount());
        double bull = meanIcIn(ic, window, Regime.BULL);
        double bear = meanIcIn(ic, window, Regime.BEAR);
        System.out.printf("momentum: mean Rank IC %.4f (t %.1f), bull %.4f, bear %.4f%n",
                new Mean().evaluate(ic), tStat(ic), bull, bear);
        assertThat(bull).isGreaterThan(0.01);
        assertThat(bear).isLessThan(-0.01);
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
        double[] ic = dailyRankIc(noise, 0, market.dayCount());
        System.out.printf("noise: mean Rank IC %.4f, t %.2f%n", new Mean().evaluate(ic), tStat(ic));
        assertThat(Math.abs(tStat(ic))).isLessThan(3);
    }

    /** Rank IC of day d's factor against the log return from d to d+1, for d in [from, to − 1). */
    private static double[] dailyRankIc(double[][] factor, int from, int to) {
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        double[][] close = market.close();
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

    private double meanIcIn(double[] ic, int from, Regime regime) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < ic.length; k++) {
            if (market.trueRegimes()[from + k + 1] == regime) {
                sum += ic[k];
                count++;
            }
        }
        return sum / count;
    }

    private static double tStat(double[] x) {
        return new Mean().evaluate(x) / (new StandardDeviation().evaluate(x) / Math.sqrt(x.length));
    }
}
