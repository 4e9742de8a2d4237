package org.factorguard.quant.regimes;

import java.util.Locale;

/**
 * Parameters of {@link RegimeDating}: the bull/bear thresholds of Lunde &amp; Timmermann (2004) and the trading-range
 * rule for sideways markets.
 *
 * @param bearDecline       a bull market ends (and a bear market begins, dated from the peak) once the index has
 *                          fallen this much below its highest level since the last trough (λ₂ of Lunde &amp;
 *                          Timmermann; 0.20 is the analysts' "fall of 20 % or more")
 * @param bullRise          a bear market ends (and a bull market begins, dated from the trough) once the index has
 *                          risen this much above its lowest level since the last peak (λ₁; 0.20)
 * @param sidewaysMinDays   shortest trading range, in trading days, that counts as a sideways market; 0 switches the
 *                          sideways rule off (bull and bear only)
 * @param sidewaysBand      a trading range stays within this band: highest level ≤ (1 + band) · lowest level;
 *                          below bearDecline, so that a range never holds a whole bear market
 * @param sidewaysNetChange and ends within this much of where it began: |I_end / I_start − 1| ≤ this, in log terms
 *                          |ln(I_end / I_start)| ≤ ln(1 + this)
 */
public record RegimeDatingSettings(double bearDecline, double bullRise, int sidewaysMinDays, double sidewaysBand,
                                   double sidewaysNetChange) {

    public RegimeDatingSettings {
        if (!(bearDecline > 0 && bearDecline < 1)) {
            throw new IllegalArgumentException("bearDecline must be between 0 and 1, was " + bearDecline);
        }
        if (!(bullRise > 0 && bullRise <= 10)) {
            throw new IllegalArgumentException("bullRise must be between 0 and 10, was " + bullRise);
        }
        if (sidewaysMinDays < 0 || sidewaysMinDays == 1) {
            throw new IllegalArgumentException("sidewaysMinDays must be 0 (off) or at least 2, was " + sidewaysMinDays);
        }
        if (!(sidewaysBand > 0 && sidewaysBand < bearDecline)) {
            // a wider trading range could hold a whole bear market
            throw new IllegalArgumentException("sidewaysBand must be above 0 and below bearDecline (" + bearDecline
                    + "), was " + sidewaysBand);
        }
        if (!(sidewaysNetChange >= 0 && sidewaysNetChange <= sidewaysBand)) {
            throw new IllegalArgumentException("sidewaysNetChange must be between 0 and sidewaysBand, was "
                    + sidewaysNetChange);
        }
    }

    /**
     * Bear: a fall of 20 % from a peak; bull: a rise of 20 % from a trough (the symmetric case of Lunde &amp;
     * Timmermann); sideways: at least one year (252 trading days) inside a 15 % band, ending within 5 % of where it
     * began (a drift of at most 5 % a year).
     */
    public static RegimeDatingSettings defaults() {
        return new RegimeDatingSettings(0.20, 0.20, 252, 0.15, 0.05);
    }

    /** The same thresholds without the sideways rule. */
    public RegimeDatingSettings withoutSideways() {
        return new RegimeDatingSettings(bearDecline, bullRise, 0, sidewaysBand, sidewaysNetChange);
    }

    public boolean sidewaysRule() {
        return sidewaysMinDays > 0;
    }

    /** The parameters in words, for the report. */
    public String describe() {
        String bullBear = String.format(Locale.ROOT,
                "bear: a fall of at least %s %% from a peak, dated from the peak to the trough; "
                        + "bull: a rise of at least %s %% from a trough, dated from the trough to the peak",
                percent(bearDecline), percent(bullRise));
        if (!sidewaysRule()) {
            return bullBear + "; no sideways rule";
        }
        return bullBear + String.format(Locale.ROOT,
                "; sideways: at least %d trading days within a %s %% band, ending within %s %% of where they began",
                sidewaysMinDays, percent(sidewaysBand), percent(sidewaysNetChange));
    }

    private static String percent(double share) {
        double p = 100 * share;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }
}
