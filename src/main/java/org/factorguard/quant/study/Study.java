package org.factorguard.quant.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factorguard.quant.allocation.AllocationResult;
import org.factorguard.quant.allocation.DrawdownControl;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.WeightPolicy;
import org.factorguard.quant.data.DatasetHash;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.FoldResult;
import org.factorguard.quant.models.ReturnModel;
import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.models.WalkForwardRun;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.linear.LinearFit;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.lstm.PanelSequenceSource;
import org.factorguard.quant.models.lstm.SequenceRegressorFactory;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.regimes.RegimeDetector;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.factorguard.quant.risk.LedoitWolfCovariance;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.SharpeDifferenceBootstrap;
import org.factorguard.quant.validation.OutOfSampleMetrics;
import org.factorguard.quant.validation.WalkForwardPlan;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * The whole research pipeline of Li, Gu et al. (2025) from a {@link StudyConfig} to a {@link StudyResult}:
 * <ol>
 *   <li><b>Data</b>: the configured universe and dates of the data set (refused up front with every problem
 *       when the config cannot run on it).</li>
 *   <li><b>Factors</b>: the configured library factors, prepared cross-sectionally per day (winsorise,
 *       z-score; no look-ahead).</li>
 *   <li><b>Labels</b>: forward log returns ln(P_{t+h}/P_t).</li>
 *   <li><b>Walk-forward</b> of the linear benchmark (eq. 1) and the LSTM (eq. 2) over the same folds (the
 *       plan uses the LSTM's look-back for both, so both are tested on identical days); per-fold
 *       out-of-sample IC, Rank IC, ICIR, MSE, hit rate; stitched out-of-sample predictions.</li>
 *   <li><b>Backtests</b> from the first test day to the last: the LSTM and linear portfolios through a
 *       {@link RiskConstrainedPolicy} (μ_t = prediction_t / h as a daily expected return, Ledoit–Wolf
 *       covariance of the trailing returns, QP with caps, volatility and VaR limits, drawdown control), the
 *       equal-weight universe and the market index, all on the same schedule and costs (see
 *       {@link Backtester} for timing: decided at the close of t, traded at the close of t + 1).</li>
 *   <li><b>Optimisation degree</b> (Figure 2): each epoch's checkpoint of the LSTM is evaluated in and out of
 *       sample without extra training (see {@link StudyConfig.OptimisationDegreeSettings}).</li>
 *   <li><b>Regimes</b> (Table 2): the {@link RegimeDetector} on the market index over the studied period; the
 *       per-regime table of every portfolio; agreement with the true regimes of synthetic data.</li>
 *   <li><b>Significance</b>: Diebold–Mariano (HLN-corrected) on daily cross-sectional squared errors of the two
 *       models' out-of-sample predictions (cells where both predict), a stationary-bootstrap interval of
 *       Sharpe(LSTM) − Sharpe(linear), and the deflated Sharpe ratio of the LSTM portfolio with N = the
 *       configurations tried before plus those evaluated here (both model portfolios and every
 *       optimisation-degree checkpoint), the trial variance from the checkpoints' out-of-sample daily Sharpe
 *       ratios (configurations measured alike; the two model portfolios when there are fewer than two).</li>
 * </ol>
 * Progress goes to a {@link StudyProgressListener}; a {@link CancellationToken} is checked between steps,
 * between mini-batches of training and at every rebalance. Deterministic: the LSTM's seed and the
 * bootstrap's are the config's seed, so the same data and config give the same result (timings aside).
 * When the config asks for the FAST LSTM and the build has none, DL4J's LSTM trains instead and the result's
 * notes say so.
 */
public final class Study {

    /** Mini-batches between two throttled batch progress reports. */
    private static final int BATCH_REPORT_EVERY = 25;
    private static final int PREDICTION_CHUNK = 4096;

    private final String codeVersion;
    private final SequenceRegressorFactory factory;

    /**
     * @param codeVersion version recorded in the result (e.g. from the jar manifest)
     * @param factory     LSTM implementations available
     */
    public Study(String codeVersion, SequenceRegressorFactory factory) {
        this.codeVersion = codeVersion;
        this.factory = factory;
    }

    /** With the standard implementations and the version of this package's jar manifest ("development" when none). */
    public static Study standard() {
        String version = Study.class.getPackage().getImplementationVersion();
        return new Study(version == null ? "development" : version, SequenceRegressorFactory.standard());
    }

    public String codeVersion() {
        return codeVersion;
    }

    /**
     * Runs the study.
     *
     * @throws StudyConfigException     when the config cannot run on this data (before any work)
     * @throws StudyCancelledException  when {@code cancel} asked for it
     */
    public StudyResult run(MarketData data, StudyConfig config, StudyProgressListener listener, CancellationToken cancel) {
        List<String> problems = config.problemsWith(data);
        if (!problems.isEmpty()) {
            throw new StudyConfigException(problems);
        }
        return new Execution(data, config, listener, cancel).run();
    }

    /** The state of one run. */
    private final class Execution {
        final MarketData source;
        final StudyConfig config;
        final StudyProgressListener listener;
        final CancellationToken cancel;
        final List<String> notes = new ArrayList<>();
        final List<StudyResult.StageTiming> timings = new ArrayList<>();
        StudyStage stage = StudyStage.DATA;
        long stageStart;

        MarketData data;
        FactorPanel panel;
        double[][] labels;
        WalkForwardPlan plan;
        LstmModelSettings lstmSettings;
        DegreeRecorder degree;

        Execution(MarketData source, StudyConfig config, StudyProgressListener listener, CancellationToken cancel) {
            this.source = source;
            this.config = config;
            this.listener = listener;
            this.cancel = cancel;
        }

        StudyResult run() {
            begin(StudyStage.DATA);
            String hash = source.contentHash() != null ? source.contentHash() : DatasetHash.of(source);
            int[] members = config.universe().select(source);
            MarketData selected = members.length == source.instrumentCount() ? source : source.select(members);
            int[] range = config.dayRange(selected);
            data = range[0] == 0 && range[1] == selected.dayCount() ? selected : selected.slice(range[0], range[1]);
            LstmImplementation implementation = config.lstm().implementation();
            if (!factory.isAvailable(implementation)) {
                LstmImplementation fallback = Arrays.stream(LstmImplementation.values()).filter(factory::isAvailable)
                        .findFirst().orElseThrow(() -> new IllegalStateException("no LSTM implementation is available"));
                notes.add("The " + implementation + " LSTM is not available in this build; the " + fallback
                        + " implementation trained instead (same settings).");
                implementation = fallback;
            }
            lstmSettings = new LstmModelSettings(implementation, config.lstm().lookback(), config.lstm().ensembleSize(),
                    config.lstm().maxTrainingSamples(), config.lstm().maxValidationSamples(), config.lstm().scaling(),
                    config.lstm().network().withSeed(config.seed()));
            finish();

            begin(StudyStage.FACTORS);
            CrossSectionalPreparation.Result prepared = FactorPanelBuilder.prepared(data,
                    FactorLibrary.byIds(config.factorIds()), config.preparation());
            panel = prepared.panel();
            finish();

            begin(StudyStage.LABELS);
            labels = ForwardReturns.logReturns(data, config.horizon());
            plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, data.dayCount());
            finish();

            begin(StudyStage.LINEAR);
            WalkForwardResult linear = walkForward(new LinearFactorModel(config.linear()), StudyResult.LINEAR, null);
            finish();

            begin(StudyStage.LSTM);
            degree = new DegreeRecorder(degreeFolds());
            WalkForwardResult lstm = walkForward(new LstmReturnModel(lstmSettings, factory), StudyResult.LSTM, degree);
            finish();

            begin(StudyStage.BACKTESTS);
            int start = plan.firstTestDay();
            int end = plan.folds().getLast().testEnd() - 1;
            float[][] lstmMu = dailyExpectedReturns(lstm.predictions());
            float[][] linearMu = dailyExpectedReturns(linear.predictions());
            Backtester backtester = new Backtester(new Backtester.Settings(config.rebalance(), config.costBps(),
                    config.longShort(), config.longShort() ? config.allocation().grossLimit() : 1.0));
            ShortlistAllocationPolicy lstmPolicy = policy(lstmMu);
            BacktestResult lstmBacktest = backtester.run(StudyResult.LSTM, data, start, end,
                    cancellable(lstmPolicy, start, end, 0.0, 0.45));
            ShortlistAllocationPolicy linearPolicy = policy(linearMu);
            BacktestResult linearBacktest = backtester.run(StudyResult.LINEAR, data, start, end,
                    cancellable(linearPolicy, start, end, 0.45, 0.45));
            BacktestResult equalBacktest = backtester.run(StudyResult.EQUAL_WEIGHT, data, start, end,
                    cancellable(Backtester.equalWeightPolicy(), start, end, 0.9, 0.1));
            BacktestResult marketBacktest = Backtester.marketIndex(data, start, end);
            List<StudyResult.Portfolio> portfolios = List.of(
                    portfolio(lstmBacktest, lstmPolicy.decisions()),
                    portfolio(linearBacktest, linearPolicy.decisions()),
                    portfolio(equalBacktest, null),
                    portfolio(marketBacktest, null));
            // The market index is held, not traded: it has no rebalances over the universe's instruments.
            List<StudyResult.CurrentAllocation> current = List.of(
                    currentAllocation(StudyResult.LSTM, lstmBacktest, lstmPolicy.decisions(), lstmMu),
                    currentAllocation(StudyResult.LINEAR, linearBacktest, linearPolicy.decisions(), linearMu));
            finish();

            begin(StudyStage.OPTIMISATION_DEGREE);
            StudyResult.OptimisationDegree figure2 = optimisationDegree();
            finish();

            begin(StudyStage.REGIMES);
            StudyResult.RegimeAnalysis regimes = regimes(start, end, portfolios);
            finish();

            begin(StudyStage.SIGNIFICANCE);
            StudyResult.Significance significance = significance(lstm, linear, lstmBacktest, linearBacktest, figure2);
            finish();

            LocalDate[] dates = data.dates();
            StudyResult.Selection selection = new StudyResult.Selection(
                    data.instruments().stream().map(Instrument::ticker).toList(),
                    data.instruments().stream().map(Instrument::industry).toList(),
                    dates[0], dates[dates.length - 1], dates.length, implementation.name());
            return new StudyResult(codeVersion, source.label(), hash, source.isSynthetic(), config.seed(), config, notes,
                    timings, selection, prepared.missing(), List.of(modelRun(linear), modelRun(lstm)),
                    lstmBacktest.dates(), portfolios, current, regimes, figure2, significance);
        }

        // ------------------------------------------------------------------ stages

        void begin(StudyStage next) {
            checkCancelled(next);
            stage = next;
            stageStart = System.nanoTime();
            listener.onProgress(StudyProgress.of(next, 0, "started: " + next.displayName()));
        }

        void finish() {
            long millis = (System.nanoTime() - stageStart) / 1_000_000;
            timings.add(new StudyResult.StageTiming(stage, millis));
            listener.onStageFinished(stage, millis);
            listener.onProgress(StudyProgress.of(stage, 1, "finished: " + stage.displayName() + " in " + millis + " ms"));
        }

        void checkCancelled(StudyStage where) {
            if (cancel.isCancellationRequested()) {
                throw new StudyCancelledException(where);
            }
        }

        WalkForwardResult walkForward(ReturnModel model, String name, DegreeRecorder recorder) {
            int folds = plan.folds().size();
            int maxEpochs = recorder == null ? 0 : lstmSettings.network().maxEpochs();
            int members = lstmSettings.ensembleSize();
            WalkForwardListener progress = new WalkForwardListener() {
                @Override
                public void onFoldStarted(int fold, int count, WalkForwardSplit split) {
                    listener.onProgress(new StudyProgress(stage, stage.overallPercent((double) fold / count), name, fold,
                            count, -1, 0, maxEpochs, Double.NaN, Double.NaN,
                            name + ": fold " + (fold + 1) + " of " + count + " (" + split + ")"));
                }

                @Override
                public TrainingListener trainingListener(int fold) {
                    return new TrainingListener() {
                        int member;
                        int lastEpoch;
                        boolean lastEpochEnded;
                        int batches;

                        /** Ensemble members train one after another; a member starts when the epoch count restarts. */
                        void track(int epoch, boolean end) {
                            if (epoch < lastEpoch || (epoch == lastEpoch && lastEpochEnded)) {
                                member++;
                            }
                            lastEpoch = epoch;
                            lastEpochEnded = end;
                        }

                        @Override
                        public void onBatch(EpochProgress p) {
                            track(p.epoch(), false);
                            if (++batches % BATCH_REPORT_EVERY == 0) {
                                report(p, "batch " + p.batch() + " of " + p.batches());
                            }
                        }

                        @Override
                        public void onEpochEnd(EpochProgress p, SequencePredictor checkpoint) {
                            track(p.epoch(), true);
                            report(p, "epoch " + p.epoch() + " done");
                            if (recorder != null) {
                                recorder.record(fold, member, p, checkpoint);
                            }
                        }

                        void report(EpochProgress p, String what) {
                            double within = maxEpochs == 0 ? 0 : (member * maxEpochs + p.epoch() - 1
                                    + (double) p.batch() / Math.max(1, p.batches())) / (members * maxEpochs);
                            listener.onProgress(new StudyProgress(stage, stage.overallPercent((fold + within) / folds),
                                    name, fold, folds, member, p.epoch(), p.maxEpochs(), p.trainLoss(),
                                    p.validationLoss(), name + " fold " + (fold + 1) + "/" + folds + ", member "
                                    + (member + 1) + ", " + what));
                        }
                    };
                }
            };
            try {
                return WalkForwardRun.run(model, panel, labels, plan, progress, cancel);
            } catch (TrainingCancelledException e) {
                throw new StudyCancelledException(stage);
            }
        }

        /** μ_t = prediction_t / h: the model's h-day log return as a daily expected return. */
        float[][] dailyExpectedReturns(float[][] predictions) {
            float h = config.horizon();
            float[][] out = new float[predictions.length][];
            for (int t = 0; t < predictions.length; t++) {
                out[t] = new float[predictions[t].length];
                for (int i = 0; i < out[t].length; i++) {
                    out[t][i] = predictions[t][i] / h;
                }
            }
            return out;
        }

        ShortlistAllocationPolicy policy(float[][] mu) {
            return new ShortlistAllocationPolicy(mu, new LedoitWolfCovariance(), config.covarianceWindow(),
                    config.allocation(),
                    config.drawdownControl() == null ? null : new DrawdownControl(config.drawdownControl()),
                    config.allocationShortlist());
        }

        /** Checks the token at every decision and reports progress within [offset, offset + share] of the stage. */
        WeightPolicy cancellable(WeightPolicy policy, int start, int end, double offset, double share) {
            return context -> {
                checkCancelled(stage);
                double fraction = offset + share * (context.day() - start) / Math.max(1.0, end - start);
                listener.onProgress(StudyProgress.of(stage, fraction, "rebalance on " + context.date()));
                return policy.weights(context);
            };
        }

        StudyResult.Portfolio portfolio(BacktestResult b, List<ShortlistAllocationPolicy.Decision> allocations) {
            List<StudyResult.Rebalance> rebalances = new ArrayList<>();
            int decisions = b.name().equals(StudyResult.MARKET_INDEX) ? 0 : b.decisionDays().length;
            for (int k = 0; k < decisions; k++) {
                double[] target = b.targetWeights()[k];
                int nonZero = 0;
                for (double w : target) {
                    if (w != 0) {
                        nonZero++;
                    }
                }
                int[] which = new int[nonZero];
                double[] weights = new double[nonZero];
                int j = 0;
                for (int i = 0; i < target.length; i++) {
                    if (target[i] != 0) {
                        which[j] = i;
                        weights[j++] = target[i];
                    }
                }
                AllocationResult a = allocations == null ? null : allocations.get(k).result();
                rebalances.add(new StudyResult.Rebalance(b.decisionDates()[k], which, weights,
                        k < b.turnover().length ? b.turnover()[k] : 0.0, k < b.costs().length ? b.costs()[k] : 0.0,
                        a == null ? Double.NaN : a.exAnteAnnualVolatility(), a == null ? Double.NaN : a.exAnteDailyVar95()));
            }
            return new StudyResult.Portfolio(b.name(), b.returns(), b.equity(), b.drawdown(), b.grossExposure(),
                    b.summary(), rebalances);
        }

        StudyResult.CurrentAllocation currentAllocation(String name, BacktestResult b,
                                                        List<ShortlistAllocationPolicy.Decision> decisions, float[][] mu) {
            int k = decisions.size() - 1;
            AllocationResult last = decisions.get(k).result();
            int day = b.decisionDays()[k];
            List<StudyResult.Holding> holdings = new ArrayList<>();
            double[] w = decisions.get(k).fullWeights(data.instrumentCount());
            for (int i = 0; i < w.length; i++) {
                if (Math.abs(w[i]) > 1e-9) {
                    Instrument instrument = data.instruments().get(i);
                    holdings.add(new StudyResult.Holding(instrument.ticker(), instrument.industry(), w[i], mu[day][i]));
                }
            }
            holdings.sort(Comparator.comparingDouble((StudyResult.Holding h) -> -Math.abs(h.weight()))
                    .thenComparing(StudyResult.Holding::ticker));
            return new StudyResult.CurrentAllocation(name, b.decisionDates()[k], last.feasible(), last.message(), holdings,
                    last.bindingConstraints(), last.netExposure(), last.grossExposure(), last.expectedDailyReturn(),
                    last.exAnteAnnualVolatility(), last.exAnteDailyVar95());
        }

        StudyResult.ModelRun modelRun(WalkForwardResult run) {
            LocalDate[] dates = data.dates();
            List<StudyResult.Fold> folds = new ArrayList<>();
            for (FoldResult f : run.folds()) {
                WalkForwardSplit s = f.split();
                StudyResult.LinearCoefficients coefficients = null;
                if (f.fit() instanceof LinearFit fit) {
                    coefficients = new StudyResult.LinearCoefficients(fit.factorNames(), fit.alpha(), fit.alphaTValue(),
                            fit.beta(), fit.betaTValues(), fit.rSquared(), fit.observations());
                }
                List<StudyResult.TrainingCurve> curves = new ArrayList<>();
                List<TrainingHistory> histories = f.trainingCurves();
                for (int m = 0; m < histories.size(); m++) {
                    TrainingHistory h = histories.get(m);
                    curves.add(new StudyResult.TrainingCurve(m,
                            h.epochs().stream().mapToDouble(EpochProgress::trainLoss).toArray(),
                            h.epochs().stream().mapToDouble(EpochProgress::validationLoss).toArray(),
                            h.bestEpoch(), h.stoppedEarly()));
                }
                folds.add(new StudyResult.Fold(f.index(), dates[s.trainStart()], dates[s.trainEnd() - 1],
                        s.hasValidation() ? dates[s.validationStart()] : null,
                        s.hasValidation() ? dates[s.validationEnd() - 1] : null,
                        dates[s.testStart()], dates[s.testEnd() - 1], f.fit().trainingSamples(), accuracy(f.testMetrics()),
                        coefficients, curves, f.averageMemberSpread()));
            }
            return new StudyResult.ModelRun(run.modelName().startsWith("LSTM") ? StudyResult.LSTM : StudyResult.LINEAR,
                    folds, accuracy(run.overall()));
        }

        StudyResult.Accuracy accuracy(OutOfSampleMetrics m) {
            return new StudyResult.Accuracy(m.days(), m.observations(), m.ic(), m.rankIc(), m.icir(), m.rankIcir(),
                    m.mse(), m.hitRate());
        }

        // ------------------------------------------------------------------ Figure 2

        List<Integer> degreeFolds() {
            StudyConfig.OptimisationDegreeSettings s = config.optimisationDegree();
            if (!s.enabled()) {
                return List.of();
            }
            int count = plan.folds().size();
            List<Integer> folds = new ArrayList<>();
            for (int f = s.allFolds() ? 0 : count - 1; f < count; f++) {
                folds.add(f);
            }
            return folds;
        }

        StudyResult.OptimisationDegree optimisationDegree() {
            StudyConfig.OptimisationDegreeSettings s = config.optimisationDegree();
            if (!s.enabled()) {
                return new StudyResult.OptimisationDegree(false, List.of(), s.inSampleDays(), List.of(),
                        "not evaluated (switched off)");
            }
            List<Integer> folds = degree.folds;
            TreeMap<Integer, List<DegreeCheckpoint>> byEpoch = degree.averagedByEpoch(folds.size());
            List<StudyResult.DegreePoint> points = new ArrayList<>();
            int done = 0;
            for (Map.Entry<Integer, List<DegreeCheckpoint>> e : byEpoch.entrySet()) {
                checkCancelled(stage);
                List<double[]> inSample = new ArrayList<>();
                List<double[]> outOfSample = new ArrayList<>();
                double trainLoss = 0;
                double validationLoss = 0;
                int members = 0;
                for (DegreeCheckpoint c : e.getValue()) {
                    WalkForwardSplit split = plan.folds().get(c.fold);
                    int inStart = inSampleStart(split);
                    inSample.add(checkpointReturns(c.inSample, inStart, split.trainEnd() - 1));
                    outOfSample.add(checkpointReturns(c.outOfSample, split.testStart(), split.testEnd() - 1));
                    trainLoss += c.trainLoss * c.members;
                    validationLoss += c.validationLoss * c.members;
                    members += c.members;
                }
                double[] in = concat(inSample);
                double[] out = concat(outOfSample);
                points.add(new StudyResult.DegreePoint(e.getKey(), members, trainLoss / members, validationLoss / members,
                        PerformanceMetrics.annualReturn(in), PerformanceMetrics.sharpe(in),
                        PerformanceMetrics.annualReturn(out), PerformanceMetrics.sharpe(out)));
                listener.onProgress(StudyProgress.of(stage, (double) ++done / byEpoch.size(),
                        "epoch " + e.getKey() + " evaluated"));
            }
            String note = "Each point is the LSTM's weights after that many epochs (the trainer's checkpoint, no extra "
                    + "training), averaged over the ensemble members that reached the epoch, turned into a "
                    + (s.portfolio() == StudyConfig.DegreePortfolio.TOP_QUINTILE
                    ? "top-quintile equal-weight portfolio" : "portfolio by the same risk-constrained allocation as the LSTM portfolio")
                    + " on the study's schedule and costs, on the last " + s.inSampleDays()
                    + " training days (in sample) and on the test days (out of sample) of fold(s) " + folds
                    + "; returns of several folds are concatenated. Early stopping ends training, so epochs after it "
                    + "are not observed.";
            return new StudyResult.OptimisationDegree(true, folds, s.inSampleDays(), points, note);
        }

        int inSampleStart(WalkForwardSplit split) {
            return Math.max(split.trainStart(), split.trainEnd() - config.optimisationDegree().inSampleDays());
        }

        /** Net daily returns of the risk-constrained policy on checkpoint predictions over [from, to]. */
        double[] checkpointReturns(float[][] predictionsFromFrom, int from, int to) {
            float[][] mu = new float[data.dayCount()][];
            for (int r = 0; r < predictionsFromFrom.length; r++) {
                mu[from + r] = predictionsFromFrom[r];
            }
            Backtester backtester = new Backtester(new Backtester.Settings(config.rebalance(), config.costBps(),
                    config.longShort(), config.longShort() ? config.allocation().grossLimit() : 1.0));
            WeightPolicy p = config.optimisationDegree().portfolio() == StudyConfig.DegreePortfolio.TOP_QUINTILE
                    ? topQuintile(fill(mu)) : policy(dailyExpectedReturns(fill(mu)));
            return backtester.run("checkpoint", data, from, to, context -> {
                checkCancelled(stage);
                return p.weights(context);
            }).returns();
        }

        /**
         * Equal weights on the fifth of the priced instruments with the highest prediction (ties by instrument
         * order); long-short also shorts the lowest fifth, each side half the gross limit.
         */
        WeightPolicy topQuintile(float[][] predictions) {
            return context -> {
                int t = context.day();
                List<Integer> ranked = new ArrayList<>();
                for (int i = 0; i < context.instrumentCount(); i++) {
                    if (Float.isFinite(predictions[t][i]) && context.close(i, t) > 0) {
                        ranked.add(i);
                    }
                }
                ranked.sort((a, b) -> {
                    int c = Float.compare(predictions[t][b], predictions[t][a]);
                    return c != 0 ? c : Integer.compare(a, b);
                });
                double[] w = new double[context.instrumentCount()];
                int k = Math.max(1, ranked.size() / 5);
                if (ranked.isEmpty()) {
                    return w;
                }
                double side = config.longShort() ? config.allocation().grossLimit() / 2 : 1.0;
                for (int j = 0; j < k; j++) {
                    w[ranked.get(j)] = side / k;
                    if (config.longShort()) {
                        w[ranked.get(ranked.size() - 1 - j)] = -side / k;
                    }
                }
                return w;
            };
        }

        float[][] fill(float[][] sparse) {
            float[][] out = new float[sparse.length][];
            float[] empty = new float[data.instrumentCount()];
            Arrays.fill(empty, Float.NaN);
            for (int t = 0; t < sparse.length; t++) {
                out[t] = sparse[t] != null ? sparse[t] : empty;
            }
            return out;
        }

        // ------------------------------------------------------------------ regimes and significance

        StudyResult.RegimeAnalysis regimes(int start, int end, List<StudyResult.Portfolio> portfolios) {
            Regime[] all = new RegimeDetector(config.regimes()).detect(data.marketIndex());
            Regime[] detected = Arrays.copyOfRange(all, start + 1, end + 1);
            Regime[] truth = data.trueRegimes() == null ? null : Arrays.copyOfRange(data.trueRegimes(), start + 1, end + 1);
            double agreement = truth == null ? Double.NaN : RegimeDetector.agreement(detected, truth);
            Map<String, double[]> returns = new LinkedHashMap<>();
            portfolios.forEach(p -> returns.put(p.name(), p.returns()));
            return new StudyResult.RegimeAnalysis(detected, truth, agreement, RegimeReport.of(detected, returns).rows());
        }

        StudyResult.Significance significance(WalkForwardResult lstm, WalkForwardResult linear, BacktestResult lstmBacktest,
                                              BacktestResult linearBacktest, StudyResult.OptimisationDegree figure2) {
            int from = plan.firstTestDay();
            int to = plan.folds().getLast().testEnd();
            float[][] a = new float[to - from][];
            float[][] b = new float[to - from][];
            double[][] realised = Arrays.copyOfRange(labels, from, to);
            for (int t = from; t < to; t++) {
                a[t - from] = lstm.predictions()[t].clone();
                b[t - from] = linear.predictions()[t].clone();
                for (int i = 0; i < a[t - from].length; i++) {
                    if (!Float.isFinite(a[t - from][i]) || !Float.isFinite(b[t - from][i])) {
                        a[t - from][i] = Float.NaN;
                        b[t - from][i] = Float.NaN;
                    }
                }
            }
            double[] lossA = DieboldMariano.dailySquaredErrorLoss(a, realised);
            double[] lossB = DieboldMariano.dailySquaredErrorLoss(b, realised);
            DieboldMariano.Result dm;
            try {
                dm = DieboldMariano.onLosses(lossA, lossB, config.horizon());
            } catch (IllegalArgumentException e) {
                dm = null;
                notes.add("Diebold–Mariano not computed: " + e.getMessage());
            }
            StudyConfig.SignificanceSettings s = config.significance();
            SharpeDifferenceBootstrap.Interval interval = new SharpeDifferenceBootstrap(s.bootstrapResamples(),
                    s.meanBlockLength(), s.confidence(), config.seed()).interval(lstmBacktest.returns(), linearBacktest.returns());
            double[] models = {dailySharpe(lstmBacktest.returns()), dailySharpe(linearBacktest.returns())};
            double[] checkpoints = figure2.points().stream().mapToDouble(StudyResult.DegreePoint::outOfSampleSharpe)
                    .filter(Double::isFinite).map(v -> v / Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR)).toArray();
            // The trial variance is the spread of Sharpe ratios between configurations measured alike: the
            // checkpoints share one window and one portfolio rule and differ only in the degree of optimisation.
            // Mixing them with the full-period model portfolios would measure the difference of windows instead.
            double[] alike = checkpoints.length >= 2 ? checkpoints : models;
            double variance = Math.pow(PerformanceMetrics.standardDeviation(alike), 2);
            if (!Double.isFinite(variance)) {
                variance = 0.0;
            }
            int evaluated = models.length + checkpoints.length;
            int trials = s.configurationsTried() + evaluated;
            DeflatedSharpeRatio.Result deflated = DeflatedSharpeRatio.compute(lstmBacktest.returns(), trials, variance);
            String note = "N = " + s.configurationsTried() + " configurations tried before + " + evaluated
                    + " evaluated here (the LSTM and linear portfolios and " + checkpoints.length
                    + " optimisation-degree checkpoints); trial variance " + variance + " of the daily Sharpe ratios of "
                    + (alike == checkpoints ? "the checkpoints (same window and portfolio rule)" : "the two model portfolios")
                    + ". Diebold–Mariano: A = LSTM, B = linear, daily cross-sectional MSE over cells where both predict, "
                    + "horizon " + config.horizon() + " (a positive statistic means the LSTM's errors are larger).";
            return new StudyResult.Significance(dm, interval, deflated, trials, note);
        }

        double dailySharpe(double[] returns) {
            return PerformanceMetrics.sharpe(returns) / Math.sqrt(PerformanceMetrics.TRADING_DAYS_PER_YEAR);
        }

        /**
         * Collects, during LSTM training, each evaluated fold's checkpoint predictions per epoch (summed over the
         * ensemble members), so that Figure 2 needs no extra training.
         */
        final class DegreeRecorder {
            final List<Integer> folds;
            /** fold → epoch → accumulator. */
            final Map<Integer, Map<Integer, Accumulator>> sums = new TreeMap<>();
            /** fold → the fold's feature scaler, as LstmReturnModel estimates it (deterministic in the training slice). */
            final Map<Integer, FeatureScaler> scalers = new TreeMap<>();
            DegreeRecorder(List<Integer> folds) {
                this.folds = List.copyOf(folds);
            }

            void record(int fold, int member, EpochProgress p, SequencePredictor checkpoint) {
                if (!folds.contains(fold)) {
                    return;
                }
                List<Integer> wanted = config.optimisationDegree().epochs();
                if (!wanted.isEmpty() && !wanted.contains(p.epoch())) {
                    return;
                }
                Execution x = Execution.this;
                WalkForwardSplit split = x.plan.folds().get(fold);
                FeatureScaler scaler = scalers.computeIfAbsent(fold, f -> FeatureScaler.fit(x.panel, split.trainStart(),
                        split.trainEnd(), x.lstmSettings.scaling()));
                float[][] in = predict(x, scaler, checkpoint, x.inSampleStart(split), split.trainEnd());
                float[][] out = predict(x, scaler, checkpoint, split.testStart(), split.testEnd());
                Accumulator a = sums.computeIfAbsent(fold, k -> new TreeMap<>()).computeIfAbsent(p.epoch(),
                        k -> new Accumulator(in.length, out.length, x.data.instrumentCount()));
                a.add(in, out, p.trainLoss(), p.validationLoss());
            }

            float[][] predict(Execution x, FeatureScaler scaler, SequencePredictor checkpoint, int from, int to) {
                float[][] out = new float[to - from][x.data.instrumentCount()];
                for (float[] row : out) {
                    Arrays.fill(row, Float.NaN);
                }
                PanelSequenceSource source = PanelSequenceSource.forPrediction(x.panel, scaler, x.lstmSettings.lookback(),
                        from, to);
                for (int s = 0; s < source.size(); s += PREDICTION_CHUNK) {
                    int[] indices = new int[Math.min(PREDICTION_CHUNK, source.size() - s)];
                    for (int i = 0; i < indices.length; i++) {
                        indices[i] = s + i;
                    }
                    SequenceBatch batch = source.batch(indices);
                    float[] p = checkpoint.predict(batch);
                    for (int i = 0; i < indices.length; i++) {
                        out[source.day(indices[i]) - from][source.instrument(indices[i])] = p[i];
                    }
                }
                return out;
            }

            /** Per epoch reached in every evaluated fold: each fold's member-averaged checkpoint. */
            TreeMap<Integer, List<DegreeCheckpoint>> averagedByEpoch(int foldCount) {
                Map<Integer, List<DegreeCheckpoint>> byEpoch = new TreeMap<>();
                sums.forEach((fold, epochs) -> epochs.forEach((epoch, a) ->
                        byEpoch.computeIfAbsent(epoch, k -> new ArrayList<>()).add(a.average(fold))));
                TreeMap<Integer, List<DegreeCheckpoint>> complete = new TreeMap<>();
                byEpoch.forEach((epoch, list) -> {
                    if (list.size() == foldCount) {
                        complete.put(epoch, list);
                    }
                });
                return complete;
            }
        }
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** A fold's member-averaged checkpoint predictions at one epoch. */
    private record DegreeCheckpoint(int fold, int members, float[][] inSample, float[][] outOfSample, double trainLoss,
                                    double validationLoss) {
    }

    /** Sums of member predictions at one fold and epoch. */
    private static final class Accumulator {
        final double[][] in;
        final double[][] out;
        int members;
        double trainLoss;
        double validationLoss;

        Accumulator(int inDays, int outDays, int instruments) {
            in = new double[inDays][instruments];
            out = new double[outDays][instruments];
        }

        void add(float[][] inPredictions, float[][] outPredictions, double train, double validation) {
            addInto(in, inPredictions);
            addInto(out, outPredictions);
            members++;
            trainLoss += train;
            validationLoss += validation;
        }

        private static void addInto(double[][] sum, float[][] add) {
            for (int t = 0; t < sum.length; t++) {
                for (int i = 0; i < sum[t].length; i++) {
                    sum[t][i] += add[t][i];
                }
            }
        }

        DegreeCheckpoint average(int fold) {
            return new DegreeCheckpoint(fold, members, divide(in), divide(out), trainLoss / members,
                    validationLoss / members);
        }

        private float[][] divide(double[][] sum) {
            float[][] out = new float[sum.length][];
            for (int t = 0; t < sum.length; t++) {
                out[t] = new float[sum[t].length];
                for (int i = 0; i < sum[t].length; i++) {
                    out[t][i] = (float) (sum[t][i] / members);
                }
            }
            return out;
        }
    }

}
