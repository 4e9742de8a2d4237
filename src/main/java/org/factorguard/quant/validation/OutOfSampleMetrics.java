package org.factorguard.quant.validation;

/**
 * Out-of-sample quality of return predictions over a range of days (see {@link OutOfSampleEvaluation}).
 *
 * @param fromDay       first evaluated day
 * @param toDay         end of the evaluated range (exclusive)
 * @param days          days with a defined cross-sectional IC (at least 3 pairs, non-constant)
 * @param observations  (prediction, label) pairs with both values finite
 * @param ic            mean over days of the Pearson correlation between predictions and labels
 * @param rankIc        mean over days of the Spearman rank correlation
 * @param icir          {@code mean(IC) / sd(IC)} over days (sample standard deviation); NaN below 2 days
 * @param rankIcir      the same for the Rank IC
 * @param mse           mean squared error over all pairs
 * @param hitRate       share of pairs with a non-zero label whose prediction has the label's sign
 * @param dailyIc       IC of each day {@code fromDay + i} (NaN where undefined)
 * @param dailyRankIc   Rank IC of each day {@code fromDay + i} (NaN where undefined)
 */
public record OutOfSampleMetrics(int fromDay, int toDay, int days, long observations, double ic, double rankIc,
                                 double icir, double rankIcir, double mse, double hitRate, double[] dailyIc,
                                 double[] dailyRankIc) {
}
