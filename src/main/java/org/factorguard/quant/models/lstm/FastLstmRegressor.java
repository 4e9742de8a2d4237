package org.factorguard.quant.models.lstm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.factorguard.quant.models.sequence.SequenceTrainer;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.models.sequence.TrainingStep;

/**
 * The default LSTM sequence regressor: a hand-written stacked LSTM (Hochreiter &amp; Schmidhuber
 * 1997, with forget gate, Gers et al. 2000), last step → dense(1), trained on mean squared error with
 * Adam, in float32, with the matrix products on OpenBLAS and the gate arithmetic fused in plain Java
 * loops. It computes the same function as DL4J's {@code LSTM → LastTimeStep → OutputLayer(identity,
 * MSE)} (same gate equations, gate order and forget-gate bias 1.0; see {@link LstmParameters}) about
 * ten times faster.
 *
 * <p><b>Model.</b> For each layer and step: {@code a = W·[h_{t−1}; x_t; 1]},
 * {@code g = tanh(a_g)}, {@code f, o, i = σ(a_f, a_o, a_i)}, {@code c_t = f⊙c_{t−1} + i⊙g},
 * {@code h_t = o⊙tanh(c_t)}; {@code ŷ = w·h_T + b}. Dropout {@code p} (inverted) acts on every LSTM
 * layer's output during training.
 *
 * <p><b>Training.</b> {@link SequenceTrainer} runs the loop (order reshuffled with the seed each epoch,
 * cancellation between mini-batches, divergence checks, early stopping on the validation MSE keeping the
 * best epoch's weights); this class supplies the step: each mini-batch is split into two fixed halves
 * (shards) whose gradients are computed in parallel and summed in a fixed order, so results depend on the
 * seed only, not on the thread count; then Adam with L2 on weights ({@link AdamOptimizer}).
 *
 * <p><b>File format:</b> a {@link SavedLstmHeader}, then for each layer the {@code 4H·(H+I+1)} floats of
 * {@code W_l} row-major (rows in DL4J gate order g, f, o, i; columns h, x, bias); then {@code H} dense
 * weights and the dense bias (big-endian).
 *
 * <p>Instances are not thread-safe; {@link #predict} may be called concurrently once trained.
 */
public final class FastLstmRegressor implements SequenceRegressor {

    /** Fixed number of shards per mini-batch (independent of the thread count, for reproducibility). */
    static final int SHARDS = 2;
    private static final int PREDICT_CHUNK = 256;

    private final int threads;
    private ExecutorService workers;
    private LstmParameters parameters;
    private LstmSettings settings;
    private int steps;

    /** A regressor that trains and predicts on two threads. */
    public FastLstmRegressor() {
        this(2);
    }

    /** @param threads worker threads for training and prediction (1 or 2 useful; results do not depend on it) */
    public FastLstmRegressor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.threads = threads;
    }

    /** Settings of the last {@link #fit} or {@link #load}, or {@code null}. */
    public LstmSettings settings() {
        return settings;
    }

    /** Number of trainable parameters, or 0 before training. */
    public int parameterCount() {
        return parameters == null ? 0 : parameters.count();
    }

    @Override
    public TrainingHistory fit(SequenceSource train, SequenceSource validation, LstmSettings settings,
                               TrainingListener listener, CancellationToken cancel) {
        SequenceTrainer trainer = new SequenceTrainer(train, validation, settings, listener, cancel);
        NativeSgemm.useSingleThreadedCalls();
        SplittableRandom master = new SplittableRandom(settings.seed());
        LstmParameters p = new LstmParameters(train.features(), settings.units(), settings.layers());
        p.initialise(master.split());
        SplittableRandom shuffling = master.split();
        SplittableRandom dropoutSeeds = master.split();
        this.parameters = p;
        this.settings = settings;
        this.steps = train.steps();

        int batchSize = Math.min(settings.batchSize(), train.size());
        int shardCapacity = (batchSize + SHARDS - 1) / SHARDS;
        LstmShardTrainer[] shards = new LstmShardTrainer[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            shards[s] = new LstmShardTrainer(train.features(), settings.units(), settings.layers(), train.steps(),
                    shardCapacity, settings.dropout());
        }
        AdamOptimizer adam = new AdamOptimizer(p, settings.learningRate(), settings.l2());
        return trainer.run(new Step(p, shards, adam, dropoutSeeds), shuffling);
    }

    /** Sharded gradient, then one Adam update; the loss is the batch's sum of squared errors. */
    private final class Step implements TrainingStep {

        private final LstmParameters live;
        private final LstmShardTrainer[] shards;
        private final AdamOptimizer adam;
        private final SplittableRandom dropoutSeeds;
        private LstmParameters best;

        Step(LstmParameters live, LstmShardTrainer[] shards, AdamOptimizer adam, SplittableRandom dropoutSeeds) {
            this.live = live;
            this.shards = shards;
            this.adam = adam;
            this.dropoutSeeds = dropoutSeeds;
        }

        @Override
        public double train(SequenceBatch batch) {
            double sse = trainStep(live, shards, batch, dropoutSeeds);
            if (Double.isFinite(sse)) {
                adam.update(live, shards[0].gradient);
            }
            return sse;
        }

        @Override
        public float[] predict(SequenceBatch batch) {
            return FastLstmRegressor.this.predict(batch);
        }

        @Override
        public void snapshot() {
            if (best == null) {
                best = live.copy();
            } else {
                best.copyFrom(live);
            }
        }

        @Override
        public void restoreSnapshot() {
            live.copyFrom(best);
        }
    }

    /** Gradient of one mini-batch into {@code shards[0].gradient}; returns the batch's sum of squared errors. */
    private double trainStep(LstmParameters p, LstmShardTrainer[] shards, SequenceBatch batch,
                             SplittableRandom dropoutSeeds) {
        int size = batch.size();
        int[] first = new int[SHARDS];
        int[] count = new int[SHARDS];
        long[] seeds = new long[SHARDS];
        int start = 0;
        for (int s = 0; s < SHARDS; s++) {
            count[s] = Math.min(shards[s].capacity(), size - start);
            first[s] = start;
            start += count[s];
            seeds[s] = dropoutSeeds.nextLong();
        }
        double[] sse = new double[SHARDS];
        List<Future<?>> pending = new ArrayList<>();
        for (int s = 1; s < SHARDS; s++) {
            int shard = s;
            Runnable task = () -> sse[shard] = shards[shard].lossAndGradient(p, batch, first[shard], count[shard],
                    size, seeds[shard]);
            if (threads > 1 && count[s] > 0) {
                pending.add(workers().submit(task));
            } else {
                task.run();
            }
        }
        sse[0] = shards[0].lossAndGradient(p, batch, first[0], count[0], size, seeds[0]);
        await(pending);
        float[][] total = shards[0].gradient.arrays();
        for (int s = 1; s < SHARDS; s++) {
            float[][] part = shards[s].gradient.arrays();
            for (int a = 0; a < total.length; a++) {
                float[] t = total[a];
                float[] q = part[a];
                for (int i = 0; i < t.length; i++) {
                    t[i] += q[i];
                }
            }
        }
        double sum = 0;
        for (double v : sse) {
            sum += v;
        }
        return sum;
    }

    private static void await(List<Future<?>> pending) {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private synchronized ExecutorService workers() {
        if (workers == null) {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads - 1, threads - 1, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "fast-lstm-worker");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            workers = pool;
        }
        return workers;
    }

    /** Mean squared error of the current weights on {@code source}. */
    public double meanSquaredError(SequenceSource source) {
        return SequenceTrainer.meanSquaredError(this, source, CancellationToken.NEVER);
    }

    @Override
    public float[] predict(SequenceBatch batch) {
        LstmParameters p = parameters;
        if (p == null) {
            throw new IllegalStateException("the regressor has not been trained or loaded");
        }
        if (batch.features() != p.features) {
            throw new IllegalArgumentException("expected " + p.features + " features, got " + batch.features());
        }
        NativeSgemm.useSingleThreadedCalls();
        float[] out = new float[batch.size()];
        int chunks = (batch.size() + PREDICT_CHUNK - 1) / PREDICT_CHUNK;
        int lanes = Math.min(threads, chunks);
        List<Future<?>> pending = new ArrayList<>();
        for (int lane = 1; lane < lanes; lane++) {
            int myLane = lane;
            pending.add(workers().submit(() -> predictLane(p, batch, out, myLane, lanes, chunks)));
        }
        predictLane(p, batch, out, 0, lanes, chunks);
        await(pending);
        return out;
    }

    private static void predictLane(LstmParameters p, SequenceBatch batch, float[] out, int lane, int lanes,
                                    int chunks) {
        LstmInference inference = new LstmInference(p, Math.min(PREDICT_CHUNK, batch.size()));
        for (int c = lane; c < chunks; c += lanes) {
            int first = c * PREDICT_CHUNK;
            inference.predict(batch, first, Math.min(PREDICT_CHUNK, batch.size() - first), out);
        }
    }

    @Override
    public void save(OutputStream out) throws IOException {
        LstmParameters p = parameters;
        if (p == null) {
            throw new IllegalStateException("nothing to save: the regressor has not been trained or loaded");
        }
        DataOutputStream data = new DataOutputStream(out);
        new SavedLstmHeader(LstmImplementation.FAST, steps, p.features, settings).write(data);
        for (float[] a : p.arrays()) {
            for (float v : a) {
                data.writeFloat(v);
            }
        }
        data.flush();
    }

    @Override
    public void load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        SavedLstmHeader header = SavedLstmHeader.read(data, LstmImplementation.FAST);
        LstmSettings loaded = header.settings();
        LstmParameters p = new LstmParameters(header.features(), loaded.units(), loaded.layers());
        for (float[] a : p.arrays()) {
            for (int i = 0; i < a.length; i++) {
                a[i] = data.readFloat();
            }
        }
        this.parameters = p;
        this.settings = loaded;
        this.steps = header.steps();
    }

    /** Package access for tests: the live parameters. */
    LstmParameters parameters() {
        return parameters;
    }

    void setParameters(LstmParameters p, LstmSettings s, int sequenceSteps) {
        this.parameters = p;
        this.settings = s;
        this.steps = sequenceSteps;
    }

    /** A predictor over a frozen copy of the current weights. */
    public SequencePredictor snapshot() {
        FastLstmRegressor copy = new FastLstmRegressor(threads);
        copy.setParameters(parameters.copy(), settings, steps);
        return copy;
    }
}
