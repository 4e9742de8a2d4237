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
 * @param covarianceModel      the ex-ante covariance estimator (null, as in settings written before it existed:
 *                             {@link CovarianceModel#LEDOIT_WOLF})
 * @param varModel             how the VaR limit is measured on the book (null, as in settings written before it
 *                             existed: {@link VarModel#PARAMETRIC}); historical and Cornish–Fisher add the
 *                             {@link VarLimitStep} after the program
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
        boolean allowCash,
        CovarianceModel covarianceModel,
        VarModel varModel) {

    /**
     * The estimator whose realised / ex-ante volatility ratio came closer to 1 when it drove the default study's
     * allocation (docs/statistics.md has both ratios).
     */
    public static final CovarianceModel DEFAULT_COVARIANCE_MODEL = CovarianceModel.LEDOIT_WOLF;

    public AllocationSettings {
        covarianceModel = covarianceModel == null ? CovarianceModel.LEDOIT_WOLF : covarianceModel;
        varModel = varModel == null ? VarModel.PARAMETRIC : varModel;
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

    /** The settings as they were before the ex-ante risk model could be chosen (the old constructor). */
    public AllocationSettings(double riskAversion, double exposure, double maxWeight, boolean longShort,
                              double grossLimit, Map<String, Double> industryCaps, double defaultIndustryCap,
                              double maxAnnualVolatility, double maxDailyVar95, boolean allowCash) {
        this(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps, defaultIndustryCap,
                maxAnnualVolatility, maxDailyVar95, allowCash, null, null);
    }

    /**
     * Long-only defaults: γ = 10, fully invested, 20 % per asset, no industry caps, 25 % annual volatility
     * limit, 3 % daily VaR limit by historical simulation of the book, cash allowed, the
     * {@link #DEFAULT_COVARIANCE_MODEL}.
     */
    public static AllocationSettings defaults() {
        return new AllocationSettings(10.0, 1.0, 0.20, false, Double.NaN, Map.of(), Double.NaN, 0.25, 0.03, true,
                DEFAULT_COVARIANCE_MODEL, VarModel.HISTORICAL);
    }

    public AllocationSettings withExposure(double value) {
        return new AllocationSettings(riskAversion, value, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withRiskAversion(double value) {
        return new AllocationSettings(value, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withMaxWeight(double value) {
        return new AllocationSettings(riskAversion, exposure, value, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withIndustryCaps(Map<String, Double> caps, double defaultCap) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, caps,
                defaultCap, maxAnnualVolatility, maxDailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withRiskLimits(double annualVolatility, double dailyVar95) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, annualVolatility, dailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withLongShort(double gross) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, true, gross, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash,
                covarianceModel, varModel);
    }

    public AllocationSettings withAllowCash(boolean value) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, value,
                covarianceModel, varModel);
    }

    public AllocationSettings withCovarianceModel(CovarianceModel value) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash, value, varModel);
    }

    public AllocationSettings withVarModel(VarModel value) {
        return new AllocationSettings(riskAversion, exposure, maxWeight, longShort, grossLimit, industryCaps,
                defaultIndustryCap, maxAnnualVolatility, maxDailyVar95, allowCash, covarianceModel, value);
    }

    /** The cap of an industry, NaN when none applies. */
    public double industryCap(String industry) {
        Double cap = industryCaps.get(industry);
        return cap != null ? cap : defaultIndustryCap;
    }
}
