package org.factorguard.portfolios.service;

import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.StudyConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link PortfolioSettings} stored with a portfolio; unknown fields of older versions are ignored.
 * Settings stored before factor selection existed read as hand-picked factors, marked as chosen after a full-period
 * screen when the list differs from the old default list: the Factors page was then the only way to change it, and
 * it saved what the user ticked after reading a screen over the whole date range.
 */
final class PortfolioSettingsJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PortfolioSettingsJson() {
    }

    static String write(PortfolioSettings settings) {
        return JSON.writeValueAsString(settings);
    }

    static PortfolioSettings read(String json) {
        JsonNode tree = JSON.readTree(json);
        if (tree instanceof ObjectNode object && !object.has("factorsFromFullPeriodScreen")) {
            object.put("factorsFromFullPeriodScreen", false);
        }
        PortfolioSettings settings = JSON.treeToValue(tree, PortfolioSettings.class);
        if (tree.has("factorSelection")) {
            return settings;
        }
        return settings.toBuilder().factorSelection(FactorSelectionMode.HAND_PICKED)
                .factorsFromFullPeriodScreen(!settings.factorIds().equals(StudyConfig.DEFAULT_FACTORS)).build();
    }
}
