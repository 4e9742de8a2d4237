package org.factorguard.quant.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factorguard.quant.risk.PortfolioValueAtRisk;

/**
 * The daily VaR limit measured on the book itself, enforced after the quadratic program. The program's own VaR
 * limit is Gaussian, −(μ'w − 1.645·√(w'Σw)), and cannot bind under a 25 % volatility limit (1.645·25 %/√252 ≈
 * 2.6 % &lt; 3 %); fat tails and crashes in the book's recent history are what it misses. With the book w from the
 * program and the look-back window of raw daily returns r<sub>d</sub> of its assets, the hypothetical returns
 * p<sub>d</sub> = Σ<sub>i</sub>w<sub>i</sub>r<sub>di</sub> give VaR<sub>95</sub>(w) by historical simulation (R-7
 * 5th percentile) or Cornish–Fisher ({@link PortfolioValueAtRisk}). When the loss −VaR<sub>95</sub>(w) exceeds the
 * limit L, the risky positions are scaled by s ∈ [0, 1) and the rest is held in cash: s is the root of
 * f(c) = −VaR<sub>95</sub>((1 − c)·w)/L − 1 over the cut c ∈ [0, 1] found by {@link IllinoisRootSearch}, keeping
 * the side where the limit holds. Cash earns nothing in p, so both VaRs are positively homogeneous,
 * VaR(s·w) = s·VaR(w), and the search ends after one false-position step at s = L/(−VaR(w)); it is kept general so
 * that a VaR that is not homogeneous (e.g. cash at a rate) needs no other code.
 *
 * <p>Reference: J. Hull, <i>Risk Management and Financial Institutions</i>, chapter "Historical simulation";
 * Basel Committee, <i>Amendment to the capital accord to incorporate market risks</i>, 1996 (VaR on the current
 * book from a look-back window of observed returns).
 */
public final class VarLimitStep {

    /** Below this many look-back days the historical VaR is not estimated and the step leaves the book alone. */
    public static final int MINIMUM_DAYS = 20;

    /** The one-day VaR's confidence, as the limit {@link AllocationSettings#maxDailyVar95()}. */
    public static final double CONFIDENCE = 0.95;

    private static final int MAX_STEPS = 60;
    private static final double TOLERANCE = 1e-9;
    /** The search aims this far inside the limit, so rounding in the scaled weights cannot breach it. */
    private static final double MARGIN = 1e-9;

    /**
     * @param result       the allocation after the step (the program's result when the limit held)
     * @param valueAtRisk  VaR<sub>95</sub> of the final book on the look-back window, a return (negative for a loss;
     *                     NaN when not estimated)
     * @param scale        s, the factor applied to the program's risky positions (1 when the limit held)
     * @param bound        whether the limit bound (s &lt; 1)
     */
    public record Outcome(AllocationResult result, double valueAtRisk, double scale, boolean bound) {
    }

    private final VarModel model;
    private final double limit;

    /**
     * @param model how VaR is measured; {@link VarModel#PARAMETRIC} makes this step a no-op
     * @param limit the largest allowed one-day loss at 95 %, a positive fraction (NaN: none)
     */
    public VarLimitStep(VarModel model, double limit) {
        this.model = model;
        this.limit = limit;
    }

    /** For an allocation's settings. */
    public static VarLimitStep of(AllocationSettings settings) {
        return new VarLimitStep(settings.varModel(), settings.maxDailyVar95());
    }

    /** Whether this step measures anything (historical or Cornish–Fisher with a finite limit). */
    public boolean active() {
        return model != VarModel.PARAMETRIC && Double.isFinite(limit) && limit > 0;
    }

    /**
     * @param allocation    the program's result, weights in the order of the window's columns
     * @param returnsByDay  the look-back window of raw daily returns of the same assets, ending at the decision day
     */
    public Outcome apply(AllocationResult allocation, double[][] returnsByDay) {
        if (!active() || returnsByDay.length < MINIMUM_DAYS) {
            return new Outcome(allocation, Double.NaN, 1.0, false);
        }
        double[] w = allocation.weights();
        double[] pnl = PortfolioValueAtRisk.hypotheticalReturns(w, returnsByDay);
        double var = valueAtRisk(pnl, 1.0);
        if (!(-var > limit) || !allocation.feasible()) {
            return new Outcome(allocation, var, 1.0, false);
        }
        double target = limit * (1 - MARGIN);
        IllinoisRootSearch.Evaluation<Double> f = cut -> {
            double v = valueAtRisk(pnl, 1 - cut);
            return Double.isFinite(v) ? new IllinoisRootSearch.Point<>(cut, -v / target - 1, v) : null;
        };
        IllinoisRootSearch.Point<Double> end = IllinoisRootSearch.satisfyingEnd(
                new IllinoisRootSearch.Point<>(0.0, -var / target - 1, var), f.at(1.0), f, MAX_STEPS, TOLERANCE);
        double scale = 1 - end.x();
        return new Outcome(scaled(allocation, scale, var), end.value(), scale, true);
    }

    private double valueAtRisk(double[] pnl, double scale) {
        double[] p = new double[pnl.length];
        for (int d = 0; d < p.length; d++) {
            p[d] = scale * pnl[d];
        }
        return model == VarModel.CORNISH_FISHER
                ? PortfolioValueAtRisk.cornishFisher(p, CONFIDENCE)
                : PortfolioValueAtRisk.historical(p, CONFIDENCE);
    }

    private AllocationResult scaled(AllocationResult a, double scale, double varBefore) {
        double[] w = a.weights().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        List<String> binding = new ArrayList<>(a.bindingConstraints());
        binding.add(label());
        if (!binding.contains("exposure scaled into cash")) {
            binding.add("exposure scaled into cash");
        }
        String message = a.message() + String.format(Locale.ROOT,
                " The book's %s one-day VaR (95 %%) of %.2f %% exceeded the %.2f %% limit: its positions were scaled"
                        + " to %.1f %% of their size and the rest held in cash.",
                model == VarModel.CORNISH_FISHER ? "Cornish–Fisher" : "historical", -100 * varBefore, 100 * limit,
                100 * scale);
        return new AllocationResult(a.status(), message.strip(), w, binding, scale * a.netExposure(),
                scale * a.grossExposure(), scale * a.expectedDailyReturn(), scale * a.exAnteAnnualVolatility(),
                scale * a.exAnteDailyVar95(), a.effectiveRiskAversion());
    }

    /** The binding-constraint label of this limit. */
    public String label() {
        return model == VarModel.CORNISH_FISHER ? "VaR limit (Cornish–Fisher)" : "VaR limit (historical simulation)";
    }
}
