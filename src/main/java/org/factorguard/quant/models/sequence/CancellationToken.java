package org.factorguard.quant.models.sequence;

/** Cooperative cancellation, checked by trainers between mini-batches. */
@FunctionalInterface
public interface CancellationToken {

    CancellationToken NEVER = () -> false;

    boolean isCancellationRequested();

    /** Throws {@link TrainingCancelledException} when cancellation was requested. */
    default void throwIfCancelled() {
        if (isCancellationRequested()) {
            throw new TrainingCancelledException();
        }
    }
}
