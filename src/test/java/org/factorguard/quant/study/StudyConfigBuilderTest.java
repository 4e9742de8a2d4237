package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.junit.jupiter.api.Test;

class StudyConfigBuilderTest {

    @Test
    void a_config_rebuilt_from_its_builder_is_equal_to_it() {
        StudyConfig config = SmallStudy.config(LstmImplementation.DL4J).toBuilder()
                .universe(StudyConfig.Universe.ofTickers(List.of("S001", "S002")))
                .dates(LocalDate.of(2016, 1, 4), LocalDate.of(2019, 12, 31))
                .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(StudyConfig.defaults().toBuilder().build()).isEqualTo(StudyConfig.defaults());
    }

    @Test
    void a_setter_changes_its_setting_and_nothing_else() {
        StudyConfig config = SmallStudy.config(LstmImplementation.DL4J);

        StudyConfig changed = config.toBuilder().seed(99L).costBps(25.0).drawdownOverlay(null).riskFreeRate(0.02)
                .build();

        assertThat(changed.seed()).isEqualTo(99L);
        assertThat(changed.costBps()).isEqualTo(25.0);
        assertThat(changed.drawdownOverlay()).isNull();
        assertThat(changed.riskFreeRate()).isEqualTo(0.02);
        assertThat(changed.toBuilder().seed(config.seed()).costBps(config.costBps())
                .drawdownOverlay(config.drawdownOverlay()).riskFreeRate(0.0).build()).isEqualTo(config);
    }

    @Test
    void a_blank_builder_is_refused_naming_the_required_settings() {
        assertThatThrownBy(() -> StudyConfig.builder().build())
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("universe, preparation, walk-forward, linear, LSTM, allocation, rebalance")
                .hasMessageContaining("are all required");
    }
}
