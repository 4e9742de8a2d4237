package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorEvaluation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorScreen;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.factors.HorizonIc;
import org.factorguard.quant.factors.ScreeningCandidate;
import org.factorguard.quant.factors.ScreeningReport;
import org.factorguard.quant.factors.ScreeningSettings;
import org.factorguard.quant.factors.SelectionDecision;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * The factors each walk-forward fold's models use ({@link FactorSelectionSettings}). Screened per fold: the daily
 * ICs of every candidate are computed once ({@link FactorScreen#dailySeries}), and fold k's screen summarises the
 * days of its training window {@code [trainStart, trainEnd)} whose labels are known by day
 * {@code trainEnd − 1 + h} (the last training label's end, which the fold's purge keeps before its validation and
 * test slices), then applies the screen's rule. When the rule keeps nothing, the judged factor with the highest
 * |Rank ICIR| is used alone, and the fold's record says so. Hand-picked: every fold uses the list as given.
 */
final class PerFoldFactorSelection {

    /** Per fold the model inputs, and the record for the result. */
    record Outcome(List<List<String>> inputs, StudyResult.FactorSelection record, List<String> notes) {
    }

    private PerFoldFactorSelection() {
    }

    static Outcome choose(StudyConfig config, MarketData data, FactorPanel panel, double[][] labels,
                          WalkForwardPlan plan, StageProgress progress) {
        FactorSelectionSettings selection = config.factorSelection();
        return selection.screenedPerFold() ? screened(config, data, panel, labels, plan, progress)
                : handPicked(config, data, plan);
    }

    private static Outcome handPicked(StudyConfig config, MarketData data, WalkForwardPlan plan) {
        List<List<String>> inputs = new ArrayList<>();
        List<StudyResult.FoldSelection> folds = new ArrayList<>();
        LocalDate[] dates = data.dates();
        for (int f = 0; f < plan.folds().size(); f++) {
            inputs.add(config.factorIds());
            WalkForwardSplit s = plan.folds().get(f);
            folds.add(new StudyResult.FoldSelection(f, null, null, dates[s.trainEnd() - 1 + s.horizon()],
                    config.factorIds(), List.of()));
        }
        String note = config.factorSelection().pickedAfterFullPeriodScreen()
                ? "The factors were hand-picked after a factor screen over the portfolio's whole date range and are "
                + "used as picked in every fold: the selection has seen the test period, so it is not out of sample."
                : "The factors were hand-picked and are used as picked in every fold; what the choice was based on is "
                + "not recorded, so it is not counted as out of sample.";
        List<String> notes = config.factorSelection().pickedAfterFullPeriodScreen() ? List.of(note) : List.of();
        return new Outcome(inputs, new StudyResult.FactorSelection(FactorSelectionMode.HAND_PICKED, false, note,
                List.of(), folds), notes);
    }

    private static Outcome screened(StudyConfig config, MarketData data, FactorPanel panel, double[][] labels,
                                    WalkForwardPlan plan, StageProgress progress) {
        ScreeningSettings settings = config.factorSelection().screening();
        FactorScreen screen = new FactorScreen(settings);
        Map<Integer, double[][]> forward = new TreeMap<>();
        for (int h : settings.horizons()) {
            forward.put(h, h == config.horizon() ? labels : ForwardReturns.logReturns(data, h));
        }
        List<ScreeningCandidate> candidates = FactorLibrary.byIds(config.factorIds()).stream()
                .map(ScreeningCandidate::of).toList();
        FactorScreen.DailySeries series = screen.dailySeries(panel, candidates, forward);
        progress.checkCancelled();
        LocalDate[] dates = data.dates();
        List<List<String>> inputs = new ArrayList<>();
        List<StudyResult.FoldSelection> folds = new ArrayList<>();
        List<WalkForwardSplit> splits = plan.folds();
        for (int f = 0; f < splits.size(); f++) {
            progress.checkCancelled();
            WalkForwardSplit s = splits.get(f);
            int labelsKnownThrough = s.trainEnd() - 1 + config.horizon();
            ScreeningReport report = screen.screenWindow(series, s.trainStart(), s.trainEnd(), labelsKnownThrough);
            List<String> chosen = report.selected();
            String fallback = null;
            if (chosen.isEmpty()) {
                FactorEvaluation strongest = report.factors().stream()
                        .filter(e -> e.screenable() && e.rankIc().days() >= settings.minIcDays()
                                && Double.isFinite(e.rankIc().icir()))
                        .max(Comparator.comparingDouble(e -> Math.abs(e.rankIc().icir()))).orElse(null);
                if (strongest == null) {
                    throw new StudyConfigException(List.of("fold " + (f + 1) + ": no candidate factor has "
                            + settings.minIcDays() + " days with a valid Rank IC in the training window "
                            + dates[s.trainStart()] + " to " + dates[s.trainEnd() - 1]));
                }
                chosen = List.of(strongest.factorId());
                fallback = strongest.factorId();
            }
            inputs.add(chosen);
            folds.add(new StudyResult.FoldSelection(f, dates[s.trainStart()], dates[s.trainEnd() - 1],
                    dates[labelsKnownThrough], chosen, scores(report, fallback)));
            progress.report((double) (f + 1) / splits.size(), "fold " + (f + 1) + ": " + chosen.size()
                    + " factors selected");
        }
        String note = "Each fold screened the " + candidates.size() + " candidate factors on its own training window "
                + "(mean Rank IC at the models' " + config.horizon() + "-day horizon, ICIR, sign stability by year, "
                + "correlation between factors) and its models used the factors the rule kept: the selection is out of "
                + "sample for every test slice.";
        return new Outcome(inputs, new StudyResult.FactorSelection(FactorSelectionMode.SCREENED_PER_FOLD, true, note,
                settings.horizons(), folds), List.of());
    }

    private static List<StudyResult.FactorScore> scores(ScreeningReport report, String fallback) {
        List<StudyResult.FactorScore> scores = new ArrayList<>();
        for (FactorEvaluation e : report.factors()) {
            SelectionDecision d = report.decision(e.factorId());
            boolean selected = d.selected() || e.factorId().equals(fallback);
            String reason = e.factorId().equals(fallback)
                    ? "selected although the rule kept no factor: the highest |Rank ICIR| of the judged factors ("
                    + d.reason() + ")" : d.reason();
            double[] decay = e.decay().stream().mapToDouble(HorizonIc::meanRankIc).toArray();
            scores.add(new StudyResult.FactorScore(e.factorId(), selected, e.rankIc().days(), e.rankIc().mean(),
                    e.rankIc().tStatistic(), e.rankIc().icir(), e.signStability(), report.vif(e.factorId()),
                    e.screenable() ? decay : new double[0], reason));
        }
        return scores;
    }
}
