package org.factorguard.quant.allocation.qp;

import org.factorguard.quant.risk.CovarianceMatrix;
import org.factorguard.quant.risk.DenseCovarianceMatrix;
import org.factorguard.quant.risk.FactoredCovariance;

/**
 * The covariance operations of the active-set solver: Σ's columns restricted to the free set and the product
 * Σw kept up to date as w moves along a step on the free set. Dense: Σw is held in full (a step costs
 * O(n·f)). Factored (Σ = D + B·diag(ω)·B'): only e = B'w is held (a step costs O(f·k)) and (Σw)<sub>i</sub> =
 * d<sub>i</sub>w<sub>i</sub> + B<sub>i</sub>·(ω∘e) costs O(k) when asked.
 */
abstract class CovarianceKernel {

    static CovarianceKernel of(CovarianceMatrix covariance) {
        if (covariance instanceof FactoredCovariance f) {
            return new Factored(f);
        }
        return new Dense(((DenseCovarianceMatrix) covariance).values());
    }

    abstract double diagonal(int j);

    /** a·b over the first count entries, with four partial sums (the JIT does not vectorise a plain reduction). */
    static double dot(double[] a, double[] b, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int l = 0;
        for (; l + 3 < count; l += 4) {
            s0 += a[l] * b[l];
            s1 += a[l + 1] * b[l + 1];
            s2 += a[l + 2] * b[l + 2];
            s3 += a[l + 3] * b[l + 3];
        }
        for (; l < count; l++) {
            s0 += a[l] * b[l];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** out[t] = Σ[idx[t]][j] for t &lt; count. */
    abstract void column(int j, int[] idx, int count, double[] out);

    /** Starts tracking Σw for these weights. */
    abstract void reset(double[] w);

    /** w changed by alpha·p[t] at idx[t], t &lt; count. */
    abstract void step(int[] idx, int count, double[] p, double alpha);

    /** (Σw)_i, given w_i. */
    abstract double product(int i, double wi);

    private static final class Dense extends CovarianceKernel {
        private final double[][] s;
        private final double[] product;

        Dense(double[][] s) {
            this.s = s;
            this.product = new double[s.length];
        }

        @Override
        double diagonal(int j) {
            return s[j][j];
        }

        @Override
        void column(int j, int[] idx, int count, double[] out) {
            double[] row = s[j]; // symmetric
            for (int t = 0; t < count; t++) {
                out[t] = row[idx[t]];
            }
        }

        @Override
        void reset(double[] w) {
            java.util.Arrays.fill(product, 0.0);
            for (int j = 0; j < w.length; j++) {
                if (w[j] != 0.0) {
                    axpy(w[j], s[j]);
                }
            }
        }

        @Override
        void step(int[] idx, int count, double[] p, double alpha) {
            for (int t = 0; t < count; t++) {
                double a = alpha * p[t];
                if (a != 0.0) {
                    axpy(a, s[idx[t]]);
                }
            }
        }

        private void axpy(double a, double[] row) {
            for (int i = 0; i < product.length; i++) {
                product[i] += a * row[i];
            }
        }

        @Override
        double product(int i, double wi) {
            return product[i];
        }
    }

    private static final class Factored extends CovarianceKernel {
        private final double[] d;
        private final double[][] b;
        private final double[] omega;
        private final double[] exposure;  // e = B'w
        private final double[] weighted;  // ω∘e
        private final double[] scratch;
        private boolean stale = true;

        Factored(FactoredCovariance f) {
            d = f.diagonal();
            b = f.loadings();
            omega = f.weights();
            exposure = new double[omega.length];
            weighted = new double[omega.length];
            scratch = new double[omega.length];
        }

        @Override
        double diagonal(int j) {
            double[] bj = b[j];
            double v = d[j];
            for (int l = 0; l < omega.length; l++) {
                v += bj[l] * omega[l] * bj[l];
            }
            return v;
        }

        @Override
        void column(int j, int[] idx, int count, double[] out) {
            double[] bj = b[j];
            int k = omega.length;
            for (int l = 0; l < k; l++) {
                scratch[l] = omega[l] * bj[l];
            }
            for (int t = 0; t < count; t++) {
                int i = idx[t];
                out[t] = (i == j ? d[j] : 0.0) + dot(b[i], scratch, k);
            }
        }

        @Override
        void reset(double[] w) {
            java.util.Arrays.fill(exposure, 0.0);
            for (int i = 0; i < w.length; i++) {
                if (w[i] != 0.0) {
                    axpy(w[i], b[i]);
                }
            }
            stale = true;
        }

        @Override
        void step(int[] idx, int count, double[] p, double alpha) {
            for (int t = 0; t < count; t++) {
                double a = alpha * p[t];
                if (a != 0.0) {
                    axpy(a, b[idx[t]]);
                }
            }
            stale = true;
        }

        private void axpy(double a, double[] row) {
            for (int l = 0; l < exposure.length; l++) {
                exposure[l] += a * row[l];
            }
        }

        @Override
        double product(int i, double wi) {
            if (stale) {
                for (int l = 0; l < omega.length; l++) {
                    weighted[l] = omega[l] * exposure[l];
                }
                stale = false;
            }
            return d[i] * wi + dot(b[i], weighted, weighted.length);
        }
    }
}
