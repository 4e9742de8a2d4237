package org.factorguard.quant.models.lstm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceRegressor;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.factorguard.quant.models.sequence.SequenceTrainer;
import org.factorguard.quant.models.sequence.TrainingHistory;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.models.sequence.TrainingStep;
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
 * LSTM, Xavier initialisation from the seed, single-precision floats and DL4J workspaces. The loop (order
 * shuffled with the seed, cancellation and progress between mini-batches, divergence checks, early stopping
 * on the validation MSE keeping the best epoch's weights) is {@link SequenceTrainer}'s; each mini-batch goes
 * through {@code fit(DataSet)}. ND4J's BLAS runs on one thread (faster on small machines and needed for
 * bit-identical repeats). The reported training loss is DL4J's score: batch MSE plus the L2 penalty. Saved
 * as a {@link SavedLstmHeader}, an int length and DL4J's {@code ModelSerializer} zip.
 */
public final class Dl4jLstmRegressor implements SequenceRegressor {

    private MultiLayerNetwork network;
    private LstmSettings settings;
    private int steps;
    private int features;

    @Override
    public TrainingHistory fit(SequenceSource train, SequenceSource validation, LstmSettings settings,
                               TrainingListener listener, CancellationToken cancel) {
        SequenceTrainer trainer = new SequenceTrainer(train, validation, settings, listener, cancel);
        useOneThread();
        this.settings = settings;
        this.steps = train.steps();
        this.features = train.features();
        this.network = new MultiLayerNetwork(configuration(settings, features, steps));
        network.init();
        return trainer.run(new Step(), new SplittableRandom(settings.seed()));
    }

    /** One {@code fit(DataSet)} per mini-batch; its loss is DL4J's score (batch MSE plus the L2 penalty). */
    private final class Step implements TrainingStep {

        private INDArray best;

        @Override
        public double train(SequenceBatch batch) {
            network.fit(new DataSet(features(batch), labels(batch)));
            return network.score() * batch.size();
        }

        @Override
        public float[] predict(SequenceBatch batch) {
            return Dl4jLstmRegressor.this.predict(batch);
        }

        @Override
        public void snapshot() {
            best = network.params().dup();
        }

        @Override
        public void restoreSnapshot() {
            network.setParams(best);
        }
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
        new SavedLstmHeader(LstmImplementation.DL4J, steps, features, settings).write(data);
        data.writeInt(model.size());
        model.writeTo(data);
        data.flush();
    }

    @Override
    public void load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        SavedLstmHeader header = SavedLstmHeader.read(data, LstmImplementation.DL4J);
        byte[] model = new byte[data.readInt()];
        data.readFully(model);
        useOneThread();
        this.network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false);
        this.steps = header.steps();
        this.features = header.features();
        this.settings = header.settings();
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
}
