package org.factorguard.quant.risk;

/**
 * Automatic block length for the stationary and the circular block bootstrap (D. N. Politis and H. White,
 * "Automatic block-length selection for the dependent bootstrap", Econometric Reviews 23(1), 2004, with the
 * correction of A. Patton, D. N. Politis and H. White, Econometric Reviews 28(4), 2009).
 *
 * <p>With ε = x − x̄, γ̂<sub>k</sub> = n<sup>−1</sup>Σε<sub>t</sub>ε<sub>t−k</sub> and the flat-top window
 * λ(s) = 1 for |s| ≤ ½, 2(1 − |s|) for ½ &lt; |s| ≤ 1:
 * Ĝ = Σ<sub>|k|≤M</sub>λ(k/M)|k|γ̂<sub>k</sub>, σ̂² = Σ<sub>|k|≤M</sub>λ(k/M)γ̂<sub>k</sub>,
 * b<sub>SB</sub> = (2Ĝ²/(2σ̂⁴))<sup>1/3</sup>n<sup>1/3</sup> and b<sub>CB</sub> = (2Ĝ²/((4/3)σ̂⁴))<sup>1/3</sup>
 * n<sup>1/3</sup>, both capped at ⌈min(3√n, n/3)⌉. M = 2m̂ where m̂ is the first lag after which K<sub>n</sub> =
 * max(5, ⌊log<sub>10</sub>n⌋) consecutive autocorrelations lie inside ±2√(log<sub>10</sub>n / n), at most
 * ⌈√n⌉ + K<sub>n</sub>. This follows arch's {@code arch.bootstrap.optimal_block_length} (K. Sheppard) line by
 * line, including its autocorrelation normalisation, so the two agree to rounding.
 */
public final class OptimalBlockLength {

    /**
     * @param stationary mean block length for the stationary bootstrap (may be below 1 for white noise)
     * @param circular   block length for the circular block bootstrap
     */
    public record Lengths(double stationary, double circular) {
    }

    private OptimalBlockLength() {
    }

    /** Both optimal lengths of one series (at least 16 observations). */
    public static Lengths of(double[] x) {
        int n = x.length;
        int kn = Math.max(5, (int) Math.log10(n));
        int mMax = (int) Math.ceil(Math.sqrt(n)) + kn;
        if (n < 16 || n <= mMax + 1) {
            throw new IllegalArgumentException("need at least " + Math.max(16, mMax + 2) + " observations, got " + n);
        }
        double mean = NeweyWest.mean(x);
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = x[i] - mean;
        }
        double bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3.0));
        double cv = 2 * Math.sqrt(Math.log10(n) / n);
        double[] acv = new double[mMax + 1];
        double[] absAcorr = new double[mMax + 1];
        int optM = -1;
        for (int i = 0; i <= mMax; i++) {
            double v1 = 0;
            for (int t = i + 1; t < n; t++) {
                v1 += eps[t] * eps[t];
            }
            double v2 = 0;
            for (int t = 0; t < n - i - 1; t++) {
                v2 += eps[t] * eps[t];
            }
            double cross = 0;
            for (int t = i; t < n; t++) {
                cross += eps[t] * eps[t - i];
            }
            acv[i] = cross / n;
            absAcorr[i] = Math.abs(cross) / Math.sqrt(v1 * v2);
            if (i >= kn && optM < 0) {
                boolean allInside = true;
                for (int j = i - kn; j < i; j++) {
                    allInside &= absAcorr[j] < cv;
                }
                if (allInside) {
                    optM = i - kn;
                }
            }
        }
        int m = optM >= 0 ? 2 * Math.max(optM, 1) : mMax;
        m = Math.min(m, mMax);
        double g = 0;
        double longRun = acv[0];
        for (int k = 1; k <= m; k++) {
            double lambda = (double) k / m <= 0.5 ? 1.0 : 2.0 * (1.0 - (double) k / m);
            g += 2 * lambda * k * acv[k];
            longRun += 2 * lambda * acv[k];
        }
        double dSb = 2 * longRun * longRun;
        double dCb = 4.0 / 3.0 * longRun * longRun;
        double cubeRootN = Math.cbrt(n);
        double bSb = Math.cbrt(2 * g * g / dSb) * cubeRootN;
        double bCb = Math.cbrt(2 * g * g / dCb) * cubeRootN;
        return new Lengths(Math.min(bSb, bMax), Math.min(bCb, bMax));
    }

    /** The stationary-bootstrap mean block length, at least 1. */
    public static double stationary(double[] x) {
        double b = of(x).stationary();
        return Double.isFinite(b) ? Math.max(1.0, b) : 1.0;
    }
}
