package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * Training-throughput benchmark on the workload of {@code shared/bench/pytorch_lstm.py} (20,000
 * sequences × 30 steps × 12 AR(1) features, 1 LSTM layer of 64 units → last step → dense(1), MSE,
 * Adam 1e-3, batch 256, reshuffled each epoch, 5 epochs, 2 threads; test set 5,000 sequences).
 * Not part of the default test run. Run with
 * <pre>mvn -o test -Dtest=LstmTrainingBenchmark [-Dlstm.impl=dl4j] [-Dlstm.n=20000] [-Dlstm.epochs=5]
 *     [-Dlstm.data=/tmp/pytorch_workload.bin]</pre>
 * With {@code lstm.data} the benchmark trains on the script's very numbers, written by
 * {@code /usr/bin/python3 src/test/resources/org/factorguard/quant/models/lstm/dump_pytorch_workload.py
 * /tmp/pytorch_workload.bin}, so test MSEs compare exactly; otherwise it generates the same process in
 * Java.
 * The report (per-epoch times and a last line {@code SUMMARY mean_samples_per_s=… best_samples_per_s=…
 * infer_ms_5000=… test_mse=…}) goes to standard output (surefire's report file) and to
 * {@code target/lstm-benchmark.txt}.
 */
class LstmTrainingBenchmark {

    private static final int STEPS = 30;
    private static final int FEATURES = 12;
    private static final int UNITS = 64;
    private static final int BATCH = 256;

    private final List<String> lines = new ArrayList<>();

    @Test
    void training_throughput_on_the_pytorch_workload() throws IOException {
        int requested = Integer.getInteger("lstm.n", 20_000);
        int epochs = Integer.getInteger("lstm.epochs", 5);
        String impl = System.getProperty("lstm.impl", "fast");
        String dump = System.getProperty("lstm.data");
        InMemorySequences train;
        InMemorySequences test;
        if (dump != null) {
            InMemorySequences[] data = ArLstmWorkload.readPythonDump(Path.of(dump));
            train = data[0];
            test = data[1];
            report("data=" + dump + " (the script's own numbers)");
        } else {
            train = ArLstmWorkload.generate(requested, STEPS, FEATURES, 42);
            test = ArLstmWorkload.generate(5_000, STEPS, FEATURES, 43);
            report("data=generated in Java (same process and seeds as the script)");
        }
        int n = train.size();
        SequenceBatch testBatch = test.all();

        double[] seconds = new double[epochs];
        double[] testMse = new double[epochs];
        SequencePredictor trained;
        if (impl.equals("dl4j")) {
            Dl4jReferenceLstm dl4j = new Dl4jReferenceLstm(FEATURES, UNITS, 1e-3, 42);
            report("impl=dl4j (MultiLayerNetwork LSTM -> LastTimeStep -> OutputLayer) params="
                    + dl4j.network.numParams());
            for (int e = 0; e < epochs; e++) {
                seconds[e] = dl4j.fit(train, BATCH, 1, 1000L + e)[0];
                testMse[e] = dl4j.meanSquaredError(test);
                epochLine(e, seconds[e], n, testMse[e]);
            }
            trained = dl4j::predict;
        } else {
            FastLstmRegressor fast = new FastLstmRegressor(2);
            report("impl=fast (FastLstmRegressor) threads=2 params="
                    + (4 * UNITS * (UNITS + FEATURES + 1) + UNITS + 1));
            long seed = Long.getLong("lstm.seed", 42L);
            LstmSettings settings = new LstmSettings(1, UNITS, 0.0, 0.0, 1e-3, BATCH, epochs, 0, seed);
            long[] mark = {System.nanoTime()};
            TrainingListener timer = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochProgress progress, SequencePredictor checkpoint) {
                    int e = progress.epoch() - 1;
                    seconds[e] = (System.nanoTime() - mark[0]) / 1e9;
                    testMse[e] = meanSquaredError(checkpoint.predict(testBatch), testBatch.y());
                    epochLine(e, seconds[e], n, testMse[e]);
                    mark[0] = System.nanoTime();
                }
            };
            fast.fit(train, null, settings, timer, CancellationToken.NEVER);
            trained = fast;
        }

        trained.predict(testBatch);
        double bestInferMs = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            trained.predict(testBatch);
            bestInferMs = Math.min(bestInferMs, (System.nanoTime() - start) / 1e6);
        }
        double best = 0;
        double later = 0;
        for (int e = 0; e < epochs; e++) {
            double rate = n / seconds[e];
            best = Math.max(best, rate);
            if (e > 0 || epochs == 1) {
                later += rate;
            }
        }
        double mean = later / Math.max(1, epochs - 1);
        report(String.format("SUMMARY mean_samples_per_s=%.0f best_samples_per_s=%.0f infer_ms_5000=%.1f test_mse=%.5f",
                mean, best, bestInferMs, testMse[epochs - 1]));
        Path out = Path.of("target", "lstm-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        assertThat(testMse[epochs - 1]).isFinite();
    }

    private void epochLine(int e, double seconds, int n, double mse) {
        report(String.format("epoch %d: %.3f s, %.0f samples/s, test MSE %.5f", e + 1, seconds, n / seconds, mse));
    }

    private void report(String line) {
        lines.add(line);
        System.out.println(line);
    }

    private static double meanSquaredError(float[] yHat, float[] y) {
        double sse = 0;
        for (int i = 0; i < y.length; i++) {
            double e = yHat[i] - y[i];
            sse += e * e;
        }
        return sse / y.length;
    }
}
