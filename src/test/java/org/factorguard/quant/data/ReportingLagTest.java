package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingLagTest {

    private static final LocalDate[] DATES = {LocalDate.of(2021, 1, 4), LocalDate.of(2021, 1, 5),
        LocalDate.of(2021, 2, 17), LocalDate.of(2021, 2, 18), LocalDate.of(2021, 2, 19), LocalDate.of(2021, 2, 22)};

    @Test
    void a_value_dated_d_becomes_visible_on_the_first_trading_day_on_or_after_d_plus_the_lag() {
        // 2021-01-04 + 45 days = 2021-02-18; 2021-01-05 + 45 = 2021-02-19; 2021-02-17 + 45 = 2021-04-03 (none)
        assertThat(ReportingLag.visibleSource(DATES, 45)).containsExactly(-1, -1, -1, 0, 1, 1);
        // + 48 days: 2021-01-04 → Sunday 2021-02-21, 2021-01-05 → Monday 2021-02-22; both first visible on the
        // Monday, where the later value wins
        assertThat(ReportingLag.visibleSource(DATES, 48)).containsExactly(-1, -1, -1, -1, -1, 1);
        assertThat(ReportingLag.visibleSource(DATES, 0)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void per_share_values_shift_and_given_ratios_follow_todays_price() {
        double[][] eps = {{1, 2, 3, 4, 5, 6}};
        double[][] close = {{10, 20, 30, 40, 50, 60}};
        double[][] pe = {{5, 4, 3, 2, 1, -1}};
        assertThat(ReportingLag.shift(DATES, eps, 45)[0]).containsExactly(Double.NaN, Double.NaN, Double.NaN, 1, 2, 2);
        double[] shiftedPe = ReportingLag.shiftRatio(DATES, close, pe, 45)[0];
        assertThat(shiftedPe[3]).isCloseTo(40 * 5 / 10.0, within(1e-12));
        assertThat(shiftedPe[5]).isCloseTo(60 * 4 / 20.0, within(1e-12));
        assertThat(shiftedPe[2]).isNaN();
    }

    @Test
    void the_csv_reader_applies_the_lag_to_eps_bvps_pe_and_pb_but_not_to_prices() throws Exception {
        StringBuilder csv = new StringBuilder("date,ticker,open,high,low,close,volume,eps,bvps,pb\n");
        for (int d = 0; d < DATES.length; d++) {
            double c = 10 + d;
            csv.append(DATES[d]).append(",AAA,").append(c).append(',').append(c).append(',').append(c).append(',')
                    .append(c).append(",100,").append(d + 1).append(',').append(2 * (d + 1)).append(',')
                    .append(c / (2 * (d + 1))).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        MarketData asOfRow = new LongFormatCsvReader(CsvImportLimits.defaults())
                .read(new ByteArrayInputStream(bytes), "pit");
        MarketData lagged = new LongFormatCsvReader(CsvImportLimits.defaults(), 45)
                .read(new ByteArrayInputStream(bytes), "lagged");
        assertThat(lagged.close()[0]).containsExactly(asOfRow.close()[0]);
        assertThat(asOfRow.earningsPerShare()[0][3]).isEqualTo(4);
        assertThat(lagged.earningsPerShare()[0]).containsExactly(Double.NaN, Double.NaN, Double.NaN, 1, 2, 2);
        assertThat(lagged.bookValuePerShare()[0][4]).isEqualTo(4);
        assertThat(lagged.priceToEarnings()[0][3]).isCloseTo(13.0 / 1, within(1e-12));
        assertThat(lagged.priceToBook()[0][3]).isCloseTo(13.0 / 2, within(1e-12));
        assertThat(lagged.contentHash()).isNotEqualTo(asOfRow.contentHash());
    }
}
