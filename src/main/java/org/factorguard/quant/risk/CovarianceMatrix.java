package org.factorguard.quant.risk;

/**
 * A symmetric positive semi-definite covariance matrix Σ, held either densely ({@link DenseCovarianceMatrix})
 * or as diagonal plus low rank ({@link FactoredCovariance}, Σ = D + B·Ω·B'), so that products Σw cost
 * O(n²) or O(n·k) without the caller knowing which.
 */
public sealed interface CovarianceMatrix permits DenseCovarianceMatrix, FactoredCovariance {

    /** A dense matrix (not copied). */
    static CovarianceMatrix dense(double[][] values) {
        return new DenseCovarianceMatrix(values);
    }

    /** Number of assets n. */
    int size();

    /** Σ<sub>ij</sub>. */
    double get(int i, int j);

    /** out = Σ·w. */
    void multiply(double[] w, double[] out);

    /** w'Σw (clamped at 0 against rounding). */
    default double quadraticForm(double[] w) {
        double[] sw = new double[size()];
        multiply(w, sw);
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            v += w[i] * sw[i];
        }
        return Math.max(0.0, v);
    }

    /** The dense n×n array (a new array for a factored matrix). */
    double[][] toArray();
}
