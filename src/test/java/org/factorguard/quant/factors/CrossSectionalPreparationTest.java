package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossSectionalPreparationTest {

    static final float NaN = Float.NaN;

    static FactorPanel panel(float[]... days) {
        List<String> tickers = IntStream.range(0, days[0].length).mapToObj(i -> "T" + i).toList();
        LocalDate[] dates = RandomWalkMarket.weekdays(days.length);
        return new FactorPanel(List.of("F"), dates, tickers, new float[][][] {days}, false);
    }

    static List<String> oneIndustry(int n) {
        return IntStream.range(0, n).mapToObj(i -> "X").toList();
    }

    @Test
    void winsorising_clamps_to_the_r7_quantiles_of_the_day() {
        // 11 values: 1..10 and 100; R-7 quantile at p: sorted[(n-1) p] -> p=0.1: sorted[1] = 2, p=0.9: sorted[9] = 10
        float[] day = {5, 1, 2, 3, 4, 100, 6, 7, 8, 9, 10};
        var settings = new CrossSectionalPreparation.Settings(0.1, 0.9, false, false, 3);
        FactorPanel out = new CrossSectionalPreparation(settings)
                .prepare(panel(day), oneIndustry(11), List.of(FactorScope.INSTRUMENT)).panel();
        assertThat(out.prepared()).isTrue();
        assertThat(out.value(0, 0, 1)).isEqualTo(2f);
        assertThat(out.value(0, 0, 5)).isEqualTo(10f);
        assertThat(out.value(0, 0, 0)).isEqualTo(5f);
    }

    @Test
    void winsorising_interpolates_between_order_statistics() {
        // 5 values 0,10,20,30,40; p = 0.1: h = 0.4 -> 0 + 0.4 * 10 = 4; p = 0.9: h = 3.6 -> 30 + 0.6 * 10 = 36
        var settings = new CrossSectionalPreparation.Settings(0.1, 0.9, false, false, 3);
        FactorPanel out = new CrossSectionalPreparation(settings)
                .prepare(panel(new float[] {40, 0, 20, 10, 30}), oneIndustry(5),
                        List.of(FactorScope.INSTRUMENT)).panel();
        assertThat(out.values(0)[0]).containsExactly(new float[] {36, 4, 20, 10, 30}, within(1e-5f));
    }

    @Test
    void z_score_gives_mean_zero_and_sample_sd_one_and_keeps_missing_values_missing() {
        float[] day = {1, 2, NaN, 3, 4, 5};
        var settings = new CrossSectionalPreparation.Settings(0, 1, true, false, 3);
        var result = new CrossSectionalPreparation(settings).prepare(panel(day), oneIndustry(6),
                List.of(FactorScope.INSTRUMENT));
        float[] z = result.panel().values(0)[0];
        double sd = Math.sqrt(2.5); // values 1..5: mean 3, sample variance 10 / 4
        assertThat(z[0]).isCloseTo((float) (-2 / sd), within(1e-6f));
        assertThat(z[4]).isCloseTo((float) (1 / sd), within(1e-6f));
        assertThat(z[2]).isNaN();
        assertThat(result.missing("F").missingRaw()).isEqualTo(1);
        assertThat(result.missing("F").cells()).isEqualTo(6);
    }

    @Test
    void industry_neutralisation_demeans_within_each_industry() {
        float[] day = {1, 3, 10, 20, 30};
        List<String> industries = List.of("A", "A", "B", "B", "B");
        var settings = new CrossSectionalPreparation.Settings(0, 1, false, true, 3);
        FactorPanel out = new CrossSectionalPreparation(settings)
                .prepare(panel(day), industries, List.of(FactorScope.INSTRUMENT)).panel();
        assertThat(out.values(0)[0]).containsExactly(new float[] {-1, 1, -10, 0, 10}, within(1e-6f));
    }

    @Test
    void industry_level_factors_are_not_neutralised_and_market_level_factors_pass_through() {
        float[] industryDay = {1, 1, 5, 5, 5};
        float[] marketDay = {0.01f, 0.01f, 0.01f, 0.01f, 0.01f};
        FactorPanel raw = new FactorPanel(List.of("IND", "MKT"), RandomWalkMarket.weekdays(1),
                List.of("a", "b", "c", "d", "e"), new float[][][] {{industryDay}, {marketDay}}, false);
        var settings = new CrossSectionalPreparation.Settings(0, 1, false, true, 3);
        FactorPanel out = new CrossSectionalPreparation(settings)
                .prepare(raw, List.of("A", "A", "B", "B", "B"),
                        List.of(FactorScope.INDUSTRY, FactorScope.MARKET)).panel();
        assertThat(out.values(0)[0]).containsExactly(industryDay);
        assertThat(out.values(1)[0]).containsExactly(marketDay);
    }

    @Test
    void a_day_with_too_few_values_is_blanked_and_counted() {
        float[] thin = {1, NaN, NaN, 2};
        float[] full = {1, 2, 3, 4};
        var settings = new CrossSectionalPreparation.Settings(0, 1, true, false, 3);
        var result = new CrossSectionalPreparation(settings).prepare(panel(thin, full), oneIndustry(4),
                List.of(FactorScope.INSTRUMENT));
        assertThat(result.panel().values(0)[0]).containsOnly(NaN);
        assertThat(result.panel().values(0)[1][3]).isGreaterThan(0f);
        var missing = result.missing("F");
        assertThat(missing.missingRaw()).isEqualTo(2);
        assertThat(missing.droppedSmallCrossSection()).isEqualTo(2);
        assertThat(missing.missingShare()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void a_constant_cross_section_z_scores_to_zero() {
        var result = new CrossSectionalPreparation(CrossSectionalPreparation.Settings.defaults().withMinCrossSection(3))
                .prepare(panel(new float[] {7, 7, 7, 7}), oneIndustry(4), List.of(FactorScope.INSTRUMENT));
        assertThat(result.panel().values(0)[0]).containsOnly(0f);
    }

    @Test
    void builder_computes_and_prepares_library_factors_on_market_data() {
        var data = RandomWalkMarket.generate(30, 80, 3);
        var result = FactorPanelBuilder.prepared(data, FactorLibrary.byIds(List.of("MOM_20", "MARKET_RETURN")),
                CrossSectionalPreparation.Settings.defaults());
        FactorPanel p = result.panel();
        assertThat(p.factorNames()).containsExactly("MOM_20", "MARKET_RETURN");
        assertThat(p.values(0)[19]).containsOnly(NaN);
        float[] day = p.values(0)[50];
        double mean = 0;
        for (float v : day) {
            mean += v;
        }
        assertThat(mean / day.length).isCloseTo(0, within(1e-5));
        assertThat(result.missing("MOM_20").missingRaw()).isEqualTo(20L * 30);
        assertThat(p.values(1)[50][0]).as("market return passes through raw").isEqualTo(p.values(1)[50][29]);
    }
}
