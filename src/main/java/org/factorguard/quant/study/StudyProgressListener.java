package org.factorguard.quant.study;

/**
 * Receives a {@link Study}'s progress on the study's thread; keep it quick (hand work to another thread).
 * Epoch ends are always reported; mini-batch progress is throttled by the study.
 */
public interface StudyProgressListener {

    StudyProgressListener NONE = new StudyProgressListener() {
    };

    /** A stage started, a fold started, an epoch or a batch of one finished, … */
    default void onProgress(StudyProgress progress) {
    }

    /** A stage finished after {@code millis} of wall time. */
    default void onStageFinished(StudyStage stage, long millis) {
    }
}
