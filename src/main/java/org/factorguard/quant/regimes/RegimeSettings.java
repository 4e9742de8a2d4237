package org.factorguard.quant.regimes;

/**
 * Parameters of the {@link RegimeDetector} rule.
 *
 * @param window              trailing window W in trading days
 * @param bullReturn          bull if the trailing annualised return μ ≥ this (e.g. 0.15)
 * @param bearReturn          bear if μ ≤ −this (e.g. 0.15, given as a positive number)
 * @param minTrendToVolatility volatility condition: the trend must also be strong relative to the
 *                            trailing annualised volatility σ, |μ|/σ ≥ this; a large but noisy move is sideways
 * @param persistenceDays     smoothing: a new regime is adopted only after the raw rule has shown it
 *                            this many consecutive days
 */
public record RegimeSettings(int window, double bullReturn, double bearReturn, double minTrendToVolatility,
                             int persistenceDays) {

    public RegimeSettings {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2 days");
        }
        if (!(bullReturn >= 0 && bearReturn >= 0 && minTrendToVolatility >= 0)) {
            throw new IllegalArgumentException("thresholds must be non-negative");
        }
        if (persistenceDays < 1) {
            throw new IllegalArgumentException("persistence must be at least 1 day");
        }
    }

    /** 60-day window, ±15 % annualised, |μ|/σ ≥ 0.5, 10 days of persistence. */
    public static RegimeSettings defaults() {
        return new RegimeSettings(60, 0.15, 0.15, 0.5, 10);
    }
}
