package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Point-in-time fundamentals: a reporting lag applied to EPS, BVPS, P/E and P/B, because a fundamental dated d
 * (the period it describes, as most files give it) is published weeks later.
 *
 * <p><b>Definition.</b> With a lag of L calendar days, a value dated d becomes visible on the first trading day
 * on or after d + L and stays visible until the next row's value becomes visible: the value shown on trading day
 * t is the source value of the latest trading day d' with d' ≤ t − L (calendar), missing when there is none (the
 * first L days) or when the source has none on d'. L = 0 leaves the data as it is.
 *
 * <p>Per-share values (EPS, BVPS) are shifted as they are. A ratio given directly (P/E, P/B) is shifted as the
 * ratio to the price of its own date, q = ratio<sub>d'</sub> / P<sub>d'</sub> (= 1/EPS), and shown as
 * P<sub>t</sub> · q: the earnings are those published, the price is today's. Ratios the file does not give are
 * derived by {@link MarketData} from the shifted per-share values.
 */
public final class ReportingLag {

    /** The default lag of an import that is not declared point-in-time: about the 10-Q filing deadline. */
    public static final int DEFAULT_DAYS = 45;

    private ReportingLag() {
    }

    /** For each trading day t the index of the latest day d' with d' ≤ t − lag, or −1. */
    public static int[] visibleSource(LocalDate[] dates, int lagDays) {
        if (lagDays < 0) {
            throw new IllegalArgumentException("the reporting lag must not be negative, was " + lagDays);
        }
        int[] source = new int[dates.length];
        int j = -1;
        for (int t = 0; t < dates.length; t++) {
            LocalDate visibleUpTo = dates[t].minusDays(lagDays);
            while (j + 1 < dates.length && !dates[j + 1].isAfter(visibleUpTo)) {
                j++;
            }
            source[t] = j;
        }
        return source;
    }

    /** Per-share values [instrument][day] as visible after the lag (null stays null). */
    public static double[][] shift(LocalDate[] dates, double[][] values, int lagDays) {
        if (values == null || lagDays == 0) {
            return values;
        }
        int[] source = visibleSource(dates, lagDays);
        double[][] out = new double[values.length][dates.length];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(out[i], Double.NaN);
            for (int t = 0; t < dates.length; t++) {
                if (source[t] >= 0) {
                    out[i][t] = values[i][source[t]];
                }
            }
        }
        return out;
    }

    /** A price ratio [instrument][day] as visible after the lag: P<sub>t</sub> · ratio<sub>d'</sub>/P<sub>d'</sub>. */
    public static double[][] shiftRatio(LocalDate[] dates, double[][] close, double[][] ratio, int lagDays) {
        if (ratio == null || lagDays == 0) {
            return ratio;
        }
        int[] source = visibleSource(dates, lagDays);
        double[][] out = new double[ratio.length][dates.length];
        for (int i = 0; i < ratio.length; i++) {
            Arrays.fill(out[i], Double.NaN);
            for (int t = 0; t < dates.length; t++) {
                int d = source[t];
                if (d >= 0 && close[i][d] > 0 && close[i][t] > 0) {
                    out[i][t] = close[i][t] * (ratio[i][d] / close[i][d]);
                }
            }
        }
        return out;
    }
}
