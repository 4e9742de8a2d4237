package org.factorguard.quant.study;

/** The study stopped because its cancellation token asked for it; {@link #stage()} says where. */
public class StudyCancelledException extends RuntimeException {

    private final StudyStage stage;

    public StudyCancelledException(StudyStage stage) {
        super("the study was cancelled during " + stage.displayName());
        this.stage = stage;
    }

    public StudyStage stage() {
        return stage;
    }
}
