package org.factorguard.quant.models.sequence;

/** Training stopped because its {@link CancellationToken} asked for it. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException() {
        super("training was cancelled");
    }
}
