package org.factorguard.quant.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BadTickRepairTest {

    @Test
    void an_isolated_ten_fold_spike_that_reverts_is_repaired_to_the_previous_close_moved_with_the_market() {
        double[][] closes = TestPanels.walks(10, 11);
        closes[4][250] *= 10;
        MarketData data = TestPanels.market(closes);
        List<PriceRepair> repairs = BadTickRepair.find(data);
        assertThat(repairs).singleElement().satisfies(r -> {
            assertThat(r.ticker()).isEqualTo("S04");
            assertThat(r.date()).isEqualTo(data.dates()[250]);
            assertThat(r.rawClose()).isEqualTo(closes[4][250]);
            assertThat(r.reason()).contains("one-day move of +").contains("reverted the next day");
        });
        double[][] repaired = BadTickRepair.repairedCloses(data, repairs);
        double marketMove = Math.exp(repairs.get(0).repairedClose() / closes[4][249]);
        assertThat(marketMove).isBetween(Math.exp(0.96), Math.exp(1.04));
        for (int i = 0; i < 10; i++) {
            for (int t = 0; t < TestPanels.DAYS; t++) {
                if (i != 4 || t != 250) {
                    assertThat(repaired[i][t]).isEqualTo(closes[i][t]);
                }
            }
        }
        assertThat(data.close()[4][250]).isEqualTo(closes[4][250]);
    }

    @Test
    void a_tenth_of_the_price_for_one_day_is_repaired_too() {
        double[][] closes = TestPanels.walks(10, 12);
        closes[7][300] /= 10;
        assertThat(BadTickRepair.find(TestPanels.market(closes))).extracting(PriceRepair::ticker)
                .containsExactly("S07");
    }

    @Test
    void a_market_wide_crash_is_never_repaired_even_when_it_reverts_the_next_day() {
        double[][] closes = TestPanels.walks(10, 13);
        for (double[] p : closes) {
            for (int t = 200; t < TestPanels.DAYS; t++) {
                p[t] *= t == 200 ? 0.5 : 1.0;
            }
        }
        assertThat(BadTickRepair.find(TestPanels.market(closes))).isEmpty();
    }

    @Test
    void a_permanent_jump_of_one_stock_is_not_a_bad_tick() {
        double[][] closes = TestPanels.walks(10, 14);
        for (int t = 220; t < TestPanels.DAYS; t++) {
            closes[2][t] *= 3;
        }
        assertThat(BadTickRepair.find(TestPanels.market(closes))).isEmpty();
    }

    @Test
    void a_spike_in_the_first_weeks_of_history_is_not_judged() {
        double[][] closes = TestPanels.walks(10, 15);
        closes[1][30] *= 10;
        assertThat(BadTickRepair.find(TestPanels.market(closes))).isEmpty();
    }

    @Test
    void no_repair_leaves_the_data_itself() {
        MarketData data = TestPanels.market(TestPanels.walks(6, 16));
        assertThat(BadTickRepair.repaired(data, List.of())).isSameAs(data);
    }
}
