package org.factorguard.quant.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.backtest.BacktestResult;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.data.DatasetHash;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.factors.CrossSectionalPreparation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.factors.FactorPanelBuilder;
import org.factorguard.quant.factors.ForwardReturns;
import org.factorguard.quant.models.ReturnModel;
import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.WalkForwardResult;
import org.factorguard.quant.models.WalkForwardRun;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.lstm.SequenceRegressorFactory;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingCancelledException;
import org.factorguard.quant.validation.WalkForwardPlan;

/**
 * The research pipeline of Li, Gu et al. (2025) from a {@link StudyConfig} to a {@link StudyResult}; the stages
 * and what each computes are described in the package documentation ({@code package-info}). {@link #run} reads
 * as that sequence of stages; the backtests, the optimisation degree, the regimes, significance and the assembly
 * of the result each live in a class of their own in this package.
 */
public final class Study {

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
    public StudyResult run(MarketData data, StudyConfig config, StudyProgressListener listener,
                           CancellationToken cancel) {
        return run(data, config, listener, cancel, StudyInspector.NONE);
    }

    /** As {@link #run(MarketData, StudyConfig, StudyProgressListener, CancellationToken)}, showing intermediates. */
    StudyResult run(MarketData data, StudyConfig config, StudyProgressListener listener, CancellationToken cancel,
                    StudyInspector inspector) {
        List<String> problems = config.problemsWith(data);
        if (!problems.isEmpty()) {
            throw new StudyConfigException(problems);
        }
        return new Execution(data, config, listener, cancel, inspector).run();
    }

    /** The state of one run. */
    private final class Execution implements StageProgress {
        final MarketData source;
        final StudyConfig config;
        final StudyProgressListener listener;
        final CancellationToken cancel;
        final StudyInspector inspector;
        final List<String> notes = new ArrayList<>();
        final List<StudyResult.StageTiming> timings = new ArrayList<>();
        StudyStage stage = StudyStage.DATA;
        long stageStart;

        MarketData data;
        FactorPanel panel;
        double[][] labels;
        WalkForwardPlan plan;
        PerFoldFactorSelection.Outcome selection;

        Execution(MarketData source, StudyConfig config, StudyProgressListener listener, CancellationToken cancel,
                  StudyInspector inspector) {
            this.source = source;
            this.config = config;
            this.listener = listener;
            this.cancel = cancel;
            this.inspector = inspector;
        }

        StudyResult run() {
            begin(StudyStage.DATA);
            String hash = source.contentHash() != null ? source.contentHash() : DatasetHash.of(source);
            StudyInputs inputs = StudyInputs.of(source, config);
            data = inputs.model();
            if (config.drawdownOverlay() == null && config.drawdownControl() != null) {
                notes.add("This config's rebalance-day drawdown control was replaced by the daily drawdown overlay "
                        + "at the same limit (" + Math.round(100 * config.drawdownControl().limit()) + " %).");
            }
            LstmImplementation implementation = availableImplementation(config.lstm().implementation());
            LstmModelSettings lstmSettings = config.lstm().withImplementation(implementation)
                    .withNetwork(config.lstm().network().withSeed(config.seed()));
            StudyResultAssembler assembler = new StudyResultAssembler(data, config.horizon());
            StudyBacktests backtests = new StudyBacktests(config, inputs.trading());
            finish();

            begin(StudyStage.FACTORS);
            CrossSectionalPreparation.Result prepared = FactorPanelBuilder.prepared(data,
                    FactorLibrary.byIds(config.factorIds()), config.preparation());
            panel = prepared.panel();
            inspector.onFactors(panel);
            finish();

            begin(StudyStage.LABELS);
            labels = ForwardReturns.logReturns(data, config.horizon());
            plan = WalkForwardPlan.over(config.effectiveWalkForward(), 0, data.dayCount());
            finish();

            begin(StudyStage.SELECTION);
            selection = PerFoldFactorSelection.choose(config, data, panel, labels, plan, this);
            notes.addAll(selection.notes());
            finish();

            TearSheetAnalysis tearSheets = new TearSheetAnalysis(config, data, inputs.trading().pnl(), panel,
                    labels, plan, cancel);
            begin(StudyStage.LINEAR);
            WalkForwardResult linear = walkForward(new LinearFactorModel(config.linear()),
                    tearSheets.measuringImportance(new WalkForwardProgress(this, StudyResult.LINEAR,
                            plan.folds().size(), 0, 1, null), StudyResult.LINEAR));
            inspector.onWalkForward(StudyResult.LINEAR, linear);
            finish();

            begin(StudyStage.LSTM);
            OptimisationDegreeAnalysis degree = new OptimisationDegreeAnalysis(config, data, plan, backtests);
            boolean searches = config.lstmSearch().searches(lstmSettings);
            WalkForwardResult lstm = walkForward(new LstmReturnModel(lstmSettings, config.lstmSearch(), factory),
                    tearSheets.measuringImportance(new WalkForwardProgress(this, StudyResult.LSTM,
                            plan.folds().size(), lstmSettings.network().maxEpochs(), lstmSettings.ensembleSize(),
                            searches ? config.lstmSearch().configurations(lstmSettings).size() : 0,
                            config.lstmSearch().epochsFor(lstmSettings), degree.recorder()), StudyResult.LSTM));
            inspector.onWalkForward(StudyResult.LSTM, lstm);
            finish();

            begin(StudyStage.BACKTESTS);
            int start = plan.firstTestDay();
            int end = plan.folds().getLast().testEnd() - 1;
            StudyBacktests.Results backtested = backtests.run(lstm.predictions(), linear.predictions(), start, end,
                    this);
            List<StudyResult.Portfolio> portfolios = assembler.portfolios(backtested);
            List<StudyResult.CurrentAllocation> current = assembler.currentAllocations(backtested);
            StudyResult.ExAnteRisk exAnteRisk = new ExAnteRiskAnalysis(inputs.trading().pnl(), config)
                    .analyse(backtested);
            finish();

            begin(StudyStage.OPTIMISATION_DEGREE);
            StudyResult.OptimisationDegree figure2 = degree.evaluate(this);
            finish();

            begin(StudyStage.REGIMES);
            // the market is dated on the prices as stored (crashes are data), not on the models' cleaned view
            StudyResult.RegimeAnalysis regimes = MarketRegimeAnalysis.analyse(config.regimeDating(),
                    inputs.trading().pnl(), start, end, portfolios);
            finish();

            begin(StudyStage.SIGNIFICANCE);
            StudyResult.Significance significance = new SignificanceAnalysis(config, notes::add).analyse(lstm, linear,
                    labels, start, end + 1, backtested.lstm().returns(), backtested.linear().returns(), figure2,
                    degree.outOfSampleReturnsByDay());
            finish();

            String fallbacks = backtests.solverFallbackNote();
            if (fallbacks != null) {
                notes.add(fallbacks);
            }

            begin(StudyStage.TEAR_SHEETS);
            TearSheet tearSheet = tearSheets.analyseOrNote(linear.predictions(), lstm.predictions(),
                    modelBook(backtested.lstm()), modelBook(backtested.linear()), this, notes::add);
            finish();

            return new StudyResult(codeVersion, source.label(), hash, source.isSynthetic(), config.seed(), config,
                    notes, timings, assembler.selection(implementation), prepared.missing(),
                    List.of(assembler.modelRun(linear), assembler.modelRun(lstm)), backtested.lstm().dates(),
                    portfolios, current, regimes, figure2, significance, StudyResult.METHOD_VERSION,
                    dataTreatment(inputs), exAnteRisk, tearSheet, selection.record());
        }

        /**
         * The model's own book, before the daily drawdown overlay scales it: what the tear sheet attributes (the
         * overlay's exposure is a risk decision, not the model's, and the report shows it apart).
         */
        static BacktestResult modelBook(BacktestResult traded) {
            return traded.overlay() == null ? traded : traded.overlay().withoutOverlay();
        }

        StudyResult.DataTreatment dataTreatment(StudyInputs inputs) {
            String cleaning = config.inputCleaning() == null ? "Model inputs and labels used the data as stored."
                    : String.format(java.util.Locale.ROOT, "Model inputs and labels used a causal cleaned view: each "
                    + "day's excess return over the market's median move winsorised beyond %.1f robust σ of the "
                    + "instrument's previous %d excess returns, gaps carried forward up to %d days (never filled from "
                    + "a later price).", config.inputCleaning().madMultiplier(), config.inputCleaning().window(),
                    config.inputCleaning().carryDays());
            return new StudyResult.DataTreatment(inputs.repairs(), inputs.returnsWinsorised(),
                    inputs.daysCarriedForward(), Backtester.dailyRiskFree(config.riskFreeRate()), cleaning
                    + " Portfolios earned the stored prices with only isolated bad ticks repaired ("
                    + inputs.repairs().size() + " in the studied data); positions of delisted instruments were sold"
                    + " at their last price the next day; cash earned the risk-free rate.");
        }

        /** The wanted implementation, or the first available one with a note saying so. */
        LstmImplementation availableImplementation(LstmImplementation wanted) {
            if (factory.isAvailable(wanted)) {
                return wanted;
            }
            LstmImplementation fallback = Arrays.stream(LstmImplementation.values()).filter(factory::isAvailable)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no LSTM implementation is available"));
            notes.add("The " + wanted + " LSTM is not available in this build; the " + fallback
                    + " implementation trained instead (same settings).");
            return fallback;
        }

        WalkForwardResult walkForward(ReturnModel model, WalkForwardListener progress) {
            try {
                return WalkForwardRun.run(model, panel, labels, plan.folds(), selection.inputs(), progress, cancel);
            } catch (TrainingCancelledException e) {
                throw new StudyCancelledException(stage);
            }
        }

        // ------------------------------------------------------------------ stages

        void begin(StudyStage next) {
            if (cancel.isCancellationRequested()) {
                throw new StudyCancelledException(next);
            }
            stage = next;
            stageStart = System.nanoTime();
            listener.onProgress(StudyProgress.of(next, 0, "started: " + next.displayName()));
        }

        void finish() {
            long millis = (System.nanoTime() - stageStart) / 1_000_000;
            timings.add(new StudyResult.StageTiming(stage, millis));
            listener.onStageFinished(stage, millis);
            listener.onProgress(StudyProgress.of(stage, 1, "finished: " + stage.displayName() + " in " + millis
                    + " ms"));
        }

        @Override
        public StudyStage stage() {
            return stage;
        }

        @Override
        public void report(StudyProgress progress) {
            listener.onProgress(progress);
        }

        @Override
        public void checkCancelled() {
            if (cancel.isCancellationRequested()) {
                throw new StudyCancelledException(stage);
            }
        }
    }
}
