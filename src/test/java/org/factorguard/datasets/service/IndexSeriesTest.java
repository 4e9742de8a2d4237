package org.factorguard.datasets.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IndexSeriesTest {

    private static final double NaN = Double.NaN;

    @Test
    void the_change_is_measured_from_the_first_positive_level_and_is_missing_before_it_and_where_a_level_is() {
        double[] change = IndexSeries.changeSinceFirst(new double[] {NaN, 0, 200, 210, NaN, 150});

        assertThat(change[0]).isNaN();
        assertThat(change[1]).isNaN();
        assertThat(change[2]).isZero();
        assertThat(change[3]).isCloseTo(0.05, within(1e-15));
        assertThat(change[4]).isNaN();
        assertThat(change[5]).isCloseTo(-0.25, within(1e-15));
    }
}
