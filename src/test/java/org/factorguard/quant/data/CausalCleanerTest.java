package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CausalCleanerTest {

    private static final CausalCleaner CLEANER = new CausalCleaner(CausalCleaningSettings.defaults());

    @Test
    void changing_every_value_after_day_t_changes_nothing_cleaned_on_or_before_t() {
        double[][] closes = TestPanels.walks(12, 21);
        closes[3][180] *= 10;
        closes[6][120] = Double.NaN;
        MarketData base = TestPanels.market(closes);
        MarketData baseView = CLEANER.clean(base).view();
        SplittableRandom rng = new SplittableRandom(5);
        for (int t : new int[] {60, 179, 180, 181, 250}) {
            double[][] perturbed = TestPanels.copy(closes);
            double[][] volume = TestPanels.copy(base.volume());
            for (int i = 0; i < perturbed.length; i++) {
                for (int d = t + 1; d < TestPanels.DAYS; d++) {
                    perturbed[i][d] *= Math.exp(0.3 * rng.nextGaussian());
                    volume[i][d] *= 3;
                    if (rng.nextDouble() < 0.02) {
                        perturbed[i][d] = Double.NaN;
                    }
                }
            }
            MarketData changed = MarketData.builder(base.dates(), base.instruments()).close(perturbed)
                    .volume(volume).build();
            MarketData view = CLEANER.clean(changed).view();
            for (int i = 0; i < perturbed.length; i++) {
                assertThat(Arrays.copyOf(view.close()[i], t + 1))
                        .containsExactly(Arrays.copyOf(baseView.close()[i], t + 1));
                assertThat(Arrays.copyOf(view.volume()[i], t + 1))
                        .containsExactly(Arrays.copyOf(baseView.volume()[i], t + 1));
                assertThat(Arrays.copyOf(view.high()[i], t + 1))
                        .containsExactly(Arrays.copyOf(baseView.high()[i], t + 1));
            }
            assertThat(Arrays.copyOf(view.marketIndex(), t + 1)).containsExactly(Arrays.copyOf(baseView.marketIndex(),
                    t + 1));
        }
    }

    @Test
    void a_gap_is_carried_forward_from_the_last_close_and_a_longer_one_stays_missing() {
        double[][] closes = TestPanels.walks(8, 22);
        Arrays.fill(closes[2], 100, 103, Double.NaN);
        Arrays.fill(closes[5], 200, 210, Double.NaN);
        CausalCleaner.Result result = CLEANER.clean(TestPanels.market(closes));
        double[][] view = result.view().close();
        assertThat(view[2][100]).isEqualTo(view[2][99]);
        assertThat(view[2][102]).isEqualTo(view[2][99]);
        for (int t = 200; t < 205; t++) {
            assertThat(view[5][t]).isEqualTo(view[5][199]);
        }
        for (int t = 205; t < 210; t++) {
            assertThat(view[5][t]).isNaN();
        }
        assertThat(view[5][210]).isEqualTo(closes[5][210]);
        assertThat(result.daysCarriedForward()).isEqualTo(3 + 5);
    }

    @Test
    void a_crash_of_every_stock_passes_into_the_inputs_unchanged() {
        double[][] closes = TestPanels.walks(10, 23);
        for (double[] p : closes) {
            for (int t = 300; t < TestPanels.DAYS; t++) {
                p[t] *= 0.88;
            }
        }
        MarketData view = CLEANER.clean(TestPanels.market(closes)).view();
        for (int i = 0; i < closes.length; i++) {
            assertThat(view.close()[i][300] / view.close()[i][299]).isCloseTo(closes[i][300] / closes[i][299],
                    within(1e-12));
        }
    }

    @Test
    void a_ten_fold_spike_is_clipped_to_a_few_robust_sigmas_on_the_way_up_and_back() {
        double[][] closes = TestPanels.walks(10, 24);
        closes[4][250] *= 10;
        CausalCleaner.Result result = CLEANER.clean(TestPanels.market(closes));
        double[] view = result.view().close()[4];
        assertThat(Math.log(view[250] / view[249])).isBetween(0.0, 0.15);
        assertThat(view[251]).isCloseTo(closes[4][251], within(closes[4][251] * 0.15));
        assertThat(result.returnsWinsorised()).isBetween(1, 6);
        assertThat(TestPanels.market(closes).close()[4][250]).isEqualTo(closes[4][250]);
    }
}
