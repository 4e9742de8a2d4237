package org.factorguard.quant.models.lstm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hipparchus.random.Well19937c;

/**
 * The workload of {@code shared/bench/pytorch_lstm.py}: {@code n} sequences of {@code T} steps of
 * {@code F} AR(1) features {@code v_t = φ v_{t−1} + sqrt(1−φ²) ε_t} (φ in [0.5, 0.95], stationary
 * start), target {@code y = x_{T−1}·w1 + x_{T−5}·w2 + 0.1·tanh(x_{T−1,0}·x_{T−1,1}) + 0.5·ε} with
 * {@code w1 ~ N(0, 0.3²)}, {@code w2 ~ N(0, 0.2²)} drawn from the fixed seed 12345. Same process and
 * seeds as the script (training seed 42, test seed 43); the random streams differ (numpy PCG64 vs
 * Well19937c), so the numbers are equal in distribution, not bit for bit. For the very same numbers,
 * {@link #readPythonDump} reads the file written by {@code dump_pytorch_workload.py} (test resources).
 */
final class ArLstmWorkload {

    private ArLstmWorkload() {
    }

    static InMemorySequences generate(int n, int steps, int features, long seed) {
        Well19937c weights = new Well19937c(12345L);
        double[] w1 = new double[features];
        double[] w2 = new double[features];
        double[] phi = new double[features];
        for (int f = 0; f < features; f++) {
            w1[f] = weights.nextGaussian() * 0.3;
        }
        for (int f = 0; f < features; f++) {
            w2[f] = weights.nextGaussian() * 0.2;
        }
        for (int f = 0; f < features; f++) {
            phi[f] = 0.5 + 0.45 * weights.nextDouble();
        }
        Well19937c random = new Well19937c(seed);
        float[] x = new float[n * steps * features];
        float[] y = new float[n];
        double[] v = new double[features];
        for (int s = 0; s < n; s++) {
            for (int f = 0; f < features; f++) {
                v[f] = random.nextGaussian();
            }
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    v[f] = phi[f] * v[f] + Math.sqrt(1 - phi[f] * phi[f]) * random.nextGaussian();
                    x[(s * steps + t) * features + f] = (float) v[f];
                }
            }
            int last = (s * steps + steps - 1) * features;
            int lag = (s * steps + Math.max(0, steps - 5)) * features;
            double target = 0;
            for (int f = 0; f < features; f++) {
                target += x[last + f] * w1[f] + x[lag + f] * w2[f];
            }
            target += 0.1 * Math.tanh(x[last] * (features > 1 ? x[last + 1] : 1f));
            y[s] = (float) (target + 0.5 * random.nextGaussian());
        }
        return new InMemorySequences(n, steps, features, x, y);
    }

    /** Reads {@code [train, test]} from the little-endian file of {@code dump_pytorch_workload.py}. */
    static InMemorySequences[] readPythonDump(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int nTrain = buffer.getInt();
        int nTest = buffer.getInt();
        int steps = buffer.getInt();
        int features = buffer.getInt();
        InMemorySequences train = read(buffer, nTrain, steps, features);
        InMemorySequences test = read(buffer, nTest, steps, features);
        return new InMemorySequences[] {train, test};
    }

    private static InMemorySequences read(ByteBuffer buffer, int n, int steps, int features) {
        float[] x = new float[n * steps * features];
        float[] y = new float[n];
        buffer.asFloatBuffer().get(x);
        buffer.position(buffer.position() + 4 * x.length);
        buffer.asFloatBuffer().get(y);
        buffer.position(buffer.position() + 4 * y.length);
        return new InMemorySequences(n, steps, features, x, y);
    }
}
