package org.factorguard.portfolios.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OldPortfolioSettingsJsonTest {

    @Test
    void settings_saved_before_issue_13_read_with_a_zero_risk_free_rate_and_run_the_daily_overlay() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("portfolio-settings-before-issue-13.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PortfolioSettings old = PortfolioSettingsJson.read(json);
        assertThat(old.riskFreeRate()).isZero();
        assertThat(old.maxDrawdown()).isEqualTo(0.2);
        assertThat(old.problems()).isEmpty();
        assertThat(old.toStudyConfig().drawdownOverlay().limit()).isEqualTo(0.2);
        assertThat(old.toStudyConfig().drawdownControl()).isNull();
        assertThat(old.toStudyConfig().riskFreeRate()).isZero();
        PortfolioSettings withRate = old.toBuilder().riskFreeRate(0.03).build();
        assertThat(PortfolioSettingsJson.read(PortfolioSettingsJson.write(withRate))).isEqualTo(withRate);
        assertThat(withRate.toStudyConfig().riskFreeRate()).isEqualTo(0.03);
    }
}
