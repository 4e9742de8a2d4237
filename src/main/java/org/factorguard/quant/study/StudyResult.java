package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.List;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;

/**
 * Everything a {@link Study} produced, as plain values that {@link StudyResultJson} writes and reads back
 * unchanged. Every number a report shows can be re-derived from it: the daily net returns of every
 * portfolio (Table 1 via {@link PerformanceMetrics#summarise}), the regime of every return day (Table 2 via
 * {@link RegimeReport#of}), the weights decided at every rebalance, the per-fold out-of-sample metrics and
 * training curves, the optimisation-degree points (Figure 2) and the significance tests. Prediction
 * matrices are not stored (they are large and follow from the settings, the data and the seed).
 *
 * <p>Conventions (as {@link PerformanceMetrics}): daily simple returns net of costs, 252 days a year,
 * Sharpe = mean/std(ddof 1)·√252 with rf = 0, max drawdown ≤ 0 from the compounded equity curve, VaR 95 % =
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
 * @param regimes         detected (and true) regimes of the return days and the per-regime table
 * @param optimisationDegree the Figure 2 sweep
 * @param significance    LSTM vs linear: Diebold–Mariano, bootstrap Sharpe difference, deflated Sharpe
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
        FactorSelection factorSelection) {

    /** Portfolio names, as used in {@link #portfolios} and the regime table. */
    public static final String LSTM = "LSTM";
    public static final String LINEAR = "Linear";
    public static final String EQUAL_WEIGHT = "Equal weight";
    public static final String MARKET_INDEX = "Market index";

    public StudyResult {
        notes = List.copyOf(notes);
        timings = List.copyOf(timings);
        factorMissing = List.copyOf(factorMissing);
        models = List.copyOf(models);
        portfolios = List.copyOf(portfolios);
        currentAllocations = List.copyOf(currentAllocations);
        factorSelection = factorSelection == null ? FactorSelection.notRecorded() : factorSelection;
    }

    /** The same result without the wall-clock timings: the part that repeats exactly for the same inputs. */
    public StudyResult withoutTimings() {
        return new StudyResult(codeVersion, datasetLabel, datasetHash, syntheticData, seed, config, notes, List.of(),
                selection, factorMissing, models, returnDates, portfolios, currentAllocations, regimes,
                optimisationDegree, significance, factorSelection);
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

    /** Out-of-sample quality of predictions over a range of days (see {@code OutOfSampleEvaluation}). */
    public record Accuracy(int days, long observations, double ic, double rankIc, double icir, double rankIcir,
                           double mse, double hitRate) {
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

    /** The linear fit R = α + Σ β_k F_k (factors after the fold's scaling) with t-values and R². */
    public record LinearCoefficients(List<String> factors, double alpha, double alphaTValue, double[] beta,
                                     double[] betaTValues, double rSquared, long observations) {
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
     */
    public record Portfolio(String name, double[] returns, double[] equity, double[] drawdown, double[] grossExposure,
                            PerformanceSummary summary, List<Rebalance> rebalances) {
        public Portfolio {
            rebalances = List.copyOf(rebalances);
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
     * @param detected    detected regime of each return day (rule on the market index, see {@code RegimeDetector})
     * @param trueRegimes the generator's regime of each return day, or null for real data
     * @param agreement   share of return days where detected = true (NaN for real data)
     * @param table       Table 2: per regime and portfolio, days, mean daily return, max drawdown, Sharpe, VaR 95 %
     */
    public record RegimeAnalysis(Regime[] detected, Regime[] trueRegimes, double agreement, List<RegimeReport.Row> table) {
        public RegimeAnalysis {
            table = List.copyOf(table);
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
     * @param dieboldMariano  on daily cross-sectional squared prediction errors (A = LSTM, B = linear: a positive
     *                        statistic means the LSTM's errors are larger), null when fewer than 3 days
     * @param sharpeDifference bootstrap interval of Sharpe(LSTM) − Sharpe(linear) portfolio
     * @param deflatedSharpe  deflated Sharpe ratio of the LSTM portfolio for {@code trials} configurations
     * @param trials          N used by the deflated Sharpe
     * @param note            how N and the trial variance were formed
     */
    public record Significance(DieboldMariano.Result dieboldMariano, SharpeDifferenceBootstrap.Interval sharpeDifference,
                               DeflatedSharpeRatio.Result deflatedSharpe, int trials, String note) {
    }
}
