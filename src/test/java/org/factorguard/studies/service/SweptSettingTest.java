package org.factorguard.studies.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.junit.jupiter.api.Test;

class SweptSettingTest {

    private final PortfolioSettings defaults = PortfolioSettings.defaults();

    @Test
    void each_value_changes_only_its_setting() {
        PortfolioSettings weekly = SweptSetting.REBALANCE.apply(defaults, "WEEKLY");
        assertThat(weekly.rebalance()).isEqualTo(RebalanceFrequency.WEEKLY);
        assertThat(weekly.toBuilder().rebalance(defaults.rebalance()).build()).isEqualTo(defaults);

        assertThat(SweptSetting.DRAWDOWN_LIMIT.apply(defaults, "0.15").maxDrawdown()).isEqualTo(0.15);
        assertThat(SweptSetting.DRAWDOWN_LIMIT.apply(defaults, "none").maxDrawdown()).isNull();
        assertThat(SweptSetting.COSTS.apply(defaults, "25").costBps()).isEqualTo(25.0);
    }

    @Test
    void sweeping_the_lstm_units_or_look_back_switches_the_per_fold_search_off() {
        assertThat(defaults.lstmSearch()).isNotEqualTo(PortfolioSettings.LstmSearch.OFF);
        PortfolioSettings units = SweptSetting.LSTM_UNITS.apply(defaults, "64");
        assertThat(units.units()).isEqualTo(64);
        assertThat(units.lstmSearch()).isEqualTo(PortfolioSettings.LstmSearch.OFF);
        PortfolioSettings lookback = SweptSetting.LOOK_BACK.apply(defaults, "40");
        assertThat(lookback.lookback()).isEqualTo(40);
        assertThat(lookback.lstmSearch()).isEqualTo(PortfolioSettings.LstmSearch.OFF);
        assertThat(SweptSetting.COSTS.apply(defaults, "5").lstmSearch()).isEqualTo(defaults.lstmSearch());
    }

    @Test
    void the_portfolios_own_value_is_offered_in_order_with_the_usual_ones() {
        PortfolioSettings twelveUnits = defaults.toBuilder().units(12).costBps(7.5).maxDrawdown(null).build();
        assertThat(SweptSetting.LSTM_UNITS.valueOf(twelveUnits)).isEqualTo("12");
        assertThat(SweptSetting.LSTM_UNITS.offeredValues(twelveUnits)).containsExactly("8", "12", "16", "32", "64");
        assertThat(SweptSetting.COSTS.offeredValues(twelveUnits)).containsExactly("0", "5", "7.5", "10", "25", "50");
        assertThat(SweptSetting.DRAWDOWN_LIMIT.valueOf(twelveUnits)).isEqualTo("none");
        assertThat(SweptSetting.DRAWDOWN_LIMIT.offeredValues(twelveUnits)).endsWith("none").hasSize(6);
        assertThat(SweptSetting.DRAWDOWN_LIMIT.offeredValues(defaults))
                .contains(SweptSetting.DRAWDOWN_LIMIT.valueOf(defaults));
        assertThat(SweptSetting.REBALANCE.offeredValues(defaults)).containsExactly("DAILY", "WEEKLY", "MONTHLY");
    }

    @Test
    void values_read_as_people_write_them() {
        assertThat(SweptSetting.DRAWDOWN_LIMIT.valueLabel("0.15")).isEqualTo("15 %");
        assertThat(SweptSetting.DRAWDOWN_LIMIT.valueLabel("none")).isEqualTo("no limit");
        assertThat(SweptSetting.REBALANCE.describe("WEEKLY")).isEqualTo("Rebalancing: weekly");
        assertThat(SweptSetting.LOOK_BACK.describe("20")).isEqualTo("LSTM look-back: 20 days");
        assertThat(SweptSetting.COSTS.valueLabel("10")).isEqualTo("10 bps");
    }

    @Test
    void a_code_that_is_not_a_value_is_refused() {
        assertThatThrownBy(() -> SweptSetting.LSTM_UNITS.apply(defaults, "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LSTM hidden units");
        assertThatThrownBy(() -> SweptSetting.REBALANCE.apply(defaults, "HOURLY"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
