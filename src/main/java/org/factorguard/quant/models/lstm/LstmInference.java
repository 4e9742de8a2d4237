package org.factorguard.quant.models.lstm;

import java.util.Arrays;

import org.factorguard.quant.models.sequence.SequenceBatch;

/**
 * Forward pass without caches for prediction: the same equations as {@link LstmShardTrainer}, step
 * by step across the stacked layers, keeping only the current step's state. One instance per thread.
 */
final class LstmInference {

    private final LstmParameters p;
    private final int capacity;
    private final float[][] z;
    private final float[][] cell;
    private final float[] gates;
    private final float[] tanhCell;

    LstmInference(LstmParameters parameters, int capacity) {
        this.p = parameters;
        this.capacity = capacity;
        int h = parameters.units;
        z = new float[parameters.layers][];
        cell = new float[parameters.layers][h * capacity];
        for (int l = 0; l < parameters.layers; l++) {
            z[l] = new float[parameters.inputs(l) * capacity];
        }
        gates = new float[4 * h * capacity];
        tanhCell = new float[h * capacity];
    }

    /** Predicts samples {@code [first, first+n)} of {@code batch} into {@code out[first..]}. */
    void predict(SequenceBatch batch, int first, int n, float[] out) {
        if (n > capacity) {
            throw new IllegalArgumentException("chunk of " + n + " exceeds capacity " + capacity);
        }
        int h = p.units;
        int block = h * n;
        int steps = batch.steps();
        int features = batch.features();
        float[] x = batch.x();
        for (int l = 0; l < p.layers; l++) {
            int k = p.inputs(l);
            Arrays.fill(z[l], 0, block, 0f);
            Arrays.fill(z[l], (k - 1) * n, k * n, 1f);
            Arrays.fill(cell[l], 0, block, 0f);
        }
        for (int t = 0; t < steps; t++) {
            float[] z0 = z[0];
            for (int b = 0; b < n; b++) {
                int src = ((first + b) * steps + t) * features;
                for (int f = 0; f < features; f++) {
                    z0[(h + f) * n + b] = x[src + f];
                }
            }
            for (int l = 0; l < p.layers; l++) {
                int k = p.inputs(l);
                float[] zl = z[l];
                NativeSgemm.multiply(false, false, 4 * h, n, k, p.weights[l], k, zl, n, 0f, gates, n);
                GateActivations.tanh(gates, 0, block);
                GateActivations.sigmoid(gates, block, 4 * block);
                float[] c = cell[l];
                for (int i = 0; i < block; i++) {
                    c[i] = gates[block + i] * c[i] + gates[3 * block + i] * gates[i];
                }
                GateActivations.tanh(c, tanhCell, block);
                for (int i = 0; i < block; i++) {
                    zl[i] = gates[2 * block + i] * tanhCell[i];
                }
                if (l + 1 < p.layers) {
                    System.arraycopy(zl, 0, z[l + 1], block, block);
                }
            }
        }
        float[] hTop = z[p.layers - 1];
        for (int b = 0; b < n; b++) {
            out[first + b] = p.denseBias[0];
        }
        for (int j = 0; j < h; j++) {
            float wj = p.denseWeights[j];
            int row = j * n;
            for (int b = 0; b < n; b++) {
                out[first + b] += wj * hTop[row + b];
            }
        }
    }
}
