package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.backtest.Delisting;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.models.linear.CoefficientInference;
import org.factorguard.quant.regimes.RegimeAgreement;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;
import org.factorguard.quant.risk.VarBacktest;
import org.factorguard.quant.risk.VolatilityForecastCheck;

/**
 * Everything a {@link Study} produced, as plain values that {@link StudyResultJson} writes and reads back
 * unchanged. Every number a report shows can be re-derived from it: the daily net returns of every
 * portfolio (Table 1 via {@link PerformanceMetrics#summarise}), the regime of every return day (Table 2 via
 * {@link RegimeReport#of}), the weights decided at every rebalance, the per-fold out-of-sample metrics and
 * training curves, the optimisation-degree points (Figure 2) and the significance tests. Prediction
 * matrices are not stored (they are large and follow from the settings, the data and the seed).
 *
 * <p>Conventions (as {@link PerformanceMetrics}): daily simple returns net of costs, 252 days a year,
 * Sharpe = mean(r − rf)/std(r − rf, ddof 1)·√252 with the config's daily risk-free rate (0 before issue 13), max
 * drawdown ≤ 0 from the compounded equity curve, VaR 95 % =
 * R-7 5th percentile of daily returns (a negative return), CVaR = mean of returns at or below it.
 *
 * @param codeVersion     version of the engine that computed it (jar manifest or a constant)
 * @param datasetLabel    the data set's label
 * @param datasetHash     SHA-256 content hash of the whole data set (before selection)
 * @param syntheticData   whether the data carries a generator's true regimes
 * @param seed            the study's master seed
 * @param config          the settings, exactly as given
 * @param notes           remarks a reader must know (e.g. the LSTM implementation fallback)
 * @param timings         wall time of each stage (not reproducible; see {@link #withoutTimings()})
 * @param selection       the universe and dates actually studied
 * @param factorMissing   missing-value accounting of each prepared factor
 * @param models          walk-forward results of the linear model and the LSTM, in that order
 * @param returnDates     dates of the backtests' daily returns (shared by every portfolio)
 * @param portfolios      LSTM, Linear, Equal weight, Market index (in that order)
 * @param currentAllocations the latest rebalance of each model portfolio
 * @param regimes         dated (and true) regimes of the return days and the per-regime table
 * @param optimisationDegree the Figure 2 sweep
 * @param significance    LSTM vs linear: Diebold–Mariano, bootstrap Sharpe difference, deflated Sharpe, PBO
 * @param methodVersion   the version of the method that computed the figures ({@link #METHOD_VERSION} when
 *                        computed now); a result without one (written before versions) reads as 1. A figure's
 *                        meaning can differ between versions, e.g. Diebold–Mariano's loss; see the docs
 * @param dataTreatment   how the data was cleaned for the models and repaired for P&amp;L, and the risk-free rate
 *                        (null in results written before issue 13)
 * @param exAnteRisk      ex-ante risk against what was realised: the covariance model used and both models'
 *                        realised / ex-ante volatility, the VaR backtest per portfolio and how often the VaR limit
 *                        bound (null in results written before it existed)
 * @param tearSheet       returns by quintile, permutation importance and factor attribution (null in results
 *                        written before tear sheets: "not computed for this study")
 * @param factorSelection how the models' factors were chosen, per fold with the screen's numbers behind each
 *                        choice (results written before it existed read as {@link FactorSelection#notRecorded()})
 */
public record StudyResult(
        String codeVersion,
        String datasetLabel,
        String datasetHash,
        boolean syntheticData,
        long seed,
        StudyConfig config,
        List<String> notes,
        List<StageTiming> timings,
        Selection selection,
        List<CrossSectionalPreparation.MissingValues> factorMissing,
        List<ModelRun> models,
        LocalDate[] returnDates,
        List<Portfolio> portfolios,
        List<CurrentAllocation> currentAllocations,
        RegimeAnalysis regimes,
        OptimisationDegree optimisationDegree,
        Significance significance,
        int methodVersion,
        DataTreatment dataTreatment,
        ExAnteRisk exAnteRisk,
        TearSheet tearSheet,
        FactorSelection factorSelection) {

    /**
     * Raised whenever the method changes what a figure means. 1: until the statistics of issue 14 and the regime
     * dating of issue 15. 2: Diebold–Mariano on the demeaned squared error (and 1 − Rank IC) with the HLN variance,
     * the studentised Sharpe-difference bootstrap with an automatic block length, the deflated Sharpe with every
     * configuration tried, PBO, Newey–West IC t-statistics, Fama–MacBeth coefficients, Lunde–Timmermann regimes.
     * 3: portfolios earn the prices as imported (only listed bad ticks repaired), model inputs and labels on a
     * causal cleaned view, the daily drawdown overlay on the model portfolios, cash at the risk-free rate with
     * Sharpe and Sortino on excess returns, delisted positions sold at their last price.
     */
    public static final int METHOD_VERSION = 3;

    /** Portfolio names, as used in {@link #portfolios} and the regime table. */
    public static final String LSTM = "LSTM";
    public static final String LINEAR = "Linear";
    public static final String EQUAL_WEIGHT = "Equal weight";
    public static final String MARKET_INDEX = "Market index";

    public StudyResult {
        // a result written before method versions has none, which reads as 0
        methodVersion = methodVersion <= 0 ? 1 : methodVersion;
        notes = List.copyOf(notes);
        timings = List.copyOf(timings);
        factorMissing = List.copyOf(factorMissing);
        models = List.copyOf(models);
        portfolios = List.copyOf(portfolios);
        currentAllocations = List.copyOf(currentAllocations);
        factorSelection = factorSelection == null ? FactorSelection.notRecorded() : factorSelection;
    }

    /** A result without a record of the factor selection (the constructor before it existed). */
    public StudyResult(String codeVersion, String datasetLabel, String datasetHash, boolean syntheticData, long seed,
                       StudyConfig config, List<String> notes, List<StageTiming> timings, Selection selection,
                       List<CrossSectionalPreparation.MissingValues> factorMissing, List<ModelRun> models,
                       LocalDate[] returnDates, List<Portfolio> portfolios, List<CurrentAllocation> currentAllocations,
                       RegimeAnalysis regimes, OptimisationDegree optimisationDegree, Significance significance,
                       int methodVersion, DataTreatment dataTreatment, ExAnteRisk exAnteRisk, TearSheet tearSheet) {
        this(codeVersion, datasetLabel, datasetHash, syntheticData, seed, config, notes, timings, selection,
                factorMissing, models, returnDates, portfolios, currentAllocations, regimes, optimisationDegree,
                significance, methodVersion, dataTreatment, exAnteRisk, tearSheet, null);
    }

    /** A result without the ex-ante risk figures (the constructor before they existed). */
    public StudyResult(String codeVersion, String datasetLabel, String datasetHash, boolean syntheticData, long seed,
                       StudyConfig config, List<String> notes, List<StageTiming> timings, Selection selection,
                       List<CrossSectionalPreparation.MissingValues> factorMissing, List<ModelRun> models,
                       LocalDate[] returnDates, List<Portfolio> portfolios, List<CurrentAllocation> currentAllocations,
                       RegimeAnalysis regimes, OptimisationDegree optimisationDegree, Significance significance,
                       int methodVersion) {
        this(codeVersion, datasetLabel, datasetHash, syntheticData, seed, config, notes, timings, selection,
                factorMissing, models, returnDates, portfolios, currentAllocations, regimes, optimisationDegree,
                significance, methodVersion, null, null, null, null);
    }

    /** The same result without the wall-clock timings: the part that repeats exactly for the same inputs. */
    public StudyResult withoutTimings() {
        return new StudyResult(codeVersion, datasetLabel, datasetHash, syntheticData, seed, config, notes, List.of(),
                selection, factorMissing, models, returnDates, portfolios, currentAllocations, regimes,
                optimisationDegree, significance, methodVersion, dataTreatment, exAnteRisk,
                tearSheet, factorSelection);
    }

    public Portfolio portfolio(String name) {
        return portfolios.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no portfolio " + name));
    }

    public ModelRun model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + name));
    }

    /** Total of the stage timings in milliseconds. */
    public long totalMillis() {
        return timings.stream().mapToLong(StageTiming::millis).sum();
    }

    /** Wall time of one stage. */
    public record StageTiming(StudyStage stage, long millis) {
    }

    /**
     * @param tickers    instruments studied, in data order
     * @param industries industry of each, aligned with {@code tickers}
     * @param firstDate  first studied day
     * @param lastDate   last studied day
     * @param days       trading days studied
     * @param lstmImplementation the LSTM implementation that actually trained (after any fallback)
     */
    public record Selection(List<String> tickers, List<String> industries, LocalDate firstDate, LocalDate lastDate,
                            int days, String lstmImplementation) {
        public Selection {
            tickers = List.copyOf(tickers);
            industries = List.copyOf(industries);
        }
    }

    /**
     * Out-of-sample quality of predictions over a range of days (see {@code OutOfSampleEvaluation}).
     *
     * @param icTests Newey–West t-statistics of the mean IC and Rank IC (null in results before method version 2)
     */
    public record Accuracy(int days, long observations, double ic, double rankIc, double icir, double rankIcir,
                           double mse, double hitRate, IcTests icTests) {
    }

    /**
     * Is the mean daily IC different from zero? Daily ICs against h-day returns overlap by h − 1 days, so the
     * t-statistics are Newey–West (HAC) ones with {@code neweyWestLags} = h − 1 lags and Student-t(n − 1)
     * p-values ({@code IcSummary}); t = ICIR·√n would overstate them up to √h times.
     *
     * @param explanation the Rank IC's test in one plain sentence
     */
    public record IcTests(int neweyWestLags, double icTStatistic, double icPValue, double rankIcTStatistic,
                          double rankIcPValue, String explanation) {
    }

    /**
     * One model through the walk-forward plan.
     *
     * @param name    "Linear" or "LSTM"
     * @param folds   per-fold summaries
     * @param overall accuracy over all test days (the stitched out-of-sample series)
     */
    public record ModelRun(String name, List<Fold> folds, Accuracy overall) {
        public ModelRun {
            folds = List.copyOf(folds);
        }
    }

    /**
     * One walk-forward fold of one model; dates are inclusive (first and last day of each slice).
     *
     * @param linear  coefficients of the linear fit (null for the LSTM)
     * @param curves  training curves, one per ensemble member (empty for the linear model)
     * @param averageMemberSpread mean between-member standard deviation of the test predictions (NaN for one network)
     * @param factors the factors the fold's model used, in input order (empty in results written before it existed)
     * @param configurationsEvaluated configurations of the model tried on the fold's data to arrive at this fit: the
     *                LSTM's search grid, 1 for a fit without a search (a deflated Sharpe ratio counts them); boxed
     *                only so that results written before it existed read (as 1)
     * @param lstmChoice the LSTM's look-back and units and how they were chosen (null for the linear model and in
     *                results written before it existed)
     */
    public record Fold(int index, LocalDate trainFirst, LocalDate trainLast, LocalDate validationFirst,
                       LocalDate validationLast, LocalDate testFirst, LocalDate testLast, long trainingSamples,
                       Accuracy test, LinearCoefficients linear, List<TrainingCurve> curves, double averageMemberSpread,
                       List<String> factors, Integer configurationsEvaluated, LstmChoice lstmChoice) {
        public Fold {
            curves = List.copyOf(curves);
            factors = factors == null ? List.of() : List.copyOf(factors);
            configurationsEvaluated = configurationsEvaluated == null ? 1 : Math.max(1, configurationsEvaluated);
        }
    }

    /**
     * The look-back and hidden units one fold's LSTM ensemble trained with.
     *
     * @param lookback   the chosen look-back in days
     * @param units      the chosen hidden units
     * @param criterion  how they were chosen (or why nothing was searched)
     * @param candidates every configuration tried, with its validation scores (one unscored entry without a search)
     */
    public record LstmChoice(int lookback, int units, String criterion, List<LstmCandidate> candidates) {
        public LstmChoice {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * One configuration of a fold's LSTM search.
     *
     * @param validationRankIc mean daily Rank IC of its predictions on the validation slice (NaN when not scored)
     * @param validationMse    validation MSE at its kept epoch
     * @param bestEpoch        the kept epoch
     * @param epochs           epochs trained
     */
    public record LstmCandidate(int lookback, int units, double validationRankIc, double validationMse, int bestEpoch,
                                int epochs) {
    }

    /**
     * How the models' factors were chosen.
     *
     * @param mode        screened inside each fold, or hand-picked
     * @param outOfSample whether the choice saw only data before each fold's test: true when screened per fold,
     *                    false for a list hand-picked after a screen over the whole period (or not known to be)
     * @param note        the same in words, for the report
     * @param horizons    horizons of the screen's IC decay, ascending (empty for hand-picked factors)
     * @param folds       per fold, what was selected and why (every fold's list alike for hand-picked factors)
     */
    public record FactorSelection(FactorSelectionMode mode, boolean outOfSample, String note, List<Integer> horizons,
                                  List<FoldSelection> folds) {
        public FactorSelection {
            horizons = horizons == null ? List.of() : List.copyOf(horizons);
            folds = folds == null ? List.of() : List.copyOf(folds);
        }

        /** What a result written before factor selection was recorded reads as. */
        public static FactorSelection notRecorded() {
            return new FactorSelection(FactorSelectionMode.HAND_PICKED, false, "Recorded before factor selection was "
                    + "part of the result: the configured factors were used in every fold as given; whether they were "
                    + "chosen after a screen over the whole period is not known.", List.of(), List.of());
        }
    }

    /**
     * One fold's factor choice.
     *
     * @param fold           0-based fold
     * @param screenFirst    first day of the screened window (the fold's training window); null for hand-picked
     * @param screenLast     its last day; null for hand-picked
     * @param labelsKnownBy  the day by which every label the screen used was known (the last training label's end)
     * @param factors        the factors the fold's models used, in input order
     * @param scores         the screen's numbers for every candidate, in candidate order (empty for hand-picked)
     */
    public record FoldSelection(int fold, LocalDate screenFirst, LocalDate screenLast, LocalDate labelsKnownBy,
                                List<String> factors, List<FactorScore> scores) {
        public FoldSelection {
            factors = List.copyOf(factors);
            scores = scores == null ? List.of() : List.copyOf(scores);
        }
    }

    /**
     * A candidate's screen on one fold's training window, at the primary (model) horizon unless said otherwise.
     *
     * @param factor          the factor
     * @param selected        whether the rule kept it
     * @param days            days with a valid Rank IC
     * @param meanRankIc      mean daily Rank IC
     * @param rankIcTStatistic Newey–West t of the mean (h − 1 lags)
     * @param rankIcir        mean / sd of the daily Rank IC
     * @param signStability   share of calendar years whose mean Rank IC has the overall sign
     * @param vif             variance inflation factor among the judged factors (NaN when not judged)
     * @param decayMeanRankIc mean Rank IC per horizon of {@link FactorSelection#horizons}
     * @param reason          the rule's reason, in words
     */
    public record FactorScore(String factor, boolean selected, int days, double meanRankIc, double rankIcTStatistic,
                              double rankIcir, double signStability, double vif, double[] decayMeanRankIc,
                              String reason) {
    }

    /**
     * The linear fit R = α + Σ β_k F_k (factors after the fold's scaling) with R² and two kinds of t-values.
     *
     * @param alphaTValue  pooled OLS t of α: every stock-day counted as independent, which overlapping labels and
     *                     stocks moving together make false; it overstates significance, kept for comparison only
     * @param betaTValues  pooled OLS t of each β_k, with the same caveat
     * @param famaMacBeth  Fama–MacBeth estimates (means of per-date cross-sectional coefficients, index 0 = α) with
     *                     Newey–West standard errors with h − 1 lags: the t-values to read (null in results before
     *                     method version 2)
     */
    public record LinearCoefficients(List<String> factors, double alpha, double alphaTValue, double[] beta,
                                     double[] betaTValues, double rSquared, long observations,
                                     CoefficientInference famaMacBeth) {
        public LinearCoefficients {
            factors = List.copyOf(factors);
        }
    }

    /** Loss per epoch of one network (index e = epoch e + 1); the kept epoch and whether it stopped early. */
    public record TrainingCurve(int member, double[] trainLoss, double[] validationLoss, int bestEpoch,
                                boolean stoppedEarly) {
    }

    /**
     * One backtested portfolio, aligned with {@link StudyResult#returnDates}.
     *
     * @param returns       daily net returns
     * @param equity        compounded equity (starts from 1 before the first return)
     * @param drawdown      equity / running peak − 1
     * @param grossExposure Σ|w| after each day's close
     * @param summary       Table 1 figures of {@code returns} with turnover and exposure from the backtest
     * @param rebalances    every rebalance decision with the weights decided (sparse)
     * @param drawdownOverlay what the daily drawdown overlay did (model portfolios; null for benchmarks and for
     *                      results written before issue 13)
     * @param delistings    positions closed because the instrument's prices ended (empty in older results)
     */
    public record Portfolio(String name, double[] returns, double[] equity, double[] drawdown, double[] grossExposure,
                            PerformanceSummary summary, List<Rebalance> rebalances,
                            DrawdownOverlayResult drawdownOverlay, List<Delisting> delistings) {
        public Portfolio {
            rebalances = List.copyOf(rebalances);
            delistings = delistings == null ? List.of() : List.copyOf(delistings);
        }
    }

    /**
     * The daily drawdown overlay of a model portfolio (see {@code DrawdownOverlay}).
     *
     * @param limit                 the drawdown limit L (a positive fraction)
     * @param realisedMaxDrawdown   the portfolio's realised maximum drawdown (a fraction ≤ 0)
     * @param worstDayLoss          its worst one-day return (≤ 0 when it ever lost)
     * @param heldWithinOneDay      whether |realised MDD| ≤ L + |worst one-day return|
     * @param exposure              the book's exposure after each return day's close (aligned with returnDates)
     * @param actedDates            the closes at which the overlay changed the exposure (traded the next close)
     * @param withoutOverlayReturns the same decisions at full exposure: the model's own daily net returns
     * @param withoutOverlay        Table 1 figures of those returns (a second line next to the portfolio's)
     * @param rule                  the rule and its parameters, in words
     */
    public record DrawdownOverlayResult(double limit, double realisedMaxDrawdown, double worstDayLoss,
                                        boolean heldWithinOneDay, double[] exposure, List<LocalDate> actedDates,
                                        double[] withoutOverlayReturns, PerformanceSummary withoutOverlay,
                                        String rule) {
        public DrawdownOverlayResult {
            actedDates = List.copyOf(actedDates);
        }

        /** How many closes the overlay acted at. */
        public int actedDays() {
            return actedDates.size();
        }
    }

    /**
     * How the data was treated: model inputs and labels on a causal cleaned view, P&amp;L on the stored prices
     * with only isolated bad ticks repaired, cash at the risk-free rate.
     *
     * @param priceRepairs             the bad ticks repaired in the P&amp;L of the studied universe and dates
     * @param inputReturnsWinsorised   model-input returns clipped by the causal cleaning (whole dataset)
     * @param inputDaysCarriedForward  model-input days carried forward over gaps (whole dataset)
     * @param dailyRiskFreeRate        the daily rate cash earned and Sharpe and Sortino subtracted
     * @param note                     the rules in words
     */
    public record DataTreatment(List<PriceRepair> priceRepairs, int inputReturnsWinsorised,
                                int inputDaysCarriedForward, double dailyRiskFreeRate, String note) {
        public DataTreatment {
            priceRepairs = List.copyOf(priceRepairs);
        }
    }

    /**
     * A rebalance decided at the close of {@code date} and traded at the next close.
     *
     * @param instruments indices into {@link Selection#tickers} of the non-zero target weights
     * @param weights     those target weights
     * @param turnover    Σ|w_target − w_drifted| of the executed trade
     * @param cost        its cost as a fraction of equity
     * @param exAnteAnnualVolatility the allocator's ex-ante volatility (NaN for benchmark portfolios)
     * @param exAnteDailyVar95       the allocator's parametric VaR (NaN for benchmark portfolios)
     */
    public record Rebalance(LocalDate date, int[] instruments, double[] weights, double turnover, double cost,
                            double exAnteAnnualVolatility, double exAnteDailyVar95) {
    }

    /** One position of the current allocation; expected return is the model's daily μ that went into the QP. */
    public record Holding(String ticker, String industry, double weight, double expectedDailyReturn) {
    }

    /**
     * The latest rebalance of a model portfolio: what a manager would hold now.
     *
     * @param feasible    whether the allocator found a portfolio (else cash)
     * @param message     the allocator's explanation
     * @param holdings    non-zero weights, largest first
     * @param bindingConstraints constraints active at the solution
     */
    public record CurrentAllocation(String portfolio, LocalDate date, boolean feasible, String message,
                                    List<Holding> holdings, List<String> bindingConstraints, double netExposure,
                                    double grossExposure, double expectedDailyReturn, double exAnteAnnualVolatility,
                                    double exAnteDailyVar95) {
        public CurrentAllocation {
            holdings = List.copyOf(holdings);
            bindingConstraints = List.copyOf(bindingConstraints);
        }
    }

    /**
     * @param detected    the ex-post dated regime of each return day ({@code RegimeDating}, whole sample known)
     * @param trueRegimes the generator's regime of each return day, or null for real data
     * @param agreement   share of return days where detected = true (NaN for real data)
     * @param table       Table 2: per ex-post regime and portfolio, days, mean daily return, max drawdown, Sharpe,
     *                    VaR 95 %
     * @param dating      how the regimes were dated, the causal view and the agreement figures (null in results
     *                    before method version 2, whose regimes came from a trailing 60-day mean rule)
     */
    public record RegimeAnalysis(Regime[] detected, Regime[] trueRegimes, double agreement,
                                 List<RegimeReport.Row> table, RegimeDating dating) {
        public RegimeAnalysis {
            table = List.copyOf(table);
        }
    }

    /**
     * The regime dating behind Table 2.
     *
     * @param method           the dating method in words (e.g. Lunde–Timmermann peak-to-trough with a sideways rule)
     * @param parameters       its parameters in words
     * @param causal           the causal regime of each return day: what a manager could have known on the day
     * @param causalTable      Table 2 by the causal regimes
     * @param exPostAgreement  ex-post dating against the generator's truth (null for real data)
     * @param causalAgreement  causal view against the generator's truth (null for real data)
     * @param explanation      the method and (on synthetic data) the agreement in plain words
     */
    public record RegimeDating(String method, String parameters, Regime[] causal, List<RegimeReport.Row> causalTable,
                               AgreementWithTruth exPostAgreement, AgreementWithTruth causalAgreement,
                               String explanation) {
        public RegimeDating {
            causalTable = List.copyOf(causalTable);
        }
    }

    /**
     * Agreement of a dating with the generator's true regimes over the return days ({@link RegimeAgreement}).
     *
     * @param days              days compared
     * @param agreement         share of days with the same regime
     * @param kappa             Cohen's κ (0: no better than chance given the regimes' shares, 1: perfect)
     * @param majorityRegime    the truth's most frequent regime
     * @param majorityAgreement agreement of "always the majority regime" (its κ is 0)
     */
    public record AgreementWithTruth(int days, double agreement, double kappa, Regime majorityRegime,
                                     double majorityAgreement) {

        static AgreementWithTruth of(RegimeAgreement.Summary s) {
            return new AgreementWithTruth(s.days(), s.agreement(), s.kappa(), s.majorityRegime(),
                    s.majorityAgreement());
        }
    }

    /**
     * Figure 2: the LSTM portfolio at increasing degrees of optimisation (epochs).
     *
     * @param evaluated    whether the sweep ran
     * @param folds        0-based folds evaluated
     * @param inSampleDays training days at the end of each evaluated fold used as the in-sample window
     * @param points       one per recorded epoch, ascending
     * @param note         how the points were obtained
     */
    public record OptimisationDegree(boolean evaluated, List<Integer> folds, int inSampleDays, List<DegreePoint> points,
                                     String note) {
        public OptimisationDegree {
            folds = List.copyOf(folds);
            points = List.copyOf(points);
        }
    }

    /**
     * @param epoch                  degree of optimisation (training epochs)
     * @param members                networks (ensemble members × folds) that reached this epoch and were averaged
     * @param trainLoss              mean training loss at this epoch
     * @param validationLoss         mean validation loss at this epoch
     * @param inSampleAnnualReturn   CAGR of the portfolio on the in-sample window(s)
     * @param inSampleSharpe         its Sharpe ratio
     * @param outOfSampleAnnualReturn CAGR on the test window(s)
     * @param outOfSampleSharpe      its Sharpe ratio
     */
    public record DegreePoint(int epoch, int members, double trainLoss, double validationLoss,
                              double inSampleAnnualReturn, double inSampleSharpe, double outOfSampleAnnualReturn,
                              double outOfSampleSharpe) {
    }

    /**
     * LSTM vs linear.
     *
     * @param dieboldMariano   Diebold–Mariano (HLN) on the daily cross-sectionally demeaned squared errors (method
     *                         version 1: raw squared errors); A = LSTM, B = linear, so a positive statistic means the
     *                         LSTM's errors are larger; null when fewer than 3 days
     * @param sharpeDifference Sharpe(LSTM) − Sharpe(linear) portfolio: studentised stationary-bootstrap interval with
     *                         its p-value and block length (method version 1: percentile interval, fixed block)
     * @param deflatedSharpe   deflated Sharpe ratio of the LSTM portfolio for {@code trials} configurations
     * @param trials           N used by the deflated Sharpe (the total of {@code trialCount})
     * @param note             how the tests were set up
     * @param dieboldMarianoRankIc the second line: Diebold–Mariano on 1 − daily Rank IC (null before method version 2
     *                         or when it cannot run)
     * @param trialCount       what N is made of (null before method version 2)
     * @param knownTrialSharpes trials whose Sharpe ratios are measured like the LSTM portfolio's (both model
     *                         portfolios and the earlier studies' LSTM portfolios) and so enter V; the deflated Sharpe
     *                         says whether V came from them (at least ten) or from the null sampling variance
     * @param overfitting      probability of backtest overfitting over the optimisation-degree checkpoints (null
     *                         before method version 2)
     * @param explanations     each test in one plain sentence (null before method version 2)
     */
    public record Significance(DieboldMariano.Result dieboldMariano,
            SharpeDifferenceBootstrap.Interval sharpeDifference,
                               DeflatedSharpeRatio.Result deflatedSharpe, int trials, String note,
                               DieboldMariano.Result dieboldMarianoRankIc, TrialCount trialCount, int knownTrialSharpes,
                               Overfitting overfitting, Explanations explanations) {
    }

    /**
     * Every configuration tried for this portfolio and dataset, the deflated Sharpe ratio's N = {@link #total()}.
     *
     * @param candidates         candidate factors screened when the factor set was chosen
     * @param earlierStudies     studies of the same portfolio on the same dataset before this one
     * @param checkpoints        LSTM optimisation-degree checkpoints evaluated (one per recorded epoch)
     * @param gridConfigurations LSTM hyper-parameter configurations tried on the validation folds (the look-back and
     *                           units grid; 0 until the study searches one)
     * @param models             model portfolios compared (the LSTM and the linear model)
     * @param sweepStudies       the other studies of the same setting sweep (0 outside a sweep and in results
     *                           written before sweeps)
     */
    public record TrialCount(int candidates, int earlierStudies, int checkpoints, int gridConfigurations, int models,
                             int sweepStudies) {

        /** Outside a setting sweep. */
        public TrialCount(int candidates, int earlierStudies, int checkpoints, int gridConfigurations, int models) {
            this(candidates, earlierStudies, checkpoints, gridConfigurations, models, 0);
        }

        public int total() {
            return candidates + earlierStudies + sweepStudies + checkpoints + gridConfigurations + models;
        }

        /** The parts in words, e.g. "20 screened candidates + 0 earlier studies + …". */
        public String describe() {
            String sweep = sweepStudies == 0 ? "" : sweepStudies + " other studies of the same setting sweep + ";
            return candidates + " screened candidate factors + " + earlierStudies + " earlier studies + " + sweep
                    + checkpoints + " optimisation-degree checkpoints + " + gridConfigurations
                    + " LSTM grid configurations + " + models + " model portfolios = " + total();
        }
    }

    /**
     * Probability of backtest overfitting by CSCV ({@code BacktestOverfitting}) over the optimisation-degree
     * checkpoints' out-of-sample daily returns.
     *
     * @param evaluated         whether it could be computed (at least two checkpoints and enough days)
     * @param probability       PBO: share of splits where the in-sample best checkpoint is at or below the
     *                          out-of-sample median
     * @param degradationSlope  slope of the winners' out-of-sample on in-sample daily Sharpe (below 0: better in
     *                          sample goes with worse out of sample)
     * @param probabilityOfLoss share of splits where the in-sample winner loses money out of sample
     * @param configurations    N, checkpoints compared
     * @param blocks            S, blocks of consecutive days
     * @param blockDays         days per block
     * @param observations      days used (T minus T mod S)
     * @param combinations      splits evaluated, C(S, S/2)
     * @param note              what was compared and how S was chosen, or why it was not evaluated
     */
    public record Overfitting(boolean evaluated, double probability, double degradationSlope, double probabilityOfLoss,
                              int configurations, int blocks, int blockDays, int observations, int combinations,
                              String note) {
    }

    /** Each significance figure in one sentence a portfolio manager can act on. */
    public record Explanations(String dieboldMariano, String dieboldMarianoRankIc, String sharpeDifference,
                               String deflatedSharpe, String overfitting) {
    }

    /**
     * Ex-ante risk against what was realised ({@code ExAnteRiskAnalysis}): for each return day the book held over it
     * and the look-back window of raw returns up to the previous close give a VaR and volatility forecast.
     *
     * @param covarianceModel the covariance model the allocation used ({@code CovarianceModel} name)
     * @param varModel        how the VaR limit and the backtested VaR are measured ({@code VarModel} name)
     * @param lookbackDays    days of raw returns in each window
     * @param varLimit        the daily VaR limit at 95 %, a positive loss fraction (NaN: none)
     * @param portfolios      one per portfolio of Table 1, in that order
     * @param explanation     which covariance model was used and both models' volatility ratios, in one paragraph
     */
    public record ExAnteRisk(String covarianceModel, String varModel, int lookbackDays, double varLimit,
                             List<PortfolioRisk> portfolios, String explanation) {
        public ExAnteRisk {
            portfolios = List.copyOf(portfolios);
        }

        public PortfolioRisk portfolio(String name) {
            return portfolios.stream().filter(p -> p.portfolio().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One portfolio's ex-ante risk figures.
     *
     * @param portfolio     the portfolio's name
     * @param ewma          realised / ex-ante volatility of the held books with the EWMA covariance (null for the
     *                      benchmark portfolios, which are not allocated)
     * @param ledoitWolf    the same with the Ledoit–Wolf covariance (null for the benchmarks)
     * @param varBacktest   the one-day 95 % VaR forecasts against the next day's realised net returns: exceedances,
     *                      Kupiec and Christoffersen tests (null when too few days)
     * @param varLimitBound rebalances at which the book's VaR limit scaled it into cash (0 for the benchmarks)
     * @param decisions     rebalances decided (0 for the benchmarks)
     * @param explanation   the VaR backtest in one plain sentence
     */
    public record PortfolioRisk(String portfolio, VolatilityForecastCheck.Result ewma,
                                VolatilityForecastCheck.Result ledoitWolf, VarBacktest.Result varBacktest,
                                int varLimitBound, int decisions, String explanation) {
    }
}
