package org.factorguard.quant.regimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.regimes.RegimeDatingResult.Phase;
import org.junit.jupiter.api.Test;

/**
 * The dating on hand-built index paths whose answer is known by construction: each path is a chain of segments
 * that move the index by a stated total in a stated number of days (log-linear), optionally with seeded noise.
 */
class RegimeDatingTest {

    private final RegimeDating dating = RegimeDating.of(RegimeDatingSettings.defaults());

    /** Segments {days, total move} from level 1000, e.g. {300, +0.30} rises 30 % over 300 days; day 0 is 1000. */
    private static double[] path(double noise, long seed, double[]... segments) {
        int days = 1;
        for (double[] s : segments) {
            days += (int) s[0];
        }
        double[] level = new double[days];
        level[0] = 1000;
        SplittableRandom random = new SplittableRandom(seed);
        int t = 1;
        for (double[] s : segments) {
            int length = (int) s[0];
            double step = Math.log1p(s[1]) / length;
            for (int k = 0; k < length; k++, t++) {
                level[t] = level[t - 1] * Math.exp(step + noise * random.nextGaussian());
            }
        }
        return level;
    }

    private static double[] path(double[]... segments) {
        return path(0, 0, segments);
    }

    /** A range-bound stretch: pulled back towards its first level (half-life about 10 days), 0.8 % daily shocks. */
    private static double[] flat(double start, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] level = new double[days];
        double y = 0;
        for (int t = 0; t < days; t++) {
            level[t] = start * Math.exp(y);
            y += -0.07 * y + 0.008 * random.nextGaussian();
        }
        return level;
    }

    private static double[] concat(double[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Continues {@code segments} from the last level of {@code before}. */
    private static double[] then(double[] before, double noise, long seed, double[]... segments) {
        double[] rest = path(noise, seed, segments);
        double scale = before[before.length - 1] / rest[0];
        double[] out = Arrays.copyOf(before, before.length + rest.length - 1);
        for (int k = 1; k < rest.length; k++) {
            out[before.length - 1 + k] = rest[k] * scale;
        }
        return out;
    }

    private static List<Phase> bears(RegimeDatingResult result) {
        return result.exPostPhases().stream().filter(p -> p.regime() == Regime.BEAR).toList();
    }

    private static double maxDrawdown(double[] level) {
        double peak = level[0];
        double worst = 0;
        for (double v : level) {
            peak = Math.max(peak, v);
            worst = Math.min(worst, v / peak - 1);
        }
        return worst;
    }

    private static int argMax(double[] level, int from, int to) {
        int best = from;
        for (int t = from; t <= to; t++) {
            if (level[t] > level[best]) {
                best = t;
            }
        }
        return best;
    }

    private static int argMin(double[] level, int from, int to) {
        int best = from;
        for (int t = from; t <= to; t++) {
            if (level[t] < level[best]) {
                best = t;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------ bull and bear

    @Test
    void a_25_percent_fall_and_recovery_is_one_bear_phase_from_the_peak_to_the_trough() {
        // up 35 % to day 300, down 25 % to day 420, up 40 % to day 670
        double[] level = path(0.002, 11, new double[] {300, 0.35}, new double[] {120, -0.25},
                new double[] {250, 0.40});
        RegimeDatingResult result = dating.date(level);

        List<Phase> bears = bears(result);
        assertThat(bears).hasSize(1);
        Phase bear = bears.getFirst();
        // the bear phase holds the falling days: from the day after the peak to the trough
        assertThat(bear.firstDay() - 1).isBetween(300 - 5, 300 + 5);
        assertThat(bear.lastDay()).isBetween(420 - 5, 420 + 5);
        assertThat(bear.firstDay() - 1).isEqualTo(argMax(level, 0, 420));
        assertThat(bear.lastDay()).isEqualTo(argMin(level, 300, level.length - 1));
        assertThat(level[bear.lastDay()] / level[bear.firstDay() - 1] - 1).isLessThanOrEqualTo(-0.20);
        assertThat(result.exPost()[150]).isEqualTo(Regime.BULL);
        assertThat(result.exPost()[600]).isEqualTo(Regime.BULL);
        assertThat(result.exPost()).doesNotContain(Regime.SIDEWAYS);
    }

    @Test
    void a_v_shaped_crash_is_a_short_bear_phase() {
        // a bull market, a 35 % crash in 15 days, a 50 % rebound in 30 days, a bull market again
        double[] level = path(0.002, 12, new double[] {400, 0.25}, new double[] {15, -0.35},
                new double[] {30, 0.50}, new double[] {300, 0.20});
        RegimeDatingResult result = dating.date(level);

        List<Phase> bears = bears(result);
        assertThat(bears).hasSize(1);
        Phase bear = bears.getFirst();
        assertThat(bear.firstDay() - 1).isBetween(400 - 5, 400 + 5).isEqualTo(argMax(level, 0, 415));
        assertThat(bear.lastDay()).isBetween(415 - 2, 415 + 2).isEqualTo(argMin(level, 400, level.length - 1));
        assertThat(result.exPostPhases()).extracting(Phase::regime)
                .containsExactly(Regime.BULL, Regime.BEAR, Regime.BULL);
    }

    @Test
    void a_steady_bull_market_with_pull_backs_below_20_percent_stays_bull() {
        double[][] cycles = new double[12][];
        for (int k = 0; k < cycles.length; k += 2) {
            cycles[k] = new double[] {120, 0.20};
            cycles[k + 1] = new double[] {40, k % 4 == 0 ? -0.10 : -0.14};
        }
        double[] level = path(0.003, 13, cycles);
        assertThat(maxDrawdown(level)).isGreaterThan(-0.20).isLessThan(-0.12);

        RegimeDatingResult result = dating.date(level);

        assertThat(result.exPost()).containsOnly(Regime.BULL);
        assertThat(result.causal()).containsOnly(Regime.BULL);
    }

    @Test
    void noise_without_a_fall_of_20_percent_dates_no_bear_market_and_no_bear_phase_is_short() {
        int quiet = 0;
        int bearPhases = 0;
        for (long seed = 1; seed <= 30; seed++) {
            double[] level = path(0.01, seed, new double[] {500, 0.0}); // 16 % a year of pure noise
            RegimeDatingResult result = dating.date(level);
            List<Phase> bears = bears(result);
            if (maxDrawdown(level) > -0.20) {
                quiet++;
                assertThat(bears).as("seed %d", seed).isEmpty();
            }
            int previousEnd = 0;
            for (Phase bear : bears) {
                bearPhases++;
                // a trading range may hold the start of the fall, so the peak is the high since the last bear run
                double peak = level[argMax(level, previousEnd, bear.firstDay() - 1)];
                double trough = level[argMin(level, bear.firstDay(), bear.lastDay())];
                assertThat(trough / peak - 1).as("seed %d", seed).isLessThanOrEqualTo(-0.20);
                assertThat(bear.days()).as("seed %d", seed).isGreaterThanOrEqualTo(20);
                previousEnd = bear.lastDay() + 1;
            }
        }
        // both branches were exercised
        assertThat(quiet).isBetween(1, 29);
        assertThat(bearPhases).isPositive();
    }

    // ------------------------------------------------------------------ sideways

    @Test
    void a_long_flat_stretch_is_sideways() {
        double[] level = flat(1000, 600, 21);
        assertThat(maxDrawdown(level)).isGreaterThan(-0.12);

        assertThat(dating.date(level).exPost()).containsOnly(Regime.SIDEWAYS);
    }

    @Test
    void a_flat_stretch_between_a_bull_and_a_bear_market_is_sideways() {
        double[] bull = path(0.003, 22, new double[] {400, 0.40});
        double[] range = flat(bull[bull.length - 1], 400, 23);
        double[] level = then(concat(bull, Arrays.copyOfRange(range, 1, range.length)), 0.003, 24,
                new double[] {150, -0.30});
        RegimeDatingResult result = dating.date(level);
        Regime[] r = result.exPost();

        // the range's edges are blurred by the net-change tolerance: a slow end of the bull market or a slow
        // start of the fall can join it
        assertThat(Arrays.copyOfRange(r, 1, 300)).containsOnly(Regime.BULL);
        assertThat(Arrays.copyOfRange(r, 400, 800)).containsOnly(Regime.SIDEWAYS);
        assertThat(Arrays.copyOfRange(r, 850, r.length)).containsOnly(Regime.BEAR);
        assertThat(result.exPostPhases()).extracting(Phase::regime)
                .containsExactly(Regime.BULL, Regime.SIDEWAYS, Regime.BEAR);
        // a manager knows the range a year after it began, and the bear market once the fall reaches 20 %
        Regime[] c = result.causal();
        assertThat(Arrays.copyOfRange(c, 1, 550)).containsOnly(Regime.BULL);
        assertThat(Arrays.copyOfRange(c, 700, 800)).containsOnly(Regime.SIDEWAYS);
        assertThat(c[c.length - 1]).isEqualTo(Regime.BEAR);
    }

    @Test
    void a_trading_range_shorter_than_the_minimum_is_not_sideways() {
        double[] bull = path(0.003, 25, new double[] {300, 0.50});
        double[] range = flat(bull[bull.length - 1], 120, 26);
        double[] level = then(concat(bull, Arrays.copyOfRange(range, 1, range.length)), 0.003, 27,
                new double[] {300, 0.50});

        assertThat(dating.date(level).exPost()).containsOnly(Regime.BULL);
        RegimeDatingSettings shorter = new RegimeDatingSettings(0.20, 0.20, 100, 0.15, 0.05);
        assertThat(RegimeDating.of(shorter).date(level).exPost()[360]).isEqualTo(Regime.SIDEWAYS);
    }

    // ------------------------------------------------------------------ ends of the sample

    @Test
    void a_fall_at_the_end_smaller_than_the_threshold_is_not_yet_a_bear_market() {
        double[] level = path(new double[] {300, 0.30}, new double[] {60, -0.15});
        RegimeDatingResult result = dating.date(level);

        assertThat(result.exPost()).containsOnly(Regime.BULL);
        assertThat(result.causal()).containsOnly(Regime.BULL);
    }

    @Test
    void a_fall_of_25_percent_at_the_end_is_a_bear_market_from_the_peak_to_the_end() {
        double[] level = path(new double[] {300, 0.30}, new double[] {100, -0.25});
        Regime[] r = dating.date(level).exPost();

        assertThat(Arrays.copyOfRange(r, 0, 301)).containsOnly(Regime.BULL);
        assertThat(Arrays.copyOfRange(r, 301, r.length)).containsOnly(Regime.BEAR);
    }

    @Test
    void a_rise_at_the_end_smaller_than_the_threshold_does_not_end_the_bear_market() {
        double[] level = path(new double[] {100, -0.30}, new double[] {50, 0.15});
        Regime[] r = dating.date(level).exPost();

        assertThat(r[0]).isEqualTo(Regime.BULL); // the peak itself
        assertThat(Arrays.copyOfRange(r, 1, r.length)).containsOnly(Regime.BEAR);
    }

    @Test
    void a_fall_from_the_first_day_is_a_bear_market_from_the_first_day() {
        double[] level = path(new double[] {100, -0.25}, new double[] {200, 0.30});
        Regime[] r = dating.date(level).exPost();

        assertThat(Arrays.copyOfRange(r, 1, 101)).containsOnly(Regime.BEAR);
        assertThat(Arrays.copyOfRange(r, 101, r.length)).containsOnly(Regime.BULL);
    }

    @Test
    void a_shallow_dip_at_the_start_is_not_a_bear_market() {
        double[] level = path(new double[] {40, -0.10}, new double[] {300, 0.40});

        assertThat(dating.date(level).exPost()).containsOnly(Regime.BULL);
    }

    // ------------------------------------------------------------------ causal view

    @Test
    void the_causal_bear_market_begins_on_the_day_the_fall_reaches_the_threshold() {
        double[] level = path(0.002, 31, new double[] {300, 0.30}, new double[] {100, -0.30});
        int peak = argMax(level, 0, level.length - 1);
        int known = peak;
        while (level[known] > 0.80 * level[peak]) {
            known++;
        }
        RegimeDatingResult result = dating.date(level);

        assertThat(known - peak).isGreaterThan(30); // the causal view lags the ex-post one
        assertThat(Arrays.copyOfRange(result.causal(), 0, known)).containsOnly(Regime.BULL);
        assertThat(Arrays.copyOfRange(result.causal(), known, level.length)).containsOnly(Regime.BEAR);
        assertThat(Arrays.copyOfRange(result.exPost(), peak + 1, level.length)).containsOnly(Regime.BEAR);
    }

    /** Bull and bear stretches of 4 to 16 months and range-bound ones of 14 to 20 months, 1 % daily noise. */
    private static double[] regimePath(int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] level = new double[days];
        level[0] = 1000;
        int t = 1;
        while (t < days) {
            int kind = random.nextInt(3);
            int length = kind == 2 ? 300 + random.nextInt(120) : 84 + random.nextInt(252);
            double anchor = Math.log(level[t - 1]);
            for (int k = 0; k < length && t < days; k++, t++) {
                double y = Math.log(level[t - 1]);
                double drift = switch (kind) {
                    case 0 -> 0.25 / 252;
                    case 1 -> -0.45 / 252;
                    default -> -0.15 * (y - anchor);
                };
                level[t] = Math.exp(y + drift + 0.01 * random.nextGaussian());
            }
        }
        return level;
    }

    @Test
    void changing_the_index_after_a_day_changes_no_causal_label_on_or_before_that_day() {
        double[] level = regimePath(1500, 41);
        RegimeDatingResult original = dating.date(level);
        assertThat(original.causal()).contains(Regime.BULL, Regime.BEAR, Regime.SIDEWAYS);
        SplittableRandom random = new SplittableRandom(42);
        int exPostChanged = 0;
        for (int day = 0; day < level.length - 1; day += 37) {
            double[] changed = level.clone();
            double shock = random.nextBoolean() ? 0.5 : 1.6; // a crash or a boom right after the day
            for (int t = day + 1; t < changed.length; t++) {
                changed[t] = changed[t] * shock * Math.exp(0.02 * random.nextGaussian());
            }
            if (day % 3 == 0) {
                changed[changed.length - 1] = Double.NaN;
            }
            RegimeDatingResult after = dating.date(changed);
            assertThat(Arrays.copyOfRange(after.causal(), 0, day + 1)).as("day %d", day)
                    .containsExactly(Arrays.copyOfRange(original.causal(), 0, day + 1));
            if (!Arrays.equals(Arrays.copyOfRange(after.exPost(), 0, day + 1),
                    Arrays.copyOfRange(original.exPost(), 0, day + 1))) {
                exPostChanged++;
            }
        }
        // the perturbations are strong enough to move the ex-post dating, which may look ahead
        assertThat(exPostChanged).isPositive();
    }

    @Test
    void the_causal_bull_or_bear_label_is_the_ex_post_label_of_the_last_day_on_data_up_to_that_day() {
        RegimeDating bullBear = RegimeDating.of(RegimeDatingSettings.defaults().withoutSideways());
        double[] level = regimePath(1500, 41);
        RegimeDatingResult full = bullBear.date(level);
        assertThat(full.causalPhases()).hasSizeGreaterThan(3);
        Regime[] lastDayOfPrefix = new Regime[level.length];
        for (int t = 0; t < level.length; t++) {
            lastDayOfPrefix[t] = bullBear.date(Arrays.copyOf(level, t + 1)).exPost()[t];
        }
        assertThat(full.causal()).containsExactly(lastDayOfPrefix);
    }

    // ------------------------------------------------------------------ the sideways rule against brute force

    /** Whether [a, b] is a trading range: at least minDays long, within the band, ends near its start. */
    private static boolean range(double[] level, int a, int b, RegimeDatingSettings s) {
        double max = level[a];
        double min = level[a];
        for (int t = a; t <= b; t++) {
            max = Math.max(max, level[t]);
            min = Math.min(min, level[t]);
        }
        return b - a + 1 >= s.sidewaysMinDays() && max <= (1 + s.sidewaysBand()) * min * (1 + 1e-12)
                && Math.abs(Math.log(level[b] / level[a])) <= Math.log1p(s.sidewaysNetChange()) + 1e-12;
    }

    @Test
    void sideways_days_are_exactly_the_days_inside_some_trading_range() {
        RegimeDatingSettings s = new RegimeDatingSettings(0.20, 0.20, 60, 0.10, 0.03);
        for (long seed = 61; seed <= 63; seed++) {
            double[] level = regimePath(400, seed);
            Regime[] exPost = RegimeDating.of(s).date(level).exPost();
            boolean[] inside = new boolean[level.length];
            for (int a = 0; a < level.length; a++) {
                for (int b = a; b < level.length; b++) {
                    if (range(level, a, b, s)) {
                        Arrays.fill(inside, a, b + 1, true);
                    }
                }
            }
            boolean[] sideways = new boolean[level.length];
            int count = 0;
            for (int t = 0; t < level.length; t++) {
                sideways[t] = exPost[t] == Regime.SIDEWAYS;
                count += inside[t] ? 1 : 0;
            }
            assertThat(sideways).as("seed %d", seed).containsExactly(inside);
            assertThat(count).as("seed %d", seed).isBetween(1, level.length - 1);
        }
    }

    @Test
    void a_range_is_known_causally_once_confirmed_and_until_the_index_leaves_its_band() {
        RegimeDatingSettings s = new RegimeDatingSettings(0.20, 0.20, 60, 0.10, 0.03);
        for (long seed = 61; seed <= 63; seed++) {
            double[] level = regimePath(400, seed);
            Regime[] causal = RegimeDating.of(s).date(level).causal();
            boolean[] sideways = new boolean[level.length];
            boolean[] expected = new boolean[level.length];
            int count = 0;
            for (int t = 0; t < level.length; t++) {
                boolean known = false;
                for (int a = 0; a + s.sidewaysMinDays() - 1 <= t && !known; a++) {
                    if (!range(level, a, t, withoutNetChange(s))) {
                        continue; // the index has left the band since a
                    }
                    for (int confirmed = a + s.sidewaysMinDays() - 1; confirmed <= t && !known; confirmed++) {
                        known = range(level, a, confirmed, s);
                    }
                }
                sideways[t] = causal[t] == Regime.SIDEWAYS;
                expected[t] = known;
                count += known ? 1 : 0;
            }
            assertThat(sideways).as("seed %d", seed).containsExactly(expected);
            assertThat(count).as("seed %d", seed).isBetween(1, level.length - 1);
        }
    }

    private static RegimeDatingSettings withoutNetChange(RegimeDatingSettings s) {
        return new RegimeDatingSettings(s.bearDecline(), s.bullRise(), 2, s.sidewaysBand(), s.sidewaysBand());
    }

    // ------------------------------------------------------------------ settings, input, result

    @Test
    void the_result_states_the_method_and_its_parameters() {
        RegimeDatingResult result = dating.date(path(new double[] {300, 0.30}));

        assertThat(result.method()).contains("Lunde-Timmermann").contains("sideways");
        assertThat(result.parameters()).contains("fall of at least 20 %").contains("rise of at least 20 %")
                .contains("252 trading days").contains("15 % band").contains("5 %");
        RegimeDatingResult without = RegimeDating.of(RegimeDatingSettings.defaults().withoutSideways())
                .date(flat(1000, 600, 21));
        assertThat(without.method()).doesNotContain("sideways");
        assertThat(without.parameters()).contains("no sideways rule");
        assertThat(without.exPost()).doesNotContain(Regime.SIDEWAYS);
    }

    @Test
    void missing_levels_are_carried_forward() {
        double[] level = path(0.002, 51, new double[] {300, 0.30}, new double[] {100, -0.30},
                new double[] {200, 0.30});
        double[] gappy = level.clone();
        double[] filled = level.clone();
        gappy[0] = Double.NaN;
        filled[0] = level[1];
        for (int t = 100; t < level.length; t += 17) {
            gappy[t] = t % 2 == 0 ? Double.NaN : 0.0;
            filled[t] = filled[t - 1];
        }
        RegimeDatingResult a = dating.date(gappy);
        RegimeDatingResult b = dating.date(filled);

        assertThat(a.exPost()).containsExactly(b.exPost());
        assertThat(a.causal()).containsExactly(b.causal());
        assertThat(a.exPost()).contains(Regime.BEAR);
    }

    @Test
    void an_empty_index_has_no_labels_and_an_index_without_a_level_is_rejected() {
        assertThat(dating.date(new double[0]).exPost()).isEmpty();
        assertThatThrownBy(() -> dating.date(new double[] {Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_outside_their_range_are_rejected() {
        assertThatThrownBy(() -> new RegimeDatingSettings(0, 0.2, 252, 0.15, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegimeDatingSettings(0.2, 0.2, 1, 0.15, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegimeDatingSettings(0.2, 0.2, 252, 0.15, 0.20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegimeDatingSettings(0.2, 0.2, 252, 0.25, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
