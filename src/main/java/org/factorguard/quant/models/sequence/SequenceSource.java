package org.factorguard.quant.models.sequence;

/**
 * Random access to a (possibly large) set of training or evaluation sequences, so that trainers can
 * shuffle with their own seed and stream mini-batches without materialising every sequence at once.
 */
public interface SequenceSource {

    /** Number of samples. */
    int size();

    /** Sequence length (look-back L). */
    int steps();

    /** Features per step. */
    int features();

    /** Assembles the given samples (in the given order) into one batch, with targets. */
    SequenceBatch batch(int[] sampleIndices);

    /** Samples {@code from} (inclusive) to {@code to} (exclusive), in order, as one batch. */
    default SequenceBatch range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return batch(idx);
    }

    /** All samples as one batch (only for sources known to be small). */
    default SequenceBatch all() {
        return range(0, size());
    }
}
