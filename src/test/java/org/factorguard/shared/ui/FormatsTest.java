package org.factorguard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void percentages_and_numbers_read_as_in_the_charts_and_a_missing_value_is_a_dash() {
        assertThat(Formats.percent(0.1234, 2)).isEqualTo("12.34 %");
        assertThat(Formats.percent(0.1234, 0)).isEqualTo("12 %");
        assertThat(Formats.percent(-0.0125, 1)).isEqualTo("-1.3 %");
        assertThat(Formats.number(1.23456, 4)).isEqualTo("1.2346");
        assertThat(Formats.number(-0.5, 2)).isEqualTo("-0.50");
        assertThat(Formats.percent(Double.NaN, 2)).isEqualTo("–");
        assertThat(Formats.number(Double.POSITIVE_INFINITY, 2)).isEqualTo("–");
        assertThat(Formats.multiple(2.34)).isEqualTo("2.3×");
        assertThat(Formats.significant(0.000123456, 3)).isEqualTo("0.000123");
    }

    @Test
    void numeric_columns_may_use_the_typographic_minus_sign() {
        assertThat(Formats.numberWithMinusSign(-0.0123, 4)).isEqualTo("−0.0123");
        assertThat(Formats.numberWithMinusSign(0.0123, 4)).isEqualTo("0.0123");
        assertThat(Formats.numberWithMinusSign(Double.NaN, 4)).isEqualTo("–");
    }

    @Test
    void counts_are_grouped_by_thousands_whatever_the_servers_locale() {
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Formats.grouped(1234.56, 1)).isEqualTo("1,234.6");
    }

    @Test
    void durations_read_in_the_largest_useful_units() {
        assertThat(Formats.duration(Duration.ZERO)).isEmpty();
        assertThat(Formats.duration(Duration.ofMillis(300))).isEqualTo("<1 s");
        assertThat(Formats.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Formats.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Formats.duration(Duration.ofMinutes(62).plusSeconds(7))).isEqualTo("1 h 2 min");
    }
}
