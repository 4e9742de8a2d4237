package org.factorguard.reports.service;

import java.time.LocalDate;
import java.util.Locale;
import org.factorguard.quant.study.StudyResult;

/**
 * What the daily drawdown overlay did to one model portfolio, read from its exposure series, with the sentence the
 * report shows. The overlay is a cushion rule (CPPI): once the cushion is gone the target exposure is 0, and with
 * cash earning the risk-free rate the cushion can regrow only as slowly as cash does, so a book cut to cash usually
 * stays there. That lock-in is worth saying plainly, because the portfolio's Table 1 figures then measure the
 * control, not the model; the "without overlay" figures measure the model.
 *
 * @param portfolio          the portfolio's name
 * @param limit              the drawdown limit (a positive fraction)
 * @param realisedMaxDrawdown the realised maximum drawdown (≤ 0)
 * @param worstDayLoss       the worst one-day return (≤ 0 when it ever lost)
 * @param heldWithinOneDay   whether |realised MDD| ≤ limit + |worst one-day return|
 * @param actedDays          closes at which the overlay changed the exposure
 * @param averageExposure    mean exposure over the return days (NaN without days)
 * @param daysInCash         return days with no exposure at all
 * @param cashFrom           first day of the final run of days in cash that lasts to the end (null when the book
 *                           ends exposed)
 * @param limitHitOn         the close at which the overlay decided that final cut (the last acted date before
 *                           {@code cashFrom}; {@code cashFrom} itself when none is recorded)
 * @param daysInCashToTheEnd return days from {@code cashFrom} to the end (0 when the book ends exposed)
 * @param days               return days
 */
public record DrawdownLimitReading(String portfolio, double limit, double realisedMaxDrawdown, double worstDayLoss,
                                   boolean heldWithinOneDay, int actedDays, double averageExposure, int daysInCash,
                                   LocalDate cashFrom, LocalDate limitHitOn, int daysInCashToTheEnd, int days) {

    /** An exposure at or below this is cash (the overlay's target is exactly 0 once the cushion is gone). */
    static final double CASH = 1e-9;

    /** The reading of a model portfolio's overlay, or null when the portfolio has none (benchmarks, old results). */
    public static DrawdownLimitReading of(StudyResult r, StudyResult.Portfolio p) {
        StudyResult.DrawdownOverlayResult o = p.drawdownOverlay();
        if (o == null) {
            return null;
        }
        double[] exposure = o.exposure();
        LocalDate[] dates = r.returnDates();
        int n = Math.min(exposure.length, dates.length);
        int inCash = 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += exposure[t];
            if (exposure[t] <= CASH) {
                inCash++;
            }
        }
        int from = cashToTheEndFrom(exposure, n);
        LocalDate cashFrom = from < 0 ? null : dates[from];
        LocalDate hitOn = null;
        if (cashFrom != null) {
            hitOn = cashFrom;
            for (LocalDate acted : o.actedDates()) {
                if (acted.isBefore(cashFrom)) {
                    hitOn = acted;
                }
            }
        }
        return new DrawdownLimitReading(p.name(), o.limit(), o.realisedMaxDrawdown(), o.worstDayLoss(),
                o.heldWithinOneDay(), o.actedDays(), n == 0 ? Double.NaN : sum / n, inCash, cashFrom, hitOn,
                from < 0 ? 0 : n - from, n);
    }

    /**
     * The first index of the run of cash days that lasts to the last day, or −1 when the last day is exposed.
     *
     * @param n days to read (a prefix of {@code exposure})
     */
    static int cashToTheEndFrom(double[] exposure, int n) {
        int from = -1;
        for (int t = n - 1; t >= 0 && exposure[t] <= CASH; t--) {
            from = t;
        }
        return from;
    }

    /** Whether the book was cut to cash and stayed there to the end of the backtest. */
    public boolean stoppedOut() {
        return cashFrom != null;
    }

    /** Whether the realised maximum drawdown stayed within the limit itself. */
    public boolean withinLimit() {
        return -realisedMaxDrawdown <= limit;
    }

    /** One plain sentence on whether the limit held and what the overlay did. */
    public String explanation() {
        String mdd = percent(realisedMaxDrawdown);
        String held = withinLimit()
                ? "The realised maximum drawdown of " + mdd + " stayed within the " + percent(limit) + " limit"
                : heldWithinOneDay
                ? "The realised maximum drawdown of " + mdd + " went past the " + percent(limit) + " limit by no more "
                        + "than the worst one-day loss (" + percent(worstDayLoss) + "): the limit held within one day"
                : "The realised maximum drawdown of " + mdd + " went past the " + percent(limit) + " limit by more "
                        + "than the worst one-day loss (" + percent(worstDayLoss) + "): the limit did not hold";
        String acted;
        if (stoppedOut()) {
            acted = "; the portfolio hit its hard drawdown limit on " + limitHitOn + " and stayed in cash from then "
                    + "on (" + daysInCashToTheEnd() + " of " + days + " days), so its figures from then on measure the "
                    + "control, not the model: the 'without overlay' line shows the model's own skill.";
        } else if (actedDays == 0) {
            acted = "; the overlay never had to act.";
        } else {
            acted = "; the overlay changed the exposure at " + actedDays + " closes, average exposure "
                    + percent(averageExposure) + (daysInCash > 0 ? ", " + daysInCash + " days in cash" : "") + ".";
        }
        return held + acted;
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : "–";
    }
}
