package org.factorguard.quant.allocation;

/**
 * Which quadratic-program solver the {@link RiskConstrainedAllocator} uses. Both solve the same program to within
 * solver tolerance (objective within 10⁻⁶ relative; see the differential tests against ojAlgo).
 */
public enum AllocationSolver {
    /** ojAlgo's dense convex solver, every QP cold: the allocator's solver before the active-set one existed. */
    OJALGO,
    /**
     * The structured active-set solver, warm-started from the previous QP and the previous rebalance, with ojAlgo
     * for a QP it fails on.
     */
    ACTIVE_SET
}
