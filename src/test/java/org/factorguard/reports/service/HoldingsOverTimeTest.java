package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.study.StudyResult;
import org.junit.jupiter.api.Test;

class HoldingsOverTimeTest {

    private static final LocalDate JAN = LocalDate.of(2020, 1, 31);
    private static final LocalDate FEB = LocalDate.of(2020, 2, 28);
    private static final LocalDate MAR = LocalDate.of(2020, 3, 31);

    private static StudyResult.Rebalance rebalance(LocalDate date, int[] instruments, double[] weights) {
        return new StudyResult.Rebalance(date, instruments, weights, 0, 0, Double.NaN, Double.NaN);
    }

    @Test
    void the_largest_holdings_by_total_absolute_weight_get_a_series_and_the_rest_is_summed() {
        // total |weight|: A 0.5 + 0.7 = 1.2, B 0.3 + 0.6 = 0.9, D 0.4 + 0.3 = 0.7, C 0.2
        StudyResult.Portfolio portfolio = new StudyResult.Portfolio("LSTM", new double[0], new double[0],
                new double[0], new double[0], null, List.of(
                        rebalance(JAN, new int[] {0, 1, 2}, new double[] {0.5, 0.3, 0.2}),
                        rebalance(FEB, new int[] {1, 3}, new double[] {0.6, 0.4}),
                        rebalance(MAR, new int[] {0, 3}, new double[] {0.7, -0.3})), null, List.of());

        HoldingsOverTime holdings = HoldingsOverTime.of(portfolio, List.of("A", "B", "C", "D"), 2);

        assertThat(holdings.dates()).containsExactly(JAN, FEB, MAR);
        assertThat(holdings.largest()).extracting(HoldingsOverTime.Holding::ticker).containsExactly("A", "B");
        assertThat(holdings.largest().get(0).weights()).containsExactly(0.5, 0.0, 0.7);
        assertThat(holdings.largest().get(1).weights()).containsExactly(0.3, 0.6, 0.0);
        assertThat(holdings.other()).containsExactly(new double[] {0.2, 0.4, -0.3}, within(1e-15));
    }

    @Test
    void fewer_instruments_than_asked_for_leave_nothing_over() {
        StudyResult.Portfolio portfolio = new StudyResult.Portfolio("LSTM", new double[0], new double[0],
                new double[0], new double[0], null, List.of(rebalance(JAN, new int[] {1}, new double[] {1.0})), null,
                List.of());

        HoldingsOverTime holdings = HoldingsOverTime.of(portfolio, List.of("A", "B"), 8);

        assertThat(holdings.largest()).extracting(HoldingsOverTime.Holding::ticker).containsExactly("B");
        assertThat(holdings.other()).containsExactly(0.0);
    }
}
