package org.factorguard.quant.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factorguard.quant.allocation.qp.ActiveSetMeanVarianceQp;
import org.factorguard.quant.allocation.qp.MeanVarianceProblem;
import org.factorguard.quant.allocation.qp.MeanVarianceQp;
import org.factorguard.quant.allocation.qp.OjAlgoMeanVarianceQp;
import org.factorguard.quant.allocation.qp.QpSolution;
import org.factorguard.quant.allocation.qp.QpWarmStart;
import org.factorguard.quant.risk.CovarianceMatrix;

/**
 * Risk-constrained mean–variance allocation (section II.C of Li, Gu et al. 2025; H. Markowitz,
 * "Portfolio selection", Journal of Finance 7(1), 1952):
 *
 * <pre>
 *   maximise   μ'w − (γ/2)·w'Σw
 *   subject to Σ w_i = E                                  (net exposure, 1 = fully invested)
 *              0 ≤ w_i ≤ c            (long-only)  or  −c ≤ w_i ≤ c, Σ|w_i| ≤ G   (long-short)
 *              |Σ_{i∈k} w_i| ≤ c_k                        (per-industry caps)
 *              √(252·w'Σw) ≤ σ_max                        (ex-ante volatility limit)
 *              −(μ'w − z·√(w'Σw)) ≤ VaR_max, z = Φ⁻¹(0.95) ≈ 1.645   (parametric one-day VaR limit)
 * </pre>
 *
 * with daily μ (the model's predicted returns) and daily Σ (e.g. {@code LedoitWolfCovariance}).
 *
 * <p><b>How the two conic constraints are met.</b> The quadratic program with the linear constraints
 * ({@link MeanVarianceProblem}) is solved by a {@link MeanVarianceQp}: ojAlgo's dense convex solver
 * ({@link OjAlgoMeanVarianceQp}, the default) or the structured active-set solver
 * ({@link ActiveSetMeanVarianceQp}), which then starts every QP of the search from the previous one's active set
 * and the first from a given warm start (the previous rebalance); where it fails to reach an optimum, ojAlgo
 * solves that QP instead and {@link Outcome#fallbacks()} counts it. The volatility and VaR limits are
 * second-order-cone constraints, which that solver does not take directly; by the KKT conditions their
 * solution lies on the same efficient frontier as the QP with a higher risk aversion γ' ≥ γ (the
 * multiplier of a binding volatility limit simply adds to γ). So the allocator first solves with the
 * configured γ; if a limit is violated it raises γ geometrically (×4 up to 4<sup>15</sup>·γ) until both
 * limits hold, then refines log γ by Illinois false position (at most 20 steps, until the closer limit is used to
 * within a relative 1e-4) between the last violating and the first
 * satisfying value, always keeping the satisfying end, so the returned weights satisfy the limits
 * exactly while sitting (up to the bisection tolerance) on the limit. If even the least risky portfolio
 * at the required exposure violates a limit, then with {@link AllocationSettings#allowCash()} that
 * portfolio is scaled down by s = min(σ_max/σ, VaR_max/VaR) (both measures are homogeneous of degree one
 * in w) and the rest held in cash; without it the result is {@link AllocationResult.Status#INFEASIBLE}.
 * Every constraint is re-checked on the final weights (tolerance 1e-7).
 *
 * <p>Linear infeasibility (per-asset or industry caps that cannot add up to the exposure) is detected
 * before solving and reported with the numbers involved; nothing here throws for an infeasible setting.
 */
public final class RiskConstrainedAllocator {

    /** z of the parametric 95 % VaR, Φ⁻¹(0.95). */
    public static final double Z_95 = 1.6448536269514722;

    private static final double TRADING_DAYS = 252.0;
    private static final double GROWTH = 4.0;
    private static final int MAX_GROWTH_STEPS = 15;
    private static final int BISECTION_STEPS = 20;
    private static final double BISECTION_TOLERANCE = 1e-4;
    private static final double VERIFY_TOLERANCE = 1e-7;
    private static final double BINDING_TOLERANCE = 1e-6;

    private final AllocationSettings settings;
    private final MeanVarianceQp solver;
    private final MeanVarianceQp fallback;

    /** Every QP by ojAlgo, cold (the allocator's behaviour before the active-set solver). */
    public RiskConstrainedAllocator(AllocationSettings settings) {
        this(settings, AllocationSolver.OJALGO);
    }

    public RiskConstrainedAllocator(AllocationSettings settings, AllocationSolver solver) {
        this(settings,
                solver == AllocationSolver.ACTIVE_SET ? new ActiveSetMeanVarianceQp() : new OjAlgoMeanVarianceQp(),
                solver == AllocationSolver.ACTIVE_SET ? new OjAlgoMeanVarianceQp() : null);
    }

    /** With a solver, warm-started, and a fallback for the QPs it fails on (null: none, and no warm starts). */
    RiskConstrainedAllocator(AllocationSettings settings, MeanVarianceQp solver, MeanVarianceQp fallback) {
        this.settings = settings;
        this.solver = solver;
        this.fallback = fallback;
    }

    /**
     * One allocation and how its QPs went.
     *
     * @param result    the allocation
     * @param warmStart where the last QP solved ended (null when none was), for the next rebalance
     * @param qps       QPs solved
     * @param fallbacks QPs the active-set solver failed on and ojAlgo solved (or also failed on)
     * @param qpMillis  wall time of each QP (with its fallback), in milliseconds
     */
    public record Outcome(AllocationResult result, QpWarmStart warmStart, int qps, int fallbacks,
                          double[] qpMillis) {
    }

    public AllocationSettings settings() {
        return settings;
    }

    /** Solves one allocation; never throws for an infeasible setting. */
    public AllocationResult allocate(AllocationProblem problem) {
        return allocate(problem.tickers(), problem.industries(), problem.expectedReturns(),
                CovarianceMatrix.dense(problem.covariance()), null).result();
    }

    /**
     * Solves one allocation with Σ dense or factored, the first QP started from {@code warmStart} (weights in
     * the same asset order, e.g. the previous rebalance's; null for none); never throws for an infeasible
     * setting. Assets whose μ or variance is not finite are not investable (weight 0).
     */
    public Outcome allocate(String[] tickers, String[] industries, double[] expectedReturns,
                            CovarianceMatrix covariance, QpWarmStart warmStart) {
        Instance in = new Instance(tickers, industries, expectedReturns, covariance, settings, warmStart);
        AllocationResult result = allocate(in);
        return new Outcome(result, in.warm, in.qps, in.fallbacks, Arrays.copyOf(in.qpMillis, in.qps));
    }

    private AllocationResult allocate(Instance in) {
        String linear = in.linearInfeasibility();
        if (linear != null) {
            return infeasible(in, linear);
        }
        double gamma0 = settings.riskAversion();
        double[] base = in.solve(gamma0);
        if (base == null) {
            return infeasible(in, "the linear constraints (exposure " + pct(settings.exposure())
                    + ", asset caps, industry caps" + (settings.longShort() ? ", gross limit" : "")
                            + ") admit no portfolio");
        }
        if (in.withinRiskLimits(base)) {
            return finish(in, base, gamma0, false, "optimal at risk aversion " + num(gamma0));
        }
        double badGamma = gamma0;
        double[] bad = base;
        double goodGamma = Double.NaN;
        double[] good = null;
        for (int k = 1; k <= MAX_GROWTH_STEPS; k++) {
            double g = gamma0 * Math.pow(GROWTH, k);
            double[] w = in.solve(g);
            if (w == null) {
                break;
            }
            if (in.withinRiskLimits(w)) {
                goodGamma = g;
                good = w;
                break;
            }
            badGamma = g;
            bad = w;
        }
        if (good != null) {
            // Illinois false position on f(log γ) = max(σ/σ_max, VaR/VaR_max) − 1, keeping the feasible end
            IllinoisRootSearch.Evaluation<Candidate> atLogGamma = x -> {
                double g = Math.exp(x);
                double[] w = in.solve(g);
                return w == null ? null : riskUse(in, x, new Candidate(g, w));
            };
            Candidate end = IllinoisRootSearch.satisfyingEnd(
                    riskUse(in, Math.log(badGamma), new Candidate(badGamma, bad)),
                    riskUse(in, Math.log(goodGamma), new Candidate(goodGamma, good)),
                    atLogGamma, BISECTION_STEPS, BISECTION_TOLERANCE).value();
            return finish(in, end.weights(), end.gamma(), false, "risk aversion raised from " + num(gamma0) + " to "
                    + num(end.gamma()) + " to meet " + in.violatedLimits(base));
        }
        String violated = in.violatedLimits(bad);
        if (!settings.allowCash()) {
            return infeasible(in, "even the least risky portfolio at exposure " + pct(settings.exposure())
                    + " breaks the " + violated + " (" + in.describeRisk(bad)
                    + "); relax the limits or allow cash");
        }
        double scale = 1.0;
        double vol = in.annualVolatility(bad);
        double var = in.dailyVar(bad);
        if (Double.isFinite(settings.maxAnnualVolatility()) && vol > settings.maxAnnualVolatility()) {
            scale = Math.min(scale, settings.maxAnnualVolatility() / vol);
        }
        if (Double.isFinite(settings.maxDailyVar95()) && var > settings.maxDailyVar95()) {
            scale = Math.min(scale, settings.maxDailyVar95() / var);
        }
        scale *= 1 - 1e-9;
        double[] scaled = bad.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= scale;
        }
        return finish(in, scaled, badGamma, true, "the " + violated + " cannot be met at exposure "
                + pct(settings.exposure()) + "; least risky portfolio scaled to " + pct(scale * settings.exposure())
                + " with the rest in cash");
    }

    /** A portfolio solved at risk aversion γ. */
    private record Candidate(double gamma, double[] weights) {
    }

    /** The point log γ of the search with f = max(σ/σ_max, VaR/VaR_max) − 1 of the candidate's portfolio. */
    private static IllinoisRootSearch.Point<Candidate> riskUse(Instance in, double logGamma, Candidate c) {
        return new IllinoisRootSearch.Point<>(logGamma, in.riskUse(c.weights()) - 1, c);
    }

    private AllocationResult finish(Instance in, double[] w, double gamma, boolean scaledIntoCash, String text) {
        String message = in.fallbacks == 0 ? text : text + "; the active-set solver failed on " + in.fallbacks
                + " of " + in.qps + " QPs, which ojAlgo solved";
        String violation = in.verify(w, scaledIntoCash);
        if (violation != null) {
            return infeasible(in, "the solver's portfolio violates " + violation);
        }
        List<String> binding = in.binding(w);
        if (scaledIntoCash) {
            binding.add("exposure scaled into cash");
        }
        return new AllocationResult(AllocationResult.Status.FEASIBLE, message, w, binding, sum(w), gross(w),
                in.expectedReturn(w), in.annualVolatility(w), in.dailyVar(w), gamma);
    }

    private static AllocationResult infeasible(Instance in, String message) {
        return new AllocationResult(AllocationResult.Status.INFEASIBLE, "infeasible: " + message,
                new double[in.n], List.of(), 0, 0, 0, 0, 0, Double.NaN);
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double gross(double[] w) {
        double s = 0;
        for (double v : w) {
            s += Math.abs(v);
        }
        return s;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** One problem with cleaned inputs and its bounds. */
    private final class Instance {
        final String[] tickers;
        final AllocationSettings s;
        final int n;
        final double[] mu;
        final CovarianceMatrix cov;
        final double[] lower;
        final double[] upper;
        final Map<String, int[]> industries = new LinkedHashMap<>();
        final MeanVarianceProblem qp;
        QpWarmStart warm;
        int qps;
        int fallbacks;
        double[] qpMillis = new double[16];

        Instance(String[] tickers, String[] industryOf, double[] expectedReturns, CovarianceMatrix covariance,
                 AllocationSettings s, QpWarmStart warm) {
            this.tickers = tickers;
            this.s = s;
            this.n = tickers.length;
            if (industryOf.length != n || expectedReturns.length != n || covariance.size() != n) {
                throw new IllegalArgumentException(
                        "tickers, industries, expected returns and covariance must have the same size");
            }
            this.warm = warm;
            MeanVarianceProblem.Builder b = MeanVarianceProblem.builder(expectedReturns, covariance)
                    .exposure(s.exposure());
            if (s.longShort()) {
                b.longShort(s.maxWeight(), s.grossLimit());
            } else {
                b.longOnly(s.maxWeight());
            }
            qp = b.industryCaps(industryOf, s::industryCap).build();
            mu = qp.expectedReturns();
            cov = qp.covariance();
            lower = qp.lowerBounds();
            upper = qp.upperBounds();
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                members.computeIfAbsent(industryOf[i], k -> new ArrayList<>()).add(i);
            }
            members.forEach((k, v) -> industries.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        }

        String linearInfeasibility() {
            double e = s.exposure();
            if (!s.longShort()) {
                if (e < 0) {
                    return "a negative net exposure " + pct(e) + " needs the long-short option";
                }
                double assetMax = 0;
                for (double u : upper) {
                    assetMax += u;
                }
                if (assetMax < e - 1e-12) {
                    long count = java.util.Arrays.stream(upper).filter(u -> u > 0).count();
                    return "per-asset caps of " + pct(s.maxWeight()) + " on " + count
                            + " investable assets allow at most "
                            + pct(assetMax) + " exposure, but " + pct(e) + " is required";
                }
                double industryMax = 0;
                List<String> tight = new ArrayList<>();
                for (Map.Entry<String, int[]> k : industries.entrySet()) {
                    double caps = 0;
                    for (int i : k.getValue()) {
                        caps += upper[i];
                    }
                    double cap = s.industryCap(k.getKey());
                    if (Double.isFinite(cap) && cap < caps) {
                        tight.add(k.getKey() + " ≤ " + pct(cap));
                        caps = Math.max(0, cap);
                    }
                    industryMax += caps;
                }
                if (industryMax < e - 1e-12) {
                    return "industry caps (" + String.join(", ", tight) + ") allow at most " + pct(industryMax)
                            + " exposure, but " + pct(e) + " is required";
                }
            } else {
                double assetMax = 0;
                for (double u : upper) {
                    assetMax += u;
                }
                if (Math.abs(e) > Math.min(s.grossLimit(), assetMax) + 1e-12) {
                    return "a net exposure of " + pct(e) + " exceeds what the gross limit " + pct(s.grossLimit())
                            + " and per-asset caps (at most " + pct(assetMax) + ") allow";
                }
            }
            return null;
        }

        /** Solves the QP at risk aversion γ from the latest solution; null when no feasible point is found. */
        double[] solve(double gamma) {
            long started = System.nanoTime();
            // ojAlgo alone runs cold, as the allocator always has; the active-set solver starts from the latest QP
            QpSolution solution = solver.solve(qp, gamma, fallback == null ? null : warm);
            if (!solution.optimal() && fallback != null) {
                fallbacks++;
                solution = fallback.solve(qp, gamma, null);
            }
            if (qps == qpMillis.length) {
                qpMillis = Arrays.copyOf(qpMillis, 2 * qps);
            }
            qpMillis[qps++] = (System.nanoTime() - started) / 1e6;
            if (!solution.optimal()) {
                return null;
            }
            warm = solution.warmStart();
            double[] w = solution.weights().clone();
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(lower[i], Math.min(upper[i], w[i]));
            }
            return w;
        }

        double variance(double[] w) {
            return cov.quadraticForm(w);
        }

        double expectedReturn(double[] w) {
            double r = 0;
            for (int i = 0; i < n; i++) {
                r += mu[i] * w[i];
            }
            return r;
        }

        double annualVolatility(double[] w) {
            return Math.sqrt(TRADING_DAYS * variance(w));
        }

        double dailyVar(double[] w) {
            return -(expectedReturn(w) - Z_95 * Math.sqrt(variance(w)));
        }

        boolean withinRiskLimits(double[] w) {
            return volatilityOk(w) && varOk(w);
        }

        boolean volatilityOk(double[] w) {
            return !Double.isFinite(s.maxAnnualVolatility()) || annualVolatility(w) <= s.maxAnnualVolatility();
        }

        boolean varOk(double[] w) {
            return !Double.isFinite(s.maxDailyVar95()) || dailyVar(w) <= s.maxDailyVar95();
        }

        /** max(σ/σ_max, VaR/VaR_max) over the limits that are set (≤ 1 when both hold; 0 when none is set). */
        double riskUse(double[] w) {
            double use = Double.NEGATIVE_INFINITY;
            if (Double.isFinite(s.maxAnnualVolatility())) {
                use = Math.max(use, annualVolatility(w) / s.maxAnnualVolatility());
            }
            if (Double.isFinite(s.maxDailyVar95())) {
                use = Math.max(use, dailyVar(w) / s.maxDailyVar95());
            }
            return Double.isFinite(use) ? use : 0.0;
        }

        String violatedLimits(double[] w) {
            List<String> v = new ArrayList<>();
            if (!volatilityOk(w)) {
                v.add("volatility limit " + pct(s.maxAnnualVolatility()));
            }
            if (!varOk(w)) {
                v.add("VaR limit " + pct(s.maxDailyVar95()));
            }
            return String.join(" and ", v);
        }

        String describeRisk(double[] w) {
            return "volatility " + pct(annualVolatility(w)) + ", daily VaR " + pct(dailyVar(w));
        }

        String verify(double[] w, boolean scaledIntoCash) {
            double total = 0;
            double grossSum = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] > upper[i] + VERIFY_TOLERANCE || w[i] < lower[i] - VERIFY_TOLERANCE) {
                    return "the asset cap on " + tickers[i];
                }
                total += w[i];
                grossSum += Math.abs(w[i]);
            }
            if (!scaledIntoCash && Math.abs(total - s.exposure()) > VERIFY_TOLERANCE) {
                return "the exposure (" + total + " instead of " + s.exposure() + ")";
            }
            if (s.longShort() && grossSum > s.grossLimit() + VERIFY_TOLERANCE) {
                return "the gross limit";
            }
            for (Map.Entry<String, int[]> k : industries.entrySet()) {
                double cap = s.industryCap(k.getKey());
                if (Double.isFinite(cap) && Math.abs(industrySum(w, k.getValue())) > cap + VERIFY_TOLERANCE) {
                    return "the industry cap " + k.getKey();
                }
            }
            if (Double.isFinite(s.maxAnnualVolatility()) && annualVolatility(w) > s.maxAnnualVolatility()
                    + VERIFY_TOLERANCE) {
                return "the volatility limit";
            }
            if (Double.isFinite(s.maxDailyVar95()) && dailyVar(w) > s.maxDailyVar95() + VERIFY_TOLERANCE) {
                return "the VaR limit";
            }
            return null;
        }

        List<String> binding(double[] w) {
            List<String> b = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (upper[i] > 0 && w[i] >= upper[i] - BINDING_TOLERANCE) {
                    b.add("asset cap on " + tickers[i]);
                } else if (lower[i] < 0 && w[i] <= lower[i] + BINDING_TOLERANCE) {
                    b.add("short cap on " + tickers[i]);
                }
            }
            for (Map.Entry<String, int[]> k : industries.entrySet()) {
                double cap = s.industryCap(k.getKey());
                if (Double.isFinite(cap) && Math.abs(industrySum(w, k.getValue())) >= cap - BINDING_TOLERANCE) {
                    b.add("industry cap " + k.getKey());
                }
            }
            if (s.longShort() && gross(w) >= s.grossLimit() - BINDING_TOLERANCE) {
                b.add("gross limit");
            }
            if (Double.isFinite(s.maxAnnualVolatility())
                    && annualVolatility(w) >= s.maxAnnualVolatility() * (1 - 1e-4)) {
                b.add("volatility limit");
            }
            if (Double.isFinite(s.maxDailyVar95()) && dailyVar(w) >= s.maxDailyVar95() * (1 - 1e-4)) {
                b.add("VaR limit");
            }
            return b;
        }

        private static double industrySum(double[] w, int[] members) {
            double t = 0;
            for (int i : members) {
                t += w[i];
            }
            return t;
        }
    }
}
