package org.factorguard.quant.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class BrinsonAttributionTest {

    // Names 0, 1 in industry A and 2, 3 in B; on the return day they earn +10 %, 0 %, +2 %, −2 %.
    private final MarketData data = MarketData.builder(AttributionMarket.weekdays(2), List.of(
                    new Instrument("A1", null, "A"), new Instrument("A2", null, "A"),
                    new Instrument("B1", null, "B"), new Instrument("B2", null, "B")))
            .close(new double[][] {{100, 110}, {100, 100}, {100, 102}, {100, 98}}).build();
    private final double[] r = {0.10, 0.0, 0.02, -0.02};

    @Test
    void one_day_matches_the_hand_computed_brinson_hood_beebower_effects() {
        HeldWeights portfolio = book(new double[] {0.6, 0, 0.4, 0});
        HeldWeights benchmark = book(new double[] {0.25, 0.25, 0.25, 0.25});
        BrinsonAttribution.Result result = BrinsonAttribution.attribute(data, portfolio, benchmark);

        assertThat(result.sectors()).containsExactly("A", "B", "Cash");
        // R_B,A = 5 %, R_B,B = 0 %; R_P,A = 10 %, R_P,B = 2 %; w_P = 0.6, 0.4 against 0.5, 0.5
        assertThat(result.allocation()[0]).containsExactly(new double[] {0.005, 0.0, 0.0}, within(1e-15));
        assertThat(result.selection()[0]).containsExactly(new double[] {0.025, 0.01, 0.0}, within(1e-15));
        assertThat(result.interaction()[0]).containsExactly(new double[] {0.005, -0.002, 0.0}, within(1e-15));
        BrinsonAttribution.Result.Totals totals = result.arithmeticTotals();
        assertThat(totals.active()).isCloseTo(0.068 - 0.025, within(1e-15));
        assertThat(totals.totalAllocation() + totals.totalSelection() + totals.totalInteraction())
                .isCloseTo(totals.active(), within(1e-15));
    }

    @Test
    void cash_and_a_sector_the_benchmark_does_not_hold_keep_the_identity() {
        HeldWeights portfolio = book(new double[] {0, 0, 0.5, 0});
        HeldWeights benchmark = book(new double[] {0.5, 0.5, 0, 0});
        BrinsonAttribution.Result result = BrinsonAttribution.attribute(data, portfolio, benchmark);

        // half in cash (earning 0): cash allocation uses R_B,cash = 0
        assertThat(result.allocation()[0][2]).isZero();
        // B is not in the benchmark: its reference return is B's equal-weight return, 0 %
        assertThat(result.allocation()[0][1]).isCloseTo(0.0, within(1e-15));
        assertThat(result.interaction()[0][1]).isCloseTo(0.5 * 0.02, within(1e-15));
        // A is not in the portfolio: no selection or interaction there
        assertThat(result.selection()[0][0]).isZero();
        assertThat(result.allocation()[0][0]).isCloseTo(-1.0 * 0.05, within(1e-15));
        BrinsonAttribution.Result.Totals totals = result.arithmeticTotals();
        assertThat(totals.totalAllocation() + totals.totalSelection() + totals.totalInteraction())
                .isCloseTo(0.01 - 0.05, within(1e-15));
    }

    @Test
    void linked_totals_add_up_to_the_compounded_active_return() {
        AttributionMarket m = AttributionMarket.generate(30, 300, 0.01, 0.0, 0.01, 9L);
        Backtester backtester = new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.MONTHLY, 10));
        BacktestResult energy = backtester.run("energy", m.data, 100, 299, context -> {
            double[] w = new double[30];
            for (int i = 1; i < 30; i += 3) {
                w[i] = 0.09;
            }
            return w;
        });
        BacktestResult equal = backtester.equalWeightUniverse(m.data, 100, 299);
        BrinsonAttribution.Result result = BrinsonAttribution.attribute(m.data, HeldWeights.rebuild(m.data, energy),
                HeldWeights.rebuild(m.data, equal));
        BrinsonAttribution.Result.Totals linked = result.linkedTotals();
        double growthP = 1;
        double growthB = 1;
        for (int k = 0; k < result.portfolio().length; k++) {
            growthP *= 1 + result.portfolio()[k];
            growthB *= 1 + result.benchmark()[k];
        }
        assertThat(linked.active()).isCloseTo(growthP - growthB, within(1e-14));
        assertThat(linked.totalAllocation() + linked.totalSelection() + linked.totalInteraction())
                .isCloseTo(linked.active(), within(1e-12));
        int energyIndex = result.sectors().indexOf("Energy");
        double[] daily = new double[result.portfolio().length];
        for (int k = 0; k < daily.length; k++) {
            daily[k] = result.allocation()[k][energyIndex];
        }
        // a book of Energy names only: Energy's allocation effect follows Energy's (benchmark) return every day
        assertThat(daily[150]).isNotZero();
        assertThat(linked.totalSelection()).as("equal weights inside Energy, as the benchmark")
                .isCloseTo(0.0, within(0.02));
    }

    private HeldWeights book(double[] w) {
        double gross = 0;
        for (int i = 0; i < 4; i++) {
            gross += w[i] * r[i];
        }
        return new HeldWeights(0, new java.time.LocalDate[] {data.dates()[1]}, new double[][] {w},
                new double[][] {r}, new double[] {gross}, new double[] {0});
    }
}
