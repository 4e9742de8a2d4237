package org.factorguard.quant.factors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.junit.jupiter.api.Test;

class FactorAvailabilityTest {

    /** Closes only: the random-walk market without volume, shares, fundamentals, in one industry. */
    private static MarketData closeOnly(int instruments, int days) {
        MarketData full = RandomWalkMarket.generate(instruments, days, 5);
        List<Instrument> unclassified = full.instruments().stream()
                .map(i -> new Instrument(i.ticker(), i.name(), null)).toList();
        return MarketData.builder(full.dates(), unclassified).close(full.close()).build();
    }

    @Test
    void a_close_only_panel_supplies_the_price_factors_and_says_why_it_cannot_supply_the_others() {
        FactorAvailability availability = FactorAvailability.of(closeOnly(12, 400));

        assertThat(availability.supplied()).extracting(Factor::id).containsExactly("MARKET_RETURN", "MOM_20",
                "MOM_60", "MOM_120", "MOM_12_1", "REV_5", "VOL_20", "VOL_60", "BETA_60", "RSI_14", "DIST_MA_20");
        assertThat(availability.why("EP")).get().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(FactorAvailability.Reason.MISSING_FUNDAMENTALS);
            assertThat(u.explanation()).isEqualTo("needs earnings per share (or P/E), which the data does not have");
        });
        assertThat(availability.why("SIZE").orElseThrow().explanation()).contains("shares outstanding");
        assertThat(availability.why("TURNOVER").orElseThrow().reason())
                .isEqualTo(FactorAvailability.Reason.MISSING_VOLUME);
        assertThat(availability.why("TURNOVER").orElseThrow().explanation())
                .isEqualTo("needs daily volume and shares outstanding, which the data does not have");
        assertThat(availability.why("VOLUME_CHANGE_20").orElseThrow().reason())
                .isEqualTo(FactorAvailability.Reason.MISSING_VOLUME);
        assertThat(availability.why("INDUSTRY_RETURN").orElseThrow().reason())
                .isEqualTo(FactorAvailability.Reason.MISSING_INDUSTRIES);
        assertThat(availability.why("REV_5")).isEmpty();
    }

    @Test
    void the_default_factors_it_can_supply_keep_their_order_and_the_others_come_with_reasons() {
        FactorAvailability availability = FactorAvailability.of(closeOnly(12, 400));
        List<String> defaults = List.of("EP", "BP", "REV_5", "VOL_60", "MOM_60", "SIZE", "TURNOVER",
                "VOLUME_CHANGE_20");

        assertThat(availability.suppliedAmong(defaults)).containsExactly("REV_5", "VOL_60", "MOM_60");
        assertThat(availability.unavailableAmong(defaults)).extracting(FactorAvailability.Unavailable::factorId)
                .containsExactly("EP", "BP", "SIZE", "TURNOVER", "VOLUME_CHANGE_20");
        assertThat(availability.unavailableAmong(defaults).getFirst().describe())
                .isEqualTo("EP (Earnings yield (E/P)): missing fundamentals — needs earnings per share (or P/E), "
                        + "which the data does not have");
    }

    @Test
    void a_full_dataset_supplies_every_library_factor() {
        FactorAvailability availability = FactorAvailability.of(RandomWalkMarket.generate(12, 400, 5));

        assertThat(availability.unavailable()).isEmpty();
        assertThat(availability.supplied()).hasSameSizeAs(FactorLibrary.all());
    }

    @Test
    void a_history_shorter_than_a_look_back_makes_the_factor_too_short() {
        FactorAvailability availability = FactorAvailability.of(closeOnly(12, 200));

        assertThat(availability.why("MOM_12_1")).get().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(FactorAvailability.Reason.TOO_SHORT);
            assertThat(u.explanation()).isEqualTo("needs 253 trading days of closes; the data has 200");
        });
        assertThat(availability.canSupply("MOM_120")).isTrue();
    }

    @Test
    void instruments_listed_too_late_leave_too_few_with_a_long_enough_history() {
        MarketData data = closeOnly(12, 400);
        double[][] close = new double[12][];
        for (int i = 0; i < 12; i++) {
            close[i] = data.close()[i].clone();
            if (i >= 3) {
                Arrays.fill(close[i], 0, 300, Double.NaN); // listed on day 300: 100 days of closes
            }
        }
        MarketData late = MarketData.builder(data.dates(), data.instruments()).close(close).build();

        FactorAvailability availability = FactorAvailability.of(late);

        assertThat(availability.why("MOM_120").orElseThrow().explanation())
                .isEqualTo("needs 121 trading days of closes per instrument; 3 instruments have that many, at least "
                        + "10 are needed");
        assertThat(availability.canSupply("MOM_60")).isTrue();
    }
}
