package org.factorguard.quant.risk;

/**
 * Window returns with missing values imputed by the asset mean and the mean removed, the common first
 * step of the covariance estimators (package-private).
 */
final class DemeanedReturns {

    final double[][] x;       // [day][asset], demeaned, no NaN
    final boolean[] observed; // asset has at least one finite return
    final int days;
    final int assets;

    DemeanedReturns(double[][] returnsByDay) {
        if (returnsByDay.length == 0) {
            throw new IllegalArgumentException("the return window is empty");
        }
        days = returnsByDay.length;
        assets = returnsByDay[0].length;
        x = new double[days][assets];
        observed = new boolean[assets];
        for (int j = 0; j < assets; j++) {
            double s = 0;
            int k = 0;
            for (double[] row : returnsByDay) {
                if (row.length != assets) {
                    throw new IllegalArgumentException("ragged return window");
                }
                if (Double.isFinite(row[j])) {
                    s += row[j];
                    k++;
                }
            }
            observed[j] = k > 0;
            double m = k > 0 ? s / k : 0.0;
            for (int t = 0; t < days; t++) {
                double v = returnsByDay[t][j];
                x[t][j] = Double.isFinite(v) ? v - m : 0.0;
            }
        }
    }

    /** Cross products Σ_t x_ti x_tj / divisor. */
    double[][] crossProducts(double divisor) {
        double[][] s = new double[assets][assets];
        for (double[] row : x) {
            for (int i = 0; i < assets; i++) {
                double xi = row[i];
                if (xi == 0.0) {
                    continue;
                }
                double[] si = s[i];
                for (int j = i; j < assets; j++) {
                    si[j] += xi * row[j];
                }
            }
        }
        for (int i = 0; i < assets; i++) {
            for (int j = i; j < assets; j++) {
                s[i][j] /= divisor;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    /** Gives unobserved assets the mean variance of the observed ones (covariances stay 0). */
    void fillUnobserved(double[][] cov) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < assets; i++) {
            if (observed[i]) {
                s += cov[i][i];
                k++;
            }
        }
        double fill = k > 0 ? s / k : 0.0;
        for (int i = 0; i < assets; i++) {
            if (!observed[i]) {
                cov[i][i] = fill;
            }
        }
    }
}
