package org.factorguard.quant.allocation.qp;

import java.util.Arrays;

/**
 * A primal active-set method (J. Nocedal and S. J. Wright, <i>Numerical Optimization</i>, 2nd ed., 2006,
 * algorithm 16.3) specialised for the {@link MeanVarianceProblem}: minimise ½w'Hw − μ'w with H = γ(Σ + ρI)
 * over the budget, box, group and gross constraints.
 *
 * <p><b>Structure used.</b> The working set holds the bounds of the fixed assets, the budget row and the
 * group or gross rows that are active. Each step solves the equality-constrained subproblem on the free set F
 * by the range-space method: with L·L' = H<sub>FF</sub> and Z = L⁻¹A<sub>F</sub>' (one column per working row,
 * a handful), (Z'Z)y = −Z'L⁻¹g<sub>F</sub> and p<sub>F</sub> = −L'⁻¹(L⁻¹g<sub>F</sub> + Zy). The factor L
 * is updated, not recomputed, when an asset enters or leaves F ({@link FreeSetCholesky}); H's columns come
 * from Σ's structure: O(f·k) each for Σ = D + B·diag(ω)·B' (rank k), O(f) for a dense Σ. The gradient Σw is
 * kept up to date along the steps (O(f·k) per step; O(n·k) when all multipliers are checked).
 * Feasibility of the linear constraints has a closed form ({@link MeanVarianceProblem#linearInfeasibility()}),
 * so no phase one is needed: a cold start is the vertex that fills the highest μ up to the caps until the
 * budget is met; a warm start takes the previous weights (repaired into the new feasible set by clipping and
 * proportional shifts when needed) and, when they are still feasible, the previous working set.
 *
 * <p><b>Long-short.</b> The gross limit uses the split w = p − q, p, q ≥ 0 implicitly: a free asset keeps its
 * sign, reaching 0 is a blocking bound, and an asset at 0 may leave it upwards or downwards; the gross row's
 * coefficient on a free asset is its sign. Its multipliers are those of the split problem.
 *
 * <p><b>Degeneracy.</b> Caps that coincide (a group at its cap while its members sit at theirs, the gross
 * limit met exactly at a vertex) give steps of length 0 and can make the method cycle. Against that: after a
 * degenerate step the least-index rule (R. G. Bland, "New finite pivoting rules for the simplex method",
 * Mathematics of Operations Research 2(2), 1977) chooses what leaves and what blocks; the first degenerate
 * step at a group or gross row relaxes those bounds by distinct amounts of 1–2·10⁻¹¹ until the relaxed
 * problem is solved, then the exact bounds come back and the method continues (the EXPAND idea of P. E. Gill,
 * W. Murray, M. A. Saunders and M. H. Wright, Mathematical Programming 45, 1989, in its simplest form); and a
 * released bound that blocks at once is not released again before the next positive step. The subproblem
 * also restores any residual of the working rows, and its step is projected onto them, so the constraints
 * hold to rounding even when H<sub>FF</sub> is ill-conditioned (a singular Σ plus the small ridge). The
 * iteration count is capped at 20n + 500 (the result is then {@link QpSolution.Status#NOT_CONVERGED}).
 *
 * <p>Stateless: one instance may be shared between threads (each call allocates its own work space).
 */
public final class ActiveSetMeanVarianceQp implements MeanVarianceQp {

    private static final double PERTURBATION = 1e-11;
    private static final byte FREE = 0;
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    private static final byte ZERO = 3;

    @Override
    public String name() {
        return "active-set";
    }

    @Override
    public QpSolution solve(MeanVarianceProblem problem, double gamma, QpWarmStart warmStart) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("risk aversion must be positive and finite");
        }
        String infeasible = problem.linearInfeasibility();
        if (infeasible != null) {
            return QpSolution.failed(QpSolution.Status.INFEASIBLE, problem, "infeasible: " + infeasible, 0);
        }
        return new Run(problem, gamma).solve(warmStart);
    }

    /** The state of one solve. */
    private static final class Run {
        final MeanVarianceProblem problem;
        final double gamma;
        final int n;
        final int groups;
        final double[] mu; // μ/γ: the objective is divided by γ, so H = Σ + ρI does not depend on γ
        final double[] lo;
        final double[] up;
        final int[] grp;
        double[] gLo; // the group and gross bounds in use: relaxed by PERTURBATION while perturbed
        double[] gUp;
        double grossLimit;
        boolean perturbed;
        final boolean hasGross;
        final double ridge;
        final CovarianceKernel kernel;
        final FreeSetCholesky chol;

        final double[] w;
        final byte[] state;
        final byte[] sign;
        final int[] free;
        final int[] position;
        int f;
        final int[] groupSide;
        boolean grossActive;

        // working rows of the current subproblem: -1 budget, k ≥ 0 group k, groups = gross
        final int[] rows;
        int rowCount;
        final double[] y;
        final double[][] z;
        final double[] g;
        final double[] u;
        final double[] p;
        final double[] column;
        final double[] groupSum;
        final double[] groupStep;
        double gross;
        final double tolerance;
        final double progressTolerance;

        final boolean[] taboo;
        final int[] tabooList;
        int tabooCount;
        final boolean[] rowTaboo;
        final double[] yGroup;
        final double[] residual;
        final int[] one = new int[1];
        final double[] delta = new double[1];
        boolean degenerate;
        // constraints released since the last positive step; one that blocks at once becomes taboo
        final boolean[] releasedSinceStep;
        final int[] releasedList;
        int releasedCount;
        final boolean[] droppedSinceStep;
        int iterations;

        Run(MeanVarianceProblem problem, double gamma) {
            this.problem = problem;
            this.gamma = gamma;
            n = problem.n;
            groups = problem.groupCount();
            mu = new double[n];
            double muMax = 0;
            for (int i = 0; i < n; i++) {
                mu[i] = problem.mu[i] / gamma;
                muMax = Math.max(muMax, Math.abs(mu[i]));
            }
            lo = problem.lower;
            up = problem.upper;
            grp = problem.groupOf;
            gLo = problem.groupLower;
            gUp = problem.groupUpper;
            hasGross = Double.isFinite(problem.grossLimit);
            grossLimit = problem.grossLimit;
            ridge = problem.ridge;
            kernel = CovarianceKernel.of(problem.covariance);
            chol = new FreeSetCholesky(n);
            w = new double[n];
            state = new byte[n];
            sign = new byte[n];
            free = new int[n];
            position = new int[n];
            groupSide = new int[groups];
            rows = new int[groups + 2];
            y = new double[groups + 2];
            z = new double[groups + 2][n];
            g = new double[n];
            u = new double[n];
            p = new double[n];
            column = new double[n];
            groupSum = new double[groups];
            groupStep = new double[groups];
            yGroup = new double[groups];
            residual = new double[groups + 2];
            taboo = new boolean[n];
            tabooList = new int[n];
            rowTaboo = new boolean[groups + 1];
            releasedSinceStep = new boolean[n];
            releasedList = new int[n];
            droppedSinceStep = new boolean[groups + 1];
            tolerance = 1e-11 * (muMax + problem.scale);
            progressTolerance = 1e-15 * (muMax + problem.scale);
        }

        /**
         * After a degenerate step at a general row, relaxes every group and gross bound by a distinct tiny amount
         * (each as soon as its row is outside the working set): this removes the ties (a group at its cap while
         * its members sit at theirs, the gross limit met exactly at a vertex) that let the method cycle. The
         * iterate stays feasible; {@link #polish()} puts the exact bounds back at the end.
         */
        void perturb() {
            perturbed = true;
            gLo = problem.groupLower.clone();
            gUp = problem.groupUpper.clone();
            for (int k = 0; k < groups; k++) {
                if (groupSide[k] == 0) {
                    relax(k);
                }
            }
            if (!grossActive) {
                relax(groups);
            }
        }

        /**
         * Relaxes a row's bounds (group k, or gross for k = groups) once it is outside the working set, so that
         * no working row ever has to move to a relaxed bound (which could conflict with a dependent row).
         */
        void relax(int row) {
            if (row < groups) {
                gLo[row] = problem.groupLower[row] - perturbation(2 * row);
                gUp[row] = problem.groupUpper[row] + perturbation(2 * row + 1);
            } else {
                grossLimit = problem.grossLimit + perturbation(2 * groups);
            }
        }

        /** A deterministic relaxation in [1, 2)·10⁻¹¹ for constraint j (a Weyl sequence). */
        static double perturbation(int j) {
            double u = ((j + 1) * 0.6180339887498949) % 1.0;
            return PERTURBATION * (1 + u);
        }

        QpSolution solve(QpWarmStart warm) {
            if (!start(warm)) {
                return QpSolution.failed(QpSolution.Status.NOT_CONVERGED, problem,
                        "the covariance restricted to the free assets is numerically singular", 0);
            }
            if (f == 0) {
                return optimal(); // every weight is fixed (and the budget holds: the problem is feasible)
            }
            int maxIterations = 20 * n + 500;
            boolean stationary = false;
            boolean refined = false;
            while (iterations < maxIterations) {
                iterations++;
                if (!stationary) {
                    if (!solveSubproblem()) {
                        continue; // a dependent working row was dropped
                    }
                    double pMax = 0;
                    for (int t = 0; t < f; t++) {
                        pMax = Math.max(pMax, Math.abs(p[t]));
                    }
                    if (pMax > 1e-14) {
                        if (!step(pMax)) {
                            continue; // blocked: a constraint joined the working set
                        }
                    }
                }
                stationary = false;
                int released = release();
                if (released == -1) {
                    if (!refined) {
                        // one more subproblem from the final point: iterative refinement of the last solve, which
                        // matters when H_FF is ill-conditioned
                        refined = true;
                        continue;
                    }
                    if (perturbed) {
                        polish();
                    }
                    return optimal();
                }
                refined = false;
                if (released == -2) {
                    stationary = true; // the released variable was dependent and is taboo now
                }
            }
            return QpSolution.failed(QpSolution.Status.NOT_CONVERGED, problem,
                    "the active-set method did not converge in " + maxIterations + " iterations", iterations);
        }

        // ---- start ----

        /** Sets up the start point, its free set and working rows; false when H_FF is numerically singular. */
        boolean start(QpWarmStart warm) {
            boolean reuseSet = false;
            if (warm != null && warm.weights() != null && warm.weights().length == n) {
                double[] ww = warm.weights();
                boolean inside = true;
                for (int i = 0; i < n && inside; i++) {
                    inside = ww[i] >= lo[i] && ww[i] <= up[i];
                }
                if (inside && problem.constraintViolation(ww) <= 1e-12) {
                    System.arraycopy(ww, 0, w, 0, n);
                    reuseSet = warm.free() != null && warm.free().length == n;
                } else {
                    repair(ww);
                }
            } else {
                greedyVertex(w);
            }
            for (int i = 0; i < n; i++) {
                double v = w[i];
                boolean atZero = hasGross && v == 0.0 && lo[i] < 0 && up[i] > 0;
                boolean atBound = v == lo[i] || v == up[i] || atZero;
                boolean isFree = lo[i] < up[i] && (reuseSet ? warm.free()[i] || !atBound : !atBound);
                position[i] = -1;
                if (isFree) {
                    state[i] = FREE;
                    sign[i] = (byte) (v > 0 || (v == 0 && up[i] > 0) ? 1 : -1);
                } else {
                    state[i] = atZero ? ZERO : v == up[i] && up[i] != 0 ? UPPER : LOWER;
                }
            }
            kernel.reset(w);
            for (int i = 0; i < n; i++) {
                if (state[i] == FREE && !addFree(i)) {
                    return false;
                }
            }
            if (f == 0) {
                // a vertex: the budget row needs one free variable to be independent of the bounds
                for (int i = 0; i < n; i++) {
                    if (lo[i] < up[i]) {
                        state[i] = FREE;
                        sign[i] = (byte) (w[i] > 0 || (w[i] == 0 && up[i] > 0) ? 1 : -1);
                        addFree(i);
                        break;
                    }
                }
            }
            if (reuseSet && warm.groupSides() != null && warm.groupSides().length == groups) {
                computeSums();
                for (int k = 0; k < groups; k++) {
                    int side = warm.groupSides()[k];
                    double bound = side > 0 ? problem.groupUpper[k] : side < 0 ? problem.groupLower[k] : Double.NaN;
                    if (side != 0 && Double.isFinite(bound) && Math.abs(groupSum[k] - bound) <= 1e-12
                            && hasFreeMember(k)) {
                        groupSide[k] = side;
                    }
                }
                if (hasGross && warm.grossActive() && Math.abs(gross - problem.grossLimit) <= 1e-12) {
                    grossActive = true;
                }
            }
            return true;
        }

        boolean hasFreeMember(int k) {
            for (int t = 0; t < f; t++) {
                if (grp[free[t]] == k) {
                    return true;
                }
            }
            return false;
        }

        /** The cold start: from 0, fill the assets in order of μ (descending for E &gt; 0) up to their caps. */
        void greedyVertex(double[] out) {
            Arrays.fill(out, 0.0);
            double remaining = problem.exposure;
            if (remaining == 0.0) {
                return;
            }
            double[] room = new double[groups];
            for (int k = 0; k < groups; k++) {
                room[k] = remaining > 0 ? problem.groupUpper[k] : -problem.groupLower[k];
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            boolean longs = remaining > 0;
            Arrays.sort(order, (a, b) -> longs ? Double.compare(mu[b], mu[a]) : Double.compare(mu[a], mu[b]));
            double left = Math.abs(remaining);
            for (int idx = 0; idx < n && left > 0; idx++) {
                int i = order[idx];
                double cap = longs ? up[i] : -lo[i];
                if (grp[i] >= 0) {
                    cap = Math.min(cap, room[grp[i]]);
                }
                double take = Math.min(Math.max(0.0, cap), left);
                if (take <= 0) {
                    continue;
                }
                out[i] = longs ? take : -take;
                left -= take;
                if (grp[i] >= 0) {
                    room[grp[i]] -= take;
                }
            }
        }

        /** Moves infeasible warm weights into the feasible set: clip, fix group sums, fix the budget, blend. */
        void repair(double[] warm) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(lo[i], Math.min(up[i], Double.isFinite(warm[i]) ? warm[i] : 0.0));
            }
            double[] sumLo = new double[groups + 1]; // index groups: assets in no group
            double[] sumUp = new double[groups + 1];
            double[] sum = new double[groups + 1];
            for (int i = 0; i < n; i++) {
                int k = grp[i] >= 0 ? grp[i] : groups;
                sumLo[k] += lo[i];
                sumUp[k] += up[i];
                sum[k] += w[i];
            }
            double[] hi = new double[groups + 1];
            double[] low = new double[groups + 1];
            for (int k = 0; k <= groups; k++) {
                hi[k] = k < groups ? Math.min(problem.groupUpper[k], sumUp[k]) : sumUp[k];
                low[k] = k < groups ? Math.max(problem.groupLower[k], sumLo[k]) : sumLo[k];
                if (sum[k] > hi[k]) {
                    shiftGroup(k, hi[k] - sum[k]);
                    sum[k] = hi[k];
                } else if (sum[k] < low[k]) {
                    shiftGroup(k, low[k] - sum[k]);
                    sum[k] = low[k];
                }
            }
            double total = 0;
            for (int k = 0; k <= groups; k++) {
                total += sum[k];
            }
            double delta = problem.exposure - total;
            if (delta != 0.0) {
                double roomTotal = 0;
                double[] room = new double[groups + 1];
                for (int k = 0; k <= groups; k++) {
                    room[k] = Math.max(0.0, delta > 0 ? hi[k] - sum[k] : sum[k] - low[k]);
                    roomTotal += room[k];
                }
                if (roomTotal > 0) {
                    for (int k = 0; k <= groups; k++) {
                        if (room[k] > 0) {
                            shiftGroup(k, delta * Math.min(1.0, room[k] / roomTotal));
                        }
                    }
                }
            }
            if (hasGross) {
                double current = 0;
                for (double v : w) {
                    current += Math.abs(v);
                }
                if (current > problem.grossLimit) {
                    double[] least = new double[n];
                    greedyVertex(least);
                    double leastGross = 0;
                    for (double v : least) {
                        leastGross += Math.abs(v);
                    }
                    double theta = Math.min(1.0,
                            (current - problem.grossLimit) / (current - leastGross) * (1 + 1e-12));
                    for (int i = 0; i < n; i++) {
                        w[i] = (1 - theta) * w[i] + theta * least[i];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(lo[i], Math.min(up[i], w[i]));
            }
        }

        /** Adds delta to group k's sum (k = groups: the assets in no group), in proportion to each member's room. */
        void shiftGroup(int k, double delta) {
            double room = 0;
            for (int i = 0; i < n; i++) {
                if ((grp[i] >= 0 ? grp[i] : groups) == k) {
                    room += delta > 0 ? up[i] - w[i] : w[i] - lo[i];
                }
            }
            if (room <= 0) {
                return;
            }
            double share = Math.min(1.0, Math.abs(delta) / room);
            for (int i = 0; i < n; i++) {
                if ((grp[i] >= 0 ? grp[i] : groups) == k) {
                    w[i] += delta > 0 ? share * (up[i] - w[i]) : -share * (w[i] - lo[i]);
                }
            }
        }

        // ---- the free set ----

        boolean addFree(int i) {
            kernel.column(i, free, f, column);
            double h = kernel.diagonal(i) + ridge;
            if (!chol.append(column, h)) {
                return false;
            }
            free[f] = i;
            position[i] = f;
            f++;
            state[i] = FREE;
            return true;
        }

        void removeFree(int t, double value, byte newState) {
            int i = free[t];
            chol.remove(t);
            System.arraycopy(free, t + 1, free, t, f - t - 1);
            f--;
            for (int s = t; s < f; s++) {
                position[free[s]] = s;
            }
            position[i] = -1;
            w[i] = value;
            state[i] = newState;
        }

        // ---- one subproblem ----

        void collectRows() {
            rowCount = 0;
            rows[rowCount++] = -1;
            for (int k = 0; k < groups; k++) {
                if (groupSide[k] != 0) {
                    rows[rowCount++] = k;
                }
            }
            if (grossActive) {
                rows[rowCount++] = groups;
            }
        }

        double coefficient(int row, int i) {
            if (row < 0) {
                return 1.0;
            }
            if (row < groups) {
                return grp[i] == row ? 1.0 : 0.0;
            }
            return sign[i];
        }

        /** Solves the equality-constrained subproblem into p (on F) and y; false when a row was dropped. */
        boolean solveSubproblem() {
            collectRows();
            for (int t = 0; t < f; t++) {
                int i = free[t];
                g[t] = kernel.product(i, w[i]) + ridge * w[i] - mu[i];
            }
            chol.solveLower(g, u);
            int m = rowCount;
            computeSums();
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += w[i];
            }
            for (int r = 0; r < m; r++) {
                int row = rows[r];
                residual[r] = row < 0 ? problem.exposure - total
                        : row < groups ? (groupSide[row] > 0 ? gUp[row] : gLo[row]) - groupSum[row]
                        : grossLimit - gross;
            }
            for (int r = 0; r < m; r++) {
                double[] zr = z[r];
                int first = f;
                for (int t = 0; t < f; t++) {
                    double a = coefficient(rows[r], free[t]);
                    zr[t] = a;
                    if (a != 0.0 && first == f) {
                        first = t;
                    }
                }
                chol.solveLower(zr, zr, first);
            }
            // (Z'Z) y = −Z'u; a row that is numerically dependent on earlier ones is dropped
            double[][] a = new double[m][m];
            double[] rhs = new double[m];
            for (int r = 0; r < m; r++) {
                for (int s = 0; s <= r; s++) {
                    a[r][s] = dot(z[r], z[s], f);
                }
                rhs[r] = -dot(z[r], u, f) - residual[r];
            }
            int dependent = solveSmall(a, rhs, y, m);
            if (dependent >= 0) {
                if (dependent == 0) {
                    throw new IllegalStateException("the budget row has no free variable");
                }
                removeRow(rows[dependent]);
                return false;
            }
            for (int t = 0; t < f; t++) {
                double v = u[t];
                for (int r = 0; r < m; r++) {
                    v += z[r][t] * y[r];
                }
                p[t] = v;
            }
            chol.solveUpper(p, p);
            for (int t = 0; t < f; t++) {
                p[t] = -p[t];
            }
            projectStep(m);
            return true;
        }

        /**
         * Projects p onto {p : A·p = residual} (p −= A'(AA')⁻¹(Ap − residual)), so that steps meet the working
         * constraints to rounding even when H_FF is ill-conditioned (a singular Σ plus the small ridge), where
         * the range-space solve alone would let them drift.
         */
        void projectStep(int m) {
            double[][] a = new double[m][m];
            double[] ap = new double[m];
            for (int r = 0; r < m; r++) {
                ap[r] = -residual[r];
                for (int t = 0; t < f; t++) {
                    ap[r] += coefficient(rows[r], free[t]) * p[t];
                }
                for (int s = 0; s <= r; s++) {
                    double v = 0;
                    for (int t = 0; t < f; t++) {
                        int i = free[t];
                        v += coefficient(rows[r], i) * coefficient(rows[s], i);
                    }
                    a[r][s] = v;
                }
            }
            double[] c = new double[m];
            if (solveSmall(a, ap, c, m) >= 0) {
                return;
            }
            for (int t = 0; t < f; t++) {
                int i = free[t];
                double v = 0;
                for (int r = 0; r < m; r++) {
                    v += coefficient(rows[r], i) * c[r];
                }
                p[t] -= v;
            }
        }

        /**
         * Solves the symmetric positive definite m×m system (lower triangle of a, overwritten by its Cholesky
         * factor) into out; returns the first row whose pivot shows it dependent on earlier rows, or −1.
         */
        static int solveSmall(double[][] a, double[] rhs, double[] out, int m) {
            for (int r = 0; r < m; r++) {
                double diag = a[r][r];
                for (int s = 0; s < r; s++) {
                    double v = a[r][s];
                    for (int q = 0; q < s; q++) {
                        v -= a[r][q] * a[s][q];
                    }
                    v /= a[s][s];
                    a[r][s] = v;
                    diag -= v * v;
                }
                if (!(diag > 1e-12 * a[r][r]) || a[r][r] == 0.0) {
                    return r;
                }
                a[r][r] = Math.sqrt(diag);
            }
            for (int r = 0; r < m; r++) {
                double v = rhs[r];
                for (int s = 0; s < r; s++) {
                    v -= a[r][s] * out[s];
                }
                out[r] = v / a[r][r];
            }
            for (int r = m - 1; r >= 0; r--) {
                double v = out[r];
                for (int s = r + 1; s < m; s++) {
                    v -= a[s][r] * out[s];
                }
                out[r] = v / a[r][r];
            }
            return -1;
        }

        static double dot(double[] a, double[] b, int count) {
            return CovarianceKernel.dot(a, b, count);
        }

        void removeRow(int row) {
            if (row < groups) {
                groupSide[row] = 0;
            } else {
                grossActive = false;
            }
            if (perturbed) {
                relax(row);
            }
        }

        void computeSums() {
            Arrays.fill(groupSum, 0.0);
            gross = 0;
            for (int i = 0; i < n; i++) {
                if (grp[i] >= 0) {
                    groupSum[grp[i]] += w[i];
                }
                gross += Math.abs(w[i]);
            }
        }

        double segmentLower(int i) {
            return hasGross && sign[i] > 0 ? Math.max(lo[i], 0.0) : lo[i];
        }

        double segmentUpper(int i) {
            return hasGross && sign[i] < 0 ? Math.min(up[i], 0.0) : up[i];
        }

        /**
         * Ratio test and step along p; true when the full step was taken (y are then the new multipliers). Ties
         * between blocking constraints go to the least index (assets, then groups, then gross), Bland's rule.
         */
        boolean step(double pMax) {
            double alpha = 1.0;
            int block = -1; // asset index, n + k for group k, n + groups for gross
            int blockPosition = -1;
            double blockValue = 0;
            int blockSide = 0;
            for (int t = 0; t < f; t++) {
                int i = free[t];
                double pt = p[t];
                if (pt == 0.0) {
                    continue;
                }
                double bound = pt < 0 ? segmentLower(i) : segmentUpper(i);
                double ratio = Math.max(0.0, (bound - w[i]) / pt);
                if (ratio < alpha || (ratio == alpha && block >= 0 && i < block)) {
                    alpha = ratio;
                    block = i;
                    blockPosition = t;
                    blockValue = bound;
                }
            }
            computeSums();
            double eps = 1e-13 * pMax;
            if (groups > 0) {
                Arrays.fill(groupStep, 0.0);
                for (int t = 0; t < f; t++) {
                    int k = grp[free[t]];
                    if (k >= 0) {
                        groupStep[k] += p[t];
                    }
                }
                for (int k = 0; k < groups; k++) {
                    double ap = groupStep[k];
                    if (groupSide[k] != 0 || Math.abs(ap) <= eps) {
                        continue;
                    }
                    double bound = ap > 0 ? gUp[k] : gLo[k];
                    if (!Double.isFinite(bound)) {
                        continue;
                    }
                    double ratio = Math.max(0.0, (bound - groupSum[k]) / ap);
                    if (ratio < alpha || (ratio == alpha && block >= 0 && n + k < block)) {
                        alpha = ratio;
                        block = n + k;
                        blockSide = ap > 0 ? 1 : -1;
                    }
                }
            }
            if (hasGross && !grossActive) {
                double ap = 0;
                for (int t = 0; t < f; t++) {
                    ap += sign[free[t]] * p[t];
                }
                if (ap > eps) {
                    double ratio = Math.max(0.0, (grossLimit - gross) / ap);
                    if (ratio < alpha) {
                        alpha = ratio;
                        block = n + groups;
                        blockSide = 1;
                    }
                }
            }
            degenerate = alpha == 0.0;
            if (alpha > 0) {
                // the decrease of ½w'Hw − μ'w/γ along the step: α·g'p + ½α²·‖L'p‖²
                double slope = dot(g, p, f);
                double curvature = chol.quadraticForm(p);
                double decrease = -(alpha * slope + 0.5 * alpha * alpha * curvature);
                for (int t = 0; t < f; t++) {
                    w[free[t]] += alpha * p[t];
                }
                kernel.step(free, f, p, alpha);
                if (decrease > progressTolerance) {
                    clearTaboo(); // real progress, not a rounding-level step
                }
            }
            if (block < 0) {
                return true;
            }
            if (block < n) {
                int i = block;
                byte newState = blockValue == 0.0 && lo[i] < 0 && up[i] > 0 ? ZERO
                        : blockValue == up[i] && up[i] != 0 ? UPPER : LOWER;
                if (alpha == 0 && releasedSinceStep[i]) {
                    setTaboo(i);
                }
                double before = w[i];
                removeFree(blockPosition, blockValue, newState);
                one[0] = i;
                delta[0] = blockValue - before;
                kernel.step(one, 1, delta, 1.0);
            } else {
                int row = block - n;
                if (row < groups) {
                    groupSide[row] = blockSide;
                } else {
                    grossActive = true;
                }
                if (alpha == 0 && droppedSinceStep[row]) {
                    rowTaboo[row] = true;
                }
                if (degenerate && !perturbed) {
                    perturb();
                }
            }
            return false;
        }

        void setTaboo(int i) {
            if (!taboo[i]) {
                taboo[i] = true;
                tabooList[tabooCount++] = i;
            }
        }

        /** After a positive step: every constraint may leave the working set again. */
        void clearTaboo() {
            for (int t = 0; t < tabooCount; t++) {
                taboo[tabooList[t]] = false;
            }
            tabooCount = 0;
            for (int t = 0; t < releasedCount; t++) {
                releasedSinceStep[releasedList[t]] = false;
            }
            releasedCount = 0;
            Arrays.fill(rowTaboo, false);
            Arrays.fill(droppedSinceStep, false);
        }

        // ---- multipliers ----

        double rowMultiplier(int row) {
            for (int r = 0; r < rowCount; r++) {
                if (rows[r] == row) {
                    return y[r];
                }
            }
            return 0.0;
        }

        /**
         * Leaves the working set's constraint with a wrong-sign multiplier: a group or gross row (the most violated
         * first) or else the bound with the most negative multiplier; after a degenerate step the least index
         * instead (Bland's rule against cycling). Returns the constraint, −1 when none (optimal), −2 when the
         * released asset was numerically dependent on the free set.
         */
        int release() {
            int worstRow = -1;
            double worstRowValue = tolerance;
            int firstRow = -1;
            for (int r = 1; r < rowCount; r++) {
                int row = rows[r];
                if (rowTaboo[row]) {
                    continue;
                }
                double violation = row < groups ? -groupSide[row] * y[r] : -y[r];
                if (violation > tolerance && firstRow < 0) {
                    firstRow = row;
                }
                if (violation > worstRowValue) {
                    worstRowValue = violation;
                    worstRow = row;
                }
            }
            if (worstRow >= 0 && !degenerate) {
                return dropRow(worstRow);
            }
            double yBudget = y[0];
            Arrays.fill(yGroup, 0.0);
            for (int r = 1; r < rowCount; r++) {
                if (rows[r] < groups) {
                    yGroup[rows[r]] = y[r];
                }
            }
            double yGross = grossActive ? rowMultiplier(groups) : 0.0;
            int best = -1;
            int bestDirection = 0;
            double bestValue = -tolerance;
            for (int i = 0; i < n; i++) {
                if (state[i] == FREE || lo[i] == up[i] || taboo[i]) {
                    continue;
                }
                double r0 = kernel.product(i, w[i]) + ridge * w[i] - mu[i] + yBudget
                        + (grp[i] >= 0 ? yGroup[grp[i]] : 0.0);
                double v = w[i];
                double lambda;
                int direction;
                if (v == 0.0) {
                    double upwards = up[i] > 0 ? r0 + yGross : Double.POSITIVE_INFINITY;
                    double downwards = lo[i] < 0 ? -r0 + yGross : Double.POSITIVE_INFINITY;
                    lambda = Math.min(upwards, downwards);
                    direction = upwards <= downwards ? 1 : -1;
                } else {
                    double full = r0 + (hasGross ? yGross * Math.signum(v) : 0.0);
                    lambda = state[i] == UPPER ? -full : full;
                    direction = state[i] == UPPER ? -1 : 1;
                }
                if (lambda < bestValue) {
                    bestValue = lambda;
                    best = i;
                    bestDirection = direction;
                    if (degenerate) {
                        break; // least index
                    }
                }
            }
            if (best < 0) {
                return firstRow >= 0 ? dropRow(firstRow) : -1;
            }
            double v = w[best];
            sign[best] = (byte) (v != 0.0 ? (v > 0 ? 1 : -1) : bestDirection);
            byte previous = state[best];
            if (!addFree(best)) {
                state[best] = previous;
                setTaboo(best);
                return -2;
            }
            if (!releasedSinceStep[best]) {
                releasedSinceStep[best] = true;
                releasedList[releasedCount++] = best;
            }
            return best;
        }

        int dropRow(int row) {
            removeRow(row);
            droppedSinceStep[row] = true;
            return n + row;
        }

        /**
         * Brings the solution of the relaxed bounds (at most 2·10⁻¹¹ beyond the exact ones) back onto the exact
         * bounds: one subproblem step with the exact right-hand sides on the final working set (which also gives
         * the multipliers), cut short at the assets' bounds; a remaining excess (a tight row outside the working
         * set) is removed by the proportional shifts of the warm-start repair.
         */
        void polish() {
            perturbed = false;
            gLo = problem.groupLower;
            gUp = problem.groupUpper;
            grossLimit = problem.grossLimit;
            double[] yKept = y.clone();
            int[] rowsKept = rows.clone();
            int countKept = rowCount;
            if (solveSubproblem()) {
                double alpha = 1.0;
                for (int t = 0; t < f; t++) {
                    int i = free[t];
                    if (p[t] < 0) {
                        alpha = Math.min(alpha, Math.max(0.0, (segmentLower(i) - w[i]) / p[t]));
                    } else if (p[t] > 0) {
                        alpha = Math.min(alpha, Math.max(0.0, (segmentUpper(i) - w[i]) / p[t]));
                    }
                }
                for (int t = 0; t < f; t++) {
                    w[free[t]] += alpha * p[t];
                }
                if (alpha < 1.0) {
                    restoreMultipliers(yKept, rowsKept, countKept);
                }
            } else {
                restoreMultipliers(yKept, rowsKept, countKept);
            }
            if (problem.constraintViolation(w) > 1e-13) {
                repair(w.clone());
            }
        }

        void restoreMultipliers(double[] yKept, int[] rowsKept, int countKept) {
            System.arraycopy(yKept, 0, y, 0, y.length);
            System.arraycopy(rowsKept, 0, rows, 0, rows.length);
            rowCount = countKept;
        }

        QpSolution optimal() {
            double[] weights = w.clone();
            double[] groupMultipliers = new double[groups];
            for (int r = 1; r < rowCount; r++) {
                if (rows[r] < groups) {
                    groupMultipliers[rows[r]] = gamma * y[r];
                }
            }
            double grossMultiplier = grossActive ? gamma * rowMultiplier(groups) : 0.0;
            boolean[] freeMask = new boolean[n];
            for (int t = 0; t < f; t++) {
                freeMask[free[t]] = true;
            }
            QpWarmStart next = new QpWarmStart(weights.clone(), freeMask, groupSide.clone(), grossActive);
            return new QpSolution(QpSolution.Status.OPTIMAL, "optimal after " + iterations + " iterations", weights,
                    problem.objective(weights, gamma), iterations, gamma * y[0], groupMultipliers, grossMultiplier,
                    next);
        }
    }
}
