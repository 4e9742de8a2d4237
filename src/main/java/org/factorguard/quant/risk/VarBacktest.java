package org.factorguard.quant.risk;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Backtest of one-day VaR forecasts: does the realised return fall below the VaR as often as promised, and do
 * the exceedances come independently rather than in clusters?
 *
 * <p>A day is an exceedance when its realised return is below that day's VaR forecast (both returns, the VaR
 * negative for a loss); days without a finite forecast or return are left out. With n days, x exceedances,
 * promised exceedance probability p (0.05 for a 95 % VaR), π̂ = x/n and 0·ln 0 = 0:
 * <ul>
 *   <li><b>Kupiec (1995) proportion of failures</b>: LR<sub>uc</sub> = −2[(n − x)ln(1 − p) + x ln p − (n − x)
 *       ln(1 − π̂) − x ln π̂] ~ χ²(1) (P. H. Kupiec, "Techniques for verifying the accuracy of risk measurement
 *       models", Journal of Derivatives 3(2), 1995).</li>
 *   <li><b>Christoffersen (1998) independence</b>: with n<sub>ij</sub> the number of days in state j following a
 *       day in state i (1 = exceedance), π<sub>01</sub> = n<sub>01</sub>/(n<sub>00</sub> + n<sub>01</sub>),
 *       π<sub>11</sub> = n<sub>11</sub>/(n<sub>10</sub> + n<sub>11</sub>), π = (n<sub>01</sub> + n<sub>11</sub>)/Σn,
 *       LR<sub>ind</sub> = −2[(n<sub>00</sub> + n<sub>10</sub>)ln(1 − π) + (n<sub>01</sub> + n<sub>11</sub>)ln π −
 *       n<sub>00</sub>ln(1 − π<sub>01</sub>) − n<sub>01</sub>ln π<sub>01</sub> − n<sub>10</sub>ln(1 − π<sub>11</sub>) −
 *       n<sub>11</sub>ln π<sub>11</sub>] ~ χ²(1), and the conditional coverage LR<sub>cc</sub> = LR<sub>uc</sub> +
 *       LR<sub>ind</sub> ~ χ²(2) (P. F. Christoffersen, "Evaluating interval forecasts", International Economic
 *       Review 39(4), 1998).</li>
 * </ul>
 *
 * <p><b>Small samples.</b> With p = 0.05 and about a thousand days only about 2.5 back-to-back exceedances are
 * expected, and the χ² approximation of LR<sub>ind</sub> is poor: when none occur (probability ≈ e<sup>−2.5</sup>)
 * the statistic alone exceeds the 5 % critical value, so the asymptotic independence test rejects a correct model
 * about 8–9 % of the time at n = 1,000. Each test therefore also carries a Monte Carlo p-value (J.-M. Dufour,
 * "Monte Carlo tests with nuisance parameters", Journal of Econometrics 133(2), 2006; recommended for these tests
 * by Christoffersen and Pelletier, Journal of Financial Econometrics 2(1), 2004): p̂ = (1 + #{LR<sub>j</sub> ≥
 * LR<sub>0</sub>})/(M + 1) over M simulated statistics, ties broken by independent uniforms, which has exact
 * size. Unconditional and conditional coverage simulate n independent Bernoulli(p) days; independence permutes
 * the observed exceedances (exact given x). Independence is untestable with fewer than 2 exceedances: its
 * p-values are then 1.
 */
public final class VarBacktest {

    /** Default number of Monte Carlo draws. */
    public static final int DEFAULT_DRAWS = 999;

    /**
     * @param statistic        the likelihood ratio
     * @param pValue           from its asymptotic χ² distribution
     * @param monteCarloPValue Dufour's Monte Carlo p-value (NaN when no draws were made)
     */
    public record LikelihoodRatio(double statistic, double pValue, double monteCarloPValue) {
    }

    /** Transition counts n<sub>ij</sub>: state j (1 = exceedance) on the day after state i. */
    public record Transitions(int n00, int n01, int n10, int n11) {
    }

    /**
     * @param days                   n, days with a forecast and a return
     * @param exceedances            x
     * @param expectedExceedances    p·n
     * @param exceedanceProbability  p
     * @param kupiec                 unconditional coverage (proportion of failures)
     * @param independence           Christoffersen independence
     * @param conditionalCoverage    Christoffersen conditional coverage
     * @param transitions            the transition counts behind the independence test
     * @param monteCarloDraws        M
     */
    public record Result(int days, int exceedances, double expectedExceedances, double exceedanceProbability,
                         LikelihoodRatio kupiec, LikelihoodRatio independence, LikelihoodRatio conditionalCoverage,
                         Transitions transitions, int monteCarloDraws) {

        /** x/n. */
        public double exceedanceRate() {
            return days > 0 ? (double) exceedances / days : Double.NaN;
        }
    }

    private final int draws;
    private final long seed;

    /** {@value #DEFAULT_DRAWS} Monte Carlo draws. */
    public VarBacktest(long seed) {
        this(DEFAULT_DRAWS, seed);
    }

    /** @param draws M ≥ 0 Monte Carlo draws (0: asymptotic p-values only) */
    public VarBacktest(int draws, long seed) {
        if (draws < 0) {
            throw new IllegalArgumentException("draws must be non-negative");
        }
        this.draws = draws;
        this.seed = seed;
    }

    /**
     * @param returns               realised daily returns
     * @param valueAtRisk           the VaR forecast for the same days (a return, negative for a loss; NaN: none)
     * @param exceedanceProbability p, e.g. 0.05 for a 95 % VaR
     */
    public Result test(double[] returns, double[] valueAtRisk, double exceedanceProbability) {
        return test(exceedances(returns, valueAtRisk), exceedanceProbability);
    }

    /** The tests on a 0/1 exceedance sequence in time order. */
    public Result test(boolean[] hits, double exceedanceProbability) {
        double p = exceedanceProbability;
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("exceedance probability must be in (0, 1), was " + p);
        }
        int n = hits.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 days, got " + n);
        }
        int x = count(hits);
        Transitions transitions = transitions(hits);
        double uc = kupiecStatistic(n, x, p);
        double ind = independenceStatistic(transitions);
        double cc = uc + ind;
        double mcUc = Double.NaN;
        double mcInd = Double.NaN;
        double mcCc = Double.NaN;
        if (draws > 0) {
            RandomGenerator random = new Well19937c(seed);
            MonteCarloCount ucCount = new MonteCarloCount(uc, random);
            MonteCarloCount indCount = new MonteCarloCount(ind, random);
            MonteCarloCount ccCount = new MonteCarloCount(cc, random);
            boolean[] simulated = new boolean[n];
            boolean[] permuted = hits.clone();
            for (int j = 0; j < draws; j++) {
                for (int t = 0; t < n; t++) {
                    simulated[t] = random.nextDouble() < p;
                }
                double simUc = kupiecStatistic(n, count(simulated), p);
                ucCount.add(simUc);
                ccCount.add(simUc + independenceStatistic(transitions(simulated)));
                shuffle(permuted, random);
                indCount.add(independenceStatistic(transitions(permuted)));
            }
            mcUc = ucCount.pValue();
            mcInd = indCount.pValue();
            mcCc = ccCount.pValue();
        }
        LikelihoodRatio independence = x < 2 ? new LikelihoodRatio(ind, 1.0, draws > 0 ? 1.0 : Double.NaN)
                : new LikelihoodRatio(ind, chiSquaredPValue(ind, 1), mcInd);
        return new Result(n, x, p * n, p, new LikelihoodRatio(uc, chiSquaredPValue(uc, 1), mcUc), independence,
                new LikelihoodRatio(cc, chiSquaredPValue(cc, 2), mcCc), transitions, draws);
    }

    /** Exceedance days (return &lt; VaR), in order, over the days where both are finite. */
    public static boolean[] exceedances(double[] returns, double[] valueAtRisk) {
        if (returns.length != valueAtRisk.length) {
            throw new IllegalArgumentException("returns and VaR forecasts differ in length");
        }
        boolean[] out = new boolean[returns.length];
        int k = 0;
        for (int t = 0; t < returns.length; t++) {
            if (Double.isFinite(returns[t]) && Double.isFinite(valueAtRisk[t])) {
                out[k++] = returns[t] < valueAtRisk[t];
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** Kupiec's LR<sub>uc</sub> for x exceedances in n days at promised probability p. */
    public static double kupiecStatistic(int n, int x, double p) {
        double pi = (double) x / n;
        double restricted = xLogY(n - x, 1 - p) + xLogY(x, p);
        double unrestricted = xLogY(n - x, 1 - pi) + xLogY(x, pi);
        return Math.max(0.0, -2 * (restricted - unrestricted));
    }

    /** Christoffersen's LR<sub>ind</sub> from the transition counts. */
    public static double independenceStatistic(Transitions c) {
        double total = c.n00() + c.n01() + c.n10() + c.n11();
        double pi = (c.n01() + c.n11()) / total;
        double pi01 = c.n00() + c.n01() > 0 ? (double) c.n01() / (c.n00() + c.n01()) : 0.0;
        double pi11 = c.n10() + c.n11() > 0 ? (double) c.n11() / (c.n10() + c.n11()) : 0.0;
        double restricted = xLogY(c.n00() + c.n10(), 1 - pi) + xLogY(c.n01() + c.n11(), pi);
        double unrestricted = xLogY(c.n00(), 1 - pi01) + xLogY(c.n01(), pi01) + xLogY(c.n10(), 1 - pi11)
                + xLogY(c.n11(), pi11);
        return Math.max(0.0, -2 * (restricted - unrestricted));
    }

    /** Transition counts of a hit sequence. */
    public static Transitions transitions(boolean[] hits) {
        int[] c = new int[4];
        for (int t = 1; t < hits.length; t++) {
            c[(hits[t - 1] ? 2 : 0) + (hits[t] ? 1 : 0)]++;
        }
        return new Transitions(c[0], c[1], c[2], c[3]);
    }

    private static double chiSquaredPValue(double statistic, int degreesOfFreedom) {
        return 1.0 - new ChiSquaredDistribution(degreesOfFreedom).cumulativeProbability(statistic);
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0.0 : x * Math.log(y);
    }

    private static int count(boolean[] hits) {
        int x = 0;
        for (boolean h : hits) {
            if (h) {
                x++;
            }
        }
        return x;
    }

    private static void shuffle(boolean[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Dufour's Monte Carlo p-value with ties broken by uniforms. */
    private static final class MonteCarloCount {
        private final double observed;
        private final double observedTieBreak;
        private final RandomGenerator random;
        private int atLeast;
        private int draws;

        MonteCarloCount(double observed, RandomGenerator random) {
            this.observed = observed;
            this.random = random;
            this.observedTieBreak = random.nextDouble();
        }

        void add(double simulated) {
            draws++;
            double tolerance = 1e-9 * Math.max(1.0, Math.abs(observed));
            if (simulated > observed + tolerance
                    || (Math.abs(simulated - observed) <= tolerance && random.nextDouble() >= observedTieBreak)) {
                atLeast++;
            }
        }

        double pValue() {
            return (atLeast + 1.0) / (draws + 1.0);
        }
    }
}
