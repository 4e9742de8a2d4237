package org.factorguard.quant.models.linear;

import java.util.Arrays;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.FittedReturnModel;
import org.factorguard.quant.models.Forecast;
import org.factorguard.quant.models.ModelFit;
import org.factorguard.quant.models.ReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * The linear multi-factor benchmark (Li, Gu et al., 2025, eq. 1): {@code R_{i,t+h} = α + Σ_k β_k F_{k,i,t} + ε},
 * pooled across instruments and days of the training slice. A stock-day enters when its label and all its
 * factor values are finite.
 *
 * <p><b>OLS</b> (λ = 0): Hipparchus {@link OLSMultipleLinearRegression} (QR decomposition) with standard
 * errors {@code SE(b) = sqrt(diag(σ̂² (XᵀX)⁻¹))}, {@code σ̂² = RSS/(n − p − 1)}, t-values {@code b/SE(b)} and
 * {@code R²}.
 *
 * <p><b>Ridge</b> (λ &gt; 0), closed form on centred data (the intercept is not penalised):
 * <pre>
 *   minimise (1/n) Σ (y − α − xβ)² + λ ‖β‖²
 *   β̂ = (X_cᵀX_c + nλI)⁻¹ X_cᵀ y_c,   α̂ = ȳ − x̄ᵀβ̂
 *   Cov(β̂) = σ̂² A⁻¹ X_cᵀX_c A⁻¹ with A = X_cᵀX_c + nλI,   Var(α̂) = σ̂²/n + x̄ᵀ Cov(β̂) x̄
 * </pre>
 * (Hoerl &amp; Kennard, Technometrics 12(1), 1970). Solved with a Cholesky decomposition; penalising per
 * observation keeps λ comparable across window lengths, and on z-scored factors λ is unit-free.
 *
 * <p><b>Inference.</b> The pooled standard errors above assume independent stock-days, which overlapping h-day
 * labels and co-moving instruments violate. Each fit also keeps per-date cross-sectional regressions and score
 * sums ({@link PanelInference}), so {@link LinearFit#famaMacBeth(int)} gives Fama–MacBeth coefficients with
 * Newey–West (h − 1 lags) standard errors and {@link LinearFit#driscollKraay(int)} Driscoll–Kraay errors for the
 * pooled OLS coefficients.
 */
public final class LinearFactorModel implements ReturnModel {

    private final LinearModelSettings settings;

    public LinearFactorModel(LinearModelSettings settings) {
        this.settings = settings;
    }

    public LinearModelSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return settings.ridgeLambda() > 0 ? "Linear (ridge λ=" + settings.ridgeLambda() + ")" : "Linear";
    }

    @Override
    public FittedLinearModel fit(FactorPanel panel, double[][] labels, WalkForwardSplit split,
            TrainingListener listener,
                                 CancellationToken cancel) {
        if (labels.length != panel.dayCount()) {
            throw new IllegalArgumentException("labels have " + labels.length + " days, the panel " + panel.dayCount());
        }
        cancel.throwIfCancelled();
        FeatureScaler scaler = FeatureScaler.fit(panel, split.trainStart(), split.trainEnd(), settings.scaling());
        int p = panel.factorCount();
        int maxRows = split.trainingDays() * panel.instrumentCount();
        double[][] x = new double[maxRows][];
        double[] y = new double[maxRows];
        int[] date = new int[maxRows];
        int n = 0;
        for (int t = split.trainStart(); t < split.trainEnd(); t++) {
            for (int i = 0; i < panel.instrumentCount(); i++) {
                double label = labels[t][i];
                if (!Double.isFinite(label)) {
                    continue;
                }
                double[] row = new double[p];
                boolean complete = true;
                for (int k = 0; k < p && complete; k++) {
                    float v = panel.value(k, t, i);
                    complete = Float.isFinite(v);
                    row[k] = scaler.apply(k, v);
                }
                if (complete) {
                    x[n] = row;
                    y[n] = label;
                    date[n] = t;
                    n++;
                }
            }
        }
        if (n <= p + 1) {
            throw new IllegalArgumentException("the training slice " + split + " has " + n
                    + " complete stock-days, fewer than the " + (p + 2) + " needed to fit " + p + " factors");
        }
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        date = Arrays.copyOf(date, n);
        cancel.throwIfCancelled();
        LinearFit pooled = settings.ridgeLambda() == 0
                ? ordinaryLeastSquares(panel, x, y)
                : ridge(panel, x, y, settings.ridgeLambda());
        double[] coefficients = new double[p + 1];
        coefficients[0] = pooled.alpha();
        System.arraycopy(pooled.beta(), 0, coefficients, 1, p);
        PanelInference inference = PanelInference.of(x, y, date, coefficients, settings.ridgeLambda());
        LinearFit fit = new LinearFit(pooled.factorNames(), pooled.alpha(), pooled.beta(), pooled.alphaStandardError(),
                pooled.betaStandardErrors(), pooled.rSquared(), pooled.adjustedRSquared(), pooled.residualVariance(),
                pooled.observations(), pooled.ridgeLambda(), inference);
        return new FittedLinearModel(fit, scaler);
    }

    private static LinearFit ordinaryLeastSquares(FactorPanel panel, double[][] x, double[] y) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] b = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        return new LinearFit(panel.factorNames(), b[0], Arrays.copyOfRange(b, 1, b.length), se[0],
                Arrays.copyOfRange(se, 1, se.length), ols.calculateRSquared(), ols.calculateAdjustedRSquared(),
                ols.estimateErrorVariance(), y.length, 0);
    }

    private static LinearFit ridge(FactorPanel panel, double[][] x, double[] y, double lambda) {
        int n = y.length;
        int p = x[0].length;
        double[] xMean = new double[p];
        double yMean = 0;
        for (int r = 0; r < n; r++) {
            yMean += y[r];
            for (int k = 0; k < p; k++) {
                xMean[k] += x[r][k];
            }
        }
        yMean /= n;
        for (int k = 0; k < p; k++) {
            xMean[k] /= n;
        }
        double[][] sxx = new double[p][p];
        double[] sxy = new double[p];
        double syy = 0;
        double[] xc = new double[p];
        for (int r = 0; r < n; r++) {
            double yc = y[r] - yMean;
            syy += yc * yc;
            for (int k = 0; k < p; k++) {
                xc[k] = x[r][k] - xMean[k];
            }
            for (int k = 0; k < p; k++) {
                sxy[k] += xc[k] * yc;
                for (int j = 0; j <= k; j++) {
                    sxx[k][j] += xc[k] * xc[j];
                }
            }
        }
        for (int k = 0; k < p; k++) {
            for (int j = k + 1; j < p; j++) {
                sxx[k][j] = sxx[j][k];
            }
        }
        RealMatrix gram = new Array2DRowRealMatrix(sxx, false);
        RealMatrix a = gram.add(org.hipparchus.linear.MatrixUtils.createRealIdentityMatrix(p).scalarMultiply(
                n * lambda));
        RealMatrix aInverse = new CholeskyDecomposition(a).getSolver().getInverse();
        RealVector beta = aInverse.operate(new ArrayRealVector(sxy, false));
        double alpha = yMean - beta.dotProduct(new ArrayRealVector(xMean, false));
        double rss = syy - 2 * beta.dotProduct(new ArrayRealVector(sxy, false)) + gram.operate(beta).dotProduct(beta);
        rss = Math.max(rss, 0);
        double sigma2 = rss / (n - p - 1);
        RealMatrix cov = aInverse.multiply(gram).multiply(aInverse).scalarMultiply(sigma2);
        double[] se = new double[p];
        for (int k = 0; k < p; k++) {
            se[k] = Math.sqrt(cov.getEntry(k, k));
        }
        RealVector mean = new ArrayRealVector(xMean, false);
        double alphaSe = Math.sqrt(sigma2 / n + cov.operate(mean).dotProduct(mean));
        double r2 = syy > 0 ? 1 - rss / syy : Double.NaN;
        double adjusted = 1 - (1 - r2) * (n - 1) / (n - p - 1);
        return new LinearFit(panel.factorNames(), alpha, beta.toArray(), alphaSe, se, r2, adjusted, sigma2, n, lambda);
    }

    /** A fitted linear model: coefficients plus the training slice's feature scaler. */
    public static final class FittedLinearModel implements FittedReturnModel {

        private final LinearFit fit;
        private final FeatureScaler scaler;

        public FittedLinearModel(LinearFit fit, FeatureScaler scaler) {
            this.fit = fit;
            this.scaler = scaler;
        }

        @Override
        public LinearFit fit() {
            return fit;
        }

        public FeatureScaler scaler() {
            return scaler;
        }

        /**
         * {@code ŷ_{i,t} = α + Σ_k β_k s_k(F_{k,i,t})}: uses day {@code t} only; a missing factor value takes
         * its training mean; NaN when every factor is missing.
         */
        @Override
        public Forecast forecast(FactorPanel panel, int fromDay, int toDay) {
            scaler.requireCompatible(panel);
            if (fromDay < 0 || toDay > panel.dayCount() || toDay < fromDay) {
                throw new IllegalArgumentException("days [" + fromDay + ", " + toDay + ") outside the panel");
            }
            int p = panel.factorCount();
            float[][] out = new float[toDay - fromDay][panel.instrumentCount()];
            for (int t = fromDay; t < toDay; t++) {
                for (int i = 0; i < panel.instrumentCount(); i++) {
                    double yhat = fit.alpha();
                    boolean any = false;
                    for (int k = 0; k < p; k++) {
                        float v = panel.value(k, t, i);
                        any |= Float.isFinite(v);
                        yhat += fit.beta()[k] * scaler.apply(k, v);
                    }
                    out[t - fromDay][i] = any ? (float) yhat : Float.NaN;
                }
            }
            return new Forecast(fromDay, out, null);
        }
    }
}
