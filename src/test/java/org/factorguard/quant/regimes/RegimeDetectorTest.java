package org.factorguard.quant.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Regime;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

    private final RegimeDetector detector = new RegimeDetector(RegimeSettings.defaults());

    private static double[] path(int days, double drift, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] level = new double[days];
        level[0] = 1000;
        for (int t = 1; t < days; t++) {
            level[t] = level[t - 1] * (1 + drift + noise * random.nextGaussian());
        }
        return level;
    }

    @Test
    void a_steady_rise_is_a_bull_market() {
        assertThat(detector.detect(path(250, 0.0015, 0.002, 1))).containsOnly(Regime.BULL);
    }

    @Test
    void a_steady_fall_is_a_bear_market() {
        assertThat(detector.detect(path(250, -0.0015, 0.002, 2))).containsOnly(Regime.BEAR);
    }

    @Test
    void a_flat_noisy_market_is_sideways() {
        SplittableRandom random = new SplittableRandom(3);
        double[] level = new double[250];
        level[0] = 1000;
        for (int t = 1; t < level.length; t++) {
            double zigzag = t % 2 == 0 ? 0.01 : -0.01;
            level[t] = level[t - 1] * (1 + zigzag + 0.001 * random.nextGaussian());
        }
        assertThat(detector.detect(level)).containsOnly(Regime.SIDEWAYS);
    }

    @Test
    void a_one_day_spike_does_not_flip_the_regime() {
        double[] level = new double[250];
        for (int t = 0; t < level.length; t++) {
            level[t] = 1000 * (t % 2 == 0 ? 1.0 : 1.002);
        }
        level[150] *= 1.10; // one day 10 % up, back the next day
        Regime[] raw = detector.rawRegimes(level);
        assertThat(raw[150]).isEqualTo(Regime.BULL); // the unsmoothed rule does react …
        assertThat(detector.detect(level)).containsOnly(Regime.SIDEWAYS); // … the smoothed one does not
    }

    @Test
    void a_lasting_change_is_adopted_after_the_persistence_period() {
        double[] up = path(150, 0.0015, 0.002, 4);
        double[] down = path(150, -0.0025, 0.002, 5);
        double[] level = new double[300];
        System.arraycopy(up, 0, level, 0, 150);
        for (int t = 150; t < 300; t++) {
            level[t] = up[149] * down[t - 150] / down[0];
        }
        Regime[] regimes = detector.detect(level);
        assertThat(regimes[140]).isEqualTo(Regime.BULL);
        assertThat(regimes[299]).isEqualTo(Regime.BEAR);
        // no flip-flopping: at most bull → sideways → bear
        long changes = java.util.stream.IntStream.range(1, 300).filter(t -> regimes[t] != regimes[t - 1]).count();
        assertThat(changes).isBetween(1L, 2L);
    }

    @Test
    void agreement_is_the_share_of_equal_days() {
        Regime[] a = {Regime.BULL, Regime.BULL, Regime.BEAR, Regime.SIDEWAYS};
        Regime[] b = {Regime.BULL, Regime.BEAR, Regime.BEAR, Regime.BULL};
        assertThat(RegimeDetector.agreement(a, b)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void regime_report_computes_figures_over_each_regimes_days() {
        Regime[] regimes = {Regime.BULL, Regime.BEAR, Regime.BULL, Regime.BEAR, Regime.SIDEWAYS};
        Map<String, double[]> portfolios = new LinkedHashMap<>();
        portfolios.put("A", new double[] {0.01, -0.01, 0.02, -0.02, 0.0});
        portfolios.put("B", new double[] {0.0, 0.0, 0.0, 0.0, 0.0});
        RegimeReport report = RegimeReport.of(regimes, portfolios);
        assertThat(report.rows()).hasSize(6);
        RegimeReport.Row bull = report.row(Regime.BULL, "A");
        assertThat(bull.days()).isEqualTo(2);
        assertThat(bull.averageDailyReturn()).isCloseTo(0.015, within(1e-12));
        assertThat(bull.maxDrawdown()).isZero();
        // bull days 1 %, 2 %: mean 0.015, sd √(2·0.005²/1) = 0.0070711
        assertThat(bull.sharpe()).isCloseTo(0.015 / Math.sqrt(0.00005) * Math.sqrt(252), within(1e-9));
        RegimeReport.Row bear = report.row(Regime.BEAR, "A");
        // compounded over bear days only: 0.99, then 0.99·0.98 → drawdown −2.98 %
        assertThat(bear.maxDrawdown()).isCloseTo(0.99 * 0.98 - 1, within(1e-12));
        // R-7 5th percentile of {−0.02, −0.01}: −0.02 + 0.05·0.01
        assertThat(bear.valueAtRisk95()).isCloseTo(-0.0195, within(1e-12));
        assertThat(report.row(Regime.SIDEWAYS, "B").days()).isEqualTo(1);
        assertThat(report.row(Regime.SIDEWAYS, "B").sharpe()).isNaN();
        // every regime has a row for every portfolio, holding that regime's days
        assertThat(report.row(Regime.BULL, "B").days()).isEqualTo(2);
        assertThat(report.row(Regime.BEAR, "B").days()).isEqualTo(2);
        assertThat(report.row(Regime.BEAR, "B").averageDailyReturn()).isZero();
        assertThat(report.rows()).extracting(RegimeReport.Row::regime)
                .containsExactly(Regime.BULL, Regime.BULL, Regime.BEAR, Regime.BEAR, Regime.SIDEWAYS, Regime.SIDEWAYS);
    }
}
