package org.factorguard.quant.models.lstm;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.SequenceSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's stock network for the same model (test fixture): {@code LSTM → LastTimeStep →
 * OutputLayer(identity, MSE)}, one layer, Adam, Xavier, float32.
 */
final class Dl4jReferenceLstm {

    final MultiLayerNetwork network;
    private final int features;
    private final int units;

    Dl4jReferenceLstm(int features, int units, double learningRate, long seed) {
        Nd4j.factory().blas().setMaxThreads(1);
        this.features = features;
        this.units = units;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(features).nOut(units)
                        .activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(units).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        network = new MultiLayerNetwork(conf);
        network.init();
    }

    /** Copies the fast model's single-layer weights into DL4J's layout (W [F×4H], RW [H×4H], b [1×4H]). */
    void setWeights(LstmParameters p) {
        int h = units;
        int k = p.inputs(0);
        float[] w = p.weights[0];
        INDArray inputWeights = Nd4j.create(DataType.FLOAT, features, 4L * h);
        INDArray recurrentWeights = Nd4j.create(DataType.FLOAT, h, 4L * h);
        INDArray bias = Nd4j.create(DataType.FLOAT, 1, 4L * h);
        for (int row = 0; row < 4 * h; row++) {
            for (int j = 0; j < h; j++) {
                recurrentWeights.putScalar(j, row, w[row * k + j]);
            }
            for (int f = 0; f < features; f++) {
                inputWeights.putScalar(f, row, w[row * k + h + f]);
            }
            bias.putScalar(0, row, w[row * k + k - 1]);
        }
        network.setParam("0_W", inputWeights);
        network.setParam("0_RW", recurrentWeights);
        network.setParam("0_b", bias);
        INDArray denseWeights = Nd4j.create(DataType.FLOAT, h, 1);
        for (int j = 0; j < h; j++) {
            denseWeights.putScalar(j, 0, p.denseWeights[j]);
        }
        network.setParam("1_W", denseWeights);
        network.setParam("1_b", Nd4j.create(new float[] {p.denseBias[0]}, new long[] {1, 1}));
    }

    /** DL4J's recurrent input layout [mini-batch, features, steps]. */
    static INDArray input(SequenceBatch batch) {
        int steps = batch.steps();
        int features = batch.features();
        float[] data = new float[batch.size() * features * steps];
        for (int n = 0; n < batch.size(); n++) {
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    data[(n * features + f) * steps + t] = batch.x(n, t, f);
                }
            }
        }
        return Nd4j.create(data, new long[] {batch.size(), features, steps}, 'c');
    }

    float[] predict(SequenceBatch batch) {
        return network.output(input(batch), false).reshape(batch.size()).toFloatVector();
    }

    /** Trains for {@code epochs} epochs of shuffled mini-batches; returns the seconds of each epoch. */
    double[] fit(SequenceSource train, int batchSize, int epochs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = train.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] seconds = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            long start = System.nanoTime();
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                int[] idx = new int[size];
                System.arraycopy(order, from, idx, 0, size);
                SequenceBatch batch = train.batch(idx);
                network.fit(input(batch), Nd4j.create(batch.y(), new long[] {size, 1}));
            }
            seconds[e] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    double meanSquaredError(SequenceSource source) {
        SequenceBatch all = source.all();
        float[] yHat = predict(all);
        double sse = 0;
        for (int i = 0; i < yHat.length; i++) {
            double e = yHat[i] - all.y()[i];
            sse += e * e;
        }
        return sse / yHat.length;
    }
}
