package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.factorguard.quant.backtest.DrawdownOverlaySettings;
import org.junit.jupiter.api.Test;

/**
 * Results and configs written before issue 13 (the fixtures were written by that code: main at 1889803) read back
 * as they ran.
 */
class OldStudyJsonTest {

    private static String fixture(String name) throws Exception {
        try (InputStream in = OldStudyJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_result_written_before_issue_13_loads_without_overlay_delistings_or_data_treatment() throws Exception {
        StudyResult old = StudyResultJson.read(OldStudyResultJsonTest.methodOneJson());
        assertThat(old.portfolios()).hasSize(4);
        assertThat(old.portfolios()).allSatisfy(p -> {
            assertThat(p.drawdownOverlay()).isNull();
            assertThat(p.delistings()).isEmpty();
            assertThat(p.returns()).isNotEmpty();
        });
        assertThat(old.dataTreatment()).isNull();
        assertThat(old.methodVersion()).isEqualTo(1);
        assertThat(old.config().drawdownControl()).isNotNull();
        assertThat(old.config().drawdownOverlay()).isNull();
        assertThat(old.config().riskFreeRate()).isZero();
        assertThat(old.config().inputCleaning()).isNull();
        assertThat(old.portfolio(StudyResult.LSTM).summary().sharpe()).isFinite();
        assertThat(StudyResultJson.read(StudyResultJson.write(old)).portfolio(StudyResult.LSTM).returns())
                .containsExactly(old.portfolio(StudyResult.LSTM).returns());
    }

    @Test
    void a_config_written_before_issue_13_runs_its_drawdown_control_as_the_daily_overlay_at_the_same_limit()
            throws Exception {
        StudyConfig old = StudyConfigJson.read(fixture("study-config-before-issue-13.json"));
        assertThat(old.drawdownOverlay()).isNull();
        assertThat(old.riskFreeRate()).isZero();
        assertThat(old.effectiveDrawdownOverlay())
                .isEqualTo(DrawdownOverlaySettings.defaults().withLimit(old.drawdownControl().limit()));
        assertThat(StudyConfig.defaults().drawdownControl()).isNull();
        assertThat(StudyConfig.defaults().effectiveDrawdownOverlay()).isEqualTo(DrawdownOverlaySettings.defaults());
    }
}
