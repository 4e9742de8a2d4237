package org.factorguard.portfolios.service;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of {@link PortfolioSettings} stored with a portfolio; unknown fields of older versions are ignored and
 * a number newer versions added reads as 0 (e.g. the risk-free rate).
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
        return JSON.readValue(json, PortfolioSettings.class);
    }
}
