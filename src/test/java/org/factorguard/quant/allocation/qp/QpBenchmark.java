package org.factorguard.quant.allocation.qp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.factorguard.quant.risk.FactoredCovariance;
import org.factorguard.quant.risk.FactoredLedoitWolfCovariance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Time per QP and per risk-aversion search of the active-set solver and ojAlgo, cold and warm, on weekly
 * rebalances of a simulated market: n = 100, 250, 500, 1000 assets, Σ = Ledoit–Wolf (constant correlation) of
 * the trailing T = 252 days in factored form (k = 253), 2 % per-asset caps, 11 industries capped at 25 %, fully
 * invested long-only, μ a persistent noisy signal. Each rebalance runs the allocator's search (γ₀ = 10, ×4
 * until an 11 % annual volatility limit and a 3 % daily VaR limit hold, then Illinois false position on log γ
 * to 10⁻⁴). Cold: every QP from scratch. Warm: each QP from the previous γ's solution, the first of a
 * rebalance from the previous rebalance's last. ojAlgo gets a time budget per size
 * ({@code -Dqp.benchmark.ojalgo.seconds}, default 240) and runs as many searches as fit (none at n = 1000 unless
 * asked). Prints wall-clock medians and 95th percentiles, the process CPU per search, and the load average.
 * Run with {@code ./mvnw test -Dtest=QpBenchmark}; not part of the default test run.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*QpBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=QpBenchmark")
class QpBenchmark {

    private static final int WINDOW = 252;
    private static final double VOL_LIMIT = 0.11;
    private static final double VAR_LIMIT = 0.03;
    private static final double Z_95 = 1.6448536269514722;

    /** One rebalance's problem. */
    private record Rebalance(MeanVarianceProblem problem, double[] mu, FactoredCovariance sigma) {
    }

    /** Timings of one solver configuration. */
    private static final class Timings {
        final List<Double> qpMs = new ArrayList<>();
        final List<Double> searchMs = new ArrayList<>();
        final List<Double> searchCpuMs = new ArrayList<>();
        final List<Integer> qpsPerSearch = new ArrayList<>();
        final List<Double> objectives = new ArrayList<>();
        final List<Solved> solved = new ArrayList<>();
    }

    /** One QP as solved, kept to compare the solvers QP by QP. */
    private record Solved(MeanVarianceProblem problem, double gamma, QpSolution solution) {
    }

    @Test
    void qp_and_search_times_at_100_to_1000_assets() throws IOException {
        double ojalgoBudget = Double.parseDouble(System.getProperty("qp.benchmark.ojalgo.seconds", "240"));
        System.out.printf(Locale.ROOT, "QpBenchmark: %d processors, load average %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        run(100, 6, 0, false); // JIT warm-up, not reported
        for (int n : new int[] {100, 250, 500, 1000}) {
            int rebalances = n <= 250 ? 26 : 12;
            run(n, rebalances, n < 1000 ? ojalgoBudget : 0, true);
        }
        System.out.printf(Locale.ROOT, "QpBenchmark done, load average %s%n", loadAverage());
    }

    private static void run(int n, int rebalances, double ojalgoSeconds, boolean print) throws IOException {
        List<Rebalance> market = market(n, rebalances, 1000 + n);
        MeanVarianceQp fast = new ActiveSetMeanVarianceQp();
        MeanVarianceQp ojalgo = new OjAlgoMeanVarianceQp();
        Timings fastCold = searches(fast, market, false, Double.POSITIVE_INFINITY);
        Timings fastWarm = searches(fast, market, true, Double.POSITIVE_INFINITY);
        for (int r = 0; r < fastCold.objectives.size(); r++) {
            double a = fastCold.objectives.get(r);
            double b = fastWarm.objectives.get(r);
            assertThat(Math.abs(a - b)).as("warm and cold searches end at the same objective")
                    .isLessThanOrEqualTo(1e-9 * Math.abs(a) + 1e-12);
        }
        if (!print) {
            return;
        }
        int k = market.get(0).sigma().rank();
        System.out.printf(Locale.ROOT, "n=%d k=%d rebalances=%d load average %s%n", n, k, rebalances,
                loadAverage());
        print("active-set cold", fastCold);
        print("active-set warm", fastWarm);
        if (ojalgoSeconds > 0) {
            // ojAlgo: per-QP times from the first searches (cold, then warm with its kick-starter) within the budget
            Timings ojCold = searches(ojalgo, market, false, ojalgoSeconds / 2);
            Timings ojWarm = searches(ojalgo, market, true, ojalgoSeconds / 2);
            print("ojalgo cold", ojCold);
            print("ojalgo warm", ojWarm);
            System.out.printf(Locale.ROOT, "  final objective of a search, ojAlgo vs active-set: largest relative "
                    + "difference %s cold, %s warm (over %d and %d searches)%n", worstDifference(ojCold, fastCold),
                    worstDifference(ojWarm, fastCold), ojCold.objectives.size(), ojWarm.objectives.size());
            agreement(fast, ojCold, ojWarm);
        } else {
            System.out.println("  ojalgo: not run at this size");
        }
    }

    /** Every QP ojAlgo solved, solved again cold by the active-set solver: objective and constraint agreement. */
    private static void agreement(MeanVarianceQp fast, Timings... ojalgo) {
        double worstObjective = 0;
        double worstFastViolation = 0;
        double worstOjalgoViolation = 0;
        int count = 0;
        for (Timings t : ojalgo) {
            for (Solved o : t.solved) {
                QpSolution f = fast.solve(o.problem(), o.gamma(), null);
                double scale = QpTestProblems.objectiveScale(o.problem(), o.gamma(), f.weights()) + 1e-300;
                worstObjective = Math.max(worstObjective,
                        Math.abs(f.objective() - o.solution().objective()) / scale);
                worstFastViolation = Math.max(worstFastViolation, o.problem().constraintViolation(f.weights()));
                worstOjalgoViolation = Math.max(worstOjalgoViolation,
                        o.problem().constraintViolation(o.solution().weights()));
                count++;
            }
        }
        System.out.printf(Locale.ROOT, "  QP by QP on the %d QPs ojAlgo solved: objective relative difference "
                        + "max %.1e; constraint violation max %.1e active-set, %.1e ojAlgo%n", count, worstObjective,
                worstFastViolation, worstOjalgoViolation);
    }

    private static String worstDifference(Timings a, Timings b) {
        if (a.objectives.isEmpty()) {
            return "n/a";
        }
        double worst = 0;
        for (int r = 0; r < a.objectives.size(); r++) {
            double scale = Math.abs(b.objectives.get(r)) + 1e-12;
            worst = Math.max(worst, Math.abs(a.objectives.get(r) - b.objectives.get(r)) / scale);
        }
        return String.format(Locale.ROOT, "%.1e", worst);
    }

    private static void print(String label, Timings t) {
        if (t.searchMs.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %-16s no search finished within the budget (%d QPs, median %.0f ms)%n",
                    label, t.qpMs.size(), percentile(t.qpMs, 0.5));
            return;
        }
        System.out.printf(Locale.ROOT, "  %-16s QP median %8.2f ms  p95 %8.2f ms | search median %8.1f ms  p95 %8.1f ms"
                        + "  cpu median %8.1f ms | QPs/search median %.0f max %d | searches %d%n",
                label, percentile(t.qpMs, 0.5), percentile(t.qpMs, 0.95), percentile(t.searchMs, 0.5),
                percentile(t.searchMs, 0.95), percentile(t.searchCpuMs, 0.5),
                percentile(t.qpsPerSearch.stream().map(Integer::doubleValue).toList(), 0.5),
                t.qpsPerSearch.stream().mapToInt(Integer::intValue).max().orElse(0), t.searchMs.size());
    }

    /** The allocator's risk-aversion search on every rebalance, until the time budget is spent. */
    private static Timings searches(MeanVarianceQp qp, List<Rebalance> market, boolean warm, double budgetSeconds) {
        Timings t = new Timings();
        long started = System.nanoTime();
        QpWarmStart previous = null;
        for (Rebalance r : market) {
            if ((System.nanoTime() - started) / 1e9 > budgetSeconds) {
                break;
            }
            long cpu0 = processCpu();
            long wall0 = System.nanoTime();
            int qps = t.qpMs.size();
            QpSolution last = search(qp, r, warm ? previous : null, warm, t, started, budgetSeconds);
            if (last == null) {
                break;
            }
            t.searchMs.add((System.nanoTime() - wall0) / 1e6);
            t.searchCpuMs.add((processCpu() - cpu0) / 1e6);
            t.qpsPerSearch.add(t.qpMs.size() - qps);
            t.objectives.add(last.objective());
            previous = last.warmStart();
        }
        return t;
    }

    /** γ₀ = 10, ×4 until the limits hold, then Illinois false position on log γ (the allocator's search). */
    private static QpSolution search(MeanVarianceQp qp, Rebalance r, QpWarmStart start, boolean warm, Timings t,
                                     long started, double budgetSeconds) {
        double gamma = 10;
        QpSolution base = timed(qp, r, gamma, start, t);
        if (use(r, base.weights()) <= 1) {
            return base;
        }
        double badGamma = gamma;
        QpSolution bad = base;
        QpSolution good = null;
        double goodGamma = Double.NaN;
        for (int k = 1; k <= 15; k++) {
            double g = gamma * Math.pow(4, k);
            QpSolution s = timed(qp, r, g, warm ? bad.warmStart() : null, t);
            if (use(r, s.weights()) <= 1) {
                good = s;
                goodGamma = g;
                break;
            }
            badGamma = g;
            bad = s;
            if ((System.nanoTime() - started) / 1e9 > budgetSeconds) {
                return null;
            }
        }
        if (good == null) {
            return bad;
        }
        double a = Math.log(badGamma);
        double fa = use(r, bad.weights()) - 1;
        double b = Math.log(goodGamma);
        double fb = use(r, good.weights()) - 1;
        int side = 0;
        QpSolution latest = good;
        for (int k = 0; k < 20 && -fb > 1e-4; k++) {
            double x = (a * fb - b * fa) / (fb - fa);
            double width = b - a;
            if (!(x > a + 0.01 * width && x < b - 0.01 * width)) {
                x = 0.5 * (a + b);
            }
            QpSolution s = timed(qp, r, Math.exp(x), warm ? latest.warmStart() : null, t);
            latest = s;
            double fx = use(r, s.weights()) - 1;
            if (fx <= 0) {
                b = x;
                fb = fx;
                good = s;
                if (side == 1) {
                    fa /= 2;
                }
                side = 1;
            } else {
                a = x;
                fa = fx;
                if (side == -1) {
                    fb /= 2;
                }
                side = -1;
            }
            if ((System.nanoTime() - started) / 1e9 > budgetSeconds) {
                return null;
            }
        }
        return good;
    }

    private static QpSolution timed(MeanVarianceQp qp, Rebalance r, double gamma, QpWarmStart warm, Timings t) {
        long t0 = System.nanoTime();
        QpSolution s = qp.solve(r.problem(), gamma, warm);
        t.qpMs.add((System.nanoTime() - t0) / 1e6);
        t.solved.add(new Solved(r.problem(), gamma, s));
        assertThat(s.optimal()).as(qp.name() + " at γ " + gamma).isTrue();
        return s;
    }

    /** max(σ/σ_max, VaR/VaR_max), ≤ 1 when both limits hold. */
    private static double use(Rebalance r, double[] w) {
        double variance = r.sigma().quadraticForm(w);
        double mean = 0;
        for (int i = 0; i < w.length; i++) {
            mean += r.mu()[i] * w[i];
        }
        double vol = Math.sqrt(252 * variance);
        double var = -(mean - Z_95 * Math.sqrt(variance));
        return Math.max(vol / VOL_LIMIT, var / VAR_LIMIT);
    }

    /** Weekly rebalances: trailing-window Ledoit–Wolf Σ and a persistent μ (AR(1) with weekly persistence 0.8). */
    private static List<Rebalance> market(int n, int rebalances, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int days = WINDOW + 5 * rebalances;
        int industries = 11;
        double[] beta = new double[n];
        double[] idio = new double[n];
        double[] industryBeta = new double[n];
        String[] industry = new String[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.6 + 0.8 * random.nextDouble();
            idio[i] = 0.01 + 0.015 * random.nextDouble();
            industryBeta[i] = 0.5 + random.nextDouble();
            industry[i] = "I" + random.nextInt(industries);
        }
        double[][] returns = new double[days][n];
        for (int t = 0; t < days; t++) {
            double m = 0.01 * random.nextGaussian();
            double[] f = new double[industries];
            for (int k = 0; k < industries; k++) {
                f[k] = 0.006 * random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                returns[t][i] = beta[i] * m + industryBeta[i] * f[Integer.parseInt(industry[i].substring(1))]
                        + idio[i] * random.nextGaussian();
            }
        }
        double[] signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = random.nextGaussian();
        }
        List<Rebalance> out = new ArrayList<>();
        FactoredLedoitWolfCovariance estimator = new FactoredLedoitWolfCovariance();
        for (int r = 0; r < rebalances; r++) {
            int end = WINDOW + 5 * r;
            double[][] window = Arrays.copyOfRange(returns, end - WINDOW, end);
            FactoredCovariance sigma = estimator.estimateFactored(window);
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                signal[i] = 0.8 * signal[i] + 0.6 * random.nextGaussian();
                mu[i] = 4e-4 * signal[i];
            }
            MeanVarianceProblem p = MeanVarianceProblem.builder(mu, sigma).exposure(1.0).longOnly(0.02)
                    .industryCaps(industry, name -> 0.25).build();
            out.add(new Rebalance(p, mu, sigma));
        }
        return out;
    }

    private static double percentile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws IOException {
        Path path = Path.of("/proc/loadavg");
        return Files.exists(path) ? String.join(" ", Arrays.copyOf(Files.readString(path).trim().split(" "), 3))
                : "unknown";
    }
}
