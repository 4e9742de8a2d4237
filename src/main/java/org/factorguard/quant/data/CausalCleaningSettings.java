package org.factorguard.quant.data;

/**
 * Settings of {@link CausalCleaner}.
 *
 * @param madMultiplier   k: an instrument's one-day excess log return further than k · 1.4826 · MAD from the
 *                        median of its own past excess returns is winsorised (default 5)
 * @param window          past one-day excess returns in the robust scale (default 252, a year)
 * @param minHistory      fewest past returns before an instrument's returns are judged at all (default 20)
 * @param carryDays       most trading days a missing close is carried forward (default 5, the import's
 *                        longest accepted gap); later days stay missing
 * @param minCrossSection fewest instruments with a return on a day for its cross-sectional median to count as
 *                        the market's move (default 5); on thinner days the market move is taken as 0
 */
public record CausalCleaningSettings(double madMultiplier, int window, int minHistory, int carryDays,
                                     int minCrossSection) {

    public CausalCleaningSettings {
        if (!(madMultiplier > 0) || Double.isInfinite(madMultiplier)) {
            throw new IllegalArgumentException("madMultiplier must be positive, was " + madMultiplier);
        }
        if (window < 2 || minHistory < 2 || minHistory > window) {
            throw new IllegalArgumentException("need 2 ≤ minHistory ≤ window, got " + minHistory + ", " + window);
        }
        if (carryDays < 0) {
            throw new IllegalArgumentException("carryDays must not be negative, was " + carryDays);
        }
        if (minCrossSection < 1) {
            throw new IllegalArgumentException("minCrossSection must be at least 1, was " + minCrossSection);
        }
    }

    public static CausalCleaningSettings defaults() {
        return new CausalCleaningSettings(5.0, 252, 20, 5, 5);
    }
}
