package org.factorguard.reports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.reports.domain.Report;
import org.junit.jupiter.api.Test;

class EarlierStudiesTest {

    private static Report report(Double lstmSharpe) {
        return new Report(1L, 7L, 3L, "t", "p", 2L, "d", "hash", true, 42L, Instant.EPOCH, 100L, lstmSharpe, 0.5,
                0.1, -0.2);
    }

    @Test
    void earlier_studies_of_the_portfolio_count_as_tried_and_their_stored_sharpes_as_known_trials() {
        StudyConfig config = StudyConfig.defaults();
        StudyConfig counted = StudyRunService.withEarlierStudies(config,
                List.of(report(1.1), report(null), report(Double.NaN), report(0.7)));

        assertThat(counted.significance().configurationsTried()).isEqualTo(4);
        assertThat(counted.significance().earlierStudySharpes()).containsExactly(1.1, 0.7);
        assertThat(counted.significance().screenedCandidates()).isEqualTo(config.significance().screenedCandidates());
        assertThat(counted.toBuilder().significance(config.significance()).build()).isEqualTo(config);
    }

    @Test
    void a_first_study_has_no_earlier_studies() {
        StudyConfig counted = StudyRunService.withEarlierStudies(StudyConfig.defaults(), List.of());
        assertThat(counted.significance().configurationsTried()).isZero();
        assertThat(counted.significance().earlierStudySharpes()).isEmpty();
    }
}
