package org.factorguard.quant.allocation.qp;

import java.util.Arrays;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.RawStore;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The {@link MeanVarianceProblem} solved by ojAlgo's {@link ConvexSolver} with the formulation the
 * {@code RiskConstrainedAllocator} has used: minimise ½x'Qx − C'x with Q = Σ/s + 10⁻⁹·I and C = μ/(γs),
 * s = {@link MeanVarianceProblem#scale()} (the objective divided by γs so that Q is of order one); long-short
 * splits w = p − q with p, q ≥ 0 (x = [p; q], gross = 1'x); every bound, group cap and the gross limit is an
 * inequality row and the budget an equality row; the weights are clamped to their bounds afterwards. Σ is
 * formed densely (n×n, or 2n×2n long-short). An exception or a result state that is not feasible is reported
 * as not converged or infeasible. With a warm start its weights are passed to ojAlgo as the kick-starter.
 */
public final class OjAlgoMeanVarianceQp implements MeanVarianceQp {

    @Override
    public String name() {
        return "ojalgo";
    }

    @Override
    public QpSolution solve(MeanVarianceProblem problem, double gamma, QpWarmStart warmStart) {
        if (!(gamma > 0)) {
            throw new IllegalArgumentException("risk aversion must be positive");
        }
        int n = problem.n;
        boolean ls = problem.longShort;
        double[][] cov = problem.covariance.toArray();
        int m = ls ? 2 * n : n; // long-short: x = [p; q] with w = p − q, p, q ≥ 0
        double c = gamma * problem.scale;
        double[][] q = new double[m][m];
        double[] lin = new double[m];
        for (int i = 0; i < n; i++) {
            lin[i] = problem.mu[i] / c;
            if (ls) {
                lin[n + i] = -problem.mu[i] / c;
            }
            for (int j = 0; j < n; j++) {
                double a = gamma * cov[i][j] / c;
                q[i][j] = a;
                if (ls) {
                    q[i][n + j] = -a;
                    q[n + i][j] = -a;
                    q[n + i][n + j] = a;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            q[i][i] += MeanVarianceProblem.RIDGE;
        }
        ConvexSolver.Builder builder = ConvexSolver.newBuilder()
                .objective(R064Store.FACTORY.copy(RawStore.wrap(q)), R064Store.FACTORY.column(lin));
        double[] budget = new double[m];
        for (int i = 0; i < n; i++) {
            budget[i] = 1.0;
            if (ls) {
                budget[n + i] = -1.0;
            }
        }
        builder.equality(problem.exposure, budget);
        for (int i = 0; i < m; i++) {
            double bound = i < n ? problem.upper[i] : -problem.lower[i - n];
            builder.inequality(Math.max(0.0, bound), unit(m, i, 1.0));
            builder.inequality(0.0, unit(m, i, -1.0));
        }
        for (int k = 0; k < problem.groupCount(); k++) {
            double[] row = new double[m];
            for (int i = 0; i < n; i++) {
                if (problem.groupOf[i] == k) {
                    row[i] = 1.0;
                    if (ls) {
                        row[n + i] = -1.0;
                    }
                }
            }
            if (Double.isFinite(problem.groupUpper[k])) {
                builder.inequality(problem.groupUpper[k], row);
            }
            if (Double.isFinite(problem.groupLower[k])) {
                double[] negated = new double[m];
                for (int i = 0; i < m; i++) {
                    negated[i] = -row[i];
                }
                builder.inequality(-problem.groupLower[k], negated);
            }
        }
        if (Double.isFinite(problem.grossLimit)) {
            double[] ones = new double[m];
            Arrays.fill(ones, 1.0);
            builder.inequality(problem.grossLimit, ones);
        }
        Optimisation.Result result;
        try {
            if (warmStart != null && warmStart.weights() != null && warmStart.weights().length == n) {
                result = builder.build().solve(Optimisation.Result.of(Optimisation.State.FEASIBLE,
                        split(warmStart.weights(), ls)));
            } else {
                result = builder.solve();
            }
        } catch (RuntimeException e) {
            return QpSolution.failed(QpSolution.Status.NOT_CONVERGED, problem, "ojAlgo failed: " + e, 0);
        }
        if (!result.getState().isFeasible()) {
            return QpSolution.failed(QpSolution.Status.INFEASIBLE, problem,
                    "infeasible: ojAlgo found no feasible point (" + result.getState() + ")", 0);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double v = result.doubleValue(i) - (ls ? result.doubleValue(n + i) : 0.0);
            w[i] = Math.max(problem.lower[i], Math.min(problem.upper[i], v));
        }
        double[] nan = new double[problem.groupCount()];
        Arrays.fill(nan, Double.NaN);
        return new QpSolution(QpSolution.Status.OPTIMAL, "optimal (ojAlgo " + result.getState() + ")", w,
                problem.objective(w, gamma), 0, Double.NaN, nan, Double.NaN, QpWarmStart.ofWeights(w));
    }

    private static double[] split(double[] w, boolean ls) {
        if (!ls) {
            return w.clone();
        }
        int n = w.length;
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0.0, w[i]);
            x[n + i] = Math.max(0.0, -w[i]);
        }
        return x;
    }

    private static double[] unit(int m, int i, double v) {
        double[] row = new double[m];
        row[i] = v;
        return row;
    }
}
