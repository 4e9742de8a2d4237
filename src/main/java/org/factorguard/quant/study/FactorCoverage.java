package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.List;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Checks before a study runs that every chosen factor, after cross-sectional preparation, has at least one value
 * in the training window of every walk-forward fold: the models' feature scaling is estimated there and cannot
 * work without one. When each fold screens the factors as candidates, a candidate without values in a fold's window
 * is simply not selected there, so only a fold where no candidate has a value is refused. This is the study's own
 * factor stage (the same universe, dates, factors and preparation as {@link Study#run}), so a refusal here is
 * exactly a failure the run would meet. Typical causes: a look-back longer than the first training window allows,
 * instruments listed too late, or fewer instruments with data than the preparation's minimum cross-section.
 */
public final class FactorCoverage {

    private FactorCoverage() {
    }

    /**
     * The factors without a value in some fold's training window, as sentences (at most one per factor, for its
     * first such fold); empty when the study can fit its models. Call only when
     * {@link StudyConfig#problemsWith(MarketData)} is empty.
     */
    public static List<String> problems(StudyConfig config, MarketData data) {
        int[] members = config.universe().select(data);
        MarketData selected = members.length == data.instrumentCount() ? data : data.select(members);
        int[] range = config.dayRange(selected);
        MarketData slice = range[0] == 0 && range[1] == selected.dayCount() ? selected
                : selected.slice(range[0], range[1]);
        FactorPanel panel = FactorPanelBuilder.prepared(slice, FactorLibrary.byIds(config.factorIds()),
                config.preparation()).panel();
        WalkForwardPlan plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, slice.dayCount());
        List<String> problems = new ArrayList<>();
        if (config.factorSelection().screenedPerFold()) {
            // A candidate without values in a fold's window is not selected there; only a fold without any fails.
            for (WalkForwardSplit fold : plan.folds()) {
                boolean any = false;
                for (int k = 0; k < panel.factorCount() && !any; k++) {
                    any = anyValue(panel.values(k), fold.trainStart(), fold.trainEnd());
                }
                if (!any) {
                    int index = plan.folds().indexOf(fold);
                    problems.add("no candidate factor has a value in the training window of fold " + (index + 1)
                            + " (" + slice.dates()[fold.trainStart()] + " – " + slice.dates()[fold.trainEnd() - 1]
                            + "); start later, widen the universe or add candidates");
                }
            }
            return problems;
        }
        for (int k = 0; k < panel.factorCount(); k++) {
            float[][] values = panel.values(k);
            for (WalkForwardSplit fold : plan.folds()) {
                if (!anyValue(values, fold.trainStart(), fold.trainEnd())) {
                    int index = plan.folds().indexOf(fold);
                    problems.add("factor " + panel.factorNames().get(k) + " has no value in the training window of "
                            + "fold " + (index + 1) + " (" + slice.dates()[fold.trainStart()] + " – "
                            + slice.dates()[fold.trainEnd() - 1] + "): its history is too short there, or fewer than "
                            + config.preparation().minCrossSection() + " instruments have data on those days; "
                            + "start later, widen the universe or choose other factors");
                    break;
                }
            }
        }
        return problems;
    }

    private static boolean anyValue(float[][] values, int from, int to) {
        for (int t = from; t < to; t++) {
            for (float v : values[t]) {
                if (Float.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
