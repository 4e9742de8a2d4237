package org.factorguard.quant.backtest;

/**
 * Parameters of the {@link DrawdownOverlay}.
 *
 * @param limit           drawdown limit L as a positive fraction (0.20 = 20 % below the equity's peak)
 * @param multiplier      m ≥ 1: the cushion must cover m times the book's tail loss (default 2: the tail of a
 *                        market whose volatility has doubled since the trailing window, as at the onset of a crisis)
 * @param tailWindow      trailing days of the book's historical simulation (default 252)
 * @param tailConfidence  confidence of the expected shortfall of the book's h-day returns (default 0.975, the
 *                        Basel FRTB level)
 * @param horizonDays     h: closes the book stays exposed before a cut decided at a close takes effect (default 2:
 *                        decided at the close of t, traded at the close of t + 1, so the returns of t + 1 and
 *                        t + 2 are earned at the exposure held before)
 * @param increaseBand    the exposure is raised only when the rule's target exceeds the current exposure by at least
 *                        this much (default 0.05); cuts have no band
 */
public record DrawdownOverlaySettings(double limit, double multiplier, int tailWindow, double tailConfidence,
                                      int horizonDays, double increaseBand) {

    public DrawdownOverlaySettings {
        if (!(limit > 0 && limit < 1)) {
            throw new IllegalArgumentException("drawdown limit must be in (0, 1), was " + limit);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (tailWindow < 20) {
            throw new IllegalArgumentException("tail window must be at least 20 days, was " + tailWindow);
        }
        if (!(tailConfidence >= 0.5 && tailConfidence < 1)) {
            throw new IllegalArgumentException("tail confidence must be in [0.5, 1), was " + tailConfidence);
        }
        if (horizonDays < 1 || horizonDays > 20) {
            throw new IllegalArgumentException("horizon must be 1 to 20 days, was " + horizonDays);
        }
        if (!(increaseBand >= 0 && increaseBand < 1)) {
            throw new IllegalArgumentException("increase band must be in [0, 1), was " + increaseBand);
        }
    }

    /** Limit 20 %, m = 2, ES 97.5 % of 2-day returns over the trailing 252 days, 5-point band for increases. */
    public static DrawdownOverlaySettings defaults() {
        return new DrawdownOverlaySettings(0.20, 2.0, 252, 0.975, 2, 0.05);
    }

    public DrawdownOverlaySettings withLimit(double newLimit) {
        return new DrawdownOverlaySettings(newLimit, multiplier, tailWindow, tailConfidence, horizonDays, increaseBand);
    }
}
