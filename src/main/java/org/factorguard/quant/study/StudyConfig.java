package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.allocation.DrawdownControlSettings;
import org.factorguard.quant.backtest.DrawdownOverlaySettings;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.CausalCleaningSettings;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmSearchSettings;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.regimes.RegimeDatingSettings;
import org.factorguard.quant.validation.TrainingWindow;
import org.factorguard.quant.validation.WalkForwardSettings;

/**
 * Everything that defines one {@link Study}: which data, which factors, both models, the walk-forward
 * scheme, the risk-constrained allocation and backtest, the regime dating, the optimisation-degree sweep
 * and the significance tests, plus the seed. Same config + same data → identical {@link StudyResult}.
 *
 * <p>Build one with {@link #builder()} (every setting named; only the dates and drawdown control may stay unset)
 * or change some settings of another with {@link #toBuilder()}, e.g. {@code defaults().toBuilder().seed(7).build()}.
 *
 * <p>Two levels of checks keep absurd settings from running: the constructor rejects settings that are
 * wrong whatever the data (unknown factors, a forward horizon that disagrees with the walk-forward purge,
 * a look-back longer than the training window, costs above 1,000 bps, …); {@link #problemsWith(MarketData)}
 * lists what is wrong for a given data set (unknown tickers, an empty date range, too few days for one
 * fold, too many folds, caps that cannot add up to the required exposure). {@link Study#run} calls it
 * before any work and refuses with every problem in one {@link StudyConfigException}. Both live in
 * {@code StudyConfigValidation}.
 *
 * @param universe           instruments to study (tickers or industries; empty = all)
 * @param startDate          first day (inclusive), or {@code null} for the first day of the data
 * @param endDate            last day (inclusive), or {@code null} for the last day of the data
 * @param factorIds          factors from {@link FactorLibrary}, in model input order: the models' inputs when they
 *                           are hand-picked, the candidates when each fold screens them ({@code factorSelection})
 * @param preparation        cross-sectional preparation of the raw factors (per day, no look-ahead)
 * @param horizon            label horizon h: the models predict ln(P_{t+h}/P_t)
 * @param walkForward        folds; its horizon must equal {@code horizon}; its look-back is replaced by the
 *                           LSTM's longest (of its own and its search grid's) so that both models are tested on
 *                           identical days
 * @param linear             the linear benchmark (eq. 1)
 * @param lstm               the LSTM (eq. 2); {@link LstmImplementation#FAST} falls back to DL4J when the
 *                           fast implementation is not in the build (recorded in the result's notes)
 * @param allocation         constraints of the risk-constrained allocation; long-only or long-short is
 *                           {@link AllocationSettings#longShort()}
 * @param drawdownControl    the rebalance-day drawdown control of configs written before issue 13 (kept so that their
 *                           results read back as they ran); a config that still has one and no
 *                           {@code drawdownOverlay} runs the daily overlay at the same limit, with a note
 * @param covarianceWindow   trailing days of returns for the ex-ante covariance and the book's historical VaR
 * @param allocationShortlist assets with the highest expected return that enter each allocation's quadratic
 *                           program (0 = all); see {@link ShortlistAllocationPolicy}
 * @param rebalance          rebalance schedule of every backtested portfolio
 * @param costBps            transaction cost in basis points per unit of turnover
 * @param optimisationDegree the Figure 2 sweep
 * @param significance       Diebold–Mariano, bootstrap, deflated Sharpe and overfitting settings
 * @param seed               master seed: the LSTM's seed and the bootstrap's are derived from it
 * @param regimeDating       dating of bull, bear and sideways markets on the market index (Table 2); {@code null}
 *                           reads as {@link RegimeDatingSettings#defaults()}. A config written before regime
 *                           dating holds the trailing-mean rule's {@code regimes} settings instead: they are
 *                           ignored when it is read, and such a config dates regimes with the defaults
 * @param drawdownOverlay    the daily drawdown overlay of the model portfolios ({@code null} = none)
 * @param riskFreeRate       annual rate earned by cash and subtracted (as a daily rate) in Sharpe and Sortino
 *                           (0 in configs written before issue 13)
 * @param inputCleaning      the causal cleaning of model inputs and labels ({@code null} = inputs as stored, as
 *                           before issue 13 when datasets were cleaned at import)
 * @param allocationSolver   the allocation's QP solver; {@code null} (a config written before the choice existed)
 *                           reads as {@link AllocationSolver#OJALGO}, the solver such a config ran with
 * @param factorSelection    hand-picked factors, or a screen of the candidates inside every fold (null in JSON
 *                           written before it existed: hand-picked, today's behaviour)
 * @param lstmSearch         the grid from which each fold chooses the LSTM's look-back and units on its
 *                           validation slice (null in older JSON: no search)
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
        OptimisationDegreeSettings optimisationDegree,
        SignificanceSettings significance,
        long seed,
        RegimeDatingSettings regimeDating,
        DrawdownOverlaySettings drawdownOverlay,
        double riskFreeRate,
        CausalCleaningSettings inputCleaning,
        AllocationSolver allocationSolver,
        FactorSelectionSettings factorSelection,
        LstmSearchSettings lstmSearch) {

    /** Most folds a study will train (each retrains the LSTM ensemble). */
    public static final int MAX_FOLDS = 60;
    /** Largest forward horizon in trading days. */
    public static final int MAX_HORIZON = 126;
    /** Largest transaction cost accepted, in basis points per unit of turnover. */
    public static final double MAX_COST_BPS = 1000;
    /** Upper bound on epochs × ensemble members per fold; beyond it a study would run for days. */
    public static final int MAX_EPOCHS_TIMES_MEMBERS = 2000;

    /**
     * The factors of {@link #defaults()}: the generator's rewarded ones plus candidates with lagged or regime
     * effects.
     */
    public static final List<String> DEFAULT_FACTORS = List.of("EP", "BP", "REV_5", "VOL_60", "MOM_60", "SIZE",
            "TURNOVER", "VOLUME_CHANGE_20");

    /** The candidates {@link #defaults()} screens inside each fold: the library's default screening candidates. */
    public static final List<String> DEFAULT_CANDIDATES = FactorLibrary.defaults().stream().map(f -> f.id()).toList();

    /**
     * Candidates ranked by the default factor screen ({@link FactorLibrary#defaults()} without the market-wide
     * series, which are not ranked), from which {@link #DEFAULT_FACTORS} were chosen.
     */
    public static final int DEFAULT_SCREENED_CANDIDATES = screenedCandidates(DEFAULT_FACTORS);

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

        /**
         * Instrument indices of {@code data} in data order; unknown names are reported by
         * {@link StudyConfig#problemsWith}.
         */
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
     * How the LSTM is tested against the linear model (see {@code SignificanceAnalysis}).
     *
     * @param bootstrapResamples   stationary-bootstrap resamples for the Sharpe-difference test
     * @param meanBlockLength      mean block length in days, or NaN (the default) for the automatic choice of
     *                             Politis &amp; White (2004) with the Patton–Politis–White (2009) correction; configs
     *                             written before it hold a fixed length (10) and keep it
     * @param confidence           interval confidence, e.g. 0.95
     * @param configurationsTried  studies of the same portfolio on the same dataset before this one (the studies
     *                             service counts them); each is a configuration tried, part of the deflated Sharpe's N
     * @param screenedCandidates   candidate factors screened when the factor set was chosen (the portfolio's factor
     *                             screen), part of the deflated Sharpe's N; 0 when none were screened. A study that
     *                             screens inside each fold ({@link FactorSelectionSettings}) counts its own
     *                             candidates instead
     * @param earlierStudySharpes  annualised Sharpe ratios of the LSTM portfolios of those earlier studies, where
     *                             their results are stored (null = none); trials whose Sharpe ratios are known
     * @param sweepStudies         the other studies of the same setting sweep (queued together, one per value of
     *                             the swept setting), each a configuration tried and part of the deflated Sharpe's
     *                             N; 0 outside a sweep (and in configs written before sweeps)
     */
    public record SignificanceSettings(int bootstrapResamples, double meanBlockLength, double confidence,
                                       int configurationsTried, int screenedCandidates,
                                       List<Double> earlierStudySharpes, int sweepStudies) {

        public SignificanceSettings {
            earlierStudySharpes = earlierStudySharpes == null ? List.of() : List.copyOf(earlierStudySharpes);
        }

        /** Outside a setting sweep. */
        public SignificanceSettings(int bootstrapResamples, double meanBlockLength, double confidence,
                                    int configurationsTried, int screenedCandidates,
                                    List<Double> earlierStudySharpes) {
            this(bootstrapResamples, meanBlockLength, confidence, configurationsTried, screenedCandidates,
                    earlierStudySharpes, 0);
        }

        /** Without earlier studies or screened candidates. */
        public SignificanceSettings(int bootstrapResamples, double meanBlockLength, double confidence) {
            this(bootstrapResamples, meanBlockLength, confidence, 0, 0, List.of());
        }

        /**
         * 1,999 resamples, automatic block length, 95 %, the candidates of the default factor screen
         * ({@link StudyConfig#DEFAULT_SCREENED_CANDIDATES}) and no earlier studies.
         */
        public static SignificanceSettings defaults() {
            return new SignificanceSettings(1999, Double.NaN, 0.95, 0, DEFAULT_SCREENED_CANDIDATES, List.of());
        }

        /** Whether the block length is chosen from the data. */
        public boolean automaticBlockLength() {
            return Double.isNaN(meanBlockLength);
        }

        /** The same settings with the earlier studies of this portfolio and dataset. */
        public SignificanceSettings withEarlierStudies(int studies, List<Double> sharpes) {
            return new SignificanceSettings(bootstrapResamples, meanBlockLength, confidence, studies,
                    screenedCandidates, sharpes, sweepStudies);
        }

        /** The same settings as one study of a setting sweep with {@code others} other studies. */
        public SignificanceSettings withSweepStudies(int others) {
            return new SignificanceSettings(bootstrapResamples, meanBlockLength, confidence, configurationsTried,
                    screenedCandidates, earlierStudySharpes, others);
        }

        /** The same settings with the number of candidate factors screened. */
        public SignificanceSettings withScreenedCandidates(int candidates) {
            return new SignificanceSettings(bootstrapResamples, meanBlockLength, confidence, configurationsTried,
                    candidates, earlierStudySharpes, sweepStudies);
        }
    }

    public StudyConfig(Universe universe, LocalDate startDate, LocalDate endDate, List<String> factorIds,
                       CrossSectionalPreparation.Settings preparation, int horizon, WalkForwardSettings walkForward,
                       LinearModelSettings linear, LstmModelSettings lstm, AllocationSettings allocation,
                       DrawdownControlSettings drawdownControl, int covarianceWindow, int allocationShortlist,
                       RebalanceFrequency rebalance, double costBps, OptimisationDegreeSettings optimisationDegree,
                       SignificanceSettings significance, long seed, RegimeDatingSettings regimeDating,
                       DrawdownOverlaySettings drawdownOverlay, double riskFreeRate,
                       CausalCleaningSettings inputCleaning, AllocationSolver allocationSolver,
                       FactorSelectionSettings factorSelection, LstmSearchSettings lstmSearch) {
        this.universe = universe;
        this.startDate = startDate;
        this.endDate = endDate;
        this.factorIds = factorIds == null ? null : List.copyOf(factorIds);
        this.preparation = preparation;
        this.horizon = horizon;
        this.walkForward = walkForward;
        this.linear = linear;
        this.lstm = lstm;
        this.allocation = allocation;
        this.drawdownControl = drawdownControl;
        this.covarianceWindow = covarianceWindow;
        this.allocationShortlist = allocationShortlist;
        this.rebalance = rebalance;
        this.costBps = costBps;
        this.optimisationDegree = optimisationDegree;
        this.significance = significance;
        this.seed = seed;
        this.regimeDating = regimeDating == null ? RegimeDatingSettings.defaults() : regimeDating;
        this.drawdownOverlay = drawdownOverlay;
        this.riskFreeRate = riskFreeRate;
        this.inputCleaning = inputCleaning;
        this.allocationSolver = allocationSolver == null ? AllocationSolver.OJALGO : allocationSolver;
        this.factorSelection = factorSelection == null ? FactorSelectionSettings.handPicked(false) : factorSelection;
        this.lstmSearch = lstmSearch == null ? LstmSearchSettings.none() : lstmSearch;
        List<String> problems = StudyConfigValidation.intrinsicProblems(this);
        if (!problems.isEmpty()) {
            throw new StudyConfigException(problems);
        }
    }

    /**
     * The default study: all instruments and days; the {@link #DEFAULT_CANDIDATES} screened inside each fold on its
     * training window (the screen's default rule at the 20-day horizon); 20-day horizon, yearly retraining on an
     * expanding window (first fold: 2 years of training, then half a year of validation for early stopping and the
     * LSTM's configuration); OLS benchmark; an LSTM ensemble of three seeds whose look-back (10 or 20 days) and units
     * (16 or 32) each fold chooses on its validation slice ({@link LstmSearchSettings}: one short run per pair),
     * each member on its own 7,000 training stock-days of the fold drawn at random, Adam at 2·10⁻³, batch 256, at
     * most 20 epochs with early stopping (patience 3) on the validation slice; monthly rebalancing at 10 bps;
     * γ = 10, 10 % per stock, 25 % volatility and 3 % daily VaR limits, every asset in each quadratic program (no
     * shortlist), solved by the warm-started active-set solver; the daily drawdown overlay at 20 %; cash at 0 %;
     * model inputs cleaned causally; seed 42. Sized so that the default study on the built-in market runs within a
     * minute on a small machine ({@code StudyBenchmark} times it).
     */
    public static StudyConfig defaults() {
        int horizon = 20;
        int lookback = 20;
        LstmSettings network = new LstmSettings(1, 32, 0.0, 1e-5, 2e-3, 256, 20, 3, 42L);
        return builder()
                .universe(Universe.all())
                .factorIds(DEFAULT_CANDIDATES)
                .preparation(CrossSectionalPreparation.Settings.defaults())
                .horizon(horizon)
                .walkForward(new WalkForwardSettings(TrainingWindow.EXPANDING, 504, 126, 252, horizon, horizon, 0,
                        lookback, -1))
                .linear(LinearModelSettings.defaults())
                .lstm(new LstmModelSettings(LstmImplementation.FAST, lookback, 3, 7_000, 5_000,
                        FeatureScaling.defaults(), network))
                .allocation(AllocationSettings.defaults().withMaxWeight(0.10))
                .drawdownOverlay(DrawdownOverlaySettings.defaults())
                .riskFreeRate(0.0)
                .inputCleaning(CausalCleaningSettings.defaults())
                .covarianceWindow(120)
                .allocationShortlist(0)
                .allocationSolver(AllocationSolver.ACTIVE_SET)
                .rebalance(RebalanceFrequency.MONTHLY)
                .costBps(10.0)
                .optimisationDegree(OptimisationDegreeSettings.defaults())
                .significance(SignificanceSettings.defaults())
                .seed(42L)
                .regimeDating(RegimeDatingSettings.defaults())
                .factorSelection(FactorSelectionSettings.screenedPerFold(horizon))
                .lstmSearch(defaultLstmSearch())
                .build();
    }

    /**
     * The default LSTM grid: look-back 10 or 20 days × 16 or 32 units, one run each of at most 4 epochs on 5,000
     * training stock-days. Sized for the default study's time budget (a look-back of 40 would double the costliest
     * runs and move the first test day later); wider grids sit behind the portfolio's thorough search.
     */
    public static LstmSearchSettings defaultLstmSearch() {
        return new LstmSearchSettings(List.of(10, 20), List.of(16, 32), 4, 5_000);
    }

    /**
     * A builder with nothing set: only the dates (open), the drawdown control and overlay (off), the risk-free rate
     * (0) and the input cleaning (none) may stay unset.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every setting of this config. */
    public Builder toBuilder() {
        return new Builder()
                .universe(universe)
                .dates(startDate, endDate)
                .factorIds(factorIds)
                .preparation(preparation)
                .horizon(horizon)
                .walkForward(walkForward)
                .linear(linear)
                .lstm(lstm)
                .allocation(allocation)
                .drawdownControl(drawdownControl)
                .covarianceWindow(covarianceWindow)
                .allocationShortlist(allocationShortlist)
                .rebalance(rebalance)
                .costBps(costBps)
                .optimisationDegree(optimisationDegree)
                .significance(significance)
                .seed(seed)
                .regimeDating(regimeDating)
                .drawdownOverlay(drawdownOverlay)
                .riskFreeRate(riskFreeRate)
                .inputCleaning(inputCleaning)
                .allocationSolver(allocationSolver)
                .factorSelection(factorSelection)
                .lstmSearch(lstmSearch);
    }

    /**
     * The overlay the model portfolios run under: {@link #drawdownOverlay()}, or for an older config with only a
     * rebalance-day drawdown control the default overlay at that control's limit; null for none.
     */
    public DrawdownOverlaySettings effectiveDrawdownOverlay() {
        if (drawdownOverlay != null) {
            return drawdownOverlay;
        }
        return drawdownControl == null ? null : DrawdownOverlaySettings.defaults().withLimit(drawdownControl.limit());
    }

    /**
     * Candidate factors a factor screen ranks when {@code chosen} is picked from it: the library's default
     * candidates plus any chosen factor outside them, without market-wide series (the same for every instrument,
     * so not ranked).
     */
    public static int screenedCandidates(List<String> chosen) {
        Set<String> ids = new HashSet<>();
        FactorLibrary.defaults().forEach(f -> ids.add(f.id()));
        ids.addAll(chosen);
        return (int) ids.stream().map(FactorLibrary::find).flatMap(java.util.Optional::stream)
                .filter(f -> f.scope() != FactorScope.MARKET).count();
    }

    /** Whether the model portfolios may short (from the allocation settings). */
    public boolean longShort() {
        return allocation.longShort();
    }

    /**
     * The walk-forward settings actually used: the configured ones with the LSTM's longest look-back, so that every
     * configuration of its search has a full history on every training day and both models test the same days.
     */
    public WalkForwardSettings effectiveWalkForward() {
        return walkForward.withLookback(lstmSearch.longestLookback(lstm));
    }

    /**
     * Everything wrong with running this config on {@code data}, as sentences; empty when it can run.
     * Checks the universe, the date range, that at least one fold fits and not more than {@link #MAX_FOLDS},
     * that the universe is large enough for cross-sectional preparation, and that per-asset and industry
     * caps can add up to the required exposure.
     */
    public List<String> problemsWith(MarketData data) {
        return StudyConfigValidation.problemsWith(this, data);
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

    /**
     * Names each setting of a {@link StudyConfig}; {@link #build()} runs the config's checks. The parameters of
     * the setters are those of the record's components.
     */
    public static final class Builder {
        private Universe universe;
        private LocalDate startDate;
        private LocalDate endDate;
        private List<String> factorIds;
        private CrossSectionalPreparation.Settings preparation;
        private int horizon;
        private WalkForwardSettings walkForward;
        private LinearModelSettings linear;
        private LstmModelSettings lstm;
        private AllocationSettings allocation;
        private DrawdownControlSettings drawdownControl;
        private int covarianceWindow;
        private int allocationShortlist;
        private AllocationSolver allocationSolver;
        private RebalanceFrequency rebalance;
        private double costBps;
        private OptimisationDegreeSettings optimisationDegree;
        private SignificanceSettings significance;
        private long seed;
        private RegimeDatingSettings regimeDating;
        private DrawdownOverlaySettings drawdownOverlay;
        private double riskFreeRate;
        private CausalCleaningSettings inputCleaning;
        private FactorSelectionSettings factorSelection;
        private LstmSearchSettings lstmSearch;

        private Builder() {
        }

        public Builder universe(Universe value) {
            universe = value;
            return this;
        }

        /** First and last day, inclusive; {@code null} = the data's first or last day. */
        public Builder dates(LocalDate start, LocalDate end) {
            startDate = start;
            endDate = end;
            return this;
        }

        public Builder startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        public Builder endDate(LocalDate value) {
            endDate = value;
            return this;
        }

        public Builder factorIds(List<String> value) {
            factorIds = value;
            return this;
        }

        public Builder preparation(CrossSectionalPreparation.Settings value) {
            preparation = value;
            return this;
        }

        /** The forward horizon h; the walk-forward settings must use the same. */
        public Builder horizon(int value) {
            horizon = value;
            return this;
        }

        public Builder walkForward(WalkForwardSettings value) {
            walkForward = value;
            return this;
        }

        public Builder linear(LinearModelSettings value) {
            linear = value;
            return this;
        }

        public Builder lstm(LstmModelSettings value) {
            lstm = value;
            return this;
        }

        public Builder allocation(AllocationSettings value) {
            allocation = value;
            return this;
        }

        /** The pre-issue-13 rebalance-day control; {@code null} = none (new configs use {@link #drawdownOverlay}). */
        public Builder drawdownControl(DrawdownControlSettings value) {
            drawdownControl = value;
            return this;
        }

        public Builder covarianceWindow(int days) {
            covarianceWindow = days;
            return this;
        }

        public Builder allocationShortlist(int assets) {
            allocationShortlist = assets;
            return this;
        }

        public Builder rebalance(RebalanceFrequency value) {
            rebalance = value;
            return this;
        }

        public Builder costBps(double value) {
            costBps = value;
            return this;
        }

        public Builder optimisationDegree(OptimisationDegreeSettings value) {
            optimisationDegree = value;
            return this;
        }

        public Builder significance(SignificanceSettings value) {
            significance = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** {@code null} = {@link AllocationSolver#OJALGO}. */
        public Builder allocationSolver(AllocationSolver value) {
            allocationSolver = value;
            return this;
        }

        /** {@code null} = {@link RegimeDatingSettings#defaults()}. */
        public Builder regimeDating(RegimeDatingSettings value) {
            regimeDating = value;
            return this;
        }

        /** {@code null} = no drawdown overlay. */
        public Builder drawdownOverlay(DrawdownOverlaySettings value) {
            drawdownOverlay = value;
            return this;
        }

        /** Annual rate earned by cash, e.g. 0.03. */
        public Builder riskFreeRate(double value) {
            riskFreeRate = value;
            return this;
        }

        /** {@code null} = model inputs as stored. */
        public Builder inputCleaning(CausalCleaningSettings value) {
            inputCleaning = value;
            return this;
        }

        /** {@code null} = hand-picked (the factor list as given, not marked as chosen after a screen). */
        public Builder factorSelection(FactorSelectionSettings value) {
            factorSelection = value;
            return this;
        }

        /** {@code null} = no search (the LSTM's own look-back and units). */
        public Builder lstmSearch(LstmSearchSettings value) {
            lstmSearch = value;
            return this;
        }

        /** @throws StudyConfigException with every problem when the settings are wrong whatever the data */
        public StudyConfig build() {
            return new StudyConfig(universe, startDate, endDate, factorIds, preparation, horizon, walkForward, linear,
                    lstm, allocation, drawdownControl, covarianceWindow, allocationShortlist, rebalance, costBps,
                    optimisationDegree, significance, seed, regimeDating, drawdownOverlay, riskFreeRate,
                    inputCleaning, allocationSolver, factorSelection, lstmSearch);
        }
    }
}
