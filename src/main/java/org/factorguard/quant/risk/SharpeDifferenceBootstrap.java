package org.factorguard.quant.risk;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Inference on the difference of Sharpe ratios Δ = SR(A) − SR(B) of two aligned daily return series by the
 * studentised bootstrap of O. Ledoit and M. Wolf ("Robust performance hypothesis testing with the Sharpe
 * ratio", Journal of Empirical Finance 15(5), 2008), resampling with the stationary bootstrap of D. N. Politis
 * and J. P. Romano ("The stationary bootstrap", JASA 89(428), 1994).
 *
 * <p><b>Statistic.</b> With y<sub>t</sub> = (a<sub>t</sub>, b<sub>t</sub>, a<sub>t</sub>², b<sub>t</sub>²) and its
 * mean v = (μ<sub>a</sub>, μ<sub>b</sub>, m<sub>a</sub>, m<sub>b</sub>) (first and second moments),
 * σ<sub>a</sub>² = m<sub>a</sub> − μ<sub>a</sub>² and f(v) = μ<sub>a</sub>/σ<sub>a</sub> − μ<sub>b</sub>/σ<sub>b</sub>,
 * Δ̂ = f(v̂). Its delta-method influence series is z<sub>t</sub> = ∇f(v̂)'(y<sub>t</sub> − v̂) with
 * ∇f = (m<sub>a</sub>/σ<sub>a</sub>³, −m<sub>b</sub>/σ<sub>b</sub>³, −μ<sub>a</sub>/(2σ<sub>a</sub>³),
 * μ<sub>b</sub>/(2σ<sub>b</sub>³)), and s(Δ̂) = √(Ŝ/T) with Ŝ the long-run variance of z that the stationary
 * bootstrap itself implies (Politis &amp; Romano 1994): with c<sub>k</sub> the autocovariances of z (divisor T),
 * Ŝ = c<sub>0</sub> + 2Σ<sub>k=1</sub><sup>T−1</sup>[(1 − k/T)(1 − p)<sup>k</sup> + (k/T)(1 −
 * p)<sup>T−k</sup>]c<sub>k</sub>, p = 1/b.
 *
 * <p><b>Bootstrap.</b> Each resample concatenates blocks of random start and geometric length with mean b
 * (wrapping around the end); the same days are drawn for A and B. In a resample, Δ* = f(v*) and, as Ledoit and
 * Wolf prescribe for the bootstrap world, s(Δ*) comes from the blocks themselves: s(Δ*)² = T<sup>−2</sup>
 * Σ<sub>blocks j</sub>(Σ<sub>t∈j</sub>z*<sub>t</sub>)² with z*<sub>t</sub> = ∇f(v*)'(y*<sub>t</sub> − v*).
 * With d̃*<sub>m</sub> = |Δ*<sub>m</sub> − Δ̂|/s(Δ*<sub>m</sub>) over M resamples:
 * <ul>
 *   <li>the symmetric studentised interval Δ̂ ± z*·s(Δ̂), z* the {@code confidence} quantile of d̃* (R-7);</li>
 *   <li>the two-sided p-value of H<sub>0</sub>: SR(A) = SR(B), p = (#{d̃*<sub>m</sub> ≥ |Δ̂|/s(Δ̂)} + 1)/(M + 1)
 *       (the symmetric studentised test that the interval inverts, as in Ledoit &amp; Wolf 2008).</li>
 * </ul>
 *
 * <p><b>Block length.</b> By default b is chosen automatically by {@link OptimalBlockLength} (Politis–White 2004
 * with the Patton–Politis–White 2009 correction) on the influence series z, whose long-run variance is exactly
 * what the bootstrap must reproduce; a fixed b can be given instead.
 *
 * <p><b>Units.</b> Everything is computed on per-period moments and reported in the units of
 * {@link PerformanceMetrics#sharpe(double[])} (rf = 0, ddof = 1, ×√252): Δ, the interval and the standard error
 * are multiplied by √252·√((T − 1)/T), so {@link Interval#observedDifference()} equals
 * {@code sharpe(a) − sharpe(b)}. Deterministic for a given seed ({@link SplittableRandom}).
 */
public final class SharpeDifferenceBootstrap {

    /** Resamples of the automatic default. */
    public static final int DEFAULT_RESAMPLES = 1999;

    /**
     * @param observedDifference   Sharpe(A) − Sharpe(B) on the original series (annualised, ddof = 1)
     * @param lower                lower bound of the studentised interval
     * @param upper                upper bound of the studentised interval
     * @param confidence           e.g. 0.95
     * @param resamples            number of bootstrap resamples
     * @param meanBlockLength      mean block length b of the stationary bootstrap
     * @param seed                 random seed
     * @param shareAtOrBelowZero   share of resampled differences ≤ 0: descriptive only, not a p-value
     * @param standardError        s(Δ̂), annualised
     * @param pValue               two-sided studentised bootstrap p-value of SR(A) = SR(B)
     * @param automaticBlockLength whether b was chosen by Politis–White
     */
    public record Interval(double observedDifference, double lower, double upper, double confidence,
                           int resamples, double meanBlockLength, long seed, double shareAtOrBelowZero,
                           double standardError, double pValue, boolean automaticBlockLength) {

        public boolean containsZero() {
            return lower <= 0 && upper >= 0;
        }
    }

    private final int resamples;
    private final double meanBlockLength; // NaN: automatic
    private final double confidence;
    private final long seed;

    /** {@value #DEFAULT_RESAMPLES} resamples, automatic block length, 95 % interval. */
    public SharpeDifferenceBootstrap(long seed) {
        this(DEFAULT_RESAMPLES, Double.NaN, 0.95, seed);
    }

    /**
     * A fixed mean block length b ≥ 1, or NaN for the automatic choice.
     *
     * @param resamples       M ≥ 10
     * @param meanBlockLength b ≥ 1 days, or NaN for Politis–White
     * @param confidence      of the interval, in (0, 1)
     * @param seed            random seed
     */
    public SharpeDifferenceBootstrap(int resamples, double meanBlockLength, double confidence, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("at least 10 resamples");
        }
        if (!Double.isNaN(meanBlockLength) && !(meanBlockLength >= 1)) {
            throw new IllegalArgumentException("mean block length must be at least 1 (or NaN for automatic)");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1)");
        }
        this.resamples = resamples;
        this.meanBlockLength = meanBlockLength;
        this.confidence = confidence;
        this.seed = seed;
    }

    /** The automatic block length with the given number of resamples and confidence. */
    public static SharpeDifferenceBootstrap automatic(int resamples, double confidence, long seed) {
        return new SharpeDifferenceBootstrap(resamples, Double.NaN, confidence, seed);
    }

    /** Politis–White stationary-bootstrap block length of the Sharpe difference's influence series (≥ 1). */
    public static double automaticBlockLength(double[] returnsA, double[] returnsB) {
        Moments m = Moments.of(returnsA, returnsB);
        return OptimalBlockLength.stationary(m.influence(returnsA, returnsB));
    }

    public Interval interval(double[] returnsA, double[] returnsB) {
        if (returnsA.length != returnsB.length) {
            throw new IllegalArgumentException("return series differ in length");
        }
        int n = returnsA.length;
        if (n < 16) {
            throw new IllegalArgumentException("need at least 16 returns, got " + n);
        }
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(returnsA[t]) || !Double.isFinite(returnsB[t])) {
                throw new IllegalArgumentException("return " + t + " is not finite");
            }
        }
        double scale = Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR * (n - 1.0) / n);
        Moments original = Moments.of(returnsA, returnsB);
        double delta = original.difference();
        boolean automatic = Double.isNaN(meanBlockLength);
        if (!Double.isFinite(delta)) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, confidence, resamples,
                    automatic ? Double.NaN : meanBlockLength, seed, Double.NaN, Double.NaN, Double.NaN, automatic);
        }
        double[] z = original.influence(returnsA, returnsB);
        double b = automatic ? OptimalBlockLength.stationary(z) : meanBlockLength;
        double p = 1.0 / b;
        double se = Math.sqrt(stationaryBootstrapVariance(z, p) / n);
        if (!(se > 0)) {
            // identical (or perfectly offsetting) series: nothing to resample
            double observed = delta * scale;
            return new Interval(observed, observed, observed, confidence, resamples, b, seed,
                    observed <= 0 ? 1.0 : 0.0, 0.0, observed == 0 ? 1.0 : 0.0, automatic);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] squaresA = new double[n];
        double[] squaresB = new double[n];
        for (int t = 0; t < n; t++) {
            squaresA[t] = returnsA[t] * returnsA[t];
            squaresB[t] = returnsB[t] * returnsB[t];
        }
        int[] idx = new int[n];
        int[] blockEnds = new int[n + 1];
        double logStay = Math.log1p(-p);
        double[] studentised = new double[resamples];
        int kept = 0;
        int atOrBelowZero = 0;
        double observedT = Math.abs(delta) / se;
        int atLeastObserved = 0;
        for (int r = 0; r < resamples; r++) {
            int blocks = 0;
            int k = 0;
            double sa = 0;
            double sb = 0;
            double qa = 0;
            double qb = 0;
            while (k < n) {
                int i = random.nextInt(n);
                // geometric block length with mean b: P(L = l) = (1 − p)^(l − 1) p
                long length = p >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1.0 - random.nextDouble()) / logStay);
                int end = (int) Math.min(n, k + length);
                for (; k < end; k++) {
                    idx[k] = i;
                    sa += returnsA[i];
                    sb += returnsB[i];
                    qa += squaresA[i];
                    qb += squaresB[i];
                    i = i + 1 == n ? 0 : i + 1;
                }
                blockEnds[blocks++] = end;
            }
            Moments m = new Moments(sa / n, sb / n, qa / n, qb / n);
            double d = m.difference();
            if (!Double.isFinite(d)) {
                continue;
            }
            double s = m.blockStandardError(returnsA, returnsB, squaresA, squaresB, idx, blockEnds, blocks);
            if (!(s > 0)) {
                continue;
            }
            if (d <= 0) {
                atOrBelowZero++;
            }
            double t = Math.abs(d - delta) / s;
            studentised[kept++] = t;
            if (t >= observedT) {
                atLeastObserved++;
            }
        }
        double[] valid = Arrays.copyOf(studentised, kept);
        double q = PerformanceMetrics.percentile(valid, confidence * 100);
        double pValue = (atLeastObserved + 1.0) / (kept + 1.0);
        return new Interval(delta * scale, (delta - q * se) * scale, (delta + q * se) * scale, confidence,
                resamples, b, seed, kept > 0 ? (double) atOrBelowZero / kept : Double.NaN, se * scale,
                pValue, automatic);
    }

    /** Politis–Romano (1994) stationary-bootstrap variance of √T·mean(x) for block probability p. */
    static double stationaryBootstrapVariance(double[] x, double p) {
        int n = x.length;
        double mean = NeweyWest.mean(x);
        double s = NeweyWest.autocovariance(x, mean, 0);
        double q = 1.0 - p;
        for (int k = 1; k < n; k++) {
            double w = (1.0 - (double) k / n) * Math.pow(q, k) + ((double) k / n) * Math.pow(q, n - k);
            if (w > 0) {
                s += 2.0 * w * NeweyWest.autocovariance(x, mean, k);
            }
        }
        return s;
    }

    /** First and second moments of the (resampled) pair and the derived Sharpe difference and gradient. */
    private record Moments(double muA, double muB, double gammaA, double gammaB) {

        static Moments of(double[] a, double[] b) {
            double sa = 0;
            double sb = 0;
            double qa = 0;
            double qb = 0;
            for (int i = 0; i < a.length; i++) {
                sa += a[i];
                sb += b[i];
                qa += a[i] * a[i];
                qb += b[i] * b[i];
            }
            int n = a.length;
            return new Moments(sa / n, sb / n, qa / n, qb / n);
        }

        double varA() {
            return gammaA - muA * muA;
        }

        double varB() {
            return gammaB - muB * muB;
        }

        double difference() {
            double va = varA();
            double vb = varB();
            return va > 0 && vb > 0 ? muA / Math.sqrt(va) - muB / Math.sqrt(vb) : Double.NaN;
        }

        double[] gradient() {
            double sa3 = Math.pow(varA(), 1.5);
            double sb3 = Math.pow(varB(), 1.5);
            return new double[] {gammaA / sa3, -gammaB / sb3, -muA / (2 * sa3), muB / (2 * sb3)};
        }

        /** z<sub>t</sub> = ∇f'(y<sub>t</sub> − v) on the original order. */
        double[] influence(double[] a, double[] b) {
            double[] g = gradient();
            double[] z = new double[a.length];
            for (int t = 0; t < a.length; t++) {
                z[t] = g[0] * (a[t] - muA) + g[1] * (b[t] - muB) + g[2] * (a[t] * a[t] - gammaA)
                        + g[3] * (b[t] * b[t] - gammaB);
            }
            return z;
        }

        /** √(Σ<sub>blocks</sub>(Σ z*)²)/T on a resample given by {@code idx} and its block ends. */
        double blockStandardError(double[] a, double[] b, double[] a2, double[] b2, int[] idx, int[] blockEnds,
                                  int blocks) {
            double[] g = gradient();
            double offset = g[0] * muA + g[1] * muB + g[2] * gammaA + g[3] * gammaB;
            double total = 0;
            int k = 0;
            for (int j = 0; j < blocks; j++) {
                double block = 0;
                int end = blockEnds[j];
                for (; k < end; k++) {
                    int i = idx[k];
                    block += g[0] * a[i] + g[1] * b[i] + g[2] * a2[i] + g[3] * b2[i];
                }
                block -= offset * (end - (j == 0 ? 0 : blockEnds[j - 1]));
                total += block * block;
            }
            return Math.sqrt(total) / idx.length;
        }
    }
}
