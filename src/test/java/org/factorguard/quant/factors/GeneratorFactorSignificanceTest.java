package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The screen recovers what the built-in synthetic market plants: the generator pays premia on earnings
 * yield, book-to-price and 5-day reversal (and penalises turnover), so their daily Rank IC must be
 * clearly significant with the expected sign, while a factor of pure seeded noise must not be.
 */
class GeneratorFactorSignificanceTest {

    private static ScreeningReport report;

    @BeforeAll
    static void screenDefaultMarketWithANoiseFactor() {
        MarketData data = SyntheticMarket.generateDefault();
        float[][] noise = new float[data.dayCount()][data.instrumentCount()];
        SplittableRandom random = new SplittableRandom(7);
        for (float[] row : noise) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        List<Factor> candidates = new ArrayList<>(FactorLibrary.defaults());
        candidates.add(new PrecomputedFactor("NOISE", 0, noise));
        report = new FactorScreen(ScreeningSettings.defaults())
                .screen(data, candidates, CrossSectionalPreparation.Settings.defaults());
    }

    @Test
    void screen_table_is_printed_for_the_record() {
        for (FactorEvaluation f : report.factors()) {
            System.out.printf(java.util.Locale.ROOT, "%-18s rankIC %+.4f t %+6.2f  %s%n", f.factorId(), f.rankIc().mean(),
                    f.rankIc().tStatistic(), report.decision(f.factorId()).reason());
        }
        assertThat(report.factors()).hasSize(FactorLibrary.defaults().size() + 1);
    }

    @Test
    void generator_rewarded_factors_are_significant_and_noise_is_not() {
        for (String rewarded : List.of("EP", "BP", "REV_5")) {
            IcSummary rankIc = report.factor(rewarded).rankIc();
            assertThat(rankIc.mean()).as("mean Rank IC of %s", rewarded).isPositive();
            assertThat(rankIc.pValue()).as("p-value of %s's Rank IC", rewarded).isLessThan(1e-4);
            assertThat(report.decision(rewarded).selected()).as("%s selected", rewarded).isTrue();
        }
        IcSummary turnover = report.factor("TURNOVER").rankIc();
        assertThat(turnover.mean()).as("turnover is penalised by the generator").isNegative();
        assertThat(turnover.pValue()).isLessThan(0.01);

        IcSummary noise = report.factor("NOISE").rankIc();
        assertThat(Math.abs(noise.tStatistic())).as("|t| of the noise factor's Rank IC").isLessThan(2.5);
        assertThat(Math.abs(noise.mean())).isLessThan(0.005);
        assertThat(report.decision("NOISE").selected()).as(report.decision("NOISE").reason()).isFalse();
    }
}
