package org.factorguard.quant.models;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.sequence.SequenceBatch;

/**
 * A fitted model whose prediction for instrument i on day t is a function of one input sequence: the model's own
 * prepared factor vectors of days t − L + 1, …, t (oldest first). Exposes that seam so that an analysis can change
 * inputs per sample (swap one factor's whole look-back sequence between two instruments, or one block of steps)
 * without rebuilding a panel for every day; see {@link PermutationImportance}.
 */
public interface SequenceInputModel extends FittedReturnModel {

    /** Sequence length L. */
    int lookback();

    /**
     * The samples {@link #forecast} predicts on days {@code [fromDay, toDay)}, in (day, instrument) order, with the
     * prepared sequences exactly as the model reads them.
     */
    Samples inputs(FactorPanel panel, int fromDay, int toDay);

    /** The model's prediction for every sequence of the batch (for an ensemble, the members' mean). */
    float[] predictSequences(SequenceBatch batch);

    /**
     * Input sequences with the (day, instrument) each belongs to.
     *
     * @param days        day of each sample
     * @param instruments instrument of each sample
     * @param batch       {@code [sample][step][feature]} prepared inputs (no targets)
     */
    record Samples(int[] days, int[] instruments, SequenceBatch batch) {

        public Samples {
            if (days.length != batch.size() || instruments.length != batch.size()) {
                throw new IllegalArgumentException("one day and one instrument per sample");
            }
        }
    }
}
