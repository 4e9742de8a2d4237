package org.factorguard.quant.risk;

/** A covariance matrix held as a dense {@code [asset][asset]} array (not copied). */
public record DenseCovarianceMatrix(double[][] values) implements CovarianceMatrix {

    public DenseCovarianceMatrix {
        for (double[] row : values) {
            if (row.length != values.length) {
                throw new IllegalArgumentException("covariance must be square");
            }
        }
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public double get(int i, int j) {
        return values[i][j];
    }

    @Override
    public void multiply(double[] w, double[] out) {
        int n = values.length;
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            double wj = w[j];
            if (wj == 0.0) {
                continue;
            }
            double[] row = values[j]; // symmetric: column j = row j
            for (int i = 0; i < n; i++) {
                out[i] += row[i] * wj;
            }
        }
    }

    @Override
    public double[][] toArray() {
        return values;
    }
}
