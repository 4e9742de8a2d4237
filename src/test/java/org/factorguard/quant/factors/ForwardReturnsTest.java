package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class ForwardReturnsTest {

    final MarketData data = MarketData.builder(RandomWalkMarket.weekdays(6),
                    List.of(new Instrument("A", "A", "X"), new Instrument("B", "B", "X")))
            .close(new double[][] {{10, 11, 12, 10, 15, 16}, {20, Double.NaN, 22, 24, 24, 30}})
            .build();

    @Test
    void one_day_label_is_the_next_days_log_return() {
        double[][] labels = ForwardReturns.logReturns(data, 1);
        assertThat(labels[0][0]).isCloseTo(Math.log(11.0 / 10), within(1e-12));
        assertThat(labels[3][0]).isCloseTo(Math.log(15.0 / 10), within(1e-12));
        assertThat(labels[5][0]).as("no future close").isNaN();
        assertThat(labels[0][1]).as("missing close at t+1").isNaN();
        assertThat(labels[1][1]).as("missing close at t").isNaN();
        assertThat(labels[2][1]).isCloseTo(Math.log(24.0 / 22), within(1e-12));
    }

    @Test
    void five_day_label_spans_five_trading_days() {
        double[][] labels = ForwardReturns.logReturns(data, 5);
        assertThat(labels[0][0]).isCloseTo(Math.log(16.0 / 10), within(1e-12));
        assertThat(labels[0][1]).isCloseTo(Math.log(30.0 / 20), within(1e-12));
        assertThat(labels[1][0]).isNaN();
        assertThatThrownBy(() -> ForwardReturns.logReturns(data, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
