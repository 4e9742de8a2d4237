package org.factorguard.studies.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.reports.service.EarlierStudies;
import org.junit.jupiter.api.Test;

class EarlierStudiesTest {

    @Test
    void earlier_studies_of_the_portfolio_count_as_tried_and_their_stored_sharpes_as_known_trials() {
        StudyConfig config = StudyConfig.defaults();
        StudyConfig counted = StudyRunService.withEarlierStudies(config, new EarlierStudies(4, List.of(1.1, 0.7)));

        assertThat(counted.significance().configurationsTried()).isEqualTo(4);
        assertThat(counted.significance().earlierStudySharpes()).containsExactly(1.1, 0.7);
        assertThat(counted.significance().screenedCandidates()).isEqualTo(config.significance().screenedCandidates());
        assertThat(counted.toBuilder().significance(config.significance()).build()).isEqualTo(config);
    }

    @Test
    void a_first_study_has_no_earlier_studies() {
        StudyConfig counted = StudyRunService.withEarlierStudies(StudyConfig.defaults(), EarlierStudies.none());
        assertThat(counted.significance().configurationsTried()).isZero();
        assertThat(counted.significance().earlierStudySharpes()).isEmpty();
    }
}
