package org.factorguard.quant.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Permutation importance of one model across walk-forward folds: for each factor (and look-back block) the mean
 * over folds of the per-fold scores and their standard deviation across folds (ddof 1; NaN for a single fold),
 * which shows whether the model leans on an input consistently or only in some years.
 *
 * @param folds        folds combined
 * @param factors      per factor, in the first fold's order
 * @param blocks       per look-back block (empty for models without a look-back)
 * @param elapsedNanos total wall time of the folds' measurements
 */
public record ImportanceSummary(int folds, List<Aggregate> factors, List<Aggregate> blocks, long elapsedNanos) {

    public ImportanceSummary {
        factors = List.copyOf(factors);
        blocks = List.copyOf(blocks);
    }

    /**
     * @param name                  factor name or block label
     * @param meanRankIcDrop        mean over folds of the Rank IC drop
     * @param foldSdRankIcDrop      its standard deviation across folds
     * @param meanMseIncrease       mean over folds of the MSE increase
     * @param foldSdMseIncrease     its standard deviation across folds
     * @param rankIcDropByFold      the per-fold Rank IC drops, in fold order (NaN where a fold lacks the input)
     */
    public record Aggregate(String name, double meanRankIcDrop, double foldSdRankIcDrop, double meanMseIncrease,
                            double foldSdMseIncrease, double[] rankIcDropByFold) {
    }

    /** Combines per-fold results (in fold order). */
    public static ImportanceSummary of(List<FoldImportance> folds) {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no folds to combine");
        }
        long nanos = 0;
        for (FoldImportance f : folds) {
            nanos += f.elapsedNanos();
        }
        return new ImportanceSummary(folds.size(), combine(folds, FoldImportance::factors),
                combine(folds, f -> labelled(f)), nanos);
    }

    private static List<FoldImportance.Score> labelled(FoldImportance fold) {
        List<FoldImportance.Score> out = new ArrayList<>();
        for (int b = 0; b < fold.blocks().size(); b++) {
            FoldImportance.Score s = fold.blockScores().get(b);
            out.add(new FoldImportance.Score(fold.blocks().get(b).label(), s.rankIcDrop(), s.rankIcDropSd(),
                    s.mseIncrease(), s.mseIncreaseSd()));
        }
        return out;
    }

    private static List<Aggregate> combine(List<FoldImportance> folds,
                                           Function<FoldImportance, List<FoldImportance.Score>> scores) {
        Map<String, double[][]> byName = new LinkedHashMap<>();
        for (int f = 0; f < folds.size(); f++) {
            for (FoldImportance.Score s : scores.apply(folds.get(f))) {
                double[][] values = byName.computeIfAbsent(s.name(), k -> nanMatrix(2, folds.size()));
                values[0][f] = s.rankIcDrop();
                values[1][f] = s.mseIncrease();
            }
        }
        List<Aggregate> out = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : byName.entrySet()) {
            double[] ic = e.getValue()[0];
            double[] mse = e.getValue()[1];
            out.add(new Aggregate(e.getKey(), mean(ic), sd(ic), mean(mse), sd(mse), ic.clone()));
        }
        return out;
    }

    private static double[][] nanMatrix(int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return m;
    }

    static double mean(double[] x) {
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    static double sd(double[] x) {
        double m = mean(x);
        double ss = 0;
        int n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                ss += (v - m) * (v - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
    }
}
