package org.factorguard.quant.allocation;

import java.util.Map;
import java.util.Objects;

/**
 * Every constraint of the {@link RiskConstrainedAllocator}. A limit given as {@link Double#NaN} is off.
 *
 * @param riskAversion         γ &gt; 0 of the objective μ'w − (γ/2)·w'Σw (daily μ and Σ)
 * @param exposure             required net exposure Σw (1 = fully invested); the {@link DrawdownControl}
 *                             passes a lower value in a drawdown
 * @param maxWeight            per-asset cap: 0 ≤ w<sub>i</sub> ≤ cap (long-only) or |w<sub>i</sub>| ≤ cap (long-short)
 * @param longShort            allow short positions (then {@code grossLimit} bounds Σ|w|)
 * @param grossLimit           Σ|w<sub>i</sub>| ≤ grossLimit, long-short only
 * @param industryCaps         cap on |Σ<sub>i∈industry</sub> w<sub>i</sub>| per industry name
 * @param defaultIndustryCap   cap for industries not in {@code industryCaps} (NaN: none)
 * @param maxAnnualVolatility  ex-ante √(252·w'Σw) ≤ this (NaN: none)
 * @param maxDailyVar95        parametric one-day VaR −(μ'w − 1.645·√(w'Σw)) ≤ this, a positive loss
 *                             fraction such as 0.02 (NaN: none)
 * @param allowCash            when the volatility / VaR limits cannot be met at the required exposure,
 *                             scale the least risky solution into cash instead of reporting infeasibility
 */
public record AllocationSettings(
        double riskAversion,
        double exposure,
        double maxWeight,
        boolean longShort,
        double grossLimit,
        Map<String, Double> industryCaps,
        double defaultIndustryCap,
        double maxAnnualVolatility,
        double maxDailyVar95,
        boolean allowCash) {

    public AllocationSettings {
        Objects.requireNonNull(industryCaps, "industryCaps");
        industryCaps = Map.copyOf(industryCaps);
        if (!(riskAversion > 0)) {
            throw new IllegalArgumentException("risk aversion must be positive");
        }
        if (!(maxWeight > 0)) {
            throw new IllegalArgumentException("per-asset cap must be positive");
        }
        if (!Double.isFinite(exposure)) {
            throw new IllegalArgumentException("exposure must be finite");
        }
        if (longShort && !(grossLimit > 0)) {
            throw new IllegalArgumentException("long-short needs a positive gross limit");
        }
    }

    /**
     * Long-only defaults: γ = 10, fully invested, 20 % per asset, no industry caps, 25 % annual volatility
     * limit, 3 % daily VaR limit, cash allowed.
     */
    public static AllocationSettings defaults() {
        return new AllocationSettings(10.0, 1.0, 0.20, false, Double.NaN, Map.of(), Double.NaN, 0.25, 0.03, true);
    }

    public AllocationSettings withExposure(double value) {
        return new AllocationSettings(riskAversion, value, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash);
    }

    public AllocationSettings withRiskAversion(double value) {
        return new AllocationSettings(value, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash);
    }

    public AllocationSettings withMaxWeight(double value) {
        return new AllocationSettings(riskAversion, exposure, value, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash);
    }

    public AllocationSettings withIndustryCaps(Map<String, Double> caps, double defaultCap) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, caps,
                defaultCap, maxAnnualVolatility, maxDailyVar95, allowCash);
    }

    public AllocationSettings withRiskLimits(double annualVolatility, double dailyVar95) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, annualVolatility, dailyVar95, allowCash);
    }

    public AllocationSettings withLongShort(double gross) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, true, gross, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash);
    }

    public AllocationSettings withAllowCash(boolean value) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, value);
    }

    /** The cap of an industry, NaN when none applies. */
    public double industryCap(String industry) {
        Double cap = industryCaps.get(industry);
        return cap != null ? cap : defaultIndustryCap;
    }
}
