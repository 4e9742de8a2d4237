package org.factorguard.quant.models.linear;

import org.factorguard.quant.risk.NeweyWest;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * What a fit of the linear model keeps so that its coefficients can be tested honestly. Pooled OLS t-values
 * treat every stock-day as independent, but stocks on one date share the market's move (cross-sectional
 * correlation) and an h-day label overlaps the labels of the next h − 1 dates (serial correlation), so they
 * overstate significance many times over. Two standard remedies, both with L = h − 1 Newey–West lags:
 *
 * <ul>
 *   <li><b>Fama–MacBeth</b> (E. F. Fama and J. D. MacBeth, "Risk, return, and equilibrium: empirical tests",
 *       Journal of Political Economy 81(3), 1973): on each date t, OLS of the labels on the factors across
 *       instruments (with an intercept; ridge with penalty m<sub>t</sub>λ when the model is ridge) gives
 *       b<sub>t</sub>; the estimate is b̄ = mean<sub>t</sub> b<sub>t</sub> and its standard error the Newey–West
 *       one of that mean with h − 1 lags ({@link NeweyWest#meanTest}). The per-date coefficients of h-day labels
 *       overlap exactly like the labels, hence the lags; this is the usual choice for overlapping horizons
 *       (J. H. Cochrane, <i>Asset Pricing</i>, rev. ed. 2005, §12.3; K. Petersen, "Estimating standard errors in
 *       finance panel data sets", Review of Financial Studies 22(1), 2009).</li>
 *   <li><b>Driscoll–Kraay</b> (J. C. Driscoll and A. C. Kraay, "Consistent covariance matrix estimation with
 *       spatially dependent panel data", Review of Economics and Statistics 80(4), 1998) for the pooled OLS
 *       coefficients b̂ the model actually uses: with X̃ = [1, X], residuals e and per-date score sums
 *       s<sub>t</sub> = Σ<sub>i∈t</sub>x̃<sub>i</sub>e<sub>i</sub>,
 *       Cov(b̂) = c·(X̃'X̃)<sup>−1</sup>Ŝ(X̃'X̃)<sup>−1</sup>
 *       with Ŝ = Σ<sub>t</sub>s<sub>t</sub>s<sub>t</sub>' + Σ<sub>l=1</sub><sup>L</sup>(1 − l/(L + 1))
 *       Σ<sub>t</sub>(s<sub>t</sub>s<sub>t−l</sub>' + s<sub>t−l</sub>s<sub>t</sub>') and c = G/(G − 1)·(N − 1)/(N − K)
 *       (G dates, N stock-days, K coefficients). With L = 0 these are date-clustered standard errors. Equal to
 *       statsmodels' {@code OLS(y, X).fit(cov_type='hac-groupsum', cov_kwds={'time': date, 'maxlags': L})} and,
 *       for L = 0, {@code cov_type='cluster', cov_kwds={'groups': date}}. Only for OLS fits.</li>
 * </ul>
 * p-values use Student's t with (dates − 1) degrees of freedom. Fama–MacBeth coefficients differ from the pooled
 * ones (each date weighs the same, whatever its number of instruments); Driscoll–Kraay tests the pooled ones.
 *
 * @param dailyCoefficients [date][1 + p] per-date cross-sectional coefficients (α, β…); NaN for a date with too
 *                          few complete instruments or a singular design
 * @param dateScores        [date][1 + p] per-date score sums of the pooled OLS fit; null for ridge fits
 * @param bread             (X̃'X̃)<sup>−1</sup> of the pooled OLS fit; null for ridge fits
 * @param pooled            the pooled coefficients (α, β…)
 * @param observations      N, pooled stock-days
 */
public record PanelInference(double[][] dailyCoefficients, double[][] dateScores, double[][] bread, double[] pooled,
                             long observations) {

    /** Fama–MacBeth estimates with Newey–West (h − 1 lags) standard errors. */
    public CoefficientInference famaMacBeth(int horizon) {
        int lags = NeweyWest.lagsForHorizon(horizon);
        int k = pooled.length;
        double[] est = new double[k];
        double[] se = new double[k];
        double[] t = new double[k];
        double[] p = new double[k];
        int dates = 0;
        for (int j = 0; j < k; j++) {
            double[] series = new double[dailyCoefficients.length];
            for (int d = 0; d < series.length; d++) {
                series[d] = dailyCoefficients[d][j];
            }
            NeweyWest.MeanTest test = NeweyWest.meanTest(series, lags);
            est[j] = test.mean();
            se[j] = test.standardError();
            t[j] = test.tStatistic();
            p[j] = test.pValue();
            dates = test.observations();
        }
        return new CoefficientInference(CoefficientInference.Method.FAMA_MACBETH, est, se, t, p, lags, dates);
    }

    /** Driscoll–Kraay standard errors of the pooled OLS coefficients with h − 1 lags. */
    public CoefficientInference driscollKraay(int horizon) {
        return driscollKraayWithLags(NeweyWest.lagsForHorizon(horizon));
    }

    /** Date-clustered standard errors of the pooled OLS coefficients (Driscoll–Kraay with 0 lags). */
    public CoefficientInference dateClustered() {
        return driscollKraayWithLags(0);
    }

    private CoefficientInference driscollKraayWithLags(int lags) {
        if (dateScores == null || bread == null) {
            throw new IllegalStateException("Driscoll–Kraay standard errors are defined for OLS fits only");
        }
        int k = pooled.length;
        int g = dateScores.length;
        double[][] meat = new double[k][k];
        for (int l = 0; l <= lags && l < g; l++) {
            double w = 1.0 - l / (lags + 1.0);
            for (int d = l; d < g; d++) {
                double[] a = dateScores[d];
                double[] b = dateScores[d - l];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double v = a[i] * b[j];
                        meat[i][j] += l == 0 ? v : w * (v + b[i] * a[j]);
                    }
                }
            }
        }
        RealMatrix bm = new Array2DRowRealMatrix(bread, false);
        RealMatrix cov = bm.multiply(new Array2DRowRealMatrix(meat, false)).multiply(bm.transpose());
        double correction = g / (g - 1.0) * (observations - 1.0) / (observations - k);
        TDistribution student = new TDistribution(Math.max(1, g - 1));
        double[] se = new double[k];
        double[] t = new double[k];
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            se[j] = Math.sqrt(Math.max(0.0, cov.getEntry(j, j) * correction));
            t[j] = se[j] > 0 ? pooled[j] / se[j] : Double.NaN;
            p[j] = Double.isNaN(t[j]) ? Double.NaN : 2 * student.cumulativeProbability(-Math.abs(t[j]));
        }
        return new CoefficientInference(CoefficientInference.Method.DRISCOLL_KRAAY, pooled, se, t, p, lags, g);
    }

    /**
     * Builds the inference data from the pooled design.
     *
     * @param x       [row][factor] regressors (without the intercept column), rows grouped by date in date order
     * @param y       labels
     * @param date    date index of each row, non-decreasing
     * @param pooled  the pooled coefficients (α, β…) fitted on these rows
     * @param lambda  the ridge penalty of the fit (0 = OLS; ridge fits get no Driscoll–Kraay data)
     */
    static PanelInference of(double[][] x, double[] y, int[] date, double[] pooled, double lambda) {
        int n = y.length;
        int p = pooled.length - 1;
        int[] group = new int[n];
        int dates = 0;
        for (int r = 0; r < n; r++) {
            if (r > 0 && date[r] < date[r - 1]) {
                throw new IllegalArgumentException("rows must be in date order");
            }
            if (r == 0 || date[r] != date[r - 1]) {
                dates++;
            }
            group[r] = dates - 1;
        }
        double[][] daily = new double[dates][];
        int start = 0;
        for (int r = 1; r <= n; r++) {
            if (r == n || group[r] != group[r - 1]) {
                daily[group[r - 1]] = crossSection(x, y, start, r, lambda);
                start = r;
            }
        }
        if (lambda != 0) {
            return new PanelInference(daily, null, null, pooled.clone(), n);
        }
        double[][] scores = new double[dates][p + 1];
        for (int r = 0; r < n; r++) {
            double e = y[r] - pooled[0];
            for (int j = 0; j < p; j++) {
                e -= pooled[j + 1] * x[r][j];
            }
            double[] s = scores[group[r]];
            s[0] += e;
            for (int j = 0; j < p; j++) {
                s[j + 1] += x[r][j] * e;
            }
        }
        return new PanelInference(daily, scores, inverseGram(x, p), pooled.clone(), n);
    }

    /** (α, β) of the rows [from, to): OLS, or ridge with penalty mλ on centred data; NaN when not identified. */
    static double[] crossSection(double[][] x, double[] y, int from, int to, double lambda) {
        int m = to - from;
        int p = x.length == 0 ? 0 : x[from].length;
        double[] out = new double[p + 1];
        if (m <= p + 1) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] xMean = new double[p];
        double yMean = 0;
        for (int r = from; r < to; r++) {
            yMean += y[r];
            for (int k = 0; k < p; k++) {
                xMean[k] += x[r][k];
            }
        }
        yMean /= m;
        for (int k = 0; k < p; k++) {
            xMean[k] /= m;
        }
        double[][] sxx = new double[p][p];
        double[] sxy = new double[p];
        for (int r = from; r < to; r++) {
            double yc = y[r] - yMean;
            for (int k = 0; k < p; k++) {
                double xk = x[r][k] - xMean[k];
                sxy[k] += xk * yc;
                for (int j = 0; j <= k; j++) {
                    sxx[k][j] += xk * (x[r][j] - xMean[j]);
                }
            }
        }
        for (int k = 0; k < p; k++) {
            sxx[k][k] += m * lambda;
            for (int j = k + 1; j < p; j++) {
                sxx[k][j] = sxx[j][k];
            }
        }
        double[] beta;
        try {
            beta = new CholeskyDecomposition(new Array2DRowRealMatrix(sxx, false), 1e-12, 1e-12).getSolver()
                    .solve(MatrixUtils.createRealVector(sxy)).toArray();
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double alpha = yMean;
        for (int k = 0; k < p; k++) {
            alpha -= xMean[k] * beta[k];
            out[k + 1] = beta[k];
        }
        out[0] = alpha;
        return out;
    }

    /** (X̃'X̃)<sup>−1</sup> with X̃ = [1, X]. */
    private static double[][] inverseGram(double[][] x, int p) {
        double[][] gram = new double[p + 1][p + 1];
        double[] row = new double[p + 1];
        row[0] = 1.0;
        for (double[] xr : x) {
            System.arraycopy(xr, 0, row, 1, p);
            for (int i = 0; i <= p; i++) {
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i <= p; i++) {
            for (int j = i + 1; j <= p; j++) {
                gram[i][j] = gram[j][i];
            }
        }
        return new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false), 1e-14, 1e-14).getSolver()
                .getInverse().getData();
    }
}
