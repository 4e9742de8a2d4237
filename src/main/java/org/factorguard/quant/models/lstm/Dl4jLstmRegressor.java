package org.factorguard.quant.models.lstm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.EpochProgress;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reference LSTM regressor on Deeplearning4j (Hochreiter &amp; Schmidhuber, Neural Computation 9(8),
 * 1997; the paper's eq. 2):
 * <pre>
 *   LSTM(tanh, units) × layers  →  last time step  →  dense output (identity, 1 unit),  loss = MSE
 * </pre>
 * trained with Adam (learning rate), L2 weight decay, dropout on the input of every layer after the first
 * LSTM, Xavier initialisation from the seed, single-precision floats and DL4J workspaces. Mini-batches are
 * drawn in an order shuffled with the seed and fed through {@code fit(DataSet)} one at a time, so the
 * cancel flag is checked and progress reported between batches. ND4J's BLAS runs on one thread (faster on
 * small machines and needed for bit-identical repeats). With a validation source, each epoch's validation
 * MSE drives early stopping and the best epoch's weights are kept. The reported training loss is DL4J's
 * score: batch MSE plus the L2 penalty.
 */
public final class Dl4jLstmRegressor implements SequenceRegressor {

    private static final int FORMAT_VERSION = 1;
    private static final String MAGIC = "factorguard-dl4j-lstm";
    private static final int PREDICTION_CHUNK = 4096;

    private MultiLayerNetwork network;
    private LstmSettings settings;
    private int steps;
    private int features;

    @Override
    public TrainingHistory fit(SequenceSource train, SequenceSource validation, LstmSettings settings,
                               TrainingListener listener, CancellationToken cancel) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples");
        }
        if (validation != null && (validation.steps() != train.steps() || validation.features() != train.features())) {
            throw new IllegalArgumentException("validation sequences differ in shape from the training sequences");
        }
        useOneThread();
        this.settings = settings;
        this.steps = train.steps();
        this.features = train.features();
        this.network = new MultiLayerNetwork(configuration(settings, features, steps));
        network.init();

        SplittableRandom random = new SplittableRandom(settings.seed());
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batches = (n + settings.batchSize() - 1) / settings.batchSize();
        boolean hasValidation = validation != null && validation.size() > 0;
        List<EpochProgress> epochs = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int sinceBest = 0;
        boolean stoppedEarly = false;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++) {
                cancel.throwIfCancelled();
                int from = b * settings.batchSize();
                int to = Math.min(n, from + settings.batchSize());
                int[] indices = java.util.Arrays.copyOfRange(order, from, to);
                SequenceBatch batch = train.batch(indices);
                network.fit(new DataSet(features(batch), labels(batch)));
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("LSTM training diverged: the loss became " + loss + " in epoch " + epoch
                            + ", mini-batch " + (b + 1) + "; lower the learning rate or check the factors for extreme values");
                }
                lossSum += loss * batch.size();
                seen += batch.size();
                listener.onBatch(new EpochProgress(epoch, settings.maxEpochs(), b + 1, batches, lossSum / seen,
                        Double.NaN, elapsedMillis(started)));
            }
            double validationLoss = hasValidation ? meanSquaredError(validation, cancel) : Double.NaN;
            if (hasValidation && !Double.isFinite(validationLoss)) {
                throw new IllegalStateException("LSTM training diverged: the validation loss became " + validationLoss
                        + " in epoch " + epoch + "; lower the learning rate");
            }
            EpochProgress progress = new EpochProgress(epoch, settings.maxEpochs(), batches, batches, lossSum / seen,
                    validationLoss, elapsedMillis(started));
            epochs.add(progress);
            listener.onEpochEnd(progress, this::predict);
            if (!hasValidation) {
                bestEpoch = epoch;
                continue;
            }
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                bestParams = network.params().dup();
                bestEpoch = epoch;
                sinceBest = 0;
            } else if (settings.patience() > 0 && ++sinceBest >= settings.patience()) {
                stoppedEarly = epoch < settings.maxEpochs();
                break;
            }
        }
        if (bestParams != null) {
            network.setParams(bestParams);
        }
        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    static MultiLayerConfiguration configuration(LstmSettings settings, int features, int steps) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(settings.learningRate()))
                .l2(settings.l2())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        double retain = 1 - settings.dropout();
        for (int l = 0; l < settings.layers(); l++) {
            LSTM.Builder lstm = new LSTM.Builder()
                    .nIn(l == 0 ? features : settings.units())
                    .nOut(settings.units())
                    .activation(Activation.TANH);
            if (l > 0 && settings.dropout() > 0) {
                lstm.dropOut(retain);
            }
            layers.layer(l == settings.layers() - 1 ? new LastTimeStep(lstm.build()) : lstm.build());
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY)
                .nIn(settings.units())
                .nOut(1);
        if (settings.dropout() > 0) {
            output.dropOut(retain);
        }
        layers.layer(output.build());
        layers.setInputType(InputType.recurrent(features, steps, RNNFormat.NCW));
        return layers.build();
    }

    /** {@code [sample][step][feature]} to DL4J's {@code [sample][feature][step]} (NCW). */
    private static INDArray features(SequenceBatch batch) {
        int s = batch.steps();
        int f = batch.features();
        float[] ncw = new float[batch.x().length];
        float[] x = batch.x();
        for (int n = 0; n < batch.size(); n++) {
            int base = n * s * f;
            for (int step = 0; step < s; step++) {
                for (int k = 0; k < f; k++) {
                    ncw[base + k * s + step] = x[base + step * f + k];
                }
            }
        }
        return Nd4j.create(ncw, new long[]{batch.size(), f, s}, DataType.FLOAT);
    }

    private static INDArray labels(SequenceBatch batch) {
        return Nd4j.create(batch.y(), new long[]{batch.size(), 1}, DataType.FLOAT);
    }

    private double meanSquaredError(SequenceSource source, CancellationToken cancel) {
        double sum = 0;
        for (int from = 0; from < source.size(); from += PREDICTION_CHUNK) {
            cancel.throwIfCancelled();
            int to = Math.min(source.size(), from + PREDICTION_CHUNK);
            int[] indices = new int[to - from];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            SequenceBatch batch = source.batch(indices);
            float[] predicted = predict(batch);
            for (int i = 0; i < predicted.length; i++) {
                double e = predicted[i] - batch.y()[i];
                sum += e * e;
            }
        }
        return sum / source.size();
    }

    @Override
    public float[] predict(SequenceBatch batch) {
        if (network == null) {
            throw new IllegalStateException("the LSTM has not been trained or loaded");
        }
        if (batch.steps() != steps || batch.features() != features) {
            throw new IllegalArgumentException("the LSTM was trained on " + steps + " steps × " + features
                    + " features, got " + batch.steps() + " × " + batch.features());
        }
        if (batch.size() == 0) {
            return new float[0];
        }
        INDArray out = network.output(features(batch), false);
        float[] result = new float[batch.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.getFloat(i, 0);
        }
        return result;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        if (network == null) {
            throw new IllegalStateException("the LSTM has not been trained or loaded");
        }
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, model, false);
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT_VERSION);
        data.writeInt(steps);
        data.writeInt(features);
        data.writeInt(settings.layers());
        data.writeInt(settings.units());
        data.writeDouble(settings.dropout());
        data.writeDouble(settings.l2());
        data.writeDouble(settings.learningRate());
        data.writeInt(settings.batchSize());
        data.writeInt(settings.maxEpochs());
        data.writeInt(settings.patience());
        data.writeLong(settings.seed());
        data.writeInt(model.size());
        model.writeTo(data);
        data.flush();
    }

    @Override
    public void load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (!MAGIC.equals(data.readUTF())) {
            throw new IOException("not a saved DL4J LSTM");
        }
        int version = data.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported DL4J LSTM format version " + version);
        }
        int savedSteps = data.readInt();
        int savedFeatures = data.readInt();
        LstmSettings savedSettings = new LstmSettings(data.readInt(), data.readInt(), data.readDouble(),
                data.readDouble(), data.readDouble(), data.readInt(), data.readInt(), data.readInt(), data.readLong());
        byte[] model = new byte[data.readInt()];
        data.readFully(model);
        useOneThread();
        this.network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false);
        this.steps = savedSteps;
        this.features = savedFeatures;
        this.settings = savedSettings;
    }

    /**
     * One BLAS thread and one libnd4j (OpenMP) thread: small LSTM batches are dominated by per-op overhead,
     * and idle OpenMP workers spinning on a loaded machine made training several times slower; a fixed
     * thread count also keeps repeated runs bit-identical.
     */
    private static void useOneThread() {
        Nd4j.factory().blas().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
