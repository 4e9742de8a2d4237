package org.factorguard.quant.factors;

import java.io.Serializable;
import java.util.List;

/**
 * Settings of {@link FactorScreen}; every threshold of the selection rule is one of these.
 *
 * @param horizons             forward-return horizons in trading days for the IC decay (default 1, 5, 20);
 *                             stored distinct and ascending
 * @param primaryHorizon       horizon whose IC statistics drive the selection (default 1; added to horizons if absent)
 * @param minAbsMeanRankIc     keep only factors with |mean daily Rank IC| at least this (default 0.01)
 * @param minAbsIcir           keep only factors with |Rank ICIR| = |mean / sd of daily Rank IC| at least this (default
 *                             0.05)
 * @param minSignStability     keep only factors whose yearly mean Rank IC has the overall sign in at least this
 *                             share of calendar years (default 0.5)
 * @param maxCorrelation       of two kept factors with |correlation| above this, drop the one with lower |Rank ICIR|
 *                             (default 0.7)
 * @param maxVif               after the correlation step, repeatedly drop the factor with the largest VIF above this;
 *                             {@link Double#POSITIVE_INFINITY} (default) disables the step
 * @param minCrossSection      minimum instruments with factor and return for a day's IC (default 10)
 * @param minIcDays            minimum days with a valid Rank IC for a factor to be judged at all (default 60)
 * @param minDaysPerYear       minimum valid days for a calendar year to count in sign stability (default 20)
 * @param includeMarketFactors select market-level factors (same value for all instruments, no cross-sectional IC)
 *                             without screening them (default false: reported, not selected)
 */
public record ScreeningSettings(List<Integer> horizons, int primaryHorizon, double minAbsMeanRankIc, double minAbsIcir,
                                double minSignStability, double maxCorrelation, double maxVif, int minCrossSection,
                                int minIcDays, int minDaysPerYear,
                                        boolean includeMarketFactors) implements Serializable {

    public ScreeningSettings {
        if (primaryHorizon < 1 || horizons.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("horizons must be at least 1 day");
        }
        horizons = java.util.stream.Stream.concat(horizons.stream(), java.util.stream.Stream.of(primaryHorizon))
                .distinct().sorted().toList();
        if (minAbsMeanRankIc < 0 || minAbsIcir < 0 || minSignStability < 0 || minSignStability > 1) {
            throw new IllegalArgumentException("thresholds must be non-negative and sign stability a share in [0, 1]");
        }
        if (!(maxCorrelation > 0 && maxCorrelation <= 1)) {
            throw new IllegalArgumentException("maxCorrelation must be in (0, 1], got " + maxCorrelation);
        }
        if (!(maxVif >= 1)) {
            throw new IllegalArgumentException("maxVif must be at least 1 (or +∞ to disable), got " + maxVif);
        }
        if (minCrossSection < 3 || minIcDays < 2 || minDaysPerYear < 1) {
            throw new IllegalArgumentException("minCrossSection >= 3, minIcDays >= 2, minDaysPerYear >= 1 required");
        }
    }

    public static ScreeningSettings defaults() {
        return new ScreeningSettings(List.of(1, 5, 20), 1, 0.01, 0.05, 0.5, 0.7, Double.POSITIVE_INFINITY, 10, 60, 20,
                false);
    }

    public boolean vifStepEnabled() {
        return maxVif != Double.POSITIVE_INFINITY;
    }

    public ScreeningSettings withHorizons(List<Integer> newHorizons, int newPrimary) {
        return new ScreeningSettings(newHorizons, newPrimary, minAbsMeanRankIc, minAbsIcir, minSignStability,
                maxCorrelation,
                maxVif, minCrossSection, minIcDays, minDaysPerYear, includeMarketFactors);
    }

    public ScreeningSettings withThresholds(double newMinAbsMeanRankIc, double newMinAbsIcir,
            double newMinSignStability,
                                            double newMaxCorrelation) {
        return new ScreeningSettings(horizons, primaryHorizon, newMinAbsMeanRankIc, newMinAbsIcir, newMinSignStability,
                newMaxCorrelation, maxVif, minCrossSection, minIcDays, minDaysPerYear, includeMarketFactors);
    }

    public ScreeningSettings withMaxVif(double newMaxVif) {
        return new ScreeningSettings(horizons, primaryHorizon, minAbsMeanRankIc, minAbsIcir, minSignStability,
                maxCorrelation,
                newMaxVif, minCrossSection, minIcDays, minDaysPerYear, includeMarketFactors);
    }

    public ScreeningSettings withMinimums(int newMinCrossSection, int newMinIcDays, int newMinDaysPerYear) {
        return new ScreeningSettings(horizons, primaryHorizon, minAbsMeanRankIc, minAbsIcir, minSignStability,
                maxCorrelation,
                maxVif, newMinCrossSection, newMinIcDays, newMinDaysPerYear, includeMarketFactors);
    }

    public ScreeningSettings withIncludeMarketFactors(boolean include) {
        return new ScreeningSettings(horizons, primaryHorizon, minAbsMeanRankIc, minAbsIcir, minSignStability,
                maxCorrelation,
                maxVif, minCrossSection, minIcDays, minDaysPerYear, include);
    }
}
