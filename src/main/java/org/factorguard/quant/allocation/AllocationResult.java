package org.factorguard.quant.allocation;

import java.util.List;

/**
 * Outcome of one {@link RiskConstrainedAllocator} run. An infeasible setting is a result, not an
 * exception: {@code status} is {@link Status#INFEASIBLE}, {@code message} says which constraint cannot be
 * met and {@code weights} are all zero (cash).
 *
 * @param status                 feasible or not
 * @param message                human-readable explanation (what happened, which limit forced what)
 * @param weights                portfolio weights in the order of the problem's assets (cash = 1 − Σw)
 * @param bindingConstraints     constraints active at the solution, e.g. "asset cap on XYZ",
 *                               "industry cap Energy", "volatility limit", "VaR limit", "exposure scaled into cash"
 * @param netExposure            Σw
 * @param grossExposure          Σ|w|
 * @param expectedDailyReturn    μ'w
 * @param exAnteAnnualVolatility √(252·w'Σw)
 * @param exAnteDailyVar95       −(μ'w − 1.645·√(w'Σw)), a positive number for a loss
 * @param effectiveRiskAversion  the γ that produced the weights (≥ the configured γ when a risk limit bound)
 */
public record AllocationResult(
        Status status,
        String message,
        double[] weights,
        List<String> bindingConstraints,
        double netExposure,
        double grossExposure,
        double expectedDailyReturn,
        double exAnteAnnualVolatility,
        double exAnteDailyVar95,
        double effectiveRiskAversion) {

    public enum Status { FEASIBLE, INFEASIBLE }

    public AllocationResult {
        bindingConstraints = List.copyOf(bindingConstraints);
    }

    public boolean feasible() {
        return status == Status.FEASIBLE;
    }
}
