package org.factorguard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DownsamplingTest {

    /** A ten-year daily random walk with one crash day and one spike, placed at awkward days. */
    private static double[] walkWithCrash(int n, long seed, int crashDay, int spikeDay) {
        Random random = new Random(seed);
        double[] v = new double[n];
        v[0] = 1;
        for (int t = 1; t < n; t++) {
            v[t] = v[t - 1] * (1 + 0.01 * random.nextGaussian());
        }
        v[crashDay] = 0.01;
        v[spikeDay] = 100;
        return v;
    }

    @Test
    void a_long_series_is_cut_to_at_most_the_point_budget_keeping_first_last_and_extremes() {
        double[] v = walkWithCrash(2_520 * 4, 7, 4_321, 777);
        int[] days = Downsampling.keptDays(v, 2_000);

        assertThat(days.length).isLessThanOrEqualTo(2_000).isGreaterThan(1_000);
        assertThat(days[0]).isZero();
        assertThat(days[days.length - 1]).isEqualTo(v.length - 1);
        assertThat(days).contains(4_321, 777);
        double[] kept = Downsampling.pick(v, days);
        assertThat(Arrays.stream(kept).min().orElseThrow()).isEqualTo(Arrays.stream(v).min().orElseThrow());
        assertThat(Arrays.stream(kept).max().orElseThrow()).isEqualTo(Arrays.stream(v).max().orElseThrow());
        assertThat(days).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void every_series_of_a_chart_keeps_its_extremes_on_the_shared_days() {
        List<double[]> series = IntStream.range(0, 6)
                .mapToObj(s -> walkWithCrash(5_000, 11 + s, 100 + 700 * s, 4_900 - 600 * s)).toList();
        int[] days = Downsampling.keptDays(5_000, series, 500);

        assertThat(days.length).isLessThanOrEqualTo(500);
        for (double[] v : series) {
            double[] kept = Downsampling.pick(v, days);
            assertThat(Arrays.stream(kept).min().orElseThrow()).isEqualTo(Arrays.stream(v).min().orElseThrow());
            assertThat(Arrays.stream(kept).max().orElseThrow()).isEqualTo(Arrays.stream(v).max().orElseThrow());
        }
    }

    @Test
    void days_that_must_stay_are_kept() {
        double[] v = walkWithCrash(10_000, 3, 5_000, 6_000);
        int[] days = Downsampling.keptDays(v.length, List.of(v), 300, 1_234, 8_765);

        assertThat(days.length).isLessThanOrEqualTo(300);
        assertThat(days).contains(0, 1_234, 5_000, 6_000, 8_765, 9_999);
    }

    @Test
    void a_series_within_the_budget_is_left_whole() {
        double[] v = walkWithCrash(2_000, 5, 10, 20);

        assertThat(Downsampling.keptDays(v, 2_000)).containsExactly(IntStream.range(0, 2_000).toArray());
        assertThat(Downsampling.pick(List.of("a", "b", "c"), Downsampling.keptDays(new double[3], 5)))
                .containsExactly("a", "b", "c");
    }

    @Test
    void a_series_shorter_than_the_axis_is_missing_past_its_end() {
        double[] full = walkWithCrash(3_000, 13, 2_500, 100);
        double[] shorter = Arrays.copyOf(walkWithCrash(3_000, 17, 1_500, 200), 2_000);
        int[] days = Downsampling.keptDays(3_000, List.of(full, shorter), 400);

        assertThat(days).contains(2_500, 1_500, 2_999);
        assertThat(Downsampling.pick(shorter, days)).contains(0.01, 100.0, Double.NaN);
    }

    @Test
    void a_stretch_of_missing_values_stays_a_gap() {
        double[] v = walkWithCrash(3_000, 9, 50, 2_900);
        Arrays.fill(v, 1_000, 2_000, Double.NaN);
        double[] kept = Downsampling.pick(v, Downsampling.keptDays(v, 200));

        assertThat(kept).contains(Double.NaN);
    }

    @Test
    void a_single_missing_day_among_values_stays_a_gap() {
        double[] v = walkWithCrash(10_000, 19, 50, 9_900);
        v[5_003] = Double.NaN;
        int[] days = Downsampling.keptDays(v, 200);

        assertThat(days.length).isLessThanOrEqualTo(200);
        assertThat(days).contains(5_003);
    }
}
