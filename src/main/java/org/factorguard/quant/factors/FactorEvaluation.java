package org.factorguard.quant.factors;

import java.io.Serializable;
import java.util.List;

/**
 * Screening statistics of one factor.
 *
 * @param factorId        the factor
 * @param scope           market-level factors are not screenable ({@code screenable == false}, statistics empty)
 * @param expectedSign    as declared by the factor (0 unknown)
 * @param screenable      whether a cross-sectional IC is defined for it
 * @param ic              Pearson IC summary at the primary horizon
 * @param rankIc          Spearman Rank IC summary at the primary horizon
 * @param dailyIc         Pearson IC per day at the primary horizon (NaN where undefined), aligned with the report's
 *                        dates
 * @param dailyRankIc     Rank IC per day at the primary horizon
 * @param decay           mean Rank IC per horizon, in increasing horizon order
 * @param yearly          mean Rank IC per calendar year with at least {@code minDaysPerYear} valid days
 * @param stableYears     years whose mean Rank IC has the same sign as the overall mean
 * @param signStability   stableYears / yearly.size() (NaN when no year counts)
 */
public record FactorEvaluation(String factorId, FactorScope scope, int expectedSign, boolean screenable, IcSummary ic,
                               IcSummary rankIc, double[] dailyIc, double[] dailyRankIc, List<HorizonIc> decay,
                               List<YearlyIc> yearly, int stableYears, double signStability) implements Serializable {

    public FactorEvaluation {
        decay = List.copyOf(decay);
        yearly = List.copyOf(yearly);
    }
}
