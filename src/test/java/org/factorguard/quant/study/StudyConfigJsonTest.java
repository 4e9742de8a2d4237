package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.junit.jupiter.api.Test;

class StudyConfigJsonTest {

    @Test
    void a_config_with_switched_off_limits_reads_back_equal_and_writes_identical_text() {
        StudyConfig config = SmallStudy.config(LstmImplementation.DL4J).toBuilder()
                .universe(StudyConfig.Universe.ofTickers(List.of("S001", "S002")))
                .dates(LocalDate.of(2016, 1, 4), LocalDate.of(2019, 12, 31))
                .build();
        assertThat(config.allocation().defaultIndustryCap()).isNaN();

        String json = StudyConfigJson.write(config);
        StudyConfig back = StudyConfigJson.read(json);

        assertThat(json).contains("\"NaN\"").contains("\"2016-01-04\"");
        assertThat(StudyConfigJson.write(back)).isEqualTo(json);
        assertThat(back.universe().tickers()).containsExactly("S001", "S002");
        assertThat(back.allocation().defaultIndustryCap()).isNaN();
        assertThat(back.seed()).isEqualTo(config.seed());
    }

    @Test
    void text_that_is_not_a_config_is_refused_with_a_readable_message() {
        assertThatThrownBy(() -> StudyConfigJson.read("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a study config");
    }
}
