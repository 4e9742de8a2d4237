package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class FactorCoverageTest {

    private static final StudyConfig PRICE_FACTORS = StudyConfig.defaults().toBuilder()
            .factorIds(List.of("REV_5", "MOM_60")).factorSelection(FactorSelectionSettings.handPicked(false)).build();
    private static final StudyConfig PRICE_CANDIDATES = PRICE_FACTORS.toBuilder()
            .factorSelection(FactorSelectionSettings.screenedPerFold(PRICE_FACTORS.horizon())).build();

    /** Random-walk closes of 12 stocks over 900 weekdays; stocks from {@code lateFrom} on list on day 700. */
    private static MarketData closes(int lateFrom) {
        int n = 12;
        int days = 900;
        LocalDate[] dates = new LocalDate[days];
        LocalDate d = LocalDate.of(2010, 1, 4);
        for (int t = 0; t < days; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            dates[t] = d;
            d = d.plusDays(1);
        }
        SplittableRandom random = new SplittableRandom(3);
        double[][] close = new double[n][days];
        List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            instruments.add(new Instrument("S" + i, null, null));
            double p = 50;
            for (int t = 0; t < days; t++) {
                p *= Math.exp(0.0002 + 0.015 * random.nextGaussian());
                close[i][t] = p;
            }
            if (i >= lateFrom) {
                Arrays.fill(close[i], 0, 700, Double.NaN);
            }
        }
        return MarketData.builder(dates, instruments).close(close).build();
    }

    @Test
    void price_factors_on_a_full_panel_have_values_in_every_training_window() {
        MarketData data = closes(12);

        assertThat(PRICE_FACTORS.problemsWith(data)).isEmpty();
        assertThat(FactorCoverage.problems(PRICE_FACTORS, data)).isEmpty();
    }

    @Test
    void too_few_stocks_with_data_in_the_first_training_window_is_named_per_factor_with_the_dates() {
        // 4 stocks from the start, 8 listed on day 700: the first fold trains on days 19–522, where fewer than the
        // preparation's minimum of 10 stocks have a value, so every prepared value there is missing
        MarketData data = closes(4);

        assertThat(PRICE_FACTORS.problemsWith(data)).isEmpty();
        assertThat(FactorCoverage.problems(PRICE_FACTORS, data)).containsExactly(
                "factor REV_5 has no value in the training window of fold 1 (" + data.dates()[19] + " – "
                        + data.dates()[522] + "): its history is too short there, or fewer than 10 instruments "
                        + "have data on those days; start later, widen the universe or choose other factors",
                "factor MOM_60 has no value in the training window of fold 1 (" + data.dates()[19] + " – "
                        + data.dates()[522] + "): its history is too short there, or fewer than 10 instruments "
                        + "have data on those days; start later, widen the universe or choose other factors");
    }

    @Test
    void screened_candidates_are_refused_only_for_a_fold_where_none_has_a_value() {
        MarketData full = closes(12);
        MarketData late = closes(4);

        assertThat(FactorCoverage.problems(PRICE_CANDIDATES, full)).isEmpty();
        assertThat(FactorCoverage.problems(PRICE_CANDIDATES, late)).containsExactly(
                "no candidate factor has a value in the training window of fold 1 (" + late.dates()[19] + " – "
                        + late.dates()[522] + "); start later, widen the universe or add candidates");
    }
}
