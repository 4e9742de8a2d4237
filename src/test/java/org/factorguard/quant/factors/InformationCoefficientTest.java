package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InformationCoefficientTest {

    final InformationCoefficient ic = new InformationCoefficient(3);

    @Test
    void perfectly_ordered_factor_has_rank_ic_one() {
        float[] factor = {1, 2, 3, 4, 5};
        double[] returns = {-0.02, 0.001, 0.003, 0.05, 0.9}; // same order, far from linear
        assertThat(ic.rank(factor, returns)).isCloseTo(1.0, within(1e-12));
        assertThat(ic.pearson(factor, returns)).isLessThan(0.9);
    }

    @Test
    void reversed_factor_has_rank_ic_minus_one() {
        assertThat(ic.rank(new float[] {5, 4, 3, 2, 1}, new double[] {0.1, 0.2, 0.3, 0.4, 0.5})).isCloseTo(-1.0,
                within(1e-12));
    }

    @Test
    void ties_get_their_average_rank() {
        // factor ranks 1, 2.5, 2.5, 4 vs 1, 2, 3, 4: centred (-1.5, 0, 0, 1.5) and (-1.5, -0.5, 0.5, 1.5)
        // r = 4.5 / sqrt(4.5 * 5) = 0.9486833
        assertThat(ic.rank(new float[] {1, 2, 2, 3}, new double[] {0.1, 0.2, 0.3, 0.4}))
                .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
    }

    @Test
    void pearson_ic_matches_a_hand_computation() {
        // x = 1..4, y = 1, 2, 3, 5: sxy = 6.5, sxx = 5, syy = 8.75
        assertThat(ic.pearson(new float[] {1, 2, 3, 4}, new double[] {1, 2, 3, 5}))
                .isCloseTo(6.5 / Math.sqrt(5 * 8.75), within(1e-12));
    }

    @Test
    void pairs_with_a_missing_side_are_skipped() {
        float[] factor = {1, Float.NaN, 2, 3, 4};
        double[] returns = {0.1, 0.5, Double.NaN, 0.3, 0.4};
        // complete pairs: (1, .1), (3, .3), (4, .4)
        assertThat(ic.rank(factor, returns)).isCloseTo(1.0, within(1e-12));
        double[] both = new double[2];
        ic.both(factor, returns, both);
        assertThat(both[0]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void too_few_pairs_or_a_constant_factor_give_nan() {
        assertThat(ic.rank(new float[] {1, 2, Float.NaN}, new double[] {0.1, 0.2, 0.3})).isNaN();
        assertThat(ic.pearson(new float[] {2, 2, 2, 2}, new double[] {0.1, 0.2, 0.3, 0.4})).isNaN();
        assertThat(ic.rank(new float[] {2, 2, 2, 2}, new double[] {0.1, 0.2, 0.3, 0.4})).isNaN();
    }

    @Test
    void ic_summary_gives_icir_t_statistic_and_sign_share() {
        double[] daily = {0.1, 0.3, -0.1, 0.1, Double.NaN};
        IcSummary s = IcSummary.of(daily, 1);
        // mean 0.1, sample variance (0 + 0.04 + 0.04 + 0) / 3
        double sd = Math.sqrt(0.08 / 3);
        assertThat(s.days()).isEqualTo(4);
        assertThat(s.mean()).isCloseTo(0.1, within(1e-12));
        assertThat(s.standardDeviation()).isCloseTo(sd, within(1e-12));
        assertThat(s.icir()).isCloseTo(0.1 / sd, within(1e-12));
        assertThat(s.tStatistic()).isCloseTo(0.1 / (sd / 2), within(1e-12));
        assertThat(s.shareWithSign()).isCloseTo(0.75, within(1e-12));
        assertThat(IcSummary.of(daily, -1).shareWithSign()).isCloseTo(0.25, within(1e-12));
        assertThat(IcSummary.of(daily, 0).signUsed()).isEqualTo(1);
        assertThat(s.pValue()).isBetween(0.0, 1.0);
    }
}
