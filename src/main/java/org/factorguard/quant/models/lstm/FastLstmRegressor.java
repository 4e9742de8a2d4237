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
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequencePredictor;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;

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
 * <p><b>Training.</b> Each epoch visits the training samples in an order reshuffled with the seed;
 * each mini-batch is split into two fixed halves (shards) whose gradients are computed in parallel
 * and summed in a fixed order, so results depend on the seed only, not on the thread count. Adam
 * with L2 on weights ({@link AdamOptimizer}). With a validation source, early stopping keeps the
 * weights of the epoch with the lowest validation MSE and stops after {@code patience} epochs without
 * improvement. Cancellation is checked between mini-batches; a non-finite loss throws
 * {@link IllegalStateException}.
 *
 * <p><b>File format</b> (version 1, big-endian, {@link DataOutputStream}): int magic
 * {@code 0x46474C53} ("FGLS"), int version, int features, int steps, int units, int layers,
 * double dropout, double l2, double learningRate, int batchSize, int maxEpochs, int patience,
 * long seed; then for each layer the {@code 4H·(H+I+1)} floats of {@code W_l} row-major (rows in
 * DL4J gate order g, f, o, i; columns h, x, bias); then {@code H} dense weights and the dense bias.
 *
 * <p>Instances are not thread-safe; {@link #predict} may be called concurrently once trained.
 */
public final class FastLstmRegressor implements SequenceRegressor {

    static final int FORMAT_MAGIC = 0x46474C53;
    static final int FORMAT_VERSION = 1;
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
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples");
        }
        if (validation != null && (validation.features() != train.features() || validation.size() == 0)) {
            throw new IllegalArgumentException("validation must be non-empty with the training features");
        }
        TrainingListener progressListener = listener == null ? TrainingListener.NONE : listener;
        CancellationToken token = cancel == null ? CancellationToken.NEVER : cancel;
        NativeSgemm.useSingleThreadedCalls();
        long started = System.nanoTime();

        SplittableRandom master = new SplittableRandom(settings.seed());
        LstmParameters p = new LstmParameters(train.features(), settings.units(), settings.layers());
        p.initialise(master.split());
        SplittableRandom shuffling = master.split();
        SplittableRandom dropoutSeeds = master.split();
        this.parameters = p;
        this.settings = settings;
        this.steps = train.steps();

        int n = train.size();
        int batchSize = Math.min(settings.batchSize(), n);
        int shardCapacity = (batchSize + SHARDS - 1) / SHARDS;
        LstmShardTrainer[] shards = new LstmShardTrainer[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            shards[s] = new LstmShardTrainer(train.features(), settings.units(), settings.layers(), train.steps(),
                    shardCapacity, settings.dropout());
        }
        AdamOptimizer adam = new AdamOptimizer(p, settings.learningRate(), settings.l2());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batches = (n + batchSize - 1) / batchSize;
        List<EpochProgress> epochs = new ArrayList<>();
        LstmParameters best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            shuffle(order, shuffling);
            double sse = 0;
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                token.throwIfCancelled();
                int from = b * batchSize;
                int size = Math.min(batchSize, n - from);
                int[] idx = new int[size];
                System.arraycopy(order, from, idx, 0, size);
                SequenceBatch batch = train.batch(idx);
                double batchSse = trainStep(p, shards, batch, dropoutSeeds);
                if (!Double.isFinite(batchSse)) {
                    throw new IllegalStateException("training loss became " + batchSse + " in epoch " + epoch
                            + ", mini-batch " + (b + 1) + "; lower the learning rate or check the inputs");
                }
                adam.update(p, shards[0].gradient);
                sse += batchSse;
                seen += size;
                progressListener.onBatch(new EpochProgress(epoch, settings.maxEpochs(), b + 1, batches, sse / seen,
                        Double.NaN, elapsedMillis(started)));
            }
            double validationLoss = validation == null ? Double.NaN : meanSquaredError(validation);
            EpochProgress progress = new EpochProgress(epoch, settings.maxEpochs(), batches, batches, sse / seen,
                    validationLoss, elapsedMillis(started));
            epochs.add(progress);
            progressListener.onEpochEnd(progress, this::predict);
            if (validation == null) {
                bestEpoch = epoch;
                continue;
            }
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                sinceBest = 0;
                best = best == null ? p.copy() : best;
                best.copyFrom(p);
            } else {
                sinceBest++;
                if (settings.patience() > 0 && sinceBest >= settings.patience()) {
                    stoppedEarly = epoch < settings.maxEpochs();
                    break;
                }
            }
        }
        if (best != null) {
            p.copyFrom(best);
        }
        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
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
        double sse = 0;
        int chunk = 4096;
        int[] idx;
        for (int from = 0; from < source.size(); from += chunk) {
            int size = Math.min(chunk, source.size() - from);
            idx = new int[size];
            for (int i = 0; i < size; i++) {
                idx[i] = from + i;
            }
            SequenceBatch batch = source.batch(idx);
            float[] yHat = predict(batch);
            for (int i = 0; i < size; i++) {
                double e = yHat[i] - batch.y()[i];
                sse += e * e;
            }
        }
        return sse / source.size();
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
        data.writeInt(FORMAT_MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeInt(p.features);
        data.writeInt(steps);
        data.writeInt(p.units);
        data.writeInt(p.layers);
        data.writeDouble(settings.dropout());
        data.writeDouble(settings.l2());
        data.writeDouble(settings.learningRate());
        data.writeInt(settings.batchSize());
        data.writeInt(settings.maxEpochs());
        data.writeInt(settings.patience());
        data.writeLong(settings.seed());
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
        if (data.readInt() != FORMAT_MAGIC) {
            throw new IOException("not a FastLstmRegressor model (bad magic number)");
        }
        int version = data.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported FastLstmRegressor format version " + version);
        }
        int features = data.readInt();
        int savedSteps = data.readInt();
        int units = data.readInt();
        int layers = data.readInt();
        LstmSettings loaded = new LstmSettings(layers, units, data.readDouble(), data.readDouble(),
                data.readDouble(), data.readInt(), data.readInt(), data.readInt(), data.readLong());
        if (features < 1 || savedSteps < 1) {
            throw new IOException("corrupt model header");
        }
        LstmParameters p = new LstmParameters(features, units, layers);
        for (float[] a : p.arrays()) {
            for (int i = 0; i < a.length; i++) {
                a[i] = data.readFloat();
            }
        }
        this.parameters = p;
        this.settings = loaded;
        this.steps = savedSteps;
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
