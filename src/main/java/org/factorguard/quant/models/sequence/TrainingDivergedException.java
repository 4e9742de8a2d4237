package org.factorguard.quant.models.sequence;

/**
 * Training stopped because the training or validation loss became NaN or infinite. An
 * {@link IllegalStateException}, so callers that show such messages to users show this one as it is.
 */
public class TrainingDivergedException extends IllegalStateException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
