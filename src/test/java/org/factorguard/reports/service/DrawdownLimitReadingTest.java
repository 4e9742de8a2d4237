package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.study.StudyResult;
import org.junit.jupiter.api.Test;

class DrawdownLimitReadingTest {

    private static final LocalDate[] DATES = {LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 3),
            LocalDate.of(2020, 3, 4), LocalDate.of(2020, 3, 5), LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 9)};

    @Test
    void a_book_cut_to_cash_that_stays_there_to_the_end_is_stopped_out_on_the_close_that_decided_the_cut() {
        DrawdownLimitReading d = read(new double[] {1, 1, 0.4, 0, 0, 0},
                List.of(DATES[1], DATES[2]), -0.21, -0.04);
        assertThat(d.stoppedOut()).isTrue();
        assertThat(d.cashFrom()).isEqualTo(DATES[3]);
        assertThat(d.limitHitOn()).isEqualTo(DATES[2]);
        assertThat(d.daysInCashToTheEnd()).isEqualTo(3);
        assertThat(d.daysInCash()).isEqualTo(3);
        assertThat(d.averageExposure()).isEqualTo(2.4 / 6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.explanation()).contains("hit its hard drawdown limit on 2020-03-04")
                .contains("stayed in cash from then on (3 of 6 days)").contains("'without overlay' line")
                .contains("held within one day");
    }

    @Test
    void a_book_that_re_risks_after_a_spell_in_cash_is_not_stopped_out() {
        DrawdownLimitReading d = read(new double[] {1, 0, 0, 0.3, 0.6, 1},
                List.of(DATES[0], DATES[2], DATES[3], DATES[4]), -0.19, -0.03);
        assertThat(d.stoppedOut()).isFalse();
        assertThat(d.cashFrom()).isNull();
        assertThat(d.daysInCash()).isEqualTo(2);
        assertThat(d.daysInCashToTheEnd()).isZero();
        assertThat(d.explanation()).contains("stayed within the 20.0 % limit")
                .contains("changed the exposure at 4 closes").contains("2 days in cash")
                .doesNotContain("hard drawdown limit");
    }

    @Test
    void a_book_exposed_only_on_its_last_day_counts_the_final_run_only() {
        assertThat(DrawdownLimitReading.cashToTheEndFrom(new double[] {0, 0, 1, 0, 0}, 5)).isEqualTo(3);
        assertThat(DrawdownLimitReading.cashToTheEndFrom(new double[] {0, 0, 0, 0, 1}, 5)).isEqualTo(-1);
        assertThat(DrawdownLimitReading.cashToTheEndFrom(new double[] {0, 0}, 2)).isZero();
    }

    @Test
    void a_drawdown_past_the_limit_by_more_than_the_worst_day_is_called_a_breach() {
        DrawdownLimitReading d = read(new double[] {1, 1, 1, 1, 1, 1}, List.of(), -0.31, -0.05);
        assertThat(d.heldWithinOneDay()).isFalse();
        assertThat(d.explanation()).contains("did not hold").contains("never had to act");
    }

    @Test
    void a_portfolio_without_an_overlay_has_no_reading() {
        StudyResult.Portfolio index = portfolio(null);
        assertThat(DrawdownLimitReading.of(result(index), index)).isNull();
    }

    private static DrawdownLimitReading read(double[] exposure, List<LocalDate> acted, double mdd, double worst) {
        double[] zero = new double[exposure.length];
        StudyResult.DrawdownOverlayResult o = new StudyResult.DrawdownOverlayResult(0.2, mdd, worst,
                -mdd <= 0.2 - worst, exposure, acted, zero, PerformanceMetrics.summarise(zero), "rule");
        StudyResult.Portfolio p = portfolio(o);
        return DrawdownLimitReading.of(result(p), p);
    }

    private static StudyResult.Portfolio portfolio(StudyResult.DrawdownOverlayResult o) {
        double[] zero = new double[DATES.length];
        return new StudyResult.Portfolio(StudyResult.LSTM, zero, zero, zero, zero, PerformanceMetrics.summarise(zero),
                List.of(), o, List.of());
    }

    private static StudyResult result(StudyResult.Portfolio p) {
        return new StudyResult("test", "data", "hash", true, 1L, null, List.of(), List.of(), null, List.of(),
                List.of(), DATES, List.of(p), List.of(), null, null, null, StudyResult.METHOD_VERSION, null, null,
                null);
    }
}
