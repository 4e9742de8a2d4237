package org.factorguard.quant.models.lstm;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.factorguard.quant.models.sequence.SequenceBatch;

/**
 * Forward pass with caches and back-propagation through time for one shard (a contiguous slice) of
 * a mini-batch. Each shard owns its caches and its gradient, so two shards run on two threads without
 * sharing anything but the (read-only) weights.
 *
 * <p>Layout is feature-major: every per-step array is row-major {@code [rows × n]} with {@code n}
 * the shard's samples, so each gate block is one contiguous range. Per step and layer
 * <pre>
 *   z_t   = [h_{t−1}; x_t; 1]                      (K = H + I + 1 rows)
 *   a_t   = W · z_t                                 one GEMM [4H×K]·[K×n]
 *   g, f, o, i = tanh(a_g), σ(a_f), σ(a_o), σ(a_i)
 *   c_t   = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
 * </pre>
 * and backwards, with {@code δh_t} the gradient arriving at {@code h_t},
 * <pre>
 *   δc_t  = δh_t ⊙ o ⊙ (1 − tanh²c_t) + δc_{t+1} ⊙ f_{t+1}
 *   δa_o  = δh_t ⊙ tanh c_t ⊙ o(1−o),  δa_i = δc_t ⊙ g ⊙ i(1−i),
 *   δa_g  = δc_t ⊙ i ⊙ (1−g²),         δa_f = δc_t ⊙ c_{t−1} ⊙ f(1−f)
 *   δW   += δa_t · z_tᵀ                 one GEMM [4H×n]·[n×K]
 *   [δh_{t−1}; δx_t] = W[:, 0:H+I]ᵀ · δa_t   one GEMM
 * </pre>
 * Dropout (inverted, rate {@code p}) multiplies each layer's output by a mask of {@code 0} or
 * {@code 1/(1−p)}. The loss is the batch's mean squared error, so this shard's gradient is scaled by
 * {@code 1/total} where {@code total} is the whole mini-batch size.
 */
final class LstmShardTrainer {

    private final int units;
    private final int layers;
    private final int steps;
    private final int features;
    private final int capacity;
    private final float dropout;

    /** {@code z[l][t]}: [K_l × n]; row block 0 also serves as {@code h_{t−1}}. */
    private final float[][][] z;
    private final float[][][] gates;
    private final float[][][] cell;
    private final float[][][] cellTanh;
    /** h of the last step per layer (h_t for t < T−1 lives in z[l][t+1]). */
    private final float[][] lastHidden;
    /** Dropout masks of each layer's output, [l][t] (only allocated with dropout). */
    private final float[][][] masks;
    private final float[] readOut;
    private final float[] outputDelta;

    /** δh_T of the top layer, from the read-out. */
    private final float[] topSeed;
    private final float[] gateDelta;
    private final float[] inputDelta;
    private final float[] hiddenDelta;
    private final float[] cellDelta;
    private float[][] fromAbove;
    private float[][] toBelow;

    /** This shard's gradient, same shapes as the parameters. */
    final LstmParameters gradient;

    LstmShardTrainer(int features, int units, int layers, int steps, int capacity, double dropout) {
        this.features = features;
        this.units = units;
        this.layers = layers;
        this.steps = steps;
        this.capacity = capacity;
        this.dropout = (float) dropout;
        this.gradient = new LstmParameters(features, units, layers);
        int h = units;
        z = new float[layers][steps][];
        gates = new float[layers][steps][];
        cell = new float[layers][steps][];
        cellTanh = new float[layers][steps][];
        lastHidden = new float[layers][h * capacity];
        masks = dropout > 0 ? new float[layers][steps][h * capacity] : null;
        for (int l = 0; l < layers; l++) {
            int k = gradient.inputs(l);
            for (int t = 0; t < steps; t++) {
                z[l][t] = new float[k * capacity];
                gates[l][t] = new float[4 * h * capacity];
                cell[l][t] = new float[h * capacity];
                cellTanh[l][t] = new float[h * capacity];
            }
        }
        readOut = new float[capacity];
        outputDelta = new float[capacity];
        topSeed = new float[h * capacity];
        gateDelta = new float[4 * h * capacity];
        inputDelta = new float[2 * h * capacity];
        hiddenDelta = new float[h * capacity];
        cellDelta = new float[h * capacity];
        if (layers > 1) {
            fromAbove = new float[steps][h * capacity];
            toBelow = new float[steps][h * capacity];
        }
    }

    int capacity() {
        return capacity;
    }

    /**
     * Computes this shard's gradient of {@code (1/total)·Σ (ŷ − y)²} over samples
     * {@code [first, first+n)} of {@code batch} into {@link #gradient} (overwritten).
     *
     * @return the shard's sum of squared errors
     */
    double lossAndGradient(LstmParameters p, SequenceBatch batch, int first, int n, int total, long dropoutSeed) {
        if (n > capacity) {
            throw new IllegalArgumentException("shard of " + n + " exceeds capacity " + capacity);
        }
        if (batch.steps() != steps || batch.features() != features) {
            throw new IllegalArgumentException("batch shape does not match the trainer");
        }
        for (float[] g : gradient.arrays()) {
            Arrays.fill(g, 0f);
        }
        if (n == 0) {
            return 0;
        }
        if (masks != null) {
            drawMasks(n, dropoutSeed);
        }
        loadInputs(batch, first, n);
        for (int l = 0; l < layers; l++) {
            forwardLayer(p, l, n);
        }
        double sse = readOutAndDelta(p, batch, first, n, total);
        for (int l = layers - 1; l >= 0; l--) {
            backwardLayer(p, l, n);
            float[][] swap = fromAbove;
            fromAbove = toBelow;
            toBelow = swap;
        }
        return sse;
    }

    private void drawMasks(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float keep = 1f / (1f - dropout);
        int size = units * n;
        for (int l = 0; l < layers; l++) {
            for (int t = 0; t < steps; t++) {
                float[] m = masks[l][t];
                for (int i = 0; i < size; i++) {
                    m[i] = random.nextDouble() < dropout ? 0f : keep;
                }
            }
        }
    }

    private void loadInputs(SequenceBatch batch, int first, int n) {
        float[] x = batch.x();
        int h = units;
        for (int t = 0; t < steps; t++) {
            float[] zt = z[0][t];
            for (int b = 0; b < n; b++) {
                int src = ((first + b) * steps + t) * features;
                for (int f = 0; f < features; f++) {
                    zt[(h + f) * n + b] = x[src + f];
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            int k = gradient.inputs(l);
            for (int t = 0; t < steps; t++) {
                Arrays.fill(z[l][t], (k - 1) * n, k * n, 1f);
            }
            Arrays.fill(z[l][0], 0, h * n, 0f);
        }
    }

    /** Where h_t of layer l lives (rows 0..H-1). */
    private float[] hidden(int l, int t) {
        return t + 1 < steps ? z[l][t + 1] : lastHidden[l];
    }

    private void forwardLayer(LstmParameters p, int l, int n) {
        int h = units;
        int k = p.inputs(l);
        int block = h * n;
        float[] w = p.weights[l];
        for (int t = 0; t < steps; t++) {
            float[] a = gates[l][t];
            NativeSgemm.multiply(false, false, 4 * h, n, k, w, k, z[l][t], n, 0f, a, n);
            GateActivations.tanh(a, 0, block);
            GateActivations.sigmoid(a, block, 4 * block);
            float[] c = cell[l][t];
            if (t == 0) {
                for (int i = 0; i < block; i++) {
                    c[i] = a[3 * block + i] * a[i];
                }
            } else {
                float[] cPrev = cell[l][t - 1];
                for (int i = 0; i < block; i++) {
                    c[i] = a[block + i] * cPrev[i] + a[3 * block + i] * a[i];
                }
            }
            float[] tc = cellTanh[l][t];
            GateActivations.tanh(c, tc, block);
            float[] out = hidden(l, t);
            for (int i = 0; i < block; i++) {
                out[i] = a[2 * block + i] * tc[i];
            }
            if (l + 1 < layers) {
                float[] next = z[l + 1][t];
                if (masks != null) {
                    float[] m = masks[l][t];
                    for (int i = 0; i < block; i++) {
                        next[block + i] = out[i] * m[i];
                    }
                } else {
                    System.arraycopy(out, 0, next, block, block);
                }
            }
        }
    }

    private double readOutAndDelta(LstmParameters p, SequenceBatch batch, int first, int n, int total) {
        int top = layers - 1;
        float[] hTop = lastHidden[top];
        float[] m = masks != null ? masks[top][steps - 1] : null;
        float[] w = p.denseWeights;
        Arrays.fill(readOut, 0, n, p.denseBias[0]);
        for (int j = 0; j < units; j++) {
            float wj = w[j];
            int row = j * n;
            for (int b = 0; b < n; b++) {
                float hv = m == null ? hTop[row + b] : hTop[row + b] * m[row + b];
                readOut[b] += wj * hv;
            }
        }
        double sse = 0;
        float biasGrad = 0;
        float[] y = batch.y();
        for (int b = 0; b < n; b++) {
            float err = readOut[b] - y[first + b];
            sse += (double) err * err;
            outputDelta[b] = 2f * err / total;
            biasGrad += outputDelta[b];
        }
        gradient.denseBias[0] = biasGrad;
        float[] gw = gradient.denseWeights;
        float[] seed = topSeed;
        for (int j = 0; j < units; j++) {
            float wj = w[j];
            int row = j * n;
            float acc = 0;
            for (int b = 0; b < n; b++) {
                float mv = m == null ? 1f : m[row + b];
                acc += outputDelta[b] * hTop[row + b] * mv;
                seed[row + b] = wj * outputDelta[b] * mv;
            }
            gw[j] = acc;
        }
        return sse;
    }

    private void backwardLayer(LstmParameters p, int l, int n) {
        int h = units;
        int k = p.inputs(l);
        int block = h * n;
        float[] w = p.weights[l];
        float[] gw = gradient.weights[l];
        boolean top = l == layers - 1;
        Arrays.fill(hiddenDelta, 0, block, 0f);
        Arrays.fill(cellDelta, 0, block, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            float[] above = top ? (t == steps - 1 ? topSeed : null) : fromAbove[t];
            float[] a = gates[l][t];
            float[] tc = cellTanh[l][t];
            float[] cPrev = t > 0 ? cell[l][t - 1] : null;
            float[] d = gateDelta;
            for (int i = 0; i < block; i++) {
                float dh = above == null ? hiddenDelta[i] : hiddenDelta[i] + above[i];
                float g = a[i];
                float f = a[block + i];
                float o = a[2 * block + i];
                float in = a[3 * block + i];
                float tci = tc[i];
                float dc = dh * o * (1f - tci * tci) + cellDelta[i];
                float cp = cPrev == null ? 0f : cPrev[i];
                d[i] = dc * in * (1f - g * g);
                d[block + i] = dc * cp * f * (1f - f);
                d[2 * block + i] = dh * tci * o * (1f - o);
                d[3 * block + i] = dc * g * in * (1f - in);
                cellDelta[i] = dc * f;
            }
            NativeSgemm.multiply(false, true, 4 * h, k, n, d, n, z[l][t], n, 1f, gw, k);
            int rows = l > 0 ? 2 * h : h;
            if (t == 0 && l == 0) {
                continue;
            }
            NativeSgemm.multiply(true, false, rows, n, 4 * h, w, k, d, n, 0f, inputDelta, n);
            if (t > 0) {
                System.arraycopy(inputDelta, 0, hiddenDelta, 0, block);
            }
            if (l > 0) {
                float[] below = toBelow[t];
                if (masks != null) {
                    float[] m = masks[l - 1][t];
                    for (int i = 0; i < block; i++) {
                        below[i] = inputDelta[block + i] * m[i];
                    }
                } else {
                    System.arraycopy(inputDelta, block, below, 0, block);
                }
            }
        }
    }
}
