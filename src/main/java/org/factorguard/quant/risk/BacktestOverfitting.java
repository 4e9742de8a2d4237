package org.factorguard.quant.risk;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * Probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation, CSCV
 * (D. H. Bailey, J. M. Borwein, M. López de Prado and Q. J. Zhu, "The probability of backtest overfitting",
 * Journal of Computational Finance 20(4), 2017).
 *
 * <p>Input: a T × N matrix of daily returns, one column per configuration tried (for example the checkpoints of
 * increasing optimisation degree). The first T mod S rows are dropped and the rest split into S even, contiguous
 * blocks. For each of the C(S, S/2) ways to pick half the blocks as the in-sample set J (in time order) and the
 * rest as the out-of-sample set J̄:
 * <ol>
 *   <li>the performance R<sub>n</sub> (J) and R̄<sub>n</sub> (J̄) of every configuration n is its per-period Sharpe
 *       ratio, mean/sd with ddof = 1;</li>
 *   <li>n* = argmax<sub>n</sub> R<sub>n</sub> (the first on ties) is the configuration one would have picked;</li>
 *   <li>ω̄<sub>c</sub> = rank of R̄<sub>n*</sub> among R̄ (1 = worst, ties averaged) / (N + 1) and the logit
 *       λ<sub>c</sub> = ln(ω̄<sub>c</sub>/(1 − ω̄<sub>c</sub>)).</li>
 * </ol>
 * PBO = the share of combinations with λ<sub>c</sub> ≤ 0, i.e. where the in-sample winner is at or below the
 * out-of-sample median. The performance degradation is the least-squares line R̄<sub>n*</sub> = α +
 * β·R<sub>n*</sub> over the combinations (a slope below 0 means better in-sample goes with worse out of sample),
 * and the probability of loss is the share of combinations with R̄<sub>n*</sub> &lt; 0. Conventions as in pypbo
 * (esvhd/pypbo, {@code pbo(M, S, metric_func, threshold=0)}).
 */
public final class BacktestOverfitting {

    /**
     * @param probability          PBO, share of combinations with logit ≤ 0
     * @param logits               λ<sub>c</sub> per combination
     * @param inSampleSharpe       R<sub>n*</sub> per combination (daily Sharpe of the in-sample winner)
     * @param outOfSampleSharpe    R̄<sub>n*</sub> per combination
     * @param degradationSlope     β of R̄<sub>n*</sub> on R<sub>n*</sub>
     * @param degradationIntercept α of that line
     * @param probabilityOfLoss    share of combinations with R̄<sub>n*</sub> &lt; 0
     * @param configurations       N
     * @param blocks               S
     * @param observationsUsed     rows used (T minus T mod S)
     */
    public record Result(double probability, double[] logits, double[] inSampleSharpe, double[] outOfSampleSharpe,
                         double degradationSlope, double degradationIntercept, double probabilityOfLoss,
                         int configurations, int blocks, int observationsUsed) {

        public int combinations() {
            return logits.length;
        }
    }

    private BacktestOverfitting() {
    }

    /**
     * @param returnsByDay [day][configuration] daily returns (finite), at least 2 configurations
     * @param blocks       S, even, at least 2; each block needs at least 2 days
     */
    public static Result cscv(double[][] returnsByDay, int blocks) {
        if (blocks < 2 || blocks % 2 != 0) {
            throw new IllegalArgumentException("S must be an even number of at least 2, was " + blocks);
        }
        int configurations = returnsByDay.length == 0 ? 0 : returnsByDay[0].length;
        if (configurations < 2) {
            throw new IllegalArgumentException("need at least 2 configurations");
        }
        int drop = returnsByDay.length % blocks;
        int used = returnsByDay.length - drop;
        int blockSize = used / blocks;
        if (blockSize < 2) {
            throw new IllegalArgumentException("need at least " + 2 * blocks + " days for S = " + blocks);
        }
        // per block and configuration: sum and sum of squares, so each split's Sharpe ratios are cheap
        double[][] sums = new double[blocks][configurations];
        double[][] squares = new double[blocks][configurations];
        for (int t = 0; t < used; t++) {
            double[] row = returnsByDay[drop + t];
            if (row.length != configurations) {
                throw new IllegalArgumentException("ragged return matrix");
            }
            int s = t / blockSize;
            for (int n = 0; n < configurations; n++) {
                if (!Double.isFinite(row[n])) {
                    throw new IllegalArgumentException("return " + (drop + t) + "," + n + " is not finite");
                }
                sums[s][n] += row[n];
                squares[s][n] += row[n] * row[n];
            }
        }
        List<int[]> splits = new ArrayList<>();
        combinations(blocks, blocks / 2, 0, new int[blocks / 2], 0, splits);
        int c = splits.size();
        double[] logits = new double[c];
        double[] is = new double[c];
        double[] oos = new double[c];
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        int overfit = 0;
        int losses = 0;
        int half = blockSize * blocks / 2;
        for (int k = 0; k < c; k++) {
            boolean[] inSample = new boolean[blocks];
            for (int s : splits.get(k)) {
                inSample[s] = true;
            }
            double[] r = new double[configurations];
            double[] rBar = new double[configurations];
            for (int n = 0; n < configurations; n++) {
                double s1 = 0;
                double q1 = 0;
                double s2 = 0;
                double q2 = 0;
                for (int s = 0; s < blocks; s++) {
                    if (inSample[s]) {
                        s1 += sums[s][n];
                        q1 += squares[s][n];
                    } else {
                        s2 += sums[s][n];
                        q2 += squares[s][n];
                    }
                }
                r[n] = sharpe(s1, q1, half);
                rBar[n] = sharpe(s2, q2, half);
            }
            int best = 0;
            for (int n = 1; n < configurations; n++) {
                if (r[n] > r[best]) {
                    best = n;
                }
            }
            double omega = ranking.rank(rBar)[best] / (configurations + 1.0);
            logits[k] = Math.log(omega / (1 - omega));
            is[k] = r[best];
            oos[k] = rBar[best];
            if (logits[k] <= 0) {
                overfit++;
            }
            if (oos[k] < 0) {
                losses++;
            }
        }
        double mx = NeweyWest.mean(is);
        double my = NeweyWest.mean(oos);
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < c; k++) {
            sxy += (is[k] - mx) * (oos[k] - my);
            sxx += (is[k] - mx) * (is[k] - mx);
        }
        double slope = sxx > 0 ? sxy / sxx : Double.NaN;
        return new Result((double) overfit / c, logits, is, oos, slope, my - slope * mx, (double) losses / c,
                configurations, blocks, used);
    }

    /**
     * Per-period Sharpe mean/sd (ddof = 1) from a sum and a sum of squares over n values; a flat half (sd 0) ranks
     * as 0, or ±∞ when its mean is not 0.
     */
    private static double sharpe(double sum, double sumSquares, int n) {
        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        if (variance > 1e-12 * sumSquares / (n - 1)) {
            return mean / Math.sqrt(variance);
        }
        return mean == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
    }

    private static void combinations(int n, int k, int start, int[] current, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(current.clone());
            return;
        }
        for (int i = start; i <= n - (k - depth); i++) {
            current[depth] = i;
            combinations(n, k, i + 1, current, depth + 1, out);
        }
    }
}
