package org.factorguard.quant.allocation.qp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.DenseCovarianceMatrix;
import org.factorguard.quant.risk.FactoredCovariance;

/**
 * One mean–variance quadratic program of the risk-constrained allocator (H. Markowitz, "Portfolio selection",
 * Journal of Finance 7(1), 1952), for a given risk aversion γ:
 *
 * <pre>
 *   maximise   μ'w − (γ/2)·w'(Σ + ρI)w
 *   subject to Σ_i w_i = E                 (budget / net exposure)
 *              l_i ≤ w_i ≤ u_i              (per-asset box)
 *              L_k ≤ Σ_{i∈k} w_i ≤ U_k      (groups, e.g. industries; they partition the assets)
 *              Σ_i |w_i| ≤ G                (gross limit, long-short only; needs l ≤ 0 ≤ u)
 * </pre>
 *
 * with ρ = 10⁻⁹·(mean variance of the investable assets), the ridge the allocator has always added so that
 * the program is strictly convex even for a singular Σ. Assets whose μ<sub>i</sub> or Σ<sub>ii</sub> is not
 * finite are not investable: their bounds are 0 and their μ and covariances count as 0. Σ is dense or
 * diagonal plus low rank ({@link FactoredCovariance}); every {@link MeanVarianceQp} solves the same program.
 *
 * <p>Because the groups partition the assets, linear feasibility has a closed form
 * ({@link #linearInfeasibility()}): with lo<sub>k</sub> = max(L<sub>k</sub>, Σl) and hi<sub>k</sub> =
 * min(U<sub>k</sub>, Σu), a portfolio exists iff every lo<sub>k</sub> ≤ hi<sub>k</sub>, Σlo ≤ E ≤ Σhi, and
 * Σ|c<sub>k</sub>| + |E − Σc<sub>k</sub>| ≤ G with c<sub>k</sub> = clip(0, lo<sub>k</sub>, hi<sub>k</sub>)
 * (the least gross exposure that reaches E).
 */
public final class MeanVarianceProblem {

    /** Tolerance of the closed-form feasibility test, as in the allocator. */
    static final double FEASIBILITY_TOLERANCE = 1e-12;
    static final double RIDGE = 1e-9;

    final int n;
    final double[] mu;
    final CovarianceMatrix covariance;
    final boolean[] investable;
    final double[] lower;
    final double[] upper;
    final int[] groupOf;
    final String[] groupNames;
    final double[] groupLower;
    final double[] groupUpper;
    final double exposure;
    final double grossLimit;
    final boolean longShort;
    final double scale;
    final double ridge;

    private MeanVarianceProblem(Builder b, CovarianceMatrix covariance, boolean[] investable) {
        this.n = b.mu.length;
        this.covariance = covariance;
        this.investable = investable;
        this.exposure = b.exposure;
        this.grossLimit = b.grossLimit;
        this.longShort = b.longShort;
        mu = new double[n];
        lower = new double[n];
        upper = new double[n];
        double diag = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (investable[i]) {
                mu[i] = b.mu[i];
                lower[i] = b.lower[i];
                upper[i] = b.upper[i];
                diag += covariance.get(i, i);
                count++;
            }
        }
        double meanDiag = count > 0 ? diag / count : 0.0;
        scale = meanDiag > 0 ? meanDiag : 1e-4;
        ridge = RIDGE * scale;
        groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Double> lo = new ArrayList<>();
        List<Double> up = new ArrayList<>();
        if (b.groups != null) {
            for (int i = 0; i < n; i++) {
                String g = b.groups[i];
                if (g == null) {
                    continue;
                }
                Integer k = index.get(g);
                if (k == null) {
                    double cap = b.groupCap.applyAsDouble(g);
                    if (!Double.isFinite(cap)) {
                        index.put(g, -1);
                        continue;
                    }
                    k = index.size();
                    index.put(g, k);
                    lo.add(b.longShort ? -cap : Double.NEGATIVE_INFINITY);
                    up.add(cap);
                }
                groupOf[i] = k;
            }
        }
        List<String> names = new ArrayList<>();
        index.forEach((name, k) -> {
            if (k >= 0) {
                names.add(name);
            }
        });
        // capped groups are numbered densely in order of first appearance
        int[] renumber = new int[index.size()];
        int next = 0;
        for (Integer k : index.values()) {
            if (k >= 0) {
                renumber[k] = next++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (groupOf[i] >= 0) {
                groupOf[i] = renumber[groupOf[i]];
            }
        }
        groupNames = names.toArray(new String[0]);
        groupLower = new double[groupNames.length];
        groupUpper = new double[groupNames.length];
        for (Integer k : index.values()) {
            if (k >= 0) {
                groupLower[renumber[k]] = lo.get(k);
                groupUpper[renumber[k]] = up.get(k);
            }
        }
    }

    /**
     * A problem with expected daily returns μ and daily covariance Σ; by default fully invested (E = 1),
     * long-only with no per-asset cap below 1 and no groups.
     */
    public static Builder builder(double[] expectedReturns, CovarianceMatrix covariance) {
        return new Builder(expectedReturns, covariance);
    }

    public int size() {
        return n;
    }

    public double[] expectedReturns() {
        return mu.clone();
    }

    public CovarianceMatrix covariance() {
        return covariance;
    }

    public boolean investable(int i) {
        return investable[i];
    }

    public double[] lowerBounds() {
        return lower.clone();
    }

    public double[] upperBounds() {
        return upper.clone();
    }

    public double exposure() {
        return exposure;
    }

    public boolean longShort() {
        return longShort;
    }

    /** G, +∞ when there is no gross limit. */
    public double grossLimit() {
        return grossLimit;
    }

    public int groupCount() {
        return groupNames.length;
    }

    public String groupName(int k) {
        return groupNames[k];
    }

    /** The group of asset i, −1 when it is in no capped group. */
    public int groupOf(int i) {
        return groupOf[i];
    }

    public double groupLower(int k) {
        return groupLower[k];
    }

    public double groupUpper(int k) {
        return groupUpper[k];
    }

    /** Mean variance of the investable assets (10⁻⁴ when none is positive), the allocator's objective scale. */
    public double scale() {
        return scale;
    }

    /** ρ of the objective's ridge. */
    public double ridge() {
        return ridge;
    }

    /** μ'w − (γ/2)·w'Σw (without the ridge), the allocator's objective. */
    public double objective(double[] w, double gamma) {
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += mu[i] * w[i];
        }
        return r - 0.5 * gamma * covariance.quadraticForm(w);
    }

    /** The largest violation of any constraint by w (0 when w is feasible). */
    public double constraintViolation(double[] w) {
        double worst = 0;
        double sum = 0;
        double gross = 0;
        double[] groups = new double[groupNames.length];
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.max(lower[i] - w[i], w[i] - upper[i]));
            sum += w[i];
            gross += Math.abs(w[i]);
            if (groupOf[i] >= 0) {
                groups[groupOf[i]] += w[i];
            }
        }
        worst = Math.max(worst, Math.abs(sum - exposure));
        for (int k = 0; k < groups.length; k++) {
            worst = Math.max(worst, Math.max(groupLower[k] - groups[k], groups[k] - groupUpper[k]));
        }
        if (Double.isFinite(grossLimit)) {
            worst = Math.max(worst, gross - grossLimit);
        }
        return worst;
    }

    /** Why no portfolio satisfies the linear constraints, or null when one does (closed form, see above). */
    public String linearInfeasibility() {
        int groups = groupNames.length;
        double[] lo = new double[groups];
        double[] hi = new double[groups];
        double freeLo = 0;
        double freeHi = 0;
        double assetHi = 0;
        for (int i = 0; i < n; i++) {
            assetHi += upper[i];
            if (groupOf[i] >= 0) {
                lo[groupOf[i]] += lower[i];
                hi[groupOf[i]] += upper[i];
            } else {
                freeLo += lower[i];
                freeHi += upper[i];
            }
        }
        double totalLo = freeLo;
        double totalHi = freeHi;
        double minGross = 0;
        double least = clip(0, freeLo, freeHi);
        double leastSum = least;
        minGross += Math.abs(least);
        List<String> capped = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            double a = Math.max(groupLower[k], lo[k]);
            double b = Math.min(groupUpper[k], hi[k]);
            if (a > b + FEASIBILITY_TOLERANCE) {
                return "the cap on " + groupNames[k] + " (" + range(groupLower[k], groupUpper[k])
                        + ") cannot be met within the per-asset bounds of its members (" + range(lo[k], hi[k]) + ")";
            }
            if (groupUpper[k] < hi[k] || groupLower[k] > lo[k]) {
                capped.add(groupNames[k] + " " + range(groupLower[k], groupUpper[k]));
            }
            totalLo += a;
            totalHi += b;
            double c = clip(0, a, b);
            leastSum += c;
            minGross += Math.abs(c);
        }
        if (exposure > totalHi + FEASIBILITY_TOLERANCE || exposure < totalLo - FEASIBILITY_TOLERANCE) {
            String what = groups == 0 || capped.isEmpty() ? "per-asset bounds"
                    : "per-asset bounds and industry caps (" + String.join(", ", capped) + ")";
            if (exposure > totalHi && !longShort && Math.abs(assetHi - totalHi) <= FEASIBILITY_TOLERANCE) {
                long count = java.util.Arrays.stream(upper).filter(u -> u > 0).count();
                what = "per-asset caps on " + count + " investable assets";
            }
            return what + " allow an exposure between " + pct(totalLo) + " and " + pct(totalHi) + ", but "
                    + pct(exposure) + " is required";
        }
        minGross += Math.abs(exposure - leastSum);
        if (Double.isFinite(grossLimit) && minGross > grossLimit + FEASIBILITY_TOLERANCE) {
            return "a net exposure of " + pct(exposure) + " needs a gross exposure of at least " + pct(minGross)
                    + ", above the gross limit " + pct(grossLimit);
        }
        return null;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String range(double lo, double hi) {
        return "[" + (Double.isFinite(lo) ? pct(lo) : "−∞") + ", " + (Double.isFinite(hi) ? pct(hi) : "∞") + "]";
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    /** Settings of a {@link MeanVarianceProblem}, named as in the allocator's settings. */
    public static final class Builder {

        private final double[] mu;
        private final CovarianceMatrix covariance;
        private double exposure = 1.0;
        private double[] lower;
        private double[] upper;
        private boolean longShort;
        private double grossLimit = Double.POSITIVE_INFINITY;
        private String[] groups;
        private ToDoubleFunction<String> groupCap;

        private Builder(double[] mu, CovarianceMatrix covariance) {
            this.mu = Objects.requireNonNull(mu, "expectedReturns");
            this.covariance = Objects.requireNonNull(covariance, "covariance");
            if (covariance.size() != mu.length) {
                throw new IllegalArgumentException("expected returns and covariance must have the same size");
            }
            longOnly(1.0);
        }

        /** Required net exposure E = Σw (1 = fully invested). */
        public Builder exposure(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("exposure must be finite");
            }
            exposure = value;
            return this;
        }

        /** 0 ≤ w<sub>i</sub> ≤ maxWeight, no gross limit; group caps bound Σ<sub>k</sub>w from above. */
        public Builder longOnly(double maxWeight) {
            return bounds(0.0, maxWeight, false, Double.POSITIVE_INFINITY);
        }

        /** −maxWeight ≤ w_i ≤ maxWeight and Σ|w| ≤ grossLimit; group caps bound |Σ_{i∈k} w_i|. */
        public Builder longShort(double maxWeight, double grossLimit) {
            if (!(grossLimit > 0)) {
                throw new IllegalArgumentException("long-short needs a positive gross limit");
            }
            return bounds(-maxWeight, maxWeight, true, grossLimit);
        }

        private Builder bounds(double lo, double up, boolean ls, double gross) {
            if (!(up > 0)) {
                throw new IllegalArgumentException("per-asset cap must be positive");
            }
            lower = new double[mu.length];
            upper = new double[mu.length];
            java.util.Arrays.fill(lower, lo);
            java.util.Arrays.fill(upper, up);
            longShort = ls;
            grossLimit = gross;
            return this;
        }

        /**
         * Per-asset caps by group (an industry per asset; null for none): cap(name) is the cap, NaN for none.
         */
        public Builder industryCaps(String[] industries, ToDoubleFunction<String> cap) {
            if (industries.length != mu.length) {
                throw new IllegalArgumentException("one industry per asset is required");
            }
            this.groups = industries.clone();
            this.groupCap = Objects.requireNonNull(cap, "cap");
            return this;
        }

        public MeanVarianceProblem build() {
            int n = mu.length;
            boolean[] investable = new boolean[n];
            boolean clean = true;
            for (int i = 0; i < n; i++) {
                investable[i] = Double.isFinite(mu[i]) && Double.isFinite(covariance.get(i, i));
                clean &= investable[i];
            }
            if (clean && covariance instanceof DenseCovarianceMatrix dense) {
                for (double[] row : dense.values()) {
                    for (double v : row) {
                        clean &= Double.isFinite(v);
                    }
                }
            }
            CovarianceMatrix sigma = clean ? covariance : cleaned(covariance, investable);
            return new MeanVarianceProblem(this, sigma, investable);
        }

        /** Zeroes the rows and columns of assets that are not investable (non-finite entries become 0). */
        private static CovarianceMatrix cleaned(CovarianceMatrix c, boolean[] investable) {
            int n = investable.length;
            if (c instanceof FactoredCovariance f) {
                double[] d = f.diagonal().clone();
                double[][] b = new double[n][];
                for (int i = 0; i < n; i++) {
                    if (investable[i]) {
                        b[i] = f.loadings()[i];
                    } else {
                        d[i] = 0.0;
                        b[i] = new double[f.rank()];
                    }
                }
                return new FactoredCovariance(d, b, f.weights());
            }
            double[][] src = ((DenseCovarianceMatrix) c).values();
            double[][] out = new double[n][n];
            for (int i = 0; i < n; i++) {
                if (!investable[i]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double v = src[i][j];
                    out[i][j] = investable[j] && Double.isFinite(v) ? v : 0.0;
                }
            }
            return new DenseCovarianceMatrix(out);
        }
    }
}
