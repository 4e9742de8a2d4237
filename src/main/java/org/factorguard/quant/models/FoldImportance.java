package org.factorguard.quant.models;

import java.util.List;

/**
 * Out-of-sample permutation importance on one day range (a fold's test slice), from
 * {@link PermutationImportance#measure}.
 *
 * @param fromDay         first day of the range
 * @param toDay           end of the range (exclusive)
 * @param evaluatedDays   days scored (those with labels, thinned to {@link ImportanceSettings#maxDays})
 * @param repeats         permutations per factor and block
 * @param baselineRankIc  mean daily Rank IC of the unchanged predictions on the evaluated days
 * @param baselineMse     their mean squared error against the labels
 * @param factors         one score per factor, in panel order
 * @param blocks          look-back blocks scored (empty unless the model is a {@link SequenceInputModel})
 * @param blockScores     one score per block
 * @param elapsedNanos    wall time of the whole measurement (predictions included)
 */
public record FoldImportance(int fromDay, int toDay, int evaluatedDays, int repeats, double baselineRankIc,
                             double baselineMse, List<Score> factors, List<TimeBlock> blocks,
                             List<Score> blockScores, long elapsedNanos) {

    public FoldImportance {
        factors = List.copyOf(factors);
        blocks = List.copyOf(blocks);
        blockScores = List.copyOf(blockScores);
    }

    /**
     * What permuting one input costs the model: the mean over repeats of Rank IC<sub>baseline</sub> − Rank
     * IC<sub>permuted</sub> and of MSE<sub>permuted</sub> − MSE<sub>baseline</sub>, each with the standard
     * deviation over repeats (ddof 1; NaN for one repeat). Near 0 (within that spread) = the model does not use it.
     */
    public record Score(String name, double rankIcDrop, double rankIcDropSd, double mseIncrease,
                        double mseIncreaseSd) {
    }

    /**
     * Steps of the look-back window by lag in days before the prediction day (lag 0 = the prediction day itself),
     * both ends inclusive.
     */
    public record TimeBlock(int newestLag, int oldestLag) {

        public TimeBlock {
            if (newestLag < 0 || oldestLag < newestLag) {
                throw new IllegalArgumentException("invalid block of lags " + newestLag + "–" + oldestLag);
            }
        }

        /** "days 1–5" counting the prediction day as day 1 ("day 1" for a single day). */
        public String label() {
            return newestLag == oldestLag ? "day " + (newestLag + 1)
                    : "days " + (newestLag + 1) + "–" + (oldestLag + 1);
        }
    }
}
