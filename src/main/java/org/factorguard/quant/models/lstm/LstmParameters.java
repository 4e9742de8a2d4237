package org.factorguard.quant.models.lstm;

import java.util.SplittableRandom;

/**
 * The weights of a stacked LSTM with a dense read-out of the last step's hidden state.
 *
 * <p>Layer {@code l} has one row-major matrix {@code W_l} of shape {@code [4H × K_l]} with
 * {@code K_l = H + I_l + 1}: columns {@code [0, H)} multiply the previous hidden state
 * {@code h_{t−1}}, columns {@code [H, H+I_l)} the layer input {@code x_t} (the features for layer 0,
 * the hidden state of layer {@code l−1} above), the last column is the bias. Rows are the four gate
 * blocks in DL4J's order: {@code [0,H)} cell input {@code g} (tanh), {@code [H,2H)} forget gate
 * {@code f}, {@code [2H,3H)} output gate {@code o}, {@code [3H,4H)} input gate {@code i} (sigmoids).
 * The read-out is {@code ŷ = w·h_T + b}.
 *
 * <p>Initialisation as DL4J does it for {@code LSTM} with Xavier: weights
 * {@code U(±sqrt(6/(fanIn+fanOut)))} (Glorot &amp; Bengio 2010) with {@code fanIn} the input size
 * (or {@code H} for the recurrent part) and {@code fanOut = 4H}; biases 0 except the forget gate's,
 * which start at 1.0 (DL4J's {@code forgetGateBiasInit}; Gers, Schmidhuber &amp; Cummins 2000) so
 * that the cell remembers by default.
 */
final class LstmParameters {

    final int features;
    final int units;
    final int layers;
    /** {@code weights[l]} is {@code W_l}, shape {@code [4H × inputs(l)]}. */
    final float[][] weights;
    /** Dense read-out weights {@code w} of length {@code H}. */
    final float[] denseWeights;
    /** Dense read-out bias, a one-element array so it can be optimised like the others. */
    final float[] denseBias;

    LstmParameters(int features, int units, int layers) {
        this.features = features;
        this.units = units;
        this.layers = layers;
        this.weights = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new float[4 * units * inputs(l)];
        }
        this.denseWeights = new float[units];
        this.denseBias = new float[1];
    }

    /** Columns of {@code W_l}: {@code H + I_l + 1}. */
    int inputs(int layer) {
        return units + layerInputSize(layer) + 1;
    }

    int layerInputSize(int layer) {
        return layer == 0 ? features : units;
    }

    /** All parameter arrays in a fixed order (the optimiser's and the file format's order). */
    float[][] arrays() {
        float[][] all = new float[layers + 2][];
        System.arraycopy(weights, 0, all, 0, layers);
        all[layers] = denseWeights;
        all[layers + 1] = denseBias;
        return all;
    }

    int count() {
        int n = 0;
        for (float[] a : arrays()) {
            n += a.length;
        }
        return n;
    }

    LstmParameters zerosLike() {
        return new LstmParameters(features, units, layers);
    }

    LstmParameters copy() {
        LstmParameters c = zerosLike();
        c.copyFrom(this);
        return c;
    }

    void copyFrom(LstmParameters other) {
        float[][] src = other.arrays();
        float[][] dst = arrays();
        for (int i = 0; i < src.length; i++) {
            System.arraycopy(src[i], 0, dst[i], 0, src[i].length);
        }
    }

    /** Xavier-uniform weights, zero biases, forget-gate bias 1.0 (see class comment). */
    void initialise(SplittableRandom random) {
        int h = units;
        for (int l = 0; l < layers; l++) {
            int k = inputs(l);
            int in = layerInputSize(l);
            float[] w = weights[l];
            double recurrentLimit = Math.sqrt(6.0 / (h + 4.0 * h));
            double inputLimit = Math.sqrt(6.0 / (in + 4.0 * h));
            for (int row = 0; row < 4 * h; row++) {
                for (int col = 0; col < k - 1; col++) {
                    double limit = col < h ? recurrentLimit : inputLimit;
                    w[row * k + col] = (float) ((2 * random.nextDouble() - 1) * limit);
                }
                w[row * k + k - 1] = row >= h && row < 2 * h ? 1f : 0f;
            }
        }
        double denseLimit = Math.sqrt(6.0 / (h + 1.0));
        for (int j = 0; j < h; j++) {
            denseWeights[j] = (float) ((2 * random.nextDouble() - 1) * denseLimit);
        }
        denseBias[0] = 0f;
    }

    /** Whether element {@code index} of parameter array {@code array} (in {@link #arrays()} order) is a bias. */
    boolean isBias(int array, int index) {
        if (array < layers) {
            int k = inputs(array);
            return index % k == k - 1;
        }
        return array == layers + 1;
    }
}
