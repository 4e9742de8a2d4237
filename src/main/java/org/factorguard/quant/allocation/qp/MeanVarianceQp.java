package org.factorguard.quant.allocation.qp;

/**
 * A solver of the {@link MeanVarianceProblem} at one risk aversion γ. Implementations: {@link OjAlgoMeanVarianceQp}
 * (ojAlgo's dense convex solver, the allocator's formulation) and {@link ActiveSetMeanVarianceQp} (a primal
 * active-set method that exploits the box, budget and group structure and a low-rank-plus-diagonal Σ).
 * An infeasible setting is a result ({@link QpSolution.Status#INFEASIBLE}), never an exception.
 */
public interface MeanVarianceQp {

    /**
     * Solves the problem at risk aversion γ &gt; 0.
     *
     * @param warmStart a previous solution's {@link QpSolution#warmStart()} (e.g. at the previous γ of a
     *                  search, or the previous rebalance with the same asset order), or null for a cold start
     */
    QpSolution solve(MeanVarianceProblem problem, double gamma, QpWarmStart warmStart);

    /** Short name for reports and benchmarks. */
    String name();
}
