package org.factorguard.quant.allocation.qp;

/**
 * The outcome of one {@link MeanVarianceQp#solve}. The multipliers (the active-set solver's; NaN where a solver
 * does not report them) satisfy, with s<sub>i</sub> ∈ ∂|w<sub>i</sub>| and a<sub>k</sub> the indicator of group k,
 *
 * <pre>
 *   γ(Σ + ρI)w − μ + y_budget·1 + Σ_k y_k·a_k + y_gross·s = z,
 *   z_i ≥ 0 at a lower bound, ≤ 0 at an upper bound, 0 in between,
 * </pre>
 *
 * with y<sub>k</sub> ≥ 0 at an upper cap, ≤ 0 at a lower cap, 0 otherwise, and y<sub>gross</sub> ≥ 0.
 *
 * @param status           optimal, infeasible or not converged
 * @param message          what happened (for an infeasible problem: which constraints conflict)
 * @param weights          the weights (all 0 when not optimal)
 * @param objective        μ'w − (γ/2)·w'Σw (NaN when not optimal)
 * @param iterations       solver iterations (active-set changes for the active-set solver; 0 when unknown)
 * @param budgetMultiplier y<sub>budget</sub>
 * @param groupMultipliers y<sub>k</sub> per group
 * @param grossMultiplier  y<sub>gross</sub> (0 without a gross limit)
 * @param warmStart        where the next solve can start from (null when not optimal)
 */
public record QpSolution(Status status, String message, double[] weights, double objective, int iterations,
                         double budgetMultiplier, double[] groupMultipliers, double grossMultiplier,
                         QpWarmStart warmStart) {

    public enum Status { OPTIMAL, INFEASIBLE, NOT_CONVERGED }

    public boolean optimal() {
        return status == Status.OPTIMAL;
    }

    static QpSolution failed(Status status, MeanVarianceProblem problem, String message, int iterations) {
        double[] nan = new double[problem.groupCount()];
        java.util.Arrays.fill(nan, Double.NaN);
        return new QpSolution(status, message, new double[problem.size()], Double.NaN, iterations, Double.NaN, nan,
                Double.NaN, null);
    }
}
