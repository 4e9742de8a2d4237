package org.factorguard.quant.study;

/** A stage's progress for tests that run one part of the study alone: reports go nowhere, nothing cancels. */
final class QuietStage {

    private QuietStage() {
    }

    static StageProgress of(StudyStage stage) {
        return new StageProgress() {
            @Override
            public StudyStage stage() {
                return stage;
            }

            @Override
            public void report(StudyProgress progress) {
            }

            @Override
            public void checkCancelled() {
            }
        };
    }
}
