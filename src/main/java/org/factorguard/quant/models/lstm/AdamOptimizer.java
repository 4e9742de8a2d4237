package org.factorguard.quant.models.lstm;

/**
 * Adam (Kingma &amp; Ba 2015) with L2 regularisation added to the gradient before the update, as
 * DL4J's {@code l2(...)} does, on weights only (biases are not penalised):
 * <pre>
 *   g ← ∇L + λ·w,   m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²
 *   w ← w − η · (m / (1−β₁ᵗ)) / (sqrt(v / (1−β₂ᵗ)) + ε)
 * </pre>
 * with β₁ = 0.9, β₂ = 0.999, ε = 1e−8 (the defaults of DL4J and PyTorch).
 */
final class AdamOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double l2;
    private final float[][] firstMoment;
    private final float[][] secondMoment;
    private int step;

    AdamOptimizer(LstmParameters shape, double learningRate, double l2) {
        this.learningRate = learningRate;
        this.l2 = l2;
        float[][] arrays = shape.arrays();
        firstMoment = new float[arrays.length][];
        secondMoment = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            firstMoment[i] = new float[arrays[i].length];
            secondMoment[i] = new float[arrays[i].length];
        }
    }

    void update(LstmParameters parameters, LstmParameters gradient) {
        step++;
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float stepSize = (float) (learningRate / (1 - Math.pow(BETA1, step)));
        float secondCorrection = (float) (1 / Math.sqrt(1 - Math.pow(BETA2, step)));
        float eps = (float) EPSILON;
        float decay = (float) l2;
        float[][] w = parameters.arrays();
        float[][] g = gradient.arrays();
        for (int a = 0; a < w.length; a++) {
            float[] wa = w[a];
            float[] ga = g[a];
            float[] m = firstMoment[a];
            float[] v = secondMoment[a];
            int biasStride = a < parameters.layers ? parameters.inputs(a) : 0;
            boolean allBias = a == parameters.layers + 1;
            for (int i = 0; i < wa.length; i++) {
                boolean bias = allBias || (biasStride > 0 && i % biasStride == biasStride - 1);
                float gi = bias ? ga[i] : ga[i] + decay * wa[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                wa[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * secondCorrection + eps);
            }
        }
    }
}
