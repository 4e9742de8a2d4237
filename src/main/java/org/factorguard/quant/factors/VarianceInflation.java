package org.factorguard.quant.factors;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Variance inflation factors: for each column j, regress x_j on all other columns with an intercept by
 * ordinary least squares (Hipparchus {@link OLSMultipleLinearRegression}) and report
 * VIF_j = 1 / (1 − R²_j). 1 means x_j is uncorrelated with the others; above 5–10 is the usual warning
 * sign of multicollinearity; an exactly collinear column gives +∞.
 * Reference: Kutner, Nachtsheim, Neter &amp; Li, <i>Applied Linear Statistical Models</i> (2005), §10.5.
 */
public final class VarianceInflation {

    private VarianceInflation() {
    }

    /** VIF of every column of {@code rows} ({@code [observation][variable]}, complete cases only). */
    public static double[] of(double[][] rows) {
        int k = rows.length == 0 ? 0 : rows[0].length;
        int[] all = new int[k];
        for (int j = 0; j < k; j++) {
            all[j] = j;
        }
        return of(rows, all);
    }

    /**
     * VIF of each of the given columns, computed among those columns only. NaN when there are too few
     * rows (fewer than columns + 2); 1 for a single column.
     */
    public static double[] of(double[][] rows, int[] columns) {
        int k = columns.length;
        double[] vif = new double[k];
        if (k == 1) {
            vif[0] = 1.0;
            return vif;
        }
        if (rows.length < k + 2) {
            java.util.Arrays.fill(vif, Double.NaN);
            return vif;
        }
        double[] target = new double[rows.length];
        double[][] others = new double[rows.length][k - 1];
        for (int j = 0; j < k; j++) {
            for (int r = 0; r < rows.length; r++) {
                double[] row = rows[r];
                target[r] = row[columns[j]];
                int c = 0;
                for (int o = 0; o < k; o++) {
                    if (o != j) {
                        others[r][c++] = row[columns[o]];
                    }
                }
            }
            vif[j] = inflation(target, others);
        }
        return vif;
    }

    private static double inflation(double[] target, double[][] others) {
        try {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(target, others);
            double rSquared = ols.calculateRSquared();
            if (Double.isNaN(rSquared)) {
                return Double.NaN;
            }
            return rSquared >= 1.0 ? Double.POSITIVE_INFINITY : 1.0 / (1.0 - rSquared);
        } catch (MathIllegalArgumentException singular) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
