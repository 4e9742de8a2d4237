package org.factorguard.quant.study;

import static org.factorguard.quant.study.StudyConfig.MAX_COST_BPS;
import static org.factorguard.quant.study.StudyConfig.MAX_EPOCHS_TIMES_MEMBERS;
import static org.factorguard.quant.study.StudyConfig.MAX_FOLDS;
import static org.factorguard.quant.study.StudyConfig.MAX_HORIZON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSettings;

/**
 * The two levels of checks that keep absurd settings from running, as sentences a person can act on:
 * {@link #intrinsicProblems} are wrong whatever the data (the {@link StudyConfig} constructor refuses them),
 * {@link #problemsWith} are wrong for one data set ({@link Study#run} refuses them before any work).
 */
final class StudyConfigValidation {

    private StudyConfigValidation() {
    }

    /**
     * Unknown or repeated factors, a forward horizon that disagrees with the walk-forward purge, a look-back longer
     * than the training window, runaway epochs, costs above {@link StudyConfig#MAX_COST_BPS}, exposures and caps a
     * portfolio cannot hold, optimisation-degree and bootstrap settings out of range.
     */
    static List<String> intrinsicProblems(StudyConfig c) {
        List<String> p = new ArrayList<>();
        if (c.universe() == null || c.preparation() == null || c.walkForward() == null || c.linear() == null
                || c.lstm() == null || c.allocation() == null || c.rebalance() == null
                || c.optimisationDegree() == null || c.significance() == null) {
            p.add("universe, preparation, walk-forward, linear, LSTM, allocation, rebalance, optimisation-degree and "
                    + "significance settings are all required (drawdown control may be null = off, regime dating "
                    + "null = its defaults)");
            return p;
        }
        if (c.startDate() != null && c.endDate() != null && c.endDate().isBefore(c.startDate())) {
            p.add("the end date " + c.endDate() + " is before the start date " + c.startDate());
        }
        factorProblems(c.factorIds(), p);
        selectionProblems(c, p);
        int horizon = c.horizon();
        WalkForwardSettings walkForward = c.walkForward();
        if (horizon < 1 || horizon > MAX_HORIZON) {
            p.add("the forward horizon must be between 1 and " + MAX_HORIZON + " trading days, was " + horizon);
        }
        if (walkForward.horizon() != horizon) {
            p.add("the walk-forward label horizon (" + walkForward.horizon() + " days) must equal the forward horizon ("
                    + horizon + " days), or the purge no longer protects the labels");
        }
        int longestLookback = c.lstmSearch().longestLookback(c.lstm());
        if (longestLookback > walkForward.trainingDays()) {
            p.add("the LSTM look-back of " + longestLookback + " days is longer than the training window of "
                    + walkForward.trainingDays() + " days");
        }
        if (walkForward.testDays() < 5) {
            p.add("a walk-forward test step of " + walkForward.testDays() + " days retrains the models almost every"
                    + " day; use at least 5 (252 = yearly)");
        }
        int epochs = c.lstm().network().maxEpochs();
        int epochsTimesMembers = epochs * c.lstm().ensembleSize();
        if (epochsTimesMembers > MAX_EPOCHS_TIMES_MEMBERS) {
            p.add(String.format(Locale.ROOT, "%d epochs × %d ensemble members = %d network passes per fold exceeds "
                            + "the limit of %d; lower the epochs (early stopping usually ends training within a few "
                            + "dozen)",
                    epochs, c.lstm().ensembleSize(), epochsTimesMembers, MAX_EPOCHS_TIMES_MEMBERS));
        } else if (c.lstmSearch().searches(c.lstm())) {
            int configurations = c.lstmSearch().configurations(c.lstm()).size();
            int passes = epochsTimesMembers + configurations * c.lstmSearch().epochsFor(c.lstm());
            if (passes > MAX_EPOCHS_TIMES_MEMBERS) {
                p.add(String.format(Locale.ROOT, "%d network passes per fold (%d epochs × %d members and %d search "
                                + "epochs × %d configurations) exceed the limit of %d; lower the epochs or the grid",
                        passes, epochs, c.lstm().ensembleSize(), c.lstmSearch().epochsFor(c.lstm()), configurations,
                        MAX_EPOCHS_TIMES_MEMBERS));
            }
        }
        if (c.covarianceWindow() < 20 || c.covarianceWindow() > 2520) {
            p.add("the covariance window must be between 20 and 2520 trading days, was " + c.covarianceWindow());
        }
        allocationProblems(c.allocation(), c.allocationShortlist(), p);
        if (!(c.costBps() >= 0 && c.costBps() <= MAX_COST_BPS)) {
            p.add("transaction costs must be between 0 and " + (int) MAX_COST_BPS + " bps per unit of turnover, was "
                    + c.costBps());
        }
        if (!(c.riskFreeRate() >= -0.05 && c.riskFreeRate() <= 0.25)) {
            p.add("the risk-free rate must be between −5 % and 25 % a year, was " + c.riskFreeRate());
        }
        limitProblems(c.allocation(), p);
        degreeProblems(c.optimisationDegree(), epochs, p);
        significanceProblems(c.significance(), p);
        return p;
    }

    private static void factorProblems(List<String> factorIds, List<String> p) {
        if (factorIds == null || factorIds.isEmpty()) {
            p.add("choose at least one factor");
            return;
        }
        if (new HashSet<>(factorIds).size() != factorIds.size()) {
            p.add("factor ids must be distinct: " + factorIds);
        }
        List<String> unknown = factorIds.stream().filter(id -> FactorLibrary.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            p.add("unknown factors " + unknown + "; known: "
                    + String.join(", ", FactorLibrary.all().stream().map(f -> f.id()).toList()));
        }
    }

    private static void selectionProblems(StudyConfig c, List<String> p) {
        FactorSelectionSettings selection = c.factorSelection();
        if (!selection.screenedPerFold() || c.factorIds() == null) {
            return;
        }
        if (selection.screening().primaryHorizon() != c.horizon()) {
            p.add("the factor screen judges factors at " + selection.screening().primaryHorizon() + " days, but the "
                    + "models predict " + c.horizon()
                    + " days ahead: the screen's primary horizon must be the models'");
        }
        boolean screenable = c.factorIds().stream().map(FactorLibrary::find)
                .anyMatch(f -> f.isPresent() && f.get().scope() != FactorScope.MARKET);
        if (!screenable) {
            p.add("screening factors per fold needs at least one candidate that varies across stocks (market-level "
                    + "factors have no cross-sectional IC)");
        }
    }

    private static void allocationProblems(AllocationSettings allocation, int shortlist, List<String> p) {
        if (shortlist < 0) {
            p.add("the allocation shortlist must be 0 (all assets) or positive, was " + shortlist);
        } else if (shortlist > 0 && !allocation.longShort()
                && shortlist * allocation.maxWeight() < allocation.exposure() - 1e-12) {
            p.add(String.format(Locale.ROOT, "a shortlist of %d assets at a per-stock cap of %.2f %% holds at most "
                            + "%.2f %%, below the required exposure of %.2f %%", shortlist,
                    100 * allocation.maxWeight(), 100 * shortlist * allocation.maxWeight(),
                    100 * allocation.exposure()));
        }
    }

    private static void limitProblems(AllocationSettings allocation, List<String> p) {
        if (!allocation.longShort() && allocation.exposure() > 1 + 1e-12) {
            p.add("a long-only portfolio cannot hold more than 100 % exposure (was " + allocation.exposure() * 100
                    + " %)");
        }
        if (!allocation.longShort() && allocation.exposure() <= 0) {
            p.add("a long-only portfolio needs a positive exposure (was " + allocation.exposure() * 100 + " %)");
        }
        if (allocation.maxWeight() > 1 + 1e-12 && !allocation.longShort()) {
            p.add("a per-stock cap above 100 % is meaningless for a long-only portfolio (was "
                    + allocation.maxWeight() * 100 + " %)");
        }
        for (Map.Entry<String, Double> e : allocation.industryCaps().entrySet()) {
            if (!(e.getValue() >= 0)) {
                p.add("the industry cap of " + e.getKey() + " must be non-negative, was " + e.getValue());
            }
        }
        if (Double.isFinite(allocation.maxAnnualVolatility()) && !(allocation.maxAnnualVolatility() > 0)) {
            p.add("the volatility limit must be positive (or off), was " + allocation.maxAnnualVolatility());
        }
        if (Double.isFinite(allocation.maxDailyVar95()) && !(allocation.maxDailyVar95() > 0)) {
            p.add("the VaR limit must be positive (or off), was " + allocation.maxDailyVar95());
        }
    }

    private static void degreeProblems(StudyConfig.OptimisationDegreeSettings degree, int maxEpochs, List<String> p) {
        if (degree.inSampleDays() < 20) {
            p.add("the optimisation-degree in-sample window must be at least 20 days, was " + degree.inSampleDays());
        }
        int previous = 0;
        for (int e : degree.epochs()) {
            if (e <= previous) {
                p.add("optimisation-degree epochs must be positive and ascending: " + degree.epochs());
                break;
            }
            previous = e;
        }
        if (!degree.epochs().isEmpty() && degree.epochs().getLast() > maxEpochs) {
            p.add("optimisation-degree epoch " + degree.epochs().getLast() + " exceeds the LSTM's maximum of "
                    + maxEpochs + " epochs");
        }
    }

    private static void significanceProblems(StudyConfig.SignificanceSettings significance, List<String> p) {
        if (significance.bootstrapResamples() < 100 || significance.bootstrapResamples() > 100_000) {
            p.add("bootstrap resamples must be between 100 and 100,000, was " + significance.bootstrapResamples());
        }
        if (!significance.automaticBlockLength()
                && !(significance.meanBlockLength() >= 1 && significance.meanBlockLength() <= 252)) {
            p.add("the bootstrap mean block length must be between 1 and 252 days (or automatic), was "
                    + significance.meanBlockLength());
        }
        if (!(significance.confidence() > 0.5 && significance.confidence() < 1)) {
            p.add("the bootstrap confidence must be in (0.5, 1), was " + significance.confidence());
        }
        if (significance.configurationsTried() < 0) {
            p.add("configurations tried must be non-negative, was " + significance.configurationsTried());
        }
        if (significance.sweepStudies() < 0) {
            p.add("other studies of the sweep must be non-negative, was " + significance.sweepStudies());
        }
        if (significance.screenedCandidates() < 0) {
            p.add("screened candidates must be non-negative, was " + significance.screenedCandidates());
        }
        if (significance.earlierStudySharpes().size() > significance.configurationsTried()
                || significance.earlierStudySharpes().stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            p.add("earlier studies' Sharpe ratios must be finite and no more than the earlier studies ("
                    + significance.configurationsTried() + "), were " + significance.earlierStudySharpes());
        }
    }

    /**
     * Unknown tickers or industries, a universe too small for cross-sectional preparation, an empty date range,
     * fewer days than one fold needs or more than {@link StudyConfig#MAX_FOLDS} folds, a look-back longer than
     * the selection, per-asset and industry caps that cannot add up to the required exposure.
     */
    static List<String> problemsWith(StudyConfig c, MarketData data) {
        List<String> problems = new ArrayList<>();
        Set<String> knownTickers = new HashSet<>();
        data.instruments().forEach(i -> knownTickers.add(i.ticker()));
        StudyConfig.Universe universe = c.universe();
        List<String> unknownTickers = universe.tickers().stream().filter(t -> !knownTickers.contains(t)).toList();
        if (!unknownTickers.isEmpty()) {
            problems.add("unknown tickers in the universe: " + String.join(", ", unknownTickers));
        }
        List<String> unknownIndustries = universe.industries().stream().filter(g -> !data.industries().contains(g))
                .toList();
        if (!unknownIndustries.isEmpty()) {
            problems.add("unknown industries in the universe: " + String.join(", ", unknownIndustries)
                    + " (known: " + String.join(", ", data.industries()) + ")");
        }
        int[] members = universe.select(data);
        if (members.length < c.preparation().minCrossSection()) {
            problems.add("the universe has " + members.length + " instruments, but cross-sectional preparation needs "
                    + "at least " + c.preparation().minCrossSection() + " per day");
        }
        int[] range = c.dayRange(data);
        int days = range[1] - range[0];
        if (days <= 0) {
            problems.add("the date range " + describe(c.startDate()) + " to " + describe(c.endDate())
                    + " contains no trading day of the data (" + data.dates()[0] + " to "
                    + data.dates()[data.dayCount() - 1] + ")");
            return problems;
        }
        WalkForwardSettings wf = c.effectiveWalkForward();
        if (wf.lookback() > days) {
            problems.add("the LSTM look-back of " + wf.lookback() + " days is longer than the " + days
                    + " trading days selected");
        }
        int needed = wf.lookback() - 1 + wf.trainingDays() + wf.gap()
                + (wf.validationDays() > 0 ? wf.validationDays() + wf.gap() : 0) + 3;
        if (needed > days) {
            problems.add(String.format(Locale.ROOT, "%d trading days selected, but one fold needs at least %d "
                            + "(look-back %d, training %d, validation %d, purge/embargo %d, and a few test days)",
                    days, needed, wf.lookback(), wf.trainingDays(), wf.validationDays(), wf.gap()));
        } else {
            try {
                int folds = WalkForwardPlan.over(wf, 0, days).folds().size();
                if (folds > MAX_FOLDS) {
                    problems.add("the walk-forward plan has " + folds + " folds (a retraining every "
                            + wf.testDays() + " days); at most " + MAX_FOLDS + " are allowed: use a longer test step");
                }
            } catch (IllegalArgumentException e) {
                problems.add("walk-forward plan: " + e.getMessage());
            }
        }
        if (members.length > 0) {
            problems.addAll(capProblems(c.allocation(), data, members));
        }
        return problems;
    }

    private static List<String> capProblems(AllocationSettings allocation, MarketData data, int[] members) {
        List<String> problems = new ArrayList<>();
        double exposure = allocation.exposure();
        double cap = allocation.maxWeight();
        if (!allocation.longShort()) {
            if (cap * members.length < exposure - 1e-12) {
                problems.add(String.format(Locale.ROOT, "per-stock cap %.2f %% × %d stocks = %.2f %% cannot reach the "
                                + "required exposure of %.2f %%: raise the cap or widen the universe", 100 * cap,
                        members.length, 100 * cap * members.length, 100 * exposure));
            }
            Map<String, Long> perIndustry = new LinkedHashMap<>();
            for (int i : members) {
                perIndustry.merge(data.instruments().get(i).industry(), 1L, Long::sum);
            }
            double reachable = 0;
            for (Map.Entry<String, Long> e : perIndustry.entrySet()) {
                double industryCap = allocation.industryCap(e.getKey());
                double byAssets = cap * e.getValue();
                reachable += Double.isFinite(industryCap) ? Math.max(0, Math.min(industryCap, byAssets)) : byAssets;
            }
            if (reachable < exposure - 1e-12 && cap * members.length >= exposure - 1e-12) {
                problems.add(String.format(Locale.ROOT, "industry caps allow at most %.2f %% in total over the "
                                + "universe's %d industries, below the required exposure of %.2f %%", 100 * reachable,
                        perIndustry.size(), 100 * exposure));
            }
        } else if (Math.abs(exposure) > Math.min(allocation.grossLimit(), cap * members.length) + 1e-12) {
            problems.add(String.format(Locale.ROOT, "net exposure %.2f %% exceeds what the gross limit %.2f %% and the "
                    + "per-stock cap allow", 100 * exposure, 100 * allocation.grossLimit()));
        }
        return problems;
    }

    private static String describe(LocalDate d) {
        return d == null ? "(open)" : d.toString();
    }
}
