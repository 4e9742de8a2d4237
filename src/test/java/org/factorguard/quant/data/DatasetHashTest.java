package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetHashTest {

    private static final LocalDate[] DATES = {LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3)};

    private static MarketData of(List<Instrument> instruments, double[][] close, String label) {
        return MarketData.builder(DATES.clone(), instruments).label(label).close(close).build();
    }

    @Test
    void instrument_order_and_label_do_not_change_the_hash() {
        Instrument a = new Instrument("A", null, "X");
        Instrument b = new Instrument("B", null, "Y");
        String ab = DatasetHash.of(of(List.of(a, b), new double[][] {{1, 2}, {3, Double.NaN}}, "one"));
        String ba = DatasetHash.of(of(List.of(b, a), new double[][] {{3, Double.NaN}, {1, 2}}, "two"));
        assertThat(ab).isEqualTo(ba).matches("[0-9a-f]{64}");
    }

    @Test
    void values_industries_and_missing_markers_change_the_hash() {
        Instrument a = new Instrument("A", null, "X");
        String base = DatasetHash.of(of(List.of(a), new double[][] {{1, 2}}, ""));
        assertThat(DatasetHash.of(of(List.of(a), new double[][] {{1, 2.0000001}}, ""))).isNotEqualTo(base);
        assertThat(DatasetHash.of(of(List.of(a), new double[][] {{1, Double.NaN}}, ""))).isNotEqualTo(base);
        assertThat(DatasetHash.of(of(List.of(new Instrument("A", null, "Z")), new double[][] {{1, 2}}, "")))
                .isNotEqualTo(base);
    }

    @Test
    void negative_zero_and_nan_payloads_are_canonical() {
        Instrument a = new Instrument("A", null, "X");
        double otherNaN = Double.longBitsToDouble(0x7ff8000000000123L);
        MarketData one = MarketData.builder(DATES.clone(), List.of(a)).close(new double[][] {{1, 2}})
                .earningsPerShare(new double[][] {{0.0, Double.NaN}}).build();
        MarketData two = MarketData.builder(DATES.clone(), List.of(a)).close(new double[][] {{1, 2}})
                .earningsPerShare(new double[][] {{-0.0, otherNaN}}).build();
        assertThat(DatasetHash.of(one)).isEqualTo(DatasetHash.of(two));
    }

    @Test
    void trading_calendar_skips_weekends_and_fixed_holidays() {
        LocalDate[] days = TradingCalendar.standard().tradingDays(LocalDate.of(2020, 12, 24), LocalDate.of(2021, 1, 4));
        assertThat(days).containsExactly(LocalDate.of(2020, 12, 24), LocalDate.of(2020, 12, 28),
                LocalDate.of(2020, 12, 29), LocalDate.of(2020, 12, 30), LocalDate.of(2020, 12, 31),
                LocalDate.of(2021, 1, 4));
    }
}
