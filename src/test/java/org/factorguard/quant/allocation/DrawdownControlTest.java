package org.factorguard.quant.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrawdownControlTest {

    @Test
    void ramp_is_one_before_the_start_and_the_floor_at_the_limit() {
        DrawdownControl c = new DrawdownControl(DrawdownControlSettings.defaults());
        assertThat(c.target(0.05)).isEqualTo(1.0);
        // halfway between 10 % and 20 %: 1 − 0.75·0.5
        assertThat(c.target(0.15)).isCloseTo(0.625, within(1e-12));
        assertThat(c.target(0.30)).isEqualTo(0.25);
    }

    @Test
    void exposure_is_cut_in_a_crash_and_restored_in_the_recovery() {
        DrawdownControl c = new DrawdownControl(DrawdownControlSettings.defaults());
        // crafted equity path: a 30 % crash over 10 decisions, then a full recovery over 20
        double equity = 1.0;
        double peak = 1.0;
        double lowest = 1.0;
        double previous = 1.0;
        for (int t = 0; t < 10; t++) {
            equity *= 0.965;
            double allowed = c.update(equity / peak - 1);
            assertThat(allowed).isLessThanOrEqualTo(previous);
            previous = allowed;
            lowest = Math.min(lowest, allowed);
        }
        assertThat(lowest).isEqualTo(0.25);
        double[] path = new double[20];
        for (int t = 0; t < 20; t++) {
            equity *= 1.02;
            peak = Math.max(peak, equity);
            path[t] = c.update(equity / peak - 1);
        }
        for (int t = 1; t < path.length; t++) {
            assertThat(path[t]).isGreaterThanOrEqualTo(path[t - 1]);
        }
        assertThat(path[path.length - 1]).isEqualTo(1.0);
    }

    @Test
    void hysteresis_ignores_a_small_bounce_and_restoration_is_gradual() {
        DrawdownControl c = new DrawdownControl(DrawdownControlSettings.defaults());
        double cut = c.update(-0.16); // 1 − 0.75·0.6 = 0.55
        assertThat(cut).isCloseTo(0.55, within(1e-12));
        // recovers by one point only (less than the 2-point buffer): unchanged
        assertThat(c.update(-0.15)).isEqualTo(cut);
        // back above the start: rises by at most 0.25 per decision
        assertThat(c.update(-0.02)).isCloseTo(0.80, within(1e-12));
        assertThat(c.update(-0.02)).isEqualTo(1.0);
    }
}
