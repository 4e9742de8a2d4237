package org.factorguard.quant.models.sequence;

/** Something that maps a batch of sequences to one prediction per sequence. */
@FunctionalInterface
public interface SequencePredictor {

    float[] predict(SequenceBatch batch);
}
