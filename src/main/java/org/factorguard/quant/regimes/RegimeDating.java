package org.factorguard.quant.regimes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.data.Regime;

/**
 * Dates bull, bear and sideways markets on a market index as analysts date them, in two views: ex post (the
 * whole sample known) and causal (what a manager could have known on the day).
 *
 * <p><b>Bull and bear</b>: the filter rule of Lunde &amp; Timmermann (2004, JBES 22(3), section 2) with
 * λ₂ = {@link RegimeDatingSettings#bearDecline()} and λ₁ = {@link RegimeDatingSettings#bullRise()}. Walking
 * forward through the levels I<sub>t</sub> and keeping the highest level I<sub>max</sub> since the last trough
 * (in a bull market) or the lowest I<sub>min</sub> since the last peak (in a bear market):
 * <ul>
 *   <li>a bull market ends on the first day with I<sub>t</sub> ≤ (1 − λ₂)·I<sub>max</sub>: the day of
 *       I<sub>max</sub> is a <i>peak</i>;</li>
 *   <li>a bear market ends on the first day with I<sub>t</sub> ≥ (1 + λ₁)·I<sub>min</sub>: the day of
 *       I<sub>min</sub> is a <i>trough</i>.</li>
 * </ul>
 * Until the first turning point both extremes are tracked from day 0 and whichever threshold is crossed first
 * decides. Ex post, the days after a peak up to and including the next trough are bear, the days after a trough up
 * to and including the next peak are bull (day d carries the return from close d − 1 to close d, so a bear phase
 * holds exactly the falling days). On ties the earliest day of a high or low is the turning point.
 * Every phase between two turning points therefore moves at least λ (20 % by default), which is also why the
 * duration censoring of Pagan &amp; Sossounov (2003, JAE 18(1): phases of at least 4 months, cycles of at least 16,
 * <i>unless</i> the move exceeds 20 %) never removes a phase at the default thresholds; it is not applied.
 *
 * <p><b>Ends of the sample</b> (censoring): the days up to the first turning point are bull, whether the index rose
 * into a first peak or fell less than λ₂ into a first trough (a smaller fall is not a bear market); the days after
 * the last turning point carry the state in force at the end of the sample: a fall from the last peak that has not
 * reached λ₂ is not (yet) a bear market, and a bear market lasts until a rise of λ₁ confirms its trough.
 *
 * <p><b>Sideways</b> (a trading-range rule, designed here; off when {@code sidewaysMinDays} is 0): a stretch of
 * days [a, b] is a trading range when it lasts at least {@code sidewaysMinDays} trading days, its highest level is
 * at most (1 + {@code sidewaysBand}) times its lowest, and |ln(I<sub>b</sub> / I<sub>a</sub>)| ≤
 * ln(1 + {@code sidewaysNetChange}). Every day inside some trading range is sideways, whatever the bull/bear
 * rule said: a range cannot hold a whole bear phase (the band is below λ₂), but it can hold the flat stretch
 * before a fall or after a trough, which the bull/bear rule would otherwise add to the next phase; its edges are
 * blurred by about the net-change tolerance (a slow end of a trend, or the first few percent of a fall, can join
 * it).
 *
 * <p><b>Causal view</b>, "what a manager could have known on the day", from I<sub>0</sub> … I<sub>t</sub> only:
 * the bull/bear state in force on day t (a bear market is known once the index is λ₂ below its peak, not from
 * the peak; this is the ex-post label of day t when the rule is run on the data up to t), or sideways while a
 * trading range is known: its start a lies at least {@code sidewaysMinDays} − 1 days back, the index has been
 * back within the net-change tolerance of I<sub>a</sub> on some day at least that far from a, and it has stayed
 * within the band since a (the range holds until the index breaks out of the band, so the view does not flicker
 * with the day-to-day distance from I<sub>a</sub>). Changing the index after t changes no causal label on or
 * before t.
 *
 * <p>Missing or non-positive levels are carried forward (leading ones take the first valid level).
 */
public final class RegimeDating {

    /** The method, in words, as reported with every result. */
    public static final String METHOD = "Lunde-Timmermann (2004) bull/bear dating of the market index, peak to "
            + "trough, with a trading-range rule for sideways markets";

    private static final String METHOD_WITHOUT_SIDEWAYS = "Lunde-Timmermann (2004) bull/bear dating of the market "
            + "index, peak to trough";

    private static final int PEAK = 1;
    private static final int TROUGH = -1;

    private final RegimeDatingSettings settings;

    private RegimeDating(RegimeDatingSettings settings) {
        this.settings = settings;
    }

    public static RegimeDating of(RegimeDatingSettings settings) {
        return new RegimeDating(java.util.Objects.requireNonNull(settings, "settings"));
    }

    public RegimeDatingSettings settings() {
        return settings;
    }

    /** Both views for every day of {@code index} (market index levels, one per trading day). */
    public RegimeDatingResult date(double[] index) {
        double[] level = cleaned(index);
        Regime[] exPost = exPost(level);
        Regime[] causal = causal(level);
        return new RegimeDatingResult(exPost, causal,
                settings.sidewaysRule() ? METHOD : METHOD_WITHOUT_SIDEWAYS, settings.describe());
    }

    // ------------------------------------------------------------------ ex post

    private Regime[] exPost(double[] level) {
        int n = level.length;
        Regime[] out = new Regime[n];
        Arrays.fill(out, Regime.BULL);
        List<int[]> turns = turningPoints(level);
        for (int k = 0; k < turns.size(); k++) {
            int from = turns.get(k)[0] + 1;
            int to = k + 1 < turns.size() ? turns.get(k + 1)[0] : n - 1;
            Regime phase = turns.get(k)[1] == PEAK ? Regime.BEAR : Regime.BULL;
            Arrays.fill(out, from, to + 1, phase);
        }
        if (settings.sidewaysRule()) {
            boolean[] sideways = tradingRanges(level);
            for (int t = 0; t < n; t++) {
                if (sideways[t]) {
                    out[t] = Regime.SIDEWAYS;
                }
            }
        }
        return out;
    }

    /** Turning points {day, PEAK or TROUGH} in order, as the filter confirms them. */
    private List<int[]> turningPoints(double[] level) {
        List<int[]> turns = new ArrayList<>();
        Filter filter = new Filter(level);
        for (int t = 1; t < level.length; t++) {
            int[] turn = filter.step(t);
            if (turn != null) {
                turns.add(turn);
            }
        }
        return turns;
    }

    /** The Lunde-Timmermann state machine; {@link #step} only reads levels up to the day it is given. */
    private final class Filter {
        private final double[] level;
        private int state; // 0 before the first turning point, else PEAK (bear in force) or TROUGH (bull in force)
        private int high;
        private int low;

        Filter(double[] level) {
            this.level = level;
        }

        /** Advances to day t ≥ 1; returns the turning point confirmed on day t, or null. */
        int[] step(int t) {
            if (state != PEAK && level[t] > level[high]) {
                high = t;
            }
            if (state != TROUGH && level[t] < level[low]) {
                low = t;
            }
            if (state != PEAK && level[t] <= (1 - settings.bearDecline()) * level[high]) {
                state = PEAK;
                low = t;
                return new int[] {high, PEAK};
            }
            if (state != TROUGH && level[t] >= (1 + settings.bullRise()) * level[low]) {
                state = TROUGH;
                high = t;
                return new int[] {low, TROUGH};
            }
            return null;
        }

        Regime inForce() {
            return state == PEAK ? Regime.BEAR : Regime.BULL;
        }
    }

    /** Days inside at least one trading range (see the class comment). */
    private boolean[] tradingRanges(double[] level) {
        int n = level.length;
        int minDays = settings.sidewaysMinDays();
        double[] y = logs(level);
        double band = Math.log1p(settings.sidewaysBand());
        double tolerance = Math.log1p(settings.sidewaysNetChange());
        int[] cover = new int[n + 1];
        RangeWindow window = new RangeWindow(y, band);
        for (int a = 0; a + minDays <= n; a++) {
            int end = window.longestFrom(a);
            for (int b = end; b >= a + minDays - 1; b--) {
                if (Math.abs(y[b] - y[a]) <= tolerance) {
                    cover[a]++;
                    cover[b + 1]--;
                    break;
                }
            }
        }
        boolean[] out = new boolean[n];
        int running = 0;
        for (int t = 0; t < n; t++) {
            running += cover[t];
            out[t] = running > 0;
        }
        return out;
    }

    /**
     * For start days a = 0, 1, 2, … in turn: the last day e such that max − min of y over [a, e] is at most the
     * band (two pointers with monotone deques; e never decreases as a increases).
     */
    private static final class RangeWindow {
        private final double[] y;
        private final double band;
        private final int[] maxQueue;
        private final int[] minQueue;
        private int maxHead;
        private int maxTail;
        private int minHead;
        private int minTail;
        private int end = -1;

        RangeWindow(double[] y, double band) {
            this.y = y;
            this.band = band;
            this.maxQueue = new int[y.length];
            this.minQueue = new int[y.length];
        }

        int longestFrom(int a) {
            while (maxHead < maxTail && maxQueue[maxHead] < a) {
                maxHead++;
            }
            while (minHead < minTail && minQueue[minHead] < a) {
                minHead++;
            }
            if (end < a) {
                push(a);
            }
            while (end + 1 < y.length && fits(end + 1)) {
                push(end + 1);
            }
            return end;
        }

        private boolean fits(int t) {
            double max = Math.max(y[maxQueue[maxHead]], y[t]);
            double min = Math.min(y[minQueue[minHead]], y[t]);
            return max - min <= band;
        }

        private void push(int t) {
            while (maxTail > maxHead && y[maxQueue[maxTail - 1]] <= y[t]) {
                maxTail--;
            }
            maxQueue[maxTail++] = t;
            while (minTail > minHead && y[minQueue[minTail - 1]] >= y[t]) {
                minTail--;
            }
            minQueue[minTail++] = t;
            end = t;
        }
    }

    // ------------------------------------------------------------------ causal

    private Regime[] causal(double[] level) {
        int n = level.length;
        Regime[] out = new Regime[n];
        if (n == 0) {
            return out;
        }
        Filter filter = new Filter(level);
        out[0] = Regime.BULL;
        for (int t = 1; t < n; t++) {
            filter.step(t);
            out[t] = filter.inForce();
        }
        if (settings.sidewaysRule()) {
            boolean[] known = knownRanges(level);
            for (int t = 0; t < n; t++) {
                if (known[t]) {
                    out[t] = Regime.SIDEWAYS;
                }
            }
        }
        return out;
    }

    /**
     * Whether a trading range is known on day t from levels up to t only: some start a has been confirmed (on a
     * day s with a + minDays − 1 ≤ s ≤ t, |y_s − y_a| ≤ tolerance) and the index has stayed within the band
     * from a to t.
     */
    private boolean[] knownRanges(double[] level) {
        int n = level.length;
        int minDays = settings.sidewaysMinDays();
        double[] y = logs(level);
        double band = Math.log1p(settings.sidewaysBand());
        double tolerance = Math.log1p(settings.sidewaysNetChange());
        boolean[] out = new boolean[n];
        boolean[] confirmed = new boolean[n];
        // first: the earliest a with max − min of y over [a, t] within the band (never decreases with t)
        int[] maxQueue = new int[n];
        int[] minQueue = new int[n];
        int maxHead = 0;
        int maxTail = 0;
        int minHead = 0;
        int minTail = 0;
        int first = 0;
        for (int t = 0; t < n; t++) {
            while (maxTail > maxHead && y[maxQueue[maxTail - 1]] <= y[t]) {
                maxTail--;
            }
            maxQueue[maxTail++] = t;
            while (minTail > minHead && y[minQueue[minTail - 1]] >= y[t]) {
                minTail--;
            }
            minQueue[minTail++] = t;
            while (y[maxQueue[maxHead]] - y[minQueue[minHead]] > band) {
                first++;
                if (maxQueue[maxHead] < first) {
                    maxHead++;
                }
                if (minQueue[minHead] < first) {
                    minHead++;
                }
            }
            for (int a = first; a <= t - minDays + 1; a++) {
                if (!confirmed[a] && Math.abs(y[t] - y[a]) <= tolerance) {
                    confirmed[a] = true;
                }
                out[t] |= confirmed[a];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ input

    private static double[] logs(double[] level) {
        double[] y = new double[level.length];
        for (int t = 0; t < level.length; t++) {
            y[t] = Math.log(level[t]);
        }
        return y;
    }

    /** Levels with missing or non-positive values carried forward (leading ones take the first valid level). */
    static double[] cleaned(double[] index) {
        double[] level = index.clone();
        int firstValid = -1;
        for (int t = 0; t < level.length && firstValid < 0; t++) {
            if (valid(level[t])) {
                firstValid = t;
            }
        }
        if (firstValid < 0) {
            if (level.length == 0) {
                return level;
            }
            throw new IllegalArgumentException("the index has no positive level");
        }
        Arrays.fill(level, 0, firstValid, level[firstValid]);
        for (int t = firstValid + 1; t < level.length; t++) {
            if (!valid(level[t])) {
                level[t] = level[t - 1];
            }
        }
        return level;
    }

    private static boolean valid(double v) {
        return Double.isFinite(v) && v > 0;
    }
}
