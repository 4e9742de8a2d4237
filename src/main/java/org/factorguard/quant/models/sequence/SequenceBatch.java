package org.factorguard.quant.models.sequence;

/**
 * A mini-batch of fixed-length, time-ordered feature sequences with one target each.
 *
 * <p>Layout of {@code x} is sample-major, row-major {@code [sample][step][feature]}: the value of
 * feature {@code f} at step {@code s} (0 = oldest, {@code steps-1} = the prediction day) of sample
 * {@code n} is {@code x[(n * steps + s) * features + f]}. Implementations convert to their own
 * layout. {@code y} holds one target per sample (may be {@code null} for prediction-only batches).
 */
public record SequenceBatch(int size, int steps, int features, float[] x, float[] y) {

    public SequenceBatch {
        if (size < 0 || steps <= 0 || features <= 0) {
            throw new IllegalArgumentException("invalid batch shape " + size + "x" + steps + "x" + features);
        }
        if (x.length != size * steps * features) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + size * steps * features);
        }
        if (y != null && y.length != size) {
            throw new IllegalArgumentException("y has " + y.length + " values, expected " + size);
        }
    }

    public float x(int sample, int step, int feature) {
        return x[(sample * steps + step) * features + feature];
    }
}
