package org.factorguard.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimalBlockLengthTest {

    // Vectors: src/test/reference/statistics_vectors.py, block "OptimalBlockLengthTest":
    // arch 8.0 arch.bootstrap.optimal_block_length(x) -> columns "stationary", "circular".

    @Test
    void matches_arch_on_an_ar1_series() {
        OptimalBlockLength.Lengths b = OptimalBlockLength.of(new ReferenceSeries(31).autoregressive(500, 0.5));
        assertThat(b.stationary()).isCloseTo(7.577154174542358, within(1e-9));
        assertThat(b.circular()).isCloseTo(8.673676301621072, within(1e-9));
    }

    @Test
    void matches_arch_on_white_noise_and_gives_blocks_near_one() {
        OptimalBlockLength.Lengths b = OptimalBlockLength.of(new ReferenceSeries(32).gaussians(1000));
        assertThat(b.stationary()).isCloseTo(0.9891068845601887, within(1e-9));
        assertThat(b.circular()).isCloseTo(1.1322447381636023, within(1e-9));
        assertThat(OptimalBlockLength.stationary(new ReferenceSeries(32).gaussians(1000))).isEqualTo(1.0);
    }

    @Test
    void matches_arch_on_a_twenty_day_overlap() {
        OptimalBlockLength.Lengths b = OptimalBlockLength.of(new ReferenceSeries(33).movingAverage(1100, 19));
        assertThat(b.stationary()).isCloseTo(35.72922028855768, within(1e-8));
        assertThat(b.circular()).isCloseTo(40.899747339637436, within(1e-8));
    }

    @Test
    void matches_arch_on_a_short_persistent_series() {
        OptimalBlockLength.Lengths b = OptimalBlockLength.of(new ReferenceSeries(34).autoregressive(250, 0.9));
        assertThat(b.stationary()).isCloseTo(11.20024408466249, within(1e-9));
        assertThat(b.circular()).isCloseTo(12.821078923786859, within(1e-9));
    }

    @Test
    void too_short_a_series_is_rejected() {
        assertThatThrownBy(() -> OptimalBlockLength.of(new double[10])).isInstanceOf(IllegalArgumentException.class);
    }
}
