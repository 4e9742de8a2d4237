package org.factorguard.quant.models;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.WalkForwardSplit;

/**
 * A forward-return model that a study can swap: the linear factor model (the paper's eq. 1) or the
 * LSTM (eq. 2). Implementations are immutable settings holders; {@link #fit} returns the trained state.
 */
public interface ReturnModel {

    /** Short display name ("Linear", "LSTM"). */
    String name();

    /**
     * Fits on the split's training days; models that stop early watch the validation days. Reads
     * {@code labels[t][i]} (forward log return from {@code t} to {@code t+h}, NaN if unknown) only for
     * {@code t} in those slices, and preparation statistics only from the training slice.
     *
     * @throws org.factorguard.quant.models.sequence.TrainingCancelledException when {@code cancel} asks for it
     */
    FittedReturnModel fit(FactorPanel panel, double[][] labels, WalkForwardSplit split, TrainingListener listener,
                          CancellationToken cancel);
}
