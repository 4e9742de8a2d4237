package org.factorguard.quant.allocation.qp;

import java.util.SplittableRandom;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.FactoredLedoitWolfCovariance;
import org.factorguard.quant.risk.FactoredSampleCovariance;
import org.factorguard.quant.risk.LedoitWolfCovariance;

/** Seeded random mean–variance problems and an independent check of the KKT conditions. */
final class QpTestProblems {

    static final String[] INDUSTRIES = {"Energy", "Tech", "Health", "Finance", "Utilities", "Materials", "Retail"};

    /** How Σ is estimated: Ledoit–Wolf (full rank) or the sample covariance of fewer days than assets. */
    enum Estimate { LEDOIT_WOLF, SAMPLE_RANK_DEFICIENT }

    /** One problem's settings. */
    record Spec(int n, int days, boolean longShort, double cap, double gross, double industryCap, Estimate estimate,
                boolean factored, long seed) {

        @Override
        public String toString() {
            return "n=" + n + " days=" + days + (longShort ? " long-short gross " + gross : " long-only")
                    + " cap=" + cap + " industry cap=" + industryCap + " " + estimate
                    + (factored ? " factored" : " dense") + " seed=" + seed;
        }
    }

    private QpTestProblems() {
    }

    /** Daily returns of a market factor, industry factors and noise; T×n. */
    static double[][] returns(SplittableRandom random, int n, int days) {
        double[] beta = new double[n];
        double[] idio = new double[n];
        double[] industryBeta = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.005 + 0.02 * random.nextDouble();
            industryBeta[i] = 0.5 + random.nextDouble();
        }
        double[][] r = new double[days][n];
        for (int t = 0; t < days; t++) {
            double market = 0.01 * random.nextGaussian();
            double[] industry = new double[INDUSTRIES.length];
            for (int k = 0; k < industry.length; k++) {
                industry[k] = 0.005 * random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                r[t][i] = beta[i] * market + industryBeta[i] * industry[i % INDUSTRIES.length]
                        + idio[i] * random.nextGaussian();
            }
        }
        return r;
    }

    static MeanVarianceProblem problem(Spec s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        double[][] r = returns(random, s.n(), s.days());
        CovarianceMatrix sigma = s.estimate() == Estimate.LEDOIT_WOLF
                ? new FactoredLedoitWolfCovariance(LedoitWolfCovariance.Target.SCALED_IDENTITY).estimateFactored(r)
                : new FactoredSampleCovariance().estimateFactored(r);
        if (!s.factored()) {
            sigma = CovarianceMatrix.dense(sigma.toArray());
        }
        double[] mu = new double[s.n()];
        String[] industries = new String[s.n()];
        for (int i = 0; i < s.n(); i++) {
            mu[i] = 0.001 * random.nextGaussian();
            industries[i] = INDUSTRIES[i % INDUSTRIES.length];
        }
        MeanVarianceProblem.Builder b = MeanVarianceProblem.builder(mu, sigma).exposure(1.0);
        if (s.longShort()) {
            b.longShort(s.cap(), s.gross());
        } else {
            b.longOnly(s.cap());
        }
        if (Double.isFinite(s.industryCap())) {
            b.industryCaps(industries, name -> s.industryCap());
        }
        return b.build();
    }

    /** A random spec: tight or loose caps, industry caps binding or not, full-rank or rank-deficient Σ. */
    static Spec randomSpec(SplittableRandom random, int minN, int maxN, boolean longShort, long seed) {
        return randomSpec(random, minN, maxN, longShort, true, seed);
    }

    /** A random spec; rank-deficient Σ (a sample covariance of n/2 to n days) in a third of them when allowed. */
    static Spec randomSpec(SplittableRandom random, int minN, int maxN, boolean longShort, boolean rankDeficient,
                           long seed) {
        int n = minN + random.nextInt(maxN - minN + 1);
        double cap = new double[] {0.02, 0.05, 0.1, 0.3, 1.0}[random.nextInt(5)];
        if (n * cap < 1.05) {
            cap = 1.2 / n;
        }
        double industryCap = random.nextBoolean() ? Double.NaN : new double[] {0.2, 0.3, 0.5}[random.nextInt(3)];
        boolean sample = random.nextInt(3) == 0 && rankDeficient;
        int days = sample ? Math.max(3, n / 2 + random.nextInt(n / 2 + 1)) : 60 + random.nextInt(120);
        return new Spec(n, days, longShort, cap, 1.6, industryCap,
                sample ? Estimate.SAMPLE_RANK_DEFICIENT : Estimate.LEDOIT_WOLF, random.nextBoolean(), seed);
    }

    /** γ spread log-uniformly over [1, 10⁴]. */
    static double randomGamma(SplittableRandom random) {
        return Math.exp(random.nextDouble() * Math.log(1e4));
    }

    /** |μ|'|w| + (γ/2)·w'Σw, the size of the objective's terms (the scale of a relative objective error). */
    static double objectiveScale(MeanVarianceProblem p, double gamma, double[] w) {
        double s = 0;
        double[] mu = p.expectedReturns();
        for (int i = 0; i < w.length; i++) {
            s += Math.abs(mu[i] * w[i]);
        }
        return s + 0.5 * gamma * p.covariance().quadraticForm(w);
    }

    /**
     * The largest violation of the KKT conditions of {@link QpSolution}'s Javadoc by the solution and its
     * multipliers, computed from the dense Σ, relative to the size of the gradient's terms
     * (|μ_i| + γ·Σ_j |Σ_ij·w_j|). A weight within 10⁻¹² of a bound counts as on it; a group or the gross limit
     * within 10⁻⁹ of its cap counts as active.
     */
    static double kktViolation(MeanVarianceProblem p, double gamma, QpSolution s) {
        int n = p.size();
        double[] w = s.weights();
        double[] mu = p.expectedReturns();
        double[] lower = p.lowerBounds();
        double[] upper = p.upperBounds();
        double[][] c = p.covariance().toArray();
        double[] sw = new double[n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double terms = 0;
            for (int j = 0; j < n; j++) {
                sw[i] += c[i][j] * w[j];
                terms += Math.abs(c[i][j] * w[j]);
            }
            scale = Math.max(scale, Math.abs(mu[i]) + gamma * terms);
        }
        boolean gross = Double.isFinite(p.grossLimit());
        double yGross = s.grossMultiplier();
        double worst = 0;
        double[] groupSum = new double[p.groupCount()];
        double grossSum = 0;
        for (int i = 0; i < n; i++) {
            grossSum += Math.abs(w[i]);
            int k = p.groupOf(i);
            if (k >= 0) {
                groupSum[k] += w[i];
            }
            double r0 = gamma * (sw[i] + p.ridge() * w[i]) - mu[i] + s.budgetMultiplier()
                    + (k >= 0 ? s.groupMultipliers()[k] : 0.0);
            double v;
            if (lower[i] == upper[i]) {
                v = 0; // fixed (not investable)
            } else if (gross && Math.abs(w[i]) <= 1e-12) {
                v = 0; // at the kink of |w|: −y_gross ≤ r0 ≤ y_gross where the bound allows a move
                if (upper[i] > 0) {
                    v = Math.max(v, -(r0 + yGross));
                }
                if (lower[i] < 0) {
                    v = Math.max(v, r0 - yGross);
                }
            } else {
                double r = r0 + (gross ? yGross * Math.signum(w[i]) : 0.0);
                if (Math.abs(w[i] - upper[i]) <= 1e-12) {
                    v = Math.max(0.0, r);
                } else if (Math.abs(w[i] - lower[i]) <= 1e-12) {
                    v = Math.max(0.0, -r);
                } else {
                    v = Math.abs(r);
                }
            }
            worst = Math.max(worst, v / scale);
        }
        for (int k = 0; k < groupSum.length; k++) {
            double y = s.groupMultipliers()[k];
            double v;
            if (Math.abs(groupSum[k] - p.groupUpper(k)) <= 1e-9) {
                v = Math.max(0.0, -y);
            } else if (Math.abs(groupSum[k] - p.groupLower(k)) <= 1e-9) {
                v = Math.max(0.0, y);
            } else {
                v = Math.abs(y);
            }
            worst = Math.max(worst, v / scale);
        }
        if (gross) {
            double v = grossSum < p.grossLimit() - 1e-9 ? Math.abs(yGross) : Math.max(0.0, -yGross);
            worst = Math.max(worst, v / scale);
        }
        return worst;
    }
}
