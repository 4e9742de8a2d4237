package org.factorguard.quant.study;

/** The running stage of a {@link Study} as the classes doing its work see it: where to report, when to stop. */
interface StageProgress {

    /** The stage being run. */
    StudyStage stage();

    /** Passes a progress report to the study's listener. */
    void report(StudyProgress progress);

    /** Reports that {@code fraction} (0–1) of the current stage is done. */
    default void report(double fraction, String message) {
        report(StudyProgress.of(stage(), fraction, message));
    }

    /** @throws StudyCancelledException when the study's cancellation token asks for it */
    void checkCancelled();
}
