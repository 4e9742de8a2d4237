package org.factorguard.quant.study;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaler;
import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.lstm.LstmTrainingListener;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Translates a walk-forward's fold, mini-batch and epoch events into {@link StudyProgress} of the running stage.
 * The stage is (fold + done fraction of the fold) / folds complete. A fold's work is its search runs (each at most
 * {@code searchEpochs}) followed by its ensemble members (each at most {@code maxEpochs}), counted one after
 * another: after r search runs and m members, epoch e and batch b of B are at
 * (r·searchEpochs + m·maxEpochs + e − 1 + b/B) / (runs·searchEpochs + members·maxEpochs). Every epoch end is
 * reported, mini-batches only every {@value #BATCH_REPORT_EVERY}th. Each ensemble member's epoch checkpoints also
 * go to the {@link CheckpointRecorder}, if any; search runs' do not.
 */
final class WalkForwardProgress implements WalkForwardListener {

    /** Receives each epoch's checkpoint of an ensemble member while it trains (valid only during the call). */
    interface CheckpointRecorder {
        /** The fold's ensemble is about to train on {@code inputs}, scaled by {@code scaler}, over {@code lookback}. */
        void onEnsembleStart(int fold, FactorPanel inputs, FeatureScaler scaler, int lookback);

        void record(int fold, int member, EpochProgress epoch, SequencePredictor checkpoint);
    }

    /** Mini-batches between two throttled batch progress reports. */
    private static final int BATCH_REPORT_EVERY = 25;

    private final StageProgress progress;
    private final String model;
    private final int folds;
    private final int maxEpochs;
    private final int members;
    private final int searchRuns;
    private final int searchEpochs;
    private final CheckpointRecorder recorder;

    /**
     * @param model        name in the reports ("Linear", "LSTM")
     * @param folds        folds of the walk-forward plan
     * @param maxEpochs    the network's most epochs (0 for a model that does not train in epochs)
     * @param members      ensemble members trained per fold
     * @param searchRuns   configuration-search runs per fold (0 for none)
     * @param searchEpochs most epochs of a search run
     * @param recorder     receives every ensemble epoch's checkpoint, or {@code null}
     */
    WalkForwardProgress(StageProgress progress, String model, int folds, int maxEpochs, int members, int searchRuns,
                        int searchEpochs, CheckpointRecorder recorder) {
        this.progress = progress;
        this.model = model;
        this.folds = folds;
        this.maxEpochs = maxEpochs;
        this.members = members;
        this.searchRuns = searchRuns;
        this.searchEpochs = searchEpochs;
        this.recorder = recorder;
    }

    /** Without a configuration search. */
    WalkForwardProgress(StageProgress progress, String model, int folds, int maxEpochs, int members,
                        CheckpointRecorder recorder) {
        this(progress, model, folds, maxEpochs, members, 0, 0, recorder);
    }

    @Override
    public void onFoldStarted(int fold, int count, WalkForwardSplit split) {
        StudyStage stage = progress.stage();
        progress.report(new StudyProgress(stage, stage.overallPercent((double) fold / count), model, fold, count, -1,
                0, maxEpochs, Double.NaN, Double.NaN,
                model + ": fold " + (fold + 1) + " of " + count + " (" + split + ")"));
    }

    @Override
    public TrainingListener trainingListener(int fold) {
        return new FoldTraining(fold);
    }

    /** The training of one fold: its search runs, then its ensemble. */
    private final class FoldTraining implements LstmTrainingListener {
        private final int fold;
        private boolean searching;
        private int searchRun;
        private String configuration = "";
        private int member;
        private int lastEpoch;
        private boolean lastEpochEnded;
        private int batches;

        FoldTraining(int fold) {
            this.fold = fold;
        }

        @Override
        public void onSearchRun(int run, int runs, int lookback, int units) {
            searching = true;
            searchRun = run;
            configuration = "configuration " + (run + 1) + " of " + runs + " (look-back " + lookback + ", " + units
                    + " units), ";
        }

        @Override
        public void onEnsembleStart(FactorPanel inputs, FeatureScaler scaler, int lookback) {
            searching = false;
            member = 0;
            lastEpoch = 0;
            lastEpochEnded = false;
            if (recorder != null) {
                recorder.onEnsembleStart(fold, inputs, scaler, lookback);
            }
        }

        /** Ensemble members train one after another; a member starts when the epoch count restarts. */
        private void track(int epoch, boolean end) {
            if (!searching && (epoch < lastEpoch || (epoch == lastEpoch && lastEpochEnded))) {
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
            if (recorder != null && !searching) {
                recorder.record(fold, member, p, checkpoint);
            }
        }

        private void report(EpochProgress p, String what) {
            double work = searchRuns * searchEpochs + members * maxEpochs;
            double batch = (double) p.batch() / Math.max(1, p.batches());
            double done = searching
                    ? searchRun * searchEpochs + Math.min(searchEpochs, p.epoch() - 1 + batch)
                    : searchRuns * searchEpochs + member * maxEpochs + p.epoch() - 1 + batch;
            double within = work == 0 ? 0 : Math.min(1, done / work);
            StudyStage stage = progress.stage();
            String who = searching ? "tuning " + configuration : "member " + (member + 1) + ", ";
            progress.report(new StudyProgress(stage, stage.overallPercent((fold + within) / folds), model, fold, folds,
                    searching ? -1 : member, p.epoch(), p.maxEpochs(), p.trainLoss(), p.validationLoss(), model
                    + " fold " + (fold + 1) + "/" + folds + ", " + who + what));
        }
    }
}
