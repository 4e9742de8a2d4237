package org.factorguard.portfolios.service;

import java.util.List;
import org.factorguard.quant.factors.Factor;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.StudyConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link PortfolioSettings} stored with a portfolio; unknown fields of older versions are ignored and
 * a number newer versions added reads as 0 (e.g. the risk-free rate). Settings stored before factor selection existed
 * read as hand-picked factors, marked as chosen after a full-period screen unless the list is what a new portfolio
 * started with ({@link #startedFromDefaults}): the Factors page was then the only way to change it, and it saved
 * what the user ticked after reading a screen over the whole period.
 */
final class PortfolioSettingsJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
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
                .factorsFromFullPeriodScreen(!startedFromDefaults(settings.factorIds())).build();
    }

    /**
     * Whether a stored list is what a new portfolio started with: the default factors, or those of them its dataset
     * could supply, in the defaults' order. The Factors page saved in the screen's (library) order instead, so a
     * list that reads the same in both orders cannot be told apart and counts as chosen after the screen.
     */
    static boolean startedFromDefaults(List<String> ids) {
        if (ids.equals(StudyConfig.DEFAULT_FACTORS)) {
            return true;
        }
        List<String> inDefaultOrder = StudyConfig.DEFAULT_FACTORS.stream().filter(ids::contains).toList();
        List<String> inLibraryOrder = FactorLibrary.all().stream().map(Factor::id).filter(ids::contains).toList();
        return !ids.isEmpty() && ids.equals(inDefaultOrder) && !ids.equals(inLibraryOrder);
    }
}
