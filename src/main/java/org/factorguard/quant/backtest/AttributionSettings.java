package org.factorguard.quant.backtest;

/**
 * Settings of {@link FactorAttribution}.
 *
 * @param betaWindow          trailing return days for each name's market beta (OLS on the market index)
 * @param minBetaObservations fewest paired returns for a beta; with fewer the name's beta exposure is 0 (average)
 * @param weighting           cross-sectional regression weights
 */
public record AttributionSettings(int betaWindow, int minBetaObservations, Weighting weighting) {

    /** Regression weights of the daily cross-sectional regression. */
    public enum Weighting {
        /** Every name counts the same (ordinary least squares). */
        EQUAL,
        /**
         * √(market cap at the previous close), Barra's choice against the small-cap noise of equal weights; a name
         * without a cap that day gets the median weight of the others, and with no cap at all it is equal weights.
         */
        SQRT_MARKET_CAP
    }

    public AttributionSettings {
        if (betaWindow < 2) {
            throw new IllegalArgumentException("beta window must be at least 2 days, was " + betaWindow);
        }
        if (minBetaObservations < 2 || minBetaObservations > betaWindow) {
            throw new IllegalArgumentException("min beta observations must be in [2, window], was "
                    + minBetaObservations);
        }
        if (weighting == null) {
            throw new IllegalArgumentException("weighting is required");
        }
    }

    /** One year of daily returns for beta (at least 60), √cap weights. */
    public static AttributionSettings defaults() {
        return new AttributionSettings(252, 60, Weighting.SQRT_MARKET_CAP);
    }

    public AttributionSettings withWeighting(Weighting value) {
        return new AttributionSettings(betaWindow, minBetaObservations, value);
    }

    public AttributionSettings withBetaWindow(int window, int minObservations) {
        return new AttributionSettings(window, minObservations, weighting);
    }
}
