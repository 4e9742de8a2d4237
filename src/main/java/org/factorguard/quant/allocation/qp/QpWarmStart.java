package org.factorguard.quant.allocation.qp;

/**
 * Where a previous solve ended: its weights and its active set. A solver starts from these weights (repaired
 * into the feasible set when the constraints changed) and, where they still hold, from the same active
 * constraints; the asset order must be the problem's. A warm start of another size is ignored.
 *
 * @param weights     the weights
 * @param free        assets that were not held at a bound (the free set of the active-set method)
 * @param groupSides  per group: +1 held at its upper cap, −1 at its lower cap, 0 not active
 * @param grossActive whether the gross limit was active
 */
public record QpWarmStart(double[] weights, boolean[] free, int[] groupSides, boolean grossActive) {

    /** A warm start from weights alone; the active set is read from the weights that sit on a bound. */
    public static QpWarmStart ofWeights(double[] weights) {
        return new QpWarmStart(weights.clone(), null, null, false);
    }
}
