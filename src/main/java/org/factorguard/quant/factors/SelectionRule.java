package org.factorguard.quant.factors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Proposes a factor set from screening statistics, explaining every decision:
 * <ol>
 *   <li>Judge each screenable factor alone: at least {@code minIcDays} valid days,
 *       |mean Rank IC| ≥ {@code minAbsMeanRankIc}, |Rank ICIR| ≥ {@code minAbsIcir}, and a stable sign:
 *       the share of calendar years whose mean Rank IC has the overall sign ≥ {@code minSignStability}.
 *       Market-level factors are not screenable; they are selected only when {@code includeMarketFactors}.</li>
 *   <li>Redundancy: walk the survivors from the highest |Rank ICIR| down; a factor whose |correlation| with
 *       an already kept factor exceeds {@code maxCorrelation} is dropped (so of every such pair the weaker goes).</li>
 *   <li>Optional multicollinearity: while the largest VIF among the kept factors exceeds {@code maxVif},
 *       drop that factor and recompute.</li>
 * </ol>
 */
public final class SelectionRule {

    private final ScreeningSettings settings;

    public SelectionRule(ScreeningSettings settings) {
        this.settings = settings;
    }

    /**
     * @param evaluations    per-factor statistics, in candidate order
     * @param correlationIds ids of the rows/columns of {@code correlation}
     * @param correlation    factor-by-factor correlation
     * @param vifOf          VIFs of a set of factors computed among themselves (used only when the VIF step is on)
     * @return one decision per evaluation, in the same order
     */
    public List<SelectionDecision> propose(List<FactorEvaluation> evaluations, List<String> correlationIds,
                                           double[][] correlation, Function<List<String>, double[]> vifOf) {
        Map<String, SelectionDecision> decided = new LinkedHashMap<>();
        List<FactorEvaluation> survivors = new ArrayList<>();
        for (FactorEvaluation e : evaluations) {
            if (!e.screenable()) {
                decided.put(e.factorId(), settings.includeMarketFactors()
                        ? new SelectionDecision(e.factorId(), true,
                        "selected: market-level factor kept by setting (same value for every instrument, not screened "
                                + "by IC)")
                        : new SelectionDecision(e.factorId(), false,
                        "not selected: market-level factor (same value for every instrument on a day), so it has no "
                                + "cross-sectional IC; add it to a time-series model explicitly"));
                continue;
            }
            List<String> failures = thresholdFailures(e);
            if (failures.isEmpty()) {
                survivors.add(e);
            } else {
                decided.put(e.factorId(), new SelectionDecision(e.factorId(), false, "dropped: "
                        + String.join("; ", failures)));
            }
        }
        survivors.sort(Comparator.comparingDouble((FactorEvaluation e) -> -Math.abs(e.rankIc().icir()))
                .thenComparing(FactorEvaluation::factorId));
        List<FactorEvaluation> kept = new ArrayList<>();
        for (FactorEvaluation candidate : survivors) {
            FactorEvaluation worst = null;
            double worstCorrelation = 0;
            for (FactorEvaluation k : kept) {
                double c = correlationOf(correlationIds, correlation, candidate.factorId(), k.factorId());
                if (Math.abs(c) > settings.maxCorrelation()
                        && (worst == null || Math.abs(c) > Math.abs(worstCorrelation))) {
                    worst = k;
                    worstCorrelation = c;
                }
            }
            if (worst == null) {
                kept.add(candidate);
            } else {
                decided.put(candidate.factorId(),
                        new SelectionDecision(candidate.factorId(), false, String.format(Locale.ROOT,
                        "dropped: correlated %.2f with %s which has higher |Rank ICIR| (%.3f ≥ %.3f)", worstCorrelation,
                        worst.factorId(), Math.abs(worst.rankIc().icir()), Math.abs(candidate.rankIc().icir()))));
            }
        }
        if (settings.vifStepEnabled()) {
            while (kept.size() > 1) {
                double[] vif = vifOf.apply(kept.stream().map(FactorEvaluation::factorId).toList());
                int largest = -1;
                for (int j = 0; j < vif.length; j++) {
                    if (!Double.isNaN(vif[j]) && (largest < 0 || vif[j] > vif[largest])) {
                        largest = j;
                    }
                }
                if (largest < 0 || vif[largest] <= settings.maxVif()) {
                    break;
                }
                FactorEvaluation dropped = kept.remove(largest);
                decided.put(dropped.factorId(),
                        new SelectionDecision(dropped.factorId(), false, String.format(Locale.ROOT,
                        "dropped: VIF %.1f > %.1f among the factors still selected", vif[largest], settings.maxVif())));
            }
        }
        for (FactorEvaluation e : kept) {
            decided.put(e.factorId(), new SelectionDecision(e.factorId(), true, String.format(Locale.ROOT,
                    "selected: mean Rank IC %.4f (Newey–West t %.1f, %d lags), |Rank ICIR| %.3f, sign stable in %d of "
                            + "%d years", e.rankIc().mean(), e.rankIc().tStatistic(), e.rankIc().neweyWestLags(),
                    Math.abs(e.rankIc().icir()), e.stableYears(), e.yearly().size())));
        }
        return evaluations.stream().map(e -> decided.get(e.factorId())).toList();
    }

    private List<String> thresholdFailures(FactorEvaluation e) {
        List<String> failures = new ArrayList<>();
        IcSummary rank = e.rankIc();
        if (rank.days() < settings.minIcDays()) {
            failures.add(String.format(Locale.ROOT,
                    "only %d days with a valid Rank IC (< %d; inputs missing or look-back "
                    + "longer than the data?)", rank.days(), settings.minIcDays()));
            return failures;
        }
        if (!(Math.abs(rank.mean()) >= settings.minAbsMeanRankIc())) {
            failures.add(String.format(Locale.ROOT, "|mean Rank IC| %.4f < %.4f", Math.abs(rank.mean()),
                    settings.minAbsMeanRankIc()));
        }
        if (!(Math.abs(rank.icir()) >= settings.minAbsIcir())) {
            failures.add(String.format(Locale.ROOT, "|Rank ICIR| %.3f < %.3f", Math.abs(rank.icir()),
                    settings.minAbsIcir()));
        }
        if (e.yearly().isEmpty()) {
            failures.add("sign stability unknown: no calendar year has " + settings.minDaysPerYear() + " valid days");
        } else if (!(e.signStability() >= settings.minSignStability())) {
            failures.add(String.format(Locale.ROOT,
                    "sign unstable: yearly mean Rank IC has the overall sign in %d of %d years "
                    + "(%.2f < %.2f)", e.stableYears(), e.yearly().size(), e.signStability(),
                            settings.minSignStability()));
        }
        return failures;
    }

    private static double correlationOf(List<String> ids, double[][] correlation, String a, String b) {
        int i = ids.indexOf(a);
        int j = ids.indexOf(b);
        if (i < 0 || j < 0) {
            return Double.NaN;
        }
        return correlation[i][j];
    }
}
