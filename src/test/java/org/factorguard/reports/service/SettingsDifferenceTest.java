package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SettingsDifferenceTest {

    @Test
    void a_settings_document_flattens_to_dotted_names_with_lists_joined_and_switched_off_limits_named() {
        Map<String, String> flat = new LinkedHashMap<>();
        SettingsDifference.flatten("", JsonMapper.builder().build().readTree("""
                {"factorIds":["EP","REV_5"],"lstm":{"lookback":20,"network":{"units":32}},
                 "allocation":{"maxDailyVar95":"NaN"},"startDate":null,"tiers":[{"k":1},{"k":2}]}
                """), flat);

        assertThat(flat).containsExactly(Map.entry("factorIds", "EP, REV_5"), Map.entry("lstm.lookback", "20"),
                Map.entry("lstm.network.units", "32"), Map.entry("allocation.maxDailyVar95", "off"),
                Map.entry("startDate", "–"), Map.entry("tiers[0].k", "1"), Map.entry("tiers[1].k", "2"));
    }

    @Test
    void a_setting_differs_when_any_two_reports_disagree() {
        assertThat(new ReportComparison.SettingRow("lstm.network.units", List.of("32", "32", "64")).differs())
                .isTrue();
        assertThat(new ReportComparison.SettingRow("seed", List.of("42", "42")).differs()).isFalse();
    }
}
