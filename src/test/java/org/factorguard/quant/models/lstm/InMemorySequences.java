package org.factorguard.quant.models.lstm;

import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceSource;

/** A {@link SequenceSource} over arrays in {@link SequenceBatch} layout (test fixture). */
record InMemorySequences(int size, int steps, int features, float[] x, float[] y) implements SequenceSource {

    @Override
    public SequenceBatch batch(int[] sampleIndices) {
        int stride = steps * features;
        float[] bx = new float[sampleIndices.length * stride];
        float[] by = new float[sampleIndices.length];
        for (int i = 0; i < sampleIndices.length; i++) {
            int s = sampleIndices[i];
            System.arraycopy(x, s * stride, bx, i * stride, stride);
            by[i] = y[s];
        }
        return new SequenceBatch(sampleIndices.length, steps, features, bx, by);
    }
}
