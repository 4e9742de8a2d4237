package org.factorguard.quant.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.factorguard.quant.data.MarketData;
import org.hipparchus.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class FactorAttributionTest {

    private static final AttributionSettings EQUAL =
            AttributionSettings.defaults().withWeighting(AttributionSettings.Weighting.EQUAL);
    private static final int START = 300;
    private static final int END = 799;

    @Test
    void rebuilt_holdings_reproduce_every_return_of_the_backtest() {
        AttributionMarket m = AttributionMarket.generate(30, 200, 0.005, 0.0, 0.01, 1L);
        Backtester backtester = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.WEEKLY, 25));
        BacktestResult result = backtester.run("tilted", m.data, 20, 199, context -> {
            double[] w = new double[30];
            for (int i = 0; i < 30; i++) {
                w[i] = (1 + (i + context.day()) % 7) / 140.0;
            }
            return w;
        });
        HeldWeights held = HeldWeights.rebuild(m.data, result);

        assertThat(held.dayCount()).isEqualTo(result.returns().length);
        assertThat(held.dates()).isEqualTo(result.dates());
        for (int k = 0; k < held.dayCount(); k++) {
            assertThat(held.netReturn(k)).as("day %d", k).isCloseTo(result.returns()[k], within(1e-14));
            if (k + 1 < held.dayCount()) {
                double gross = 0;
                for (double w : held.weights()[k + 1]) {
                    gross += Math.abs(w);
                }
                assertThat(gross).isCloseTo(result.grossExposure()[k], within(1e-12));
            }
        }
        assertThat(held.weights()[0]).containsOnly(0.0);
    }

    @Test
    void the_market_index_backtest_has_no_holdings_to_rebuild() {
        AttributionMarket m = AttributionMarket.generate(6, 30, 0, 0, 0.01, 2L);
        BacktestResult index = Backtester.marketIndex(m.data, 2, 29);
        assertThatThrownBy(() -> HeldWeights.rebuild(m.data, index))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 weights per rebalance");
    }

    @Test
    void an_equal_weight_book_of_the_whole_market_earns_exactly_the_market_factor() {
        AttributionMarket m = AttributionMarket.generate(30, 400, 0.005, 0.003, 0.01, 3L);
        HeldWeights held = hold(m.data, RebalanceFrequency.DAILY, 300, 399, Backtester.equalWeightPolicy());
        AttributionResult a = FactorAttribution.attribute(m.data, held, m.stylePanel(), EQUAL);

        for (int k = 2; k < a.dayCount(); k++) {
            assertThat(a.exposures()[k][0]).isCloseTo(1.0, within(1e-12));
            assertThat(a.contributions()[k][0]).isCloseTo(held.grossReturns()[k], within(1e-12));
            assertThat(a.specific()[k]).isCloseTo(0.0, within(1e-12));
        }
        AttributionResult.Totals totals = a.arithmeticTotals();
        assertThat(totals.industries()).isCloseTo(0.0, within(1e-12));
        assertThat(totals.styles()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void a_portfolio_that_is_all_beta_is_attributed_to_the_market() {
        AttributionMarket m = AttributionMarket.generate(60, 800, 0.0, 0.0, 0.01, 4L);
        HeldWeights held = hold(m.data, RebalanceFrequency.MONTHLY, START, END, context -> {
            double[] w = new double[60];
            for (int i = 40; i < 60; i++) {
                w[i] = 1.0 / 20;
            }
            return w;
        });
        AttributionResult a = FactorAttribution.attribute(m.data, held, m.stylePanel(), EQUAL);

        double[] market = groupSeries(a, AttributionResult.Group.MARKET);
        assertThat(unexplainedShare(held.grossReturns(), market)).isLessThan(0.03);
        assertThat(varianceShare(groupSeries(a, AttributionResult.Group.INDUSTRY), held.grossReturns()))
                .isLessThan(0.01);
        assertThat(varianceShare(groupSeries(a, AttributionResult.Group.STYLE), held.grossReturns()))
                .isLessThan(0.01);
        int betaColumn = a.exposureNames().indexOf("Beta");
        assertThat(a.exposures()[200][betaColumn]).as("a high-beta book tilts to beta").isGreaterThan(0.8);
    }

    @Test
    void an_industry_bet_is_attributed_to_the_industry() {
        AttributionMarket m = AttributionMarket.generate(60, 800, 0.01, 0.0, 0.01, 5L);
        HeldWeights held = hold(m.data, RebalanceFrequency.MONTHLY, START, END, context -> {
            double[] w = new double[60];
            for (int i = 1; i < 60; i += 3) {
                w[i] = 1.0 / 20;
            }
            return w;
        });
        AttributionResult a = FactorAttribution.attribute(m.data, held, m.stylePanel(), EQUAL);

        double[] market = groupSeries(a, AttributionResult.Group.MARKET);
        double[] industries = groupSeries(a, AttributionResult.Group.INDUSTRY);
        double[] active = new double[a.dayCount()];
        for (int k = 0; k < active.length; k++) {
            active[k] = held.grossReturns()[k] - market[k];
        }
        assertThat(unexplainedShare(active, industries)).isLessThan(0.1);
        int energy = a.exposureNames().indexOf("Energy");
        assertThat(a.exposures()[200][energy]).isCloseTo(1.0, within(1e-9));
        assertThat(varianceShare(groupSeries(a, AttributionResult.Group.STYLE), active)).isLessThan(0.05);
    }

    @Test
    void a_factor_tilt_is_attributed_to_the_factor() {
        AttributionMarket m = AttributionMarket.generate(60, 800, 0.0, 0.006, 0.01, 6L);
        HeldWeights held = hold(m.data, RebalanceFrequency.MONTHLY, START, END, context -> {
            double[] w = new double[60];
            float[] value = m.styles[0][context.day()];
            int chosen = 0;
            for (int i = 0; i < 60; i++) {
                if (value[i] > 0.5) {
                    chosen++;
                }
            }
            for (int i = 0; i < 60; i++) {
                w[i] = value[i] > 0.5 ? 1.0 / chosen : 0;
            }
            return w;
        });
        AttributionResult a = FactorAttribution.attribute(m.data, held, m.stylePanel(), EQUAL);

        double[] market = groupSeries(a, AttributionResult.Group.MARKET);
        double[] active = new double[a.dayCount()];
        for (int k = 0; k < active.length; k++) {
            active[k] = held.grossReturns()[k] - market[k];
        }
        int value = a.exposureNames().indexOf("Value");
        int noise = a.exposureNames().indexOf("Noise");
        assertThat(a.exposures()[200][value]).isGreaterThan(0.8);
        assertThat(unexplainedShare(active, column(a.contributions(), value))).isLessThan(0.15);
        assertThat(varianceShare(column(a.contributions(), noise), active)).isLessThan(0.02);
        assertThat(varianceShare(groupSeries(a, AttributionResult.Group.INDUSTRY), active)).isLessThan(0.05);
    }

    @Test
    void the_parts_add_up_to_the_net_return_and_linked_totals_to_the_compounded_return() {
        AttributionMarket m = AttributionMarket.generate(30, 400, 0.005, 0.003, 0.01, 7L);
        HeldWeights held = hold(m.data, RebalanceFrequency.WEEKLY, 25, 300, 399, context -> {
            double[] w = new double[30];
            for (int i = 0; i < 30; i += 2) {
                w[i] = 0.06;
            }
            return w;
        });
        AttributionResult a = FactorAttribution.attribute(m.data, held, m.stylePanel(),
                AttributionSettings.defaults());
        double compounded = 1;
        double summed = 0;
        for (int k = 0; k < a.dayCount(); k++) {
            double parts = a.specific()[k] + a.costs()[k];
            for (double c : a.contributions()[k]) {
                parts += c;
            }
            assertThat(parts).isCloseTo(a.returns()[k], within(1e-14));
            compounded *= 1 + a.returns()[k];
            summed += a.returns()[k];
        }
        assertThat(a.costs()[0]).as("the first trade costs 25 bps of 0.9 turnover").isNegative();
        for (AttributionResult.Totals t : new AttributionResult.Totals[] {a.arithmeticTotals(), a.linkedTotals()}) {
            assertThat(t.market() + t.industries() + t.styles() + t.specific() + t.costs())
                    .isCloseTo(t.portfolio(), within(1e-12));
        }
        assertThat(a.arithmeticTotals().portfolio()).isCloseTo(summed, within(1e-14));
        assertThat(a.linkedTotals().portfolio()).isCloseTo(compounded - 1, within(1e-14));
        assertThat(a.rSquared()[50]).isBetween(0.0, 1.0);
    }

    @Test
    void trailing_beta_is_the_ols_slope_on_the_index_over_the_window() {
        double[] index = {100, 101, 99, 102, 103, 101};
        double[][] close = {{10, 10.3, 9.8, 10.4, 10.6, 10.2}, {5, 5, 5, 5, 5, 5}};
        double[] m = new double[5];
        double[] a = new double[5];
        for (int s = 1; s <= 5; s++) {
            m[s - 1] = index[s] / index[s - 1] - 1;
            a[s - 1] = close[0][s] / close[0][s - 1] - 1;
        }
        // return day 5 uses the returns of days 1..4 (window 4), return day 4 those of days 1..3
        double[][] beta = FactorAttribution.trailingBetas(close, index, 4, 6, 4, 3);
        assertThat(beta[1][0]).isCloseTo(slope(Arrays.copyOfRange(a, 0, 4), Arrays.copyOfRange(m, 0, 4)),
                within(1e-12));
        assertThat(beta[0][0]).isCloseTo(slope(Arrays.copyOfRange(a, 0, 3), Arrays.copyOfRange(m, 0, 3)),
                within(1e-12));
        assertThat(beta[1][1]).isZero();
        assertThat(FactorAttribution.trailingBetas(close, index, 3, 4, 4, 3)[0][0]).as("2 pairs < 3").isNaN();
    }

    private static double slope(double[] y, double[] x) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < y.length; i++) {
            r.addData(x[i], y[i]);
        }
        return r.getSlope();
    }

    private static HeldWeights hold(MarketData data, RebalanceFrequency frequency, int start, int end,
                                    WeightPolicy policy) {
        return hold(data, frequency, 0, start, end, policy);
    }

    private static HeldWeights hold(MarketData data, RebalanceFrequency frequency, double costBps, int start, int end,
                                    WeightPolicy policy) {
        BacktestResult result = new Backtester(Backtester.Settings.longOnly(frequency, costBps))
                .run("test", data, start, end, policy);
        return HeldWeights.rebuild(data, result);
    }

    private static double[] groupSeries(AttributionResult a, AttributionResult.Group group) {
        double[] out = new double[a.dayCount()];
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < a.groups().size(); j++) {
                if (a.groups().get(j) == group) {
                    out[k] += a.contributions()[k][j];
                }
            }
        }
        return out;
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            out[k] = m[k][j];
        }
        return out;
    }

    /** Σ(target − part)² / Σ target²: the share of the target's daily variation the part leaves unexplained. */
    private static double unexplainedShare(double[] target, double[] part) {
        double miss = 0;
        double total = 0;
        for (int k = 0; k < target.length; k++) {
            miss += (target[k] - part[k]) * (target[k] - part[k]);
            total += target[k] * target[k];
        }
        return miss / total;
    }

    /** Σ part² / Σ target². */
    private static double varianceShare(double[] part, double[] target) {
        double p = 0;
        double t = 0;
        for (int k = 0; k < target.length; k++) {
            p += part[k] * part[k];
            t += target[k] * target[k];
        }
        return p / t;
    }
}
