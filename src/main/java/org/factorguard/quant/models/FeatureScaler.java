package org.factorguard.quant.models;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.factorguard.quant.factors.FactorPanel;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Per-factor time-series preparation estimated on a training slice only and then applied to every day
 * (training, validation, test), so no statistic of a later day reaches a model:
 * <pre>
 *   clip_k(x) = min(max(x, lo_k), hi_k)        lo_k = Q_k(q), hi_k = Q_k(1 − q)   (R-7 quantiles)
 *   s_k(x)    = (clip_k(x) − μ_k) / σ_k        μ_k, σ_k: mean and sd of the clipped training values
 * </pre>
 * computed over all finite values {@code F[k][t][i]} with {@code t} in the training days. A missing value
 * is imputed with the training mean ({@code 0} after standardisation). Without standardisation
 * {@code μ_k = 0, σ_k = 1} in the formula, but the mean is kept for imputation. The scaler is saved with
 * the model it belongs to. Quantiles via Hipparchus {@link Percentile} ({@link EstimationType#R_7}).
 */
public final class FeatureScaler {

    private final double[] lower;
    private final double[] upper;
    private final double[] mean;
    private final double[] scale;
    private final double[] fill;

    private FeatureScaler(double[] lower, double[] upper, double[] mean, double[] scale, double[] fill) {
        this.lower = lower;
        this.upper = upper;
        this.mean = mean;
        this.scale = scale;
        this.fill = fill;
    }

    /**
     * Estimates the statistics from days {@code [fromDay, toDay)} of the panel.
     *
     * @throws IllegalArgumentException when a factor has no finite value in that slice
     */
    public static FeatureScaler fit(FactorPanel panel, int fromDay, int toDay, FeatureScaling scaling) {
        if (fromDay < 0 || toDay > panel.dayCount() || toDay <= fromDay) {
            throw new IllegalArgumentException("training slice [" + fromDay + ", " + toDay + ") outside the panel");
        }
        int factors = panel.factorCount();
        double[] lower = new double[factors];
        double[] upper = new double[factors];
        double[] mean = new double[factors];
        double[] scale = new double[factors];
        double[] fill = new double[factors];
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        for (int k = 0; k < factors; k++) {
            float[][] values = panel.values(k);
            double[] finite = new double[(toDay - fromDay) * panel.instrumentCount()];
            int n = 0;
            for (int t = fromDay; t < toDay; t++) {
                for (float v : values[t]) {
                    if (Float.isFinite(v)) {
                        finite[n++] = v;
                    }
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException("factor " + panel.factorNames().get(k)
                        + " has no value in the training slice [" + fromDay + ", " + toDay + ")");
            }
            finite = Arrays.copyOf(finite, n);
            if (scaling.clipQuantile() > 0) {
                percentile.setData(finite);
                lower[k] = percentile.evaluate(100 * scaling.clipQuantile());
                upper[k] = percentile.evaluate(100 * (1 - scaling.clipQuantile()));
            } else {
                lower[k] = Double.NEGATIVE_INFINITY;
                upper[k] = Double.POSITIVE_INFINITY;
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                finite[j] = Math.min(Math.max(finite[j], lower[k]), upper[k]);
                sum += finite[j];
            }
            double mu = sum / n;
            double ss = 0;
            for (int j = 0; j < n; j++) {
                ss += (finite[j] - mu) * (finite[j] - mu);
            }
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            if (scaling.standardise()) {
                mean[k] = mu;
                scale[k] = sd > 0 ? sd : 1;
                fill[k] = 0;
            } else {
                mean[k] = 0;
                scale[k] = 1;
                fill[k] = mu;
            }
        }
        return new FeatureScaler(lower, upper, mean, scale, fill);
    }

    public int factorCount() {
        return mean.length;
    }

    /** Prepared value of factor {@code k}; a missing value gets the training mean. */
    public float apply(int k, float value) {
        if (!Float.isFinite(value)) {
            return (float) fill[k];
        }
        double clipped = Math.min(Math.max(value, lower[k]), upper[k]);
        return (float) ((clipped - mean[k]) / scale[k]);
    }

    /** Clip limits {@code [lo, hi]} of factor {@code k} (infinite without clipping). */
    public double[] clipLimits(int k) {
        return new double[]{lower[k], upper[k]};
    }

    /** Centre subtracted from factor {@code k} (0 without standardisation). */
    public double centre(int k) {
        return mean[k];
    }

    /** Divisor of factor {@code k} (1 without standardisation). */
    public double scale(int k) {
        return scale[k];
    }

    /** Checks that a panel has the factor count this scaler was estimated on. */
    public void requireCompatible(FactorPanel panel) {
        if (panel.factorCount() != factorCount()) {
            throw new IllegalArgumentException("the model was trained on " + factorCount() + " factors, the panel has "
                    + panel.factorCount());
        }
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(mean.length);
        for (double[] a : new double[][]{lower, upper, mean, scale, fill}) {
            for (double v : a) {
                out.writeDouble(v);
            }
        }
    }

    public static FeatureScaler read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("corrupt feature scaler: " + n + " factors");
        }
        double[][] arrays = new double[5][n];
        for (double[] a : arrays) {
            for (int k = 0; k < n; k++) {
                a[k] = in.readDouble();
            }
        }
        return new FeatureScaler(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4]);
    }
}
