package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class NoLookAheadTest {

    static final int DAYS = 300;

    @Test
    void perturbing_data_after_day_t_never_changes_any_factor_value_at_or_before_t() {
        MarketData original = RandomWalkMarket.generate(12, DAYS, 42);
        for (int cut : new int[] {30, 140, 260}) {
            MarketData perturbed = perturbAfter(original, cut, 7 + cut);
            for (Factor factor : FactorLibrary.all()) {
                float[][] before = factor.compute(original);
                float[][] after = factor.compute(perturbed);
                for (int t = 0; t <= cut; t++) {
                    for (int i = 0; i < original.instrumentCount(); i++) {
                        assertThat(Float.floatToIntBits(after[t][i]))
                                .as("%s at day %d instrument %d after perturbing days > %d", factor.id(), t, i, cut)
                                .isEqualTo(Float.floatToIntBits(before[t][i]));
                    }
                }
            }
        }
    }

    @Test
    void the_perturbation_does_change_later_values_so_the_check_has_teeth() {
        MarketData original = RandomWalkMarket.generate(12, DAYS, 42);
        MarketData perturbed = perturbAfter(original, 140, 147);
        for (String id : new String[] {"MOM_20", "VOL_20", "BETA_60", "RSI_14", "VOLUME_CHANGE_20", "EP", "SIZE",
                "MARKET_RETURN"}) {
            float[][] before = FactorLibrary.byId(id).compute(original);
            float[][] after = FactorLibrary.byId(id).compute(perturbed);
            assertThat(after[200]).as(id).isNotEqualTo(before[200]);
        }
    }

    /** Copy of {@code data} where closes, volumes, shares, EPS and BVPS after {@code cut} are scaled randomly. */
    static MarketData perturbAfter(MarketData data, int cut, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return MarketData.builder(data.dates(), data.instruments())
                .close(scaled(data.close(), cut, random)).volume(scaled(data.volume(), cut, random))
                .sharesOutstanding(scaled(data.sharesOutstanding(), cut, random))
                .earningsPerShare(scaled(data.earningsPerShare(), cut, random))
                .bookValuePerShare(scaled(data.bookValuePerShare(), cut, random))
                .build();
    }

    static double[][] scaled(double[][] m, int cut, SplittableRandom random) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int t = cut + 1; t < out[i].length; t++) {
                out[i][t] *= 0.5 + random.nextDouble();
            }
        }
        return out;
    }
}
