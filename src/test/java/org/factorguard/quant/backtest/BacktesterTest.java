package org.factorguard.quant.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static LocalDate[] weekdays(int n) {
        LocalDate[] dates = new LocalDate[n];
        LocalDate d = LocalDate.of(2024, 1, 1); // a Monday
        for (int i = 0; i < n; i++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            dates[i] = d;
            d = d.plusDays(1);
        }
        return dates;
    }

    private static MarketData market(double[][] close) {
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < close.length; i++) {
            instruments.add(new Instrument("S" + i, null, "Industry" + (i % 2)));
        }
        return MarketData.builder(weekdays(close[0].length), instruments).close(close).build();
    }

    @Test
    void three_asset_path_gives_hand_computed_returns_and_costs() {
        MarketData data = market(new double[][] {
                {100, 100, 110, 121, 121},
                {100, 100, 100, 90, 99},
                {50, 50, 50, 50, 55}});
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.DAILY, 10));
        BacktestResult r = bt.run("half-half", data, 0, 4, ctx -> new double[] {0.5, 0.5, 0.0});
        double c = 0.001;
        // day 1: still cash, buy at the close: turnover 1
        // day 2: A +10 %, B 0 → +5 %; drifted 0.55/1.05, 0.5/1.05 → turnover 2·0.025/1.05 = 0.05/1.05
        // day 3: A +10 %, B −10 % → 0; drifted 0.55, 0.45 → turnover 0.1
        // day 4: A 0, B +10 %, C +10 % (not held) → +5 %; no more trades (last decision day is end − 2)
        double to2 = 0.05 / 1.05;
        assertThat(r.decisionDays()).containsExactly(0, 1, 2);
        assertThat(r.turnover()).containsExactly(new double[] {1.0, to2, 0.1}, within(1e-12));
        assertThat(r.returns()).containsExactly(new double[] {
                -c * 1.0,
                1.05 * (1 - c * to2) - 1,
                (1 - c * 0.1) - 1,
                0.05}, within(1e-12));
        assertThat(r.costs()).containsExactly(new double[] {c, c * to2, c * 0.1}, within(1e-15));
        double equity = (1 - c) * 1.05 * (1 - c * to2) * (1 - c * 0.1) * 1.05;
        assertThat(r.equity()[3]).isCloseTo(equity, within(1e-12));
        assertThat(r.grossExposure()).containsExactly(new double[] {1, 1, 1, 1}, within(1e-12));
        assertThat(r.dates()).containsExactly(java.util.Arrays.copyOfRange(data.dates(), 1, 5));
    }

    @Test
    void weights_drift_between_monthly_rebalances() {
        int days = 60;
        double[][] close = new double[2][days];
        for (int d = 0; d < days; d++) {
            close[0][d] = 100 * Math.pow(1.01, d);
            close[1][d] = 100;
        }
        MarketData data = market(close);
        BacktestResult r = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.MONTHLY, 0))
                .run("monthly", data, 0, days - 1, ctx -> new double[] {0.5, 0.5});
        // decision on day 0 and on the last trading day of January and February 2024
        assertThat(r.decisionDays()).hasSize(3);
        for (int k = 1; k < r.decisionDays().length; k++) {
            int t = r.decisionDays()[k];
            assertThat(data.dates()[t].getMonth()).isNotEqualTo(data.dates()[t + 1].getMonth());
        }
        // day 3 (between rebalances): held weights drifted towards asset 0, return = w0·1 %
        double w0 = 0.5 * 1.01 / (0.5 * 1.01 + 0.5);
        assertThat(r.returns()[2]).isCloseTo(w0 * 0.01, within(1e-12));
    }

    @Test
    void weekly_schedule_decides_on_the_last_trading_day_of_each_week() {
        LocalDate[] dates = weekdays(15);
        List<Integer> decided = new ArrayList<>();
        for (int d = 0; d < dates.length; d++) {
            if (RebalanceFrequency.WEEKLY.isRebalanceDay(dates, d)) {
                decided.add(d);
            }
        }
        assertThat(decided).containsExactly(4, 9, 14);
        assertThat(dates[4].getDayOfWeek().getValue()).isEqualTo(5);
    }

    @Test
    void the_policy_never_sees_prices_after_its_decision_day() {
        SplittableRandom random = new SplittableRandom(99);
        int n = 5;
        int days = 120;
        double[][] close = new double[n][days];
        for (int i = 0; i < n; i++) {
            close[i][0] = 100;
            for (int d = 1; d < days; d++) {
                close[i][d] = close[i][d - 1] * (1 + 0.02 * random.nextGaussian());
            }
        }
        int cut = 70;
        double[][] perturbed = new double[n][];
        for (int i = 0; i < n; i++) {
            perturbed[i] = close[i].clone();
            for (int d = cut + 1; d < days; d++) {
                perturbed[i][d] *= 1 + 0.5 * random.nextDouble();
            }
        }
        // momentum over 20 days on information of the context only; also uses equity and drawdown
        WeightPolicy momentum = ctx -> {
            double[] w = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                int from = Math.max(0, ctx.day() - 20);
                double m = ctx.close(i, ctx.day()) / ctx.close(i, from) - 1;
                w[i] = Math.max(0, m) + 0.01;
                total += w[i];
            }
            double scale = ctx.drawdown() < -0.1 ? 0.5 : 1.0;
            for (int i = 0; i < n; i++) {
                w[i] = w[i] / total * scale;
            }
            return w;
        };
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.DAILY, 5));
        BacktestResult a = bt.run("a", market(close), 20, days - 1, momentum);
        BacktestResult b = bt.run("b", market(perturbed), 20, days - 1, momentum);
        int compared = 0;
        for (int k = 0; k < a.decisionDays().length; k++) {
            if (a.decisionDays()[k] <= cut) {
                assertThat(b.targetWeights()[k]).containsExactly(a.targetWeights()[k]);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(cut - 20 + 1);
        // returns up to the cut are identical, after it they differ
        assertThat(java.util.Arrays.copyOf(b.returns(), cut - 20)).containsExactly(
                java.util.Arrays.copyOf(a.returns(), cut - 20));
        assertThat(b.returns()[cut - 20]).isNotEqualTo(a.returns()[cut - 20]);
        // and peeking ahead through the context fails loudly
        assertThatThrownBy(() -> bt.run("peek", market(close), 20, days - 1, ctx -> {
            ctx.close(0, ctx.day() + 1);
            return new double[n];
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("look-ahead");
    }

    @Test
    void equal_weight_and_market_index_benchmarks_follow_the_same_timing() {
        MarketData data = market(new double[][] {
                {100, 100, 110, 121, 121},
                {100, 100, 100, 90, 99}});
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.DAILY, 0));
        BacktestResult ew = bt.equalWeightUniverse(data, 0, 4);
        assertThat(ew.returns()[0]).isZero();
        assertThat(ew.returns()[1]).isCloseTo(0.05, within(1e-12));
        BacktestResult index = Backtester.marketIndex(data, 0, 4);
        assertThat(index.returns()[0]).isZero();
        double[] level = data.marketIndex();
        assertThat(index.returns()[1]).isCloseTo(level[2] / level[1] - 1, within(1e-12));
        assertThat(index.equity()[3]).isCloseTo(level[4] / level[1], within(1e-12));
    }

    @Test
    void long_only_backtest_rejects_short_weights() {
        MarketData data = market(new double[][] {{1, 1, 1, 1}, {1, 1, 1, 1}});
        Backtester bt = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.DAILY, 0));
        assertThatThrownBy(() -> bt.run("short", data, 0, 3, ctx -> new double[] {1.2, -0.2}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("long-only");
        Backtester ls = new Backtester(new Backtester.Settings(RebalanceFrequency.DAILY, 0, true, 2.0));
        assertThat(ls.run("short", data, 0, 3, ctx -> new double[] {1.2, -0.2}).grossExposure()[2]).isCloseTo(1.4,
                within(1e-12));
    }
}
