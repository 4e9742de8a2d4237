package org.factorguard.quant.study;

/**
 * One progress report of a running {@link Study}: enough for a progress bar and a live loss curve.
 *
 * @param stage          current stage
 * @param overallPercent 0–100 over the whole study
 * @param model          model being trained ("Linear", "LSTM"), or null outside training
 * @param fold           0-based fold, or -1 outside training
 * @param folds          number of folds (0 outside training)
 * @param member         0-based ensemble member, or -1
 * @param epoch          1-based epoch, or 0 when not in an epoch
 * @param maxEpochs      configured maximum epochs (0 outside training)
 * @param trainLoss      training loss of the epoch so far (NaN when none)
 * @param validationLoss validation loss of the last finished epoch (NaN when none)
 * @param message        a short human sentence
 */
public record StudyProgress(StudyStage stage, double overallPercent, String model, int fold, int folds, int member,
                            int epoch, int maxEpochs, double trainLoss, double validationLoss, String message) {

    static StudyProgress of(StudyStage stage, double fraction, String message) {
        return new StudyProgress(stage, stage.overallPercent(fraction), null, -1, 0, -1, 0, 0, Double.NaN, Double.NaN,
                message);
    }
}
