package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.DrawdownControlSettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.regimes.RegimeSettings;
import org.factorguard.quant.validation.TrainingWindow;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSettings;

/**
 * Everything that defines one {@link Study}: which data, which factors, both models, the walk-forward
 * scheme, the risk-constrained allocation and backtest, the regime rule, the optimisation-degree sweep
 * and the significance tests, plus the seed. Same config + same data → identical {@link StudyResult}.
 *
 * <p>Two levels of checks keep absurd settings from running: the constructor rejects settings that are
 * wrong whatever the data (unknown factors, a forward horizon that disagrees with the walk-forward purge,
 * a look-back longer than the training window, costs above 1,000 bps, …); {@link #problemsWith(MarketData)}
 * lists what is wrong for a given data set (unknown tickers, an empty date range, too few days for one
 * fold, too many folds, caps that cannot add up to the required exposure). {@link Study#run} calls it
 * before any work and refuses with every problem in one {@link StudyConfigException}.
 *
 * @param universe           instruments to study (tickers or industries; empty = all)
 * @param startDate          first day (inclusive), or {@code null} for the first day of the data
 * @param endDate            last day (inclusive), or {@code null} for the last day of the data
 * @param factorIds          factors from {@link FactorLibrary}, in model input order
 * @param preparation        cross-sectional preparation of the raw factors (per day, no look-ahead)
 * @param horizon            label horizon h: the models predict ln(P_{t+h}/P_t)
 * @param walkForward        folds; its horizon must equal {@code horizon}; its look-back is replaced by the
 *                           LSTM's so that both models are tested on identical days
 * @param linear             the linear benchmark (eq. 1)
 * @param lstm               the LSTM (eq. 2); {@link LstmImplementation#FAST} falls back to DL4J when the
 *                           fast implementation is not in the build (recorded in the result's notes)
 * @param allocation         constraints of the risk-constrained allocation; long-only or long-short is
 *                           {@link AllocationSettings#longShort()}
 * @param drawdownControl    drawdown control of the model portfolios, or {@code null} for none
 * @param covarianceWindow   trailing days of returns for the Ledoit–Wolf covariance at each rebalance
 * @param allocationShortlist assets with the highest expected return that enter each allocation's quadratic
 *                           program (0 = all); see {@link ShortlistAllocationPolicy}
 * @param rebalance          rebalance schedule of every backtested portfolio
 * @param costBps            transaction cost in basis points per unit of turnover
 * @param regimes            regime rule on the market index
 * @param optimisationDegree the Figure 2 sweep
 * @param significance       Diebold–Mariano, bootstrap and deflated Sharpe settings
 * @param seed               master seed: the LSTM's seed and the bootstrap's are derived from it
 */
public record StudyConfig(
        Universe universe,
        LocalDate startDate,
        LocalDate endDate,
        List<String> factorIds,
        CrossSectionalPreparation.Settings preparation,
        int horizon,
        WalkForwardSettings walkForward,
        LinearModelSettings linear,
        LstmModelSettings lstm,
        AllocationSettings allocation,
        DrawdownControlSettings drawdownControl,
        int covarianceWindow,
        int allocationShortlist,
        RebalanceFrequency rebalance,
        double costBps,
        RegimeSettings regimes,
        OptimisationDegreeSettings optimisationDegree,
        SignificanceSettings significance,
        long seed) {

    /** Most folds a study will train (each retrains the LSTM ensemble). */
    public static final int MAX_FOLDS = 60;
    /** Largest forward horizon in trading days. */
    public static final int MAX_HORIZON = 126;
    /** Largest transaction cost accepted, in basis points per unit of turnover. */
    public static final double MAX_COST_BPS = 1000;
    /** Upper bound on epochs × ensemble members per fold; beyond it a study would run for days. */
    public static final int MAX_EPOCHS_TIMES_MEMBERS = 2000;

    /** The factors of {@link #defaults()}: the generator's rewarded ones plus candidates with lagged or regime effects. */
    public static final List<String> DEFAULT_FACTORS = List.of("EP", "BP", "REV_5", "VOL_60", "MOM_60", "SIZE",
            "TURNOVER", "VOLUME_CHANGE_20");

    /**
     * Which instruments a study uses. With tickers given, exactly those; else with industries given, every
     * instrument of those industries; else all.
     */
    public record Universe(List<String> tickers, List<String> industries) {
        public Universe {
            tickers = tickers == null ? List.of() : List.copyOf(tickers);
            industries = industries == null ? List.of() : List.copyOf(industries);
            if (!tickers.isEmpty() && !industries.isEmpty()) {
                throw new StudyConfigException(List.of("choose the universe by tickers or by industries, not both"));
            }
        }

        public static Universe all() {
            return new Universe(List.of(), List.of());
        }

        public static Universe ofTickers(List<String> tickers) {
            return new Universe(tickers, List.of());
        }

        public static Universe ofIndustries(List<String> industries) {
            return new Universe(List.of(), industries);
        }

        /** Instrument indices of {@code data} in data order; unknown names are reported by {@link StudyConfig#problemsWith}. */
        public int[] select(MarketData data) {
            List<Integer> chosen = new ArrayList<>();
            Set<String> wantedTickers = new HashSet<>(tickers);
            Set<String> wantedIndustries = new HashSet<>(industries);
            for (int i = 0; i < data.instrumentCount(); i++) {
                Instrument instrument = data.instruments().get(i);
                boolean in = !tickers.isEmpty() ? wantedTickers.contains(instrument.ticker())
                        : industries.isEmpty() || wantedIndustries.contains(instrument.industry());
                if (in) {
                    chosen.add(i);
                }
            }
            return chosen.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The optimisation-degree sweep (the paper's Figure 2). The degree is the number of training epochs.
     * Every epoch's weights are evaluated through the trainer's checkpoint (no extra training): the
     * checkpoint predicts the last {@code inSampleDays} training days (in sample) and the fold's test days
     * (out of sample), and each prediction set becomes a portfolio as {@code portfolio} says ({@link DegreePortfolio}).
     * {@code epochs} picks which epochs to record (empty = every epoch); training still stops where early
     * stopping stops it, so degrees beyond that are not observed.
     *
     * @param enabled      run the sweep at all
     * @param allFolds     evaluate every fold (returns concatenated over folds per epoch) or only the last one
     * @param epochs       epochs to record, ascending (empty = all)
     * @param inSampleDays training days at the end of each evaluated fold's training window used in sample
     * @param portfolio    how a checkpoint's predictions become a portfolio
     */
    public record OptimisationDegreeSettings(boolean enabled, boolean allFolds, List<Integer> epochs, int inSampleDays,
                                             DegreePortfolio portfolio) {
        public OptimisationDegreeSettings {
            epochs = epochs == null ? List.of() : List.copyOf(epochs);
            if (portfolio == null) {
                throw new StudyConfigException(List.of("choose the optimisation-degree portfolio"));
            }
        }

        /** Every epoch of the last fold, in sample over its last 252 training days, top-quintile portfolios. */
        public static OptimisationDegreeSettings defaults() {
            return new OptimisationDegreeSettings(true, false, List.of(), 252, DegreePortfolio.TOP_QUINTILE);
        }

        public static OptimisationDegreeSettings off() {
            return new OptimisationDegreeSettings(false, false, List.of(), 252, DegreePortfolio.TOP_QUINTILE);
        }
    }

    /**
     * The portfolio each optimisation-degree checkpoint is judged by: {@link #TOP_QUINTILE} holds the fifth of
     * the universe with the highest predictions in equal weights (long-only; long-short also shorts the lowest
     * fifth, half the gross on each side), a direct read of the model's ranking that costs no optimisation;
     * {@link #RISK_CONSTRAINED} uses the same allocation as the LSTM portfolio (a quadratic program per
     * rebalance and checkpoint: slow). Both trade on the study's schedule with its costs.
     */
    public enum DegreePortfolio { TOP_QUINTILE, RISK_CONSTRAINED }

    /**
     * @param bootstrapResamples   stationary-bootstrap resamples for the Sharpe difference interval
     * @param meanBlockLength      mean block length in days
     * @param confidence           interval confidence, e.g. 0.95
     * @param configurationsTried  configurations tried before this one (by the user, e.g. earlier studies on the
     *                             same data); the deflated Sharpe uses N = this + the configurations this study
     *                             evaluated itself (both models and every optimisation-degree checkpoint)
     */
    public record SignificanceSettings(int bootstrapResamples, double meanBlockLength, double confidence,
                                       int configurationsTried) {
        public static SignificanceSettings defaults() {
            return new SignificanceSettings(1000, 10.0, 0.95, 0);
        }
    }

    public StudyConfig {
        factorIds = factorIds == null ? null : List.copyOf(factorIds);
        List<String> problems = intrinsicProblems(universe, startDate, endDate, factorIds, preparation, horizon,
                walkForward, linear, lstm, allocation, covarianceWindow, allocationShortlist, rebalance, costBps, regimes,
                optimisationDegree, significance);
        if (!problems.isEmpty()) {
            throw new StudyConfigException(problems);
        }
    }

    /**
     * The default study: all instruments and days, {@link #DEFAULT_FACTORS}, 20-day horizon, yearly retraining
     * on an expanding window (first fold: 2 years of training, then half a year of validation for early
     * stopping), OLS benchmark, LSTM with 32 units over 20 days, at most 25,000 training stock-days per fold
     * drawn at random, Adam at 2·10⁻³, batch 256, at most 10 epochs with patience 3, one network; monthly
     * rebalancing at 10 bps; γ = 10, 10 % per stock,
     * 25 % volatility and 3 % daily VaR limits, the 40 highest expected returns shortlisted for each quadratic
     * program; drawdown control at 20 %; seed 42. Sized so that the default study on the built-in market
     * runs in minutes on a small machine ({@code StudyBenchmark} times it); monthly rebalancing and the
     * shortlist because the quadratic program's time per rebalance grows steeply with the number of assets.
     */
    public static StudyConfig defaults() {
        int horizon = 20;
        int lookback = 20;
        LstmSettings network = new LstmSettings(1, 32, 0.0, 1e-5, 2e-3, 256, 10, 3, 42L);
        LstmModelSettings lstm = new LstmModelSettings(LstmImplementation.FAST, lookback, 1, 25_000, 5_000,
                FeatureScaling.defaults(), network);
        WalkForwardSettings walkForward = new WalkForwardSettings(TrainingWindow.EXPANDING, 504, 126, 252, horizon,
                horizon, 0, lookback, -1);
        AllocationSettings allocation = AllocationSettings.defaults().withMaxWeight(0.10);
        return new StudyConfig(Universe.all(), null, null, DEFAULT_FACTORS, CrossSectionalPreparation.Settings.defaults(),
                horizon, walkForward, LinearModelSettings.defaults(), lstm, allocation, DrawdownControlSettings.defaults(),
                120, 40, RebalanceFrequency.MONTHLY, 10.0, RegimeSettings.defaults(), OptimisationDegreeSettings.defaults(),
                SignificanceSettings.defaults(), 42L);
    }

    /** Whether the model portfolios may short (from the allocation settings). */
    public boolean longShort() {
        return allocation.longShort();
    }

    public StudyConfig withUniverse(Universe value) {
        return new StudyConfig(value, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withDates(LocalDate start, LocalDate end) {
        return new StudyConfig(universe, start, end, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withFactors(List<String> ids) {
        return new StudyConfig(universe, startDate, endDate, ids, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withWalkForward(WalkForwardSettings value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, value, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withLstm(LstmModelSettings value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, value,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withAllocation(AllocationSettings value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                value, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withAllocationShortlist(int value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, value, rebalance, costBps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withRebalance(RebalanceFrequency value, double bps) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, value, bps, regimes, optimisationDegree,
                significance, seed);
    }

    public StudyConfig withOptimisationDegree(OptimisationDegreeSettings value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, value,
                significance, seed);
    }

    public StudyConfig withSignificance(SignificanceSettings value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                value, seed);
    }

    public StudyConfig withSeed(long value) {
        return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear, lstm,
                allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps, regimes, optimisationDegree,
                significance, value);
    }

    /** The walk-forward settings actually used: the configured ones with the LSTM's look-back. */
    public WalkForwardSettings effectiveWalkForward() {
        return walkForward.withLookback(lstm.lookback());
    }

    /**
     * Everything wrong with running this config on {@code data}, as sentences; empty when it can run.
     * Checks the universe, the date range, that at least one fold fits and not more than {@link #MAX_FOLDS},
     * that the universe is large enough for cross-sectional preparation, and that per-asset and industry
     * caps can add up to the required exposure.
     */
    public List<String> problemsWith(MarketData data) {
        List<String> problems = new ArrayList<>();
        Set<String> knownTickers = new HashSet<>();
        data.instruments().forEach(i -> knownTickers.add(i.ticker()));
        List<String> unknownTickers = universe.tickers().stream().filter(t -> !knownTickers.contains(t)).toList();
        if (!unknownTickers.isEmpty()) {
            problems.add("unknown tickers in the universe: " + String.join(", ", unknownTickers));
        }
        List<String> unknownIndustries = universe.industries().stream().filter(g -> !data.industries().contains(g)).toList();
        if (!unknownIndustries.isEmpty()) {
            problems.add("unknown industries in the universe: " + String.join(", ", unknownIndustries)
                    + " (known: " + String.join(", ", data.industries()) + ")");
        }
        int[] members = universe.select(data);
        if (members.length < preparation.minCrossSection()) {
            problems.add("the universe has " + members.length + " instruments, but cross-sectional preparation needs at least "
                    + preparation.minCrossSection() + " per day");
        }
        int[] range = dayRange(data);
        int days = range[1] - range[0];
        if (days <= 0) {
            problems.add("the date range " + describe(startDate) + " to " + describe(endDate)
                    + " contains no trading day of the data (" + data.dates()[0] + " to " + data.dates()[data.dayCount() - 1] + ")");
            return problems;
        }
        WalkForwardSettings wf = effectiveWalkForward();
        if (lstm.lookback() > days) {
            problems.add("the LSTM look-back of " + lstm.lookback() + " days is longer than the " + days + " trading days selected");
        }
        if (regimes.window() >= days) {
            problems.add("the regime window of " + regimes.window() + " days is not shorter than the " + days + " trading days selected");
        }
        int needed = wf.lookback() - 1 + wf.trainingDays() + wf.gap()
                + (wf.validationDays() > 0 ? wf.validationDays() + wf.gap() : 0) + 3;
        if (needed > days) {
            problems.add(String.format(Locale.ROOT, "%d trading days selected, but one fold needs at least %d "
                            + "(look-back %d, training %d, validation %d, purge/embargo %d, and a few test days)", days, needed,
                    wf.lookback(), wf.trainingDays(), wf.validationDays(), wf.gap()));
        } else {
            try {
                int folds = WalkForwardPlan.over(wf, 0, days).folds().size();
                if (folds > MAX_FOLDS) {
                    problems.add("the walk-forward plan has " + folds + " folds (a retraining every " + wf.testDays()
                            + " days); at most " + MAX_FOLDS + " are allowed: use a longer test step");
                }
            } catch (IllegalArgumentException e) {
                problems.add("walk-forward plan: " + e.getMessage());
            }
        }
        if (members.length > 0) {
            problems.addAll(capProblems(data, members));
        }
        return problems;
    }

    /** {@code [from, to)} day indices of the configured dates in {@code data}. */
    int[] dayRange(MarketData data) {
        LocalDate[] dates = data.dates();
        int from = 0;
        while (from < dates.length && startDate != null && dates[from].isBefore(startDate)) {
            from++;
        }
        int to = dates.length;
        while (to > from && endDate != null && dates[to - 1].isAfter(endDate)) {
            to--;
        }
        return new int[] {from, to};
    }

    private List<String> capProblems(MarketData data, int[] members) {
        List<String> problems = new ArrayList<>();
        double exposure = allocation.exposure();
        double cap = allocation.maxWeight();
        if (!allocation.longShort()) {
            if (cap * members.length < exposure - 1e-12) {
                problems.add(String.format(Locale.ROOT, "per-stock cap %.2f %% × %d stocks = %.2f %% cannot reach the "
                                + "required exposure of %.2f %%: raise the cap or widen the universe", 100 * cap, members.length,
                        100 * cap * members.length, 100 * exposure));
            }
            Map<String, Long> perIndustry = new java.util.LinkedHashMap<>();
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
                problems.add(String.format(Locale.ROOT, "industry caps allow at most %.2f %% in total over the universe's "
                        + "%d industries, below the required exposure of %.2f %%", 100 * reachable, perIndustry.size(), 100 * exposure));
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

    private static List<String> intrinsicProblems(Universe universe, LocalDate startDate, LocalDate endDate,
                                                  List<String> factorIds, CrossSectionalPreparation.Settings preparation,
                                                  int horizon, WalkForwardSettings walkForward, LinearModelSettings linear,
                                                  LstmModelSettings lstm, AllocationSettings allocation, int covarianceWindow,
                                                  int allocationShortlist,
                                                  RebalanceFrequency rebalance, double costBps, RegimeSettings regimes,
                                                  OptimisationDegreeSettings degree, SignificanceSettings significance) {
        List<String> p = new ArrayList<>();
        if (universe == null || preparation == null || walkForward == null || linear == null || lstm == null
                || allocation == null || rebalance == null || regimes == null || degree == null || significance == null) {
            p.add("universe, preparation, walk-forward, linear, LSTM, allocation, rebalance, regime, optimisation-degree"
                    + " and significance settings are all required (drawdown control may be null = off)");
            return p;
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            p.add("the end date " + endDate + " is before the start date " + startDate);
        }
        if (factorIds == null || factorIds.isEmpty()) {
            p.add("choose at least one factor");
        } else {
            if (new HashSet<>(factorIds).size() != factorIds.size()) {
                p.add("factor ids must be distinct: " + factorIds);
            }
            List<String> unknown = factorIds.stream().filter(id -> FactorLibrary.find(id).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                p.add("unknown factors " + unknown + "; known: "
                        + String.join(", ", FactorLibrary.all().stream().map(f -> f.id()).toList()));
            }
        }
        if (horizon < 1 || horizon > MAX_HORIZON) {
            p.add("the forward horizon must be between 1 and " + MAX_HORIZON + " trading days, was " + horizon);
        }
        if (walkForward.horizon() != horizon) {
            p.add("the walk-forward label horizon (" + walkForward.horizon() + " days) must equal the forward horizon ("
                    + horizon + " days), or the purge no longer protects the labels");
        }
        if (lstm.lookback() > walkForward.trainingDays()) {
            p.add("the LSTM look-back of " + lstm.lookback() + " days is longer than the training window of "
                    + walkForward.trainingDays() + " days");
        }
        if (walkForward.testDays() < 5) {
            p.add("a walk-forward test step of " + walkForward.testDays() + " days retrains the models almost every day;"
                    + " use at least 5 (252 = yearly)");
        }
        int epochsTimesMembers = lstm.network().maxEpochs() * lstm.ensembleSize();
        if (epochsTimesMembers > MAX_EPOCHS_TIMES_MEMBERS) {
            p.add(String.format(Locale.ROOT, "%d epochs × %d ensemble members = %d network passes per fold exceeds the "
                            + "limit of %d; lower the epochs (early stopping usually ends training within a few dozen)",
                    lstm.network().maxEpochs(), lstm.ensembleSize(), epochsTimesMembers, MAX_EPOCHS_TIMES_MEMBERS));
        }
        if (covarianceWindow < 20 || covarianceWindow > 2520) {
            p.add("the covariance window must be between 20 and 2520 trading days, was " + covarianceWindow);
        }
        if (allocationShortlist < 0) {
            p.add("the allocation shortlist must be 0 (all assets) or positive, was " + allocationShortlist);
        } else if (allocationShortlist > 0 && !allocation.longShort()
                && allocationShortlist * allocation.maxWeight() < allocation.exposure() - 1e-12) {
            p.add(String.format(Locale.ROOT, "a shortlist of %d assets at a per-stock cap of %.2f %% holds at most %.2f %%,"
                            + " below the required exposure of %.2f %%", allocationShortlist, 100 * allocation.maxWeight(),
                    100 * allocationShortlist * allocation.maxWeight(), 100 * allocation.exposure()));
        }
        if (!(costBps >= 0 && costBps <= MAX_COST_BPS)) {
            p.add("transaction costs must be between 0 and " + (int) MAX_COST_BPS + " bps per unit of turnover, was " + costBps);
        }
        if (!allocation.longShort() && allocation.exposure() > 1 + 1e-12) {
            p.add("a long-only portfolio cannot hold more than 100 % exposure (was " + allocation.exposure() * 100 + " %)");
        }
        if (!allocation.longShort() && allocation.exposure() <= 0) {
            p.add("a long-only portfolio needs a positive exposure (was " + allocation.exposure() * 100 + " %)");
        }
        if (allocation.maxWeight() > 1 + 1e-12 && !allocation.longShort()) {
            p.add("a per-stock cap above 100 % is meaningless for a long-only portfolio (was " + allocation.maxWeight() * 100 + " %)");
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
        if (!degree.epochs().isEmpty() && degree.epochs().getLast() > lstm.network().maxEpochs()) {
            p.add("optimisation-degree epoch " + degree.epochs().getLast() + " exceeds the LSTM's maximum of "
                    + lstm.network().maxEpochs() + " epochs");
        }
        if (significance.bootstrapResamples() < 100 || significance.bootstrapResamples() > 100_000) {
            p.add("bootstrap resamples must be between 100 and 100,000, was " + significance.bootstrapResamples());
        }
        if (!(significance.meanBlockLength() >= 1 && significance.meanBlockLength() <= 252)) {
            p.add("the bootstrap mean block length must be between 1 and 252 days, was " + significance.meanBlockLength());
        }
        if (!(significance.confidence() > 0.5 && significance.confidence() < 1)) {
            p.add("the bootstrap confidence must be in (0.5, 1), was " + significance.confidence());
        }
        if (significance.configurationsTried() < 0) {
            p.add("configurations tried must be non-negative, was " + significance.configurationsTried());
        }
        return p;
    }
}
