package org.factorguard.quant.risk;

import java.util.SplittableRandom;

/**
 * Seeded Monte Carlo designs shared by the fast size checks in the unit tests and the full *Benchmark classes:
 * data on which the null hypothesis holds, so a 5 % test should reject about 5 % of the time.
 */
final class SignificanceSimulations {

    private SignificanceSimulations() {
    }

    /**
     * Share of replications in which DM (HLN) rejects at 5 % when the loss differential is MA(h − 1) with unit
     * weights, the autocorrelation (1 − k/h) of a sum of h daily shocks, i.e. of h-day overlapping errors, and mean 0.
     */
    static double[] movingAverageRejections(int replications, int days, int horizon, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rejections = 0;
        int fallbacks = 0;
        double[] zeros = new double[days];
        for (int r = 0; r < replications; r++) {
            double[] e = new double[days + horizon - 1];
            for (int i = 0; i < e.length; i++) {
                e[i] = random.nextGaussian();
            }
            double[] d = new double[days];
            double s = 0;
            for (int i = 0; i < horizon; i++) {
                s += e[i];
            }
            for (int t = 0; t < days; t++) {
                d[t] = s;
                if (t + horizon < e.length) {
                    s += e[t + horizon] - e[t];
                }
            }
            DieboldMariano.Result result = DieboldMariano.onLosses(d, zeros, horizon);
            if (result.rejectsEqualAccuracy(0.05)) {
                rejections++;
            }
            if (result.fellBack()) {
                fallbacks++;
            }
        }
        return new double[] {(double) rejections / replications, (double) fallbacks / replications};
    }

    /**
     * Equal-accuracy cross-sectional forecasts of h-day returns: for each instrument a persistent signal
     * f<sub>t</sub> (the mean of the last h daily shocks), a realised h-day return R<sub>t</sub> = κf<sub>t</sub> +
     * (sum of the next h daily returns) with κ set for a Rank IC near 0.05, and two forecasts f<sub>t</sub> + noise
     * whose noises are independent sums of the last h daily shocks with equal variance. Both forecasts are equally
     * accurate by symmetry, and their daily losses overlap for h − 1 days.
     *
     * @return {rejection rate with the demeaned squared error, rejection rate with 1 − Rank IC, fallback share}
     */
    static double[] crossSectionalRejections(int replications, int days, int instruments, int horizon, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rejectSquared = 0;
        int rejectRank = 0;
        int fallbacks = 0;
        double kappa = 0.05 * Math.sqrt(horizon);
        for (int rep = 0; rep < replications; rep++) {
            float[][] a = new float[days][instruments];
            float[][] b = new float[days][instruments];
            double[][] realised = new double[days][instruments];
            int span = days + 2 * horizon;
            for (int i = 0; i < instruments; i++) {
                double[] signal = rollingSum(random, span, horizon);
                double[] noiseA = rollingSum(random, span, horizon);
                double[] noiseB = rollingSum(random, span, horizon);
                double[] future = rollingSum(random, span, horizon);
                for (int t = 0; t < days; t++) {
                    int now = t + horizon; // rolling sums end at their index: [now − h + 1, now]
                    double f = signal[now] / Math.sqrt(horizon);
                    realised[t][i] = kappa * f + future[now + horizon];
                    a[t][i] = (float) (f + noiseA[now] / Math.sqrt(horizon));
                    b[t][i] = (float) (f + noiseB[now] / Math.sqrt(horizon));
                }
            }
            DieboldMariano.Result squared = DieboldMariano.compare(a, b, realised, horizon,
                    DieboldMariano.Loss.DEMEANED_SQUARED_ERROR);
            DieboldMariano.Result rank = DieboldMariano.compare(a, b, realised, horizon,
                    DieboldMariano.Loss.ONE_MINUS_RANK_IC);
            rejectSquared += squared.rejectsEqualAccuracy(0.05) ? 1 : 0;
            rejectRank += rank.rejectsEqualAccuracy(0.05) ? 1 : 0;
            fallbacks += (squared.fellBack() ? 1 : 0) + (rank.fellBack() ? 1 : 0);
        }
        return new double[] {(double) rejectSquared / replications, (double) rejectRank / replications,
                fallbacks / (2.0 * replications)};
    }

    /** out[t] = e[t − h + 1] + … + e[t] of fresh Gaussians (out[t] = 0 for t &lt; h − 1). */
    private static double[] rollingSum(SplittableRandom random, int n, int h) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = random.nextGaussian();
        }
        double[] out = new double[n];
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += e[t];
            if (t >= h) {
                s -= e[t - h];
            }
            out[t] = s;
        }
        return out;
    }

    /**
     * Share of replications whose studentised bootstrap interval (automatic block length) covers the true
     * annualised Sharpe difference. Returns follow a GARCH(1,1) common volatility (α = 0.08, β = 0.90, unit
     * unconditional variance, so volatility clusters as in equity portfolios) times correlated Gaussian
     * innovations (ρ = 0.6) with daily means set for annual Sharpe ratios 0.8 and 0.4: the true daily Sharpe
     * ratio is μ/σ exactly because E[v²] = 1.
     *
     * @return {coverage, mean interval width, mean block length}
     */
    static double[] bootstrapCoverage(int replications, int days, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sigmaA = 0.010;
        double sigmaB = 0.008;
        double srA = 0.8 / Math.sqrt(252);
        double srB = 0.4 / Math.sqrt(252);
        double trueDifference = (srA - srB) * Math.sqrt(252);
        double rho = 0.6;
        int covered = 0;
        double blockSum = 0;
        double widthSum = 0;
        for (int rep = 0; rep < replications; rep++) {
            double[] a = new double[days];
            double[] b = new double[days];
            double omega = 1 - 0.08 - 0.90;
            double variance = 1.0;
            double previous = 0;
            for (int t = -200; t < days; t++) {
                variance = omega + 0.08 * previous * previous + 0.90 * variance;
                double v = Math.sqrt(variance);
                double z1 = random.nextGaussian();
                double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * random.nextGaussian();
                previous = v * z1;
                if (t >= 0) {
                    a[t] = srA * sigmaA + sigmaA * v * z1;
                    b[t] = srB * sigmaB + sigmaB * v * z2;
                }
            }
            SharpeDifferenceBootstrap.Interval interval =
                    SharpeDifferenceBootstrap.automatic(resamples, 0.95, random.nextLong()).interval(a, b);
            if (interval.lower() <= trueDifference && trueDifference <= interval.upper()) {
                covered++;
            }
            blockSum += interval.meanBlockLength();
            widthSum += interval.upper() - interval.lower();
        }
        return new double[] {(double) covered / replications, widthSum / replications, blockSum / replications};
    }

    /**
     * Rejection rates at 5 % of the VaR backtests on exceedances of a correct model (independent Bernoulli(p)).
     *
     * @return {Kupiec χ², independence χ², conditional coverage χ², Kupiec MC, independence MC, conditional MC}
     */
    static double[] varBacktestRejections(int replications, int days, double p, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rejections = new double[6];
        for (int rep = 0; rep < replications; rep++) {
            boolean[] hits = new boolean[days];
            for (int t = 0; t < days; t++) {
                hits[t] = random.nextDouble() < p;
            }
            VarBacktest.Result r = new VarBacktest(draws, random.nextLong()).test(hits, p);
            VarBacktest.LikelihoodRatio[] tests = {r.kupiec(), r.independence(), r.conditionalCoverage()};
            for (int k = 0; k < 3; k++) {
                rejections[k] += tests[k].pValue() <= 0.05 ? 1 : 0;
                rejections[k + 3] += tests[k].monteCarloPValue() <= 0.05 ? 1 : 0;
            }
        }
        for (int k = 0; k < 6; k++) {
            rejections[k] /= replications;
        }
        return rejections;
    }
}
