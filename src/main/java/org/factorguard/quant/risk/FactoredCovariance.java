package org.factorguard.quant.risk;

import java.util.Objects;

/**
 * A covariance matrix as diagonal plus low rank,
 *
 * <pre>
 *   Σ = diag(d) + B·diag(ω)·B',   Σ_ij = d_i·[i = j] + Σ_l B_il·ω_l·B_jl
 * </pre>
 *
 * with B the n×k loadings ({@code [asset][factor]}) and ω the k factor weights (a weight may be negative, e.g.
 * the r̄·δ of a constant-correlation target with a negative average correlation, as long as Σ stays positive
 * semi-definite). The shrinkage and sample estimators of T demeaned daily returns x<sub>t</sub> are exactly of this
 * form with k ≤ T + 1 (see {@link FactoredLedoitWolfCovariance}), so Σw costs O(n·k) instead of O(n²) and Σ is
 * never formed for large n. A factor model (B = exposures, ω = factor variances, d = specific variances) is
 * the same shape with a diagonal factor covariance.
 *
 * @param diagonal d, length n
 * @param loadings B, {@code [asset][factor]}, n rows of length k (k may be 0)
 * @param weights  ω, length k
 */
public record FactoredCovariance(double[] diagonal, double[][] loadings, double[] weights)
        implements CovarianceMatrix {

    public FactoredCovariance {
        Objects.requireNonNull(diagonal, "diagonal");
        Objects.requireNonNull(loadings, "loadings");
        Objects.requireNonNull(weights, "weights");
        if (loadings.length != diagonal.length) {
            throw new IllegalArgumentException("one row of loadings per asset is required");
        }
        for (double[] row : loadings) {
            if (row.length != weights.length) {
                throw new IllegalArgumentException("every row of loadings needs one entry per factor weight");
            }
        }
    }

    @Override
    public int size() {
        return diagonal.length;
    }

    /** Number of factors k. */
    public int rank() {
        return weights.length;
    }

    @Override
    public double get(int i, int j) {
        double[] bi = loadings[i];
        double[] bj = loadings[j];
        double s = i == j ? diagonal[i] : 0.0;
        for (int l = 0; l < weights.length; l++) {
            s += bi[l] * weights[l] * bj[l];
        }
        return s;
    }

    /** The factor exposures of w weighted by ω: f = diag(ω)·B'w (length k). */
    public double[] weightedFactorExposure(double[] w) {
        int k = weights.length;
        double[] f = new double[k];
        for (int i = 0; i < diagonal.length; i++) {
            double wi = w[i];
            if (wi == 0.0) {
                continue;
            }
            double[] bi = loadings[i];
            for (int l = 0; l < k; l++) {
                f[l] += bi[l] * wi;
            }
        }
        for (int l = 0; l < k; l++) {
            f[l] *= weights[l];
        }
        return f;
    }

    @Override
    public void multiply(double[] w, double[] out) {
        double[] f = weightedFactorExposure(w);
        for (int i = 0; i < diagonal.length; i++) {
            double[] bi = loadings[i];
            double s = diagonal[i] * w[i];
            for (int l = 0; l < f.length; l++) {
                s += bi[l] * f[l];
            }
            out[i] = s;
        }
    }

    @Override
    public double quadraticForm(double[] w) {
        int k = weights.length;
        double[] e = new double[k];
        double v = 0;
        for (int i = 0; i < diagonal.length; i++) {
            double wi = w[i];
            if (wi == 0.0) {
                continue;
            }
            v += diagonal[i] * wi * wi;
            double[] bi = loadings[i];
            for (int l = 0; l < k; l++) {
                e[l] += bi[l] * wi;
            }
        }
        for (int l = 0; l < k; l++) {
            v += weights[l] * e[l] * e[l];
        }
        return Math.max(0.0, v);
    }

    @Override
    public double[][] toArray() {
        int n = diagonal.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = get(i, j);
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }
}
