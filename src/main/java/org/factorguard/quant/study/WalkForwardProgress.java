package org.factorguard.quant.study;

import org.factorguard.quant.models.WalkForwardListener;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * Translates a walk-forward's fold, mini-batch and epoch events into {@link StudyProgress} of the running stage.
 * The stage is (fold + done fraction of the fold) / folds complete, where a fold's fraction counts its ensemble
 * members one after another: (member · maxEpochs + epoch − 1 + batch / batches) / (members · maxEpochs). Every
 * epoch end is reported, mini-batches only every {@value #BATCH_REPORT_EVERY}th. Each epoch's checkpoint also
 * goes to the {@link CheckpointRecorder}, if any.
 */
final class WalkForwardProgress implements WalkForwardListener {

    /** Receives each epoch's checkpoint of an ensemble member while it trains (valid only during the call). */
    @FunctionalInterface
    interface CheckpointRecorder {
        void record(int fold, int member, EpochProgress epoch, SequencePredictor checkpoint);
    }

    /** Mini-batches between two throttled batch progress reports. */
    private static final int BATCH_REPORT_EVERY = 25;

    private final StageProgress progress;
    private final String model;
    private final int folds;
    private final int maxEpochs;
    private final int members;
    private final CheckpointRecorder recorder;

    /**
     * @param model     name in the reports ("Linear", "LSTM")
     * @param folds     folds of the walk-forward plan
     * @param maxEpochs the network's most epochs (0 for a model that does not train in epochs)
     * @param members   ensemble members trained per fold
     * @param recorder  receives every epoch's checkpoint, or {@code null}
     */
    WalkForwardProgress(StageProgress progress, String model, int folds, int maxEpochs, int members,
                        CheckpointRecorder recorder) {
        this.progress = progress;
        this.model = model;
        this.folds = folds;
        this.maxEpochs = maxEpochs;
        this.members = members;
        this.recorder = recorder;
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

    /** The training of one fold's ensemble. */
    private final class FoldTraining implements TrainingListener {
        private final int fold;
        private int member;
        private int lastEpoch;
        private boolean lastEpochEnded;
        private int batches;

        FoldTraining(int fold) {
            this.fold = fold;
        }

        /** Ensemble members train one after another; a member starts when the epoch count restarts. */
        private void track(int epoch, boolean end) {
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

        private void report(EpochProgress p, String what) {
            double within = maxEpochs == 0 ? 0 : (member * maxEpochs + p.epoch() - 1
                    + (double) p.batch() / Math.max(1, p.batches())) / (members * maxEpochs);
            StudyStage stage = progress.stage();
            progress.report(new StudyProgress(stage, stage.overallPercent((fold + within) / folds), model, fold, folds,
                    member, p.epoch(), p.maxEpochs(), p.trainLoss(), p.validationLoss(), model + " fold " + (fold + 1)
                    + "/" + folds + ", member " + (member + 1) + ", " + what));
        }
    }
}
