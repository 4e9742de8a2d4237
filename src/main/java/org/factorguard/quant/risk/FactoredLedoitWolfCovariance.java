package org.factorguard.quant.risk;

import java.util.Objects;

/**
 * The Ledoit–Wolf shrinkage estimate of {@link LedoitWolfCovariance} (same targets, same intensity δ, same
 * entries up to rounding) in factored form, without forming any n×n matrix. With X the T×n demeaned returns
 * and S = X'X/T:
 *
 * <ul>
 *   <li>{@link LedoitWolfCovariance.Target#SCALED_IDENTITY}: Σ = δ·m·I + (1 − δ)·X'X/T, i.e. d = δm,
 *       B = X', ω<sub>t</sub> = (1 − δ)/T (rank ≤ T).</li>
 *   <li>{@link LedoitWolfCovariance.Target#CONSTANT_CORRELATION}: F = (1 − r̄)·diag(S) + r̄·s·s' with
 *       s<sub>i</sub> = √S<sub>ii</sub>, so Σ = δ(1 − r̄)·diag(S) + δr̄·s·s' + (1 − δ)·X'X/T
 *       (rank ≤ T + 1).</li>
 * </ul>
 *
 * The intensity's sums over n² entries are rewritten as sums over days, e.g.
 * Σ_ij (1/T)Σ_t (x_ti·x_tj − S_ij)² = (1/T)Σ_t ‖x_t‖⁴ − ‖S‖²_F, with ‖S‖²_F = ‖XX'‖²_F/T² from the T×T Gram
 * matrix when T &lt; n; the whole estimate costs
 * O(n·T²) time and O(n·T) memory. References: O. Ledoit and M. Wolf, "Honey, I shrunk the sample covariance
 * matrix", Journal of Portfolio Management 30(4), 2004; "A well-conditioned estimator for large-dimensional
 * covariance matrices", Journal of Multivariate Analysis 88(2), 2004.
 */
public final class FactoredLedoitWolfCovariance implements FactoredCovarianceEstimator {

    /** The factored estimate and the shrinkage intensity δ that produced it. */
    public record Shrunk(FactoredCovariance covariance, double intensity) {
    }

    private final LedoitWolfCovariance.Target target;

    public FactoredLedoitWolfCovariance() {
        this(LedoitWolfCovariance.Target.CONSTANT_CORRELATION);
    }

    public FactoredLedoitWolfCovariance(LedoitWolfCovariance.Target target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public LedoitWolfCovariance.Target target() {
        return target;
    }

    @Override
    public String name() {
        return new LedoitWolfCovariance(target).name();
    }

    @Override
    public FactoredCovariance estimateFactored(double[][] returnsByDay) {
        return estimateWithIntensity(returnsByDay).covariance();
    }

    /** The factored estimate together with the shrinkage intensity δ. */
    public Shrunk estimateWithIntensity(double[][] returnsByDay) {
        DemeanedReturns d = new DemeanedReturns(returnsByDay);
        int n = d.assets;
        int t = d.days;
        if (n == 1 || t < 2) {
            double[] weights = new double[t];
            java.util.Arrays.fill(weights, 1.0 / Math.max(1, t));
            return new Shrunk(assemble(d, new double[n], weights, null, 0.0), 0.0);
        }
        double[] sii = new double[n];
        double[] norm2 = new double[t]; // ‖x_t‖²
        double fourth = 0; // Σ_t ‖x_t‖⁴
        double diagFourth = 0; // Σ_t Σ_i x_ti⁴
        for (int day = 0; day < t; day++) {
            double[] row = d.x[day];
            double s = 0;
            for (int i = 0; i < n; i++) {
                double v = row[i] * row[i];
                sii[i] += v;
                s += v;
                diagFourth += v * v;
            }
            norm2[day] = s;
            fourth += s * s;
        }
        double trace = 0;
        double sumSii2 = 0;
        for (int i = 0; i < n; i++) {
            sii[i] /= t;
            trace += sii[i];
            sumSii2 += sii[i] * sii[i];
        }
        double frob2 = frobeniusSquared(d); // ‖S‖²_F
        double pi = fourth / t - frob2; // Σ_ij φ_ij
        double[] dayWeights = new double[t];
        if (target == LedoitWolfCovariance.Target.SCALED_IDENTITY) {
            double m = trace / n;
            double d2 = frob2 - n * m * m;
            double b2 = pi / t;
            double delta = d2 > 0 ? Math.min(b2, d2) / d2 : 1.0;
            double[] diagonal = new double[n];
            java.util.Arrays.fill(diagonal, delta * m);
            java.util.Arrays.fill(dayWeights, (1 - delta) / t);
            return new Shrunk(assemble(d, diagonal, dayWeights, null, 0.0), delta);
        }
        double[] sd = new double[n];
        int positive = 0;
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(sii[i]);
            if (sd[i] > 0) {
                positive++;
            }
        }
        double corrAll = 0; // Σ_{i,j: sd>0} S_ij/(sd_i sd_j)
        double sSs = 0; // sd'S sd
        double thirdCross = 0; // Σ_t Σ_{i≠j, sd>0} (x_ti³/sd_i)·sd_j·x_tj
        for (int day = 0; day < t; day++) {
            double[] row = d.x[day];
            double z = 0;
            double q = 0;
            double p = 0;
            double own = 0;
            for (int i = 0; i < n; i++) {
                if (sd[i] > 0) {
                    double x = row[i];
                    z += x / sd[i];
                    q += sd[i] * x;
                    p += x * x * x / sd[i];
                    own += x * x * x * x;
                }
            }
            corrAll += z * z;
            sSs += q * q;
            thirdCross += p * q - own;
        }
        corrAll /= t;
        sSs /= t;
        long pairs = (long) positive * (positive - 1);
        double rbar = pairs > 0 ? (corrAll - positive) / pairs : 0.0;
        double rhoDiag = diagFourth / t - sumSii2;
        double rhoOff = thirdCross / t - (sSs - sumSii2);
        double rho = rhoDiag + rbar * rhoOff;
        double gamma = (frob2 - sumSii2) - 2 * rbar * (sSs - sumSii2) + rbar * rbar * (trace * trace - sumSii2);
        double delta = gamma > 0 ? Math.max(0.0, Math.min(1.0, (pi - rho) / gamma / t)) : 1.0;
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = delta * (1 - rbar) * sii[i];
        }
        java.util.Arrays.fill(dayWeights, (1 - delta) / t);
        return new Shrunk(assemble(d, diagonal, dayWeights, sd, delta * rbar), delta);
    }

    /** ‖X'X/T‖²_F through the cheaper of the n×n cross products and the T×T Gram matrix. */
    private static double frobeniusSquared(DemeanedReturns d) {
        int n = d.assets;
        int t = d.days;
        double sum = 0;
        if (n <= t) {
            double[][] s = d.crossProducts(t);
            for (double[] row : s) {
                for (double v : row) {
                    sum += v * v;
                }
            }
            return sum;
        }
        for (int a = 0; a < t; a++) {
            double[] xa = d.x[a];
            for (int b = a; b < t; b++) {
                double[] xb = d.x[b];
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += xa[i] * xb[i];
                }
                sum += a == b ? g * g : 2 * g * g;
            }
        }
        return sum / ((double) t * t);
    }

    /**
     * Σ = diag(diagonal) + Σ_t dayWeights_t·x_t x_t' (+ extraWeight·extra·extra'), with the average variance on
     * the diagonal of unobserved assets. Zero-weight factors are left out.
     */
    static FactoredCovariance assemble(DemeanedReturns d, double[] diagonal, double[] dayWeights, double[] extra,
                                       double extraWeight) {
        int n = d.assets;
        boolean days = false;
        for (double w : dayWeights) {
            days |= w != 0.0;
        }
        boolean withExtra = extra != null && extraWeight != 0.0;
        int k = (days ? d.days : 0) + (withExtra ? 1 : 0);
        double[] weights = new double[k];
        if (days) {
            System.arraycopy(dayWeights, 0, weights, 0, d.days);
        }
        if (withExtra) {
            weights[k - 1] = extraWeight;
        }
        double[][] loadings = new double[n][k];
        for (int i = 0; i < n; i++) {
            double[] row = loadings[i];
            if (days) {
                for (int t = 0; t < d.days; t++) {
                    row[t] = d.x[t][i];
                }
            }
            if (withExtra) {
                row[k - 1] = extra[i];
            }
        }
        fillUnobserved(diagonal, loadings, weights, d.observed);
        return new FactoredCovariance(diagonal, loadings, weights);
    }

    /** Gives unobserved assets (zero loadings) the mean variance Σ_ii of the observed ones on the diagonal. */
    static void fillUnobserved(double[] diagonal, double[][] loadings, double[] weights, boolean[] observed) {
        double s = 0;
        int count = 0;
        for (int i = 0; i < diagonal.length; i++) {
            if (observed[i]) {
                double v = diagonal[i];
                double[] b = loadings[i];
                for (int l = 0; l < weights.length; l++) {
                    v += weights[l] * b[l] * b[l];
                }
                s += v;
                count++;
            }
        }
        double fill = count > 0 ? s / count : 0.0;
        for (int i = 0; i < diagonal.length; i++) {
            if (!observed[i]) {
                diagonal[i] = fill;
                java.util.Arrays.fill(loadings[i], 0.0);
            }
        }
    }
}
