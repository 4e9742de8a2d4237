package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorScope;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.risk.BacktestOverfitting;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;

/**
 * Is the LSTM better than the linear benchmark, and how much of it could be selection? Each test in its own method:
 * <ul>
 *   <li>{@link #dieboldMariano}: Diebold–Mariano with the Harvey–Leybourne–Newbold variance (unweighted h − 1
 *       autocovariances, Bartlett weights only as a flagged fallback) on the two models' out-of-sample predictions
 *       over the cells where both predict, at the study's horizon (A = LSTM, B = linear), with the daily
 *       cross-sectionally demeaned squared error (ranking and spacing, not the market's level) and, as a second
 *       line, 1 − the daily Rank IC (ordering only);</li>
 *   <li>{@link #sharpeDifference}: Sharpe(LSTM) − Sharpe(linear) portfolio by the Ledoit–Wolf studentised
 *       stationary bootstrap with its p-value, the block length chosen by Politis–White unless the settings fix
 *       one, seeded with the study's seed;</li>
 *   <li>{@link #deflatedSharpe}: the deflated Sharpe ratio (Bailey and López de Prado 2014) of the LSTM portfolio
 *       with N = every configuration tried for this portfolio and dataset ({@link StudyResult.TrialCount}) and V
 *       from the daily Sharpe ratios of the trials measured like the LSTM portfolio (at least ten), else the null
 *       sampling variance (see {@link #deflatedSharpe});</li>
 *   <li>{@link #overfitting}: the probability of backtest overfitting by CSCV over the optimisation-degree
 *       checkpoints' out-of-sample daily returns, with S blocks of at least {@value #MIN_PBO_BLOCK_DAYS} days (and
 *       at least the horizon), at most {@value #MAX_PBO_BLOCKS}.</li>
 * </ul>
 * Every figure comes with a sentence a portfolio manager can read ({@link StudyResult.Explanations}).
 */
final class SignificanceAnalysis {

    /** Model portfolios compared: the LSTM and the linear model. */
    static final int MODELS = 2;
    /** Shortest CSCV block: about a month of trading days, one rebalance of the default schedule. */
    static final int MIN_PBO_BLOCK_DAYS = 21;
    /** Most CSCV blocks (C(16, 8) = 12,870 splits), as Bailey et al. (2017) use. */
    static final int MAX_PBO_BLOCKS = 16;
    /** Fewest CSCV blocks worth reporting (C(4, 2) = 6 splits). */
    static final int MIN_PBO_BLOCKS = 4;

    private static final double SQRT_YEAR = Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR);

    /** The deflated Sharpe ratio with what N was made of and the trials whose Sharpe ratios were known. */
    record Deflation(DeflatedSharpeRatio.Result result, StudyResult.TrialCount trials, int knownSharpes) {
    }

    private final StudyConfig config;
    private final Consumer<String> notes;

    /** @param notes receives a sentence for the study's notes when a test cannot be computed */
    SignificanceAnalysis(StudyConfig config, Consumer<String> notes) {
        this.config = config;
        this.notes = notes;
    }

    /**
     * @param labels            realised h-day log returns [day][instrument]
     * @param from              first test day
     * @param to                end (exclusive) of the last test period
     * @param lstmReturns       daily net returns of the LSTM portfolio
     * @param linearReturns     daily net returns of the linear portfolio
     * @param degree            the optimisation-degree points (each a configuration tried, part of N)
     * @param checkpointReturns the checkpoints' out-of-sample daily returns, [day][checkpoint] in point order
     */
    StudyResult.Significance analyse(WalkForwardResult lstm, WalkForwardResult linear, double[][] labels, int from,
                                     int to, double[] lstmReturns, double[] linearReturns,
                                     StudyResult.OptimisationDegree degree, double[][] checkpointReturns) {
        DieboldMariano.Result dm = dieboldMariano(lstm.predictions(), linear.predictions(), labels, from, to,
                DieboldMariano.Loss.DEMEANED_SQUARED_ERROR);
        DieboldMariano.Result dmRankIc = dieboldMariano(lstm.predictions(), linear.predictions(), labels, from, to,
                DieboldMariano.Loss.ONE_MINUS_RANK_IC);
        SharpeDifferenceBootstrap.Interval interval = sharpeDifference(lstmReturns, linearReturns);
        Deflation deflated = deflatedSharpe(lstmReturns, linearReturns, degree, lstmGridConfigurations(lstm));
        StudyResult.Overfitting pbo = overfitting(checkpointReturns);
        StudyResult.Explanations explanations = new StudyResult.Explanations(
                explainDieboldMariano(dm, "ranking errors (squared error after removing each day's average)",
                        "placing of stocks relative to each other"),
                explainDieboldMariano(dmRankIc, "daily rank correlation with the realised returns (1 − Rank IC)",
                        "ordering of stocks"),
                explainSharpeDifference(interval), explainDeflatedSharpe(deflated), explainOverfitting(pbo));
        String note = "Diebold–Mariano: A = LSTM, B = linear, horizon " + config.horizon() + ", over the cells where "
                + "both predict; loss = each day's squared error after demeaning predictions and returns across "
                + "stocks (second line: 1 − the day's Rank IC); HLN variance from the unweighted "
                + (config.horizon() - 1) + " autocovariances, Student's t p-value. Sharpe difference: Ledoit–Wolf "
                + "studentised stationary bootstrap, " + config.significance().bootstrapResamples() + " resamples, "
                + (config.significance().automaticBlockLength() ? "block length by Politis–White"
                : "fixed mean block length " + config.significance().meanBlockLength() + " days")
                + ". Deflated Sharpe: N = " + deflated.trials().describe() + "; V "
                + varianceInWords(deflated) + ". PBO: " + pbo.note();
        return new StudyResult.Significance(dm, interval, deflated.result(), deflated.trials().total(), note,
                dmRankIc, deflated.trials(), deflated.knownSharpes(), pbo, explanations);
    }

    /** On the days [from, to) and the cells where both models predict; null (and a note) when it cannot run. */
    DieboldMariano.Result dieboldMariano(float[][] lstm, float[][] linear, double[][] labels, int from, int to,
                                         DieboldMariano.Loss loss) {
        try {
            return DieboldMariano.compare(Arrays.copyOfRange(lstm, from, to), Arrays.copyOfRange(linear, from, to),
                    Arrays.copyOfRange(labels, from, to), config.horizon(), loss);
        } catch (IllegalArgumentException e) {
            notes.accept("Diebold–Mariano (" + loss + ") not computed: " + e.getMessage());
            return null;
        }
    }

    /** Studentised bootstrap of Sharpe(LSTM) − Sharpe(linear); null (and a note) when it cannot run. */
    SharpeDifferenceBootstrap.Interval sharpeDifference(double[] lstmReturns, double[] linearReturns) {
        StudyConfig.SignificanceSettings s = config.significance();
        try {
            return new SharpeDifferenceBootstrap(s.bootstrapResamples(), s.meanBlockLength(), s.confidence(),
                    config.seed()).interval(lstmReturns, linearReturns);
        } catch (IllegalArgumentException e) {
            notes.accept("The Sharpe-difference bootstrap was not computed: " + e.getMessage());
            return null;
        }
    }

    /** What N is made of for this study, with the LSTM grid's configurations ({@link #lstmGridConfigurations}). */
    StudyResult.TrialCount trialCount(int checkpoints, int gridConfigurations) {
        StudyConfig.SignificanceSettings s = config.significance();
        return new StudyResult.TrialCount(screenedCandidates(), s.configurationsTried(), checkpoints,
                gridConfigurations, MODELS, s.sweepStudies());
    }

    /**
     * Candidate factors screened to choose the models' inputs: when every fold screens them itself, the study's own
     * candidates that a screen ranks (market-wide series are not ranked); for hand-picked factors, the candidates of
     * the screen they were picked from, as the settings say.
     */
    int screenedCandidates() {
        if (config.factorSelection().screenedPerFold()) {
            return (int) FactorLibrary.byIds(config.factorIds()).stream()
                    .filter(f -> f.scope() != FactorScope.MARKET).count();
        }
        return config.significance().screenedCandidates();
    }

    /**
     * LSTM hyper-parameter configurations tried on the validation slices: the size of the grid, i.e. the most
     * configurations any fold evaluated (every fold tries the same grid and may keep a different one); 0 without a
     * search (one configuration per fold, the LSTM portfolio itself, already counted among the models).
     */
    static int lstmGridConfigurations(WalkForwardResult lstm) {
        int most = lstm.folds().stream().mapToInt(f -> f.fit().configurationsEvaluated()).max().orElse(1);
        return most > 1 ? most : 0;
    }

    /**
     * The LSTM portfolio's deflated Sharpe ratio over every configuration tried for this portfolio and dataset. V
     * compares like with like: the trials whose Sharpe ratios are measured as the LSTM portfolio's is, over a whole
     * walk-forward backtest with the study's allocation (both model portfolios and the earlier studies' LSTM
     * portfolios). The checkpoints count in N, but their Sharpe ratios come from one fold's test days and the
     * checkpoint portfolio rule: on a window a fraction as long, their spread is mostly the window's sampling noise
     * and the level of that window, not the spread of skill between configurations.
     */
    Deflation deflatedSharpe(double[] lstmReturns, double[] linearReturns, StudyResult.OptimisationDegree degree,
                             int gridConfigurations) {
        List<Double> known = new ArrayList<>();
        known.add(dailySharpe(lstmReturns));
        known.add(dailySharpe(linearReturns));
        config.significance().earlierStudySharpes().forEach(v -> known.add(v / SQRT_YEAR));
        double[] sharpes = known.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        StudyResult.TrialCount trials = trialCount(degree.points().size(), gridConfigurations);
        return new Deflation(DeflatedSharpeRatio.compute(lstmReturns, trials.total(), sharpes), trials,
                sharpes.length);
    }

    /**
     * PBO by CSCV over the checkpoints' out-of-sample daily returns: S is the largest even number of blocks of at
     * least max({@value #MIN_PBO_BLOCK_DAYS}, h) days, at most {@value #MAX_PBO_BLOCKS}; not evaluated below two
     * checkpoints or {@value #MIN_PBO_BLOCKS} blocks.
     */
    StudyResult.Overfitting overfitting(double[][] checkpointReturns) {
        int days = checkpointReturns.length;
        int configurations = days == 0 ? 0 : checkpointReturns[0].length;
        int blockDays = Math.max(MIN_PBO_BLOCK_DAYS, config.horizon());
        int blocks = Math.min(MAX_PBO_BLOCKS, days / blockDays) / 2 * 2;
        if (configurations < 2) {
            return notEvaluated(configurations, days, "not evaluated: fewer than two optimisation-degree "
                    + "checkpoints (" + configurations + ").");
        }
        if (blocks < MIN_PBO_BLOCKS) {
            return notEvaluated(configurations, days, "not evaluated: " + days + " out-of-sample days hold fewer "
                    + "than " + MIN_PBO_BLOCKS + " blocks of " + blockDays + " days.");
        }
        BacktestOverfitting.Result r;
        try {
            r = BacktestOverfitting.cscv(checkpointReturns, blocks);
        } catch (IllegalArgumentException e) {
            return notEvaluated(configurations, days, "not evaluated: " + e.getMessage() + ".");
        }
        int used = r.observationsUsed() / blocks;
        String note = configurations + " optimisation-degree checkpoints (one per epoch) compared on their "
                + r.observationsUsed() + " out-of-sample days" + (days > r.observationsUsed()
                ? " (the first " + (days - r.observationsUsed()) + " dropped)" : "") + ", cut into S = " + blocks
                + " blocks of " + used + " consecutive days (the most blocks, at most " + MAX_PBO_BLOCKS
                + ", of at least " + blockDays + " days: about a month and at least the horizon), "
                + r.combinations() + " in-/out-of-sample splits, performance = daily Sharpe ratio.";
        return new StudyResult.Overfitting(true, r.probability(), r.degradationSlope(), r.probabilityOfLoss(),
                configurations, blocks, used, r.observationsUsed(), r.combinations(), note);
    }

    private static StudyResult.Overfitting notEvaluated(int configurations, int days, String note) {
        return new StudyResult.Overfitting(false, Double.NaN, Double.NaN, Double.NaN, configurations, 0, 0, days, 0,
                note);
    }

    // ------------------------------------------------------------------ plain words

    /**
     * @param what  the loss in words
     * @param skill what the loss judges, e.g. "ordering of stocks"
     */
    private static String explainDieboldMariano(DieboldMariano.Result dm, String what, String skill) {
        if (dm == null) {
            return "Diebold–Mariano on the " + what + " could not be computed (too few days).";
        }
        String p = "DM " + pValue(dm.hlnPValue()) + " on the " + what + ": ";
        String verdict;
        if (!(dm.hlnPValue() < 0.05)) {
            verdict = "the two models differ by no more than chance explains.";
        } else if (dm.meanLossDifference() < 0) {
            verdict = "the LSTM's " + skill + " is closer to what happened than the linear model's, beyond what "
                    + "chance explains.";
        } else {
            verdict = "the linear model's " + skill + " is closer to what happened than the LSTM's, beyond what "
                    + "chance explains.";
        }
        return p + verdict + (dm.fellBack() ? " (Its variance needed the Bartlett fallback, which tends to reject "
                + "too often.)" : "");
    }

    private static String explainSharpeDifference(SharpeDifferenceBootstrap.Interval i) {
        if (i == null) {
            return "The Sharpe-ratio difference could not be tested (too few or invalid returns).";
        }
        String figures = String.format(Locale.ROOT, "Sharpe LSTM − linear = %.2f (%s interval %.2f to %.2f, %s, "
                        + "blocks of %.1f days on average): ", i.observedDifference(), percent(i.confidence()),
                i.lower(), i.upper(), pValue(i.pValue()), i.meanBlockLength());
        if (!(i.pValue() < 0.05)) {
            return figures + "a gap this size could be chance.";
        }
        return figures + "the " + (i.observedDifference() > 0 ? "LSTM" : "linear")
                + " portfolio's risk-adjusted return is higher beyond what chance explains.";
    }

    private static String explainDeflatedSharpe(Deflation d) {
        DeflatedSharpeRatio.Result r = d.result();
        return String.format(Locale.ROOT, "Deflated Sharpe %.2f: after %d configurations tried (%s), the chance that "
                        + "the LSTM portfolio's true Sharpe ratio (%.2f observed) beats what the best of %d unskilled "
                        + "tries would show is %s.", r.probability(), r.trials(), d.trials().describe(),
                r.annualisedSharpe(), r.trials(), probability(r.probability()));
    }

    private static String explainOverfitting(StudyResult.Overfitting o) {
        if (!o.evaluated()) {
            return "The probability of backtest overfitting was " + o.note();
        }
        String verdict = o.probability() < 0.2 ? "choosing the training length on past performance mostly carries over"
                : o.probability() < 0.4 ? "choosing the training length on past performance carries over only partly"
                : "choosing the training length on past performance is close to a coin toss";
        return String.format(Locale.ROOT, "PBO = %.2f: the epoch that looked best on half of the test days landed at "
                        + "or below the median on the other half in %s of %d splits; %s.", o.probability(),
                percent(o.probability()), o.combinations(), verdict);
    }

    private static String varianceInWords(Deflation d) {
        DeflatedSharpeRatio.Result r = d.result();
        return switch (r.varianceSource()) {
            case TRIALS -> String.format(Locale.ROOT, "= %.3g, the variance of the daily Sharpe ratios of the %d "
                    + "trials measured like the LSTM portfolio (both model portfolios and earlier studies' LSTM "
                    + "portfolios; the checkpoints' come from one fold's test days and are not comparable)",
                    r.trialSharpeVariance(), d.knownSharpes());
            case NULL_SAMPLING_VARIANCE -> String.format(Locale.ROOT, "= %.3g, the null sampling variance 1/(T − 1), "
                    + "because only %d trials are measured like the LSTM portfolio (both model portfolios and "
                    + "earlier studies' LSTM portfolios), fewer than %d", r.trialSharpeVariance(), d.knownSharpes(),
                    DeflatedSharpeRatio.MIN_TRIALS_FOR_VARIANCE);
            case GIVEN -> String.format(Locale.ROOT, "= %.3g", r.trialSharpeVariance());
        };
    }

    /** "p = 0.031", "p < 0.001" or "p n/a". */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "p n/a";
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    /** A probability in words that does not round 99.8 % up to a certainty. */
    private static String probability(double p) {
        if (p > 0.99) {
            return "above 99 %";
        }
        return p < 0.01 ? "below 1 %" : percent(p);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    private static double dailySharpe(double[] returns) {
        return PerformanceMetrics.sharpe(returns) / SQRT_YEAR;
    }
}
