package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DegreeCheckpointRecorderTest {

    /** Two instruments over 130 weekdays from a Monday, crossing month ends and a year end. */
    private static MarketData market() {
        int days = 130;
        LocalDate[] dates = new LocalDate[days];
        LocalDate d = LocalDate.of(2023, 10, 2);
        for (int t = 0; t < days; t++) {
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            dates[t] = d;
            d = d.plusDays(1);
        }
        double[][] close = new double[2][days];
        for (int t = 0; t < days; t++) {
            close[0][t] = 100 * Math.pow(1.001, t);
            close[1][t] = 50 * Math.pow(0.999, t);
        }
        return MarketData.builder(dates, List.of(new Instrument("A", null, "X"), new Instrument("B", null, "Y")))
                .close(close).build();
    }

    @ParameterizedTest
    @EnumSource(RebalanceFrequency.class)
    void the_recorder_predicts_exactly_the_days_on_which_a_backtest_asks_for_weights(RebalanceFrequency frequency) {
        MarketData data = market();
        Backtester backtester = new Backtester(Backtester.Settings.longOnly(frequency, 10));
        for (int[] window : new int[][] {{0, 129}, {7, 71}, {40, 43}, {60, 62}}) {
            List<Integer> asked = new ArrayList<>();
            backtester.run("checkpoint", data, window[0], window[1], context -> {
                asked.add(context.day());
                return new double[] {0.5, 0.5};
            });

            int[] predicted = DegreeCheckpointRecorder.decisionDays(data.dates(), frequency, window[0], window[1]);

            assertThat(asked).as("%s over days %s", frequency, Arrays.toString(window))
                    .containsExactlyElementsOf(Arrays.stream(predicted).boxed().toList());
        }
    }
}
