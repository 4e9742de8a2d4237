package org.factorguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Proves in CI that ND4J's native libraries load and a tiny LSTM trains on this platform. */
class Dl4jNativeSmokeTest {

    @Test
    void a_tiny_lstm_fits_and_its_loss_falls() {
        Nd4j.factory().blas().setMaxThreads(1);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.FLOAT).updater(new Adam(0.01)).list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(2).nOut(8).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // 64 sequences of 5 steps with 2 features; target = sum of the last step's features
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 2, 5).subi(0.5);
        INDArray y = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.point(4)).sum(true, 1);
        double before = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        for (int i = 0; i < 200; i++) {
            net.fit(x, y);
        }
        double after = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        assertThat(after).isLessThan(before * 0.2);
        assertThat(net.output(x).shape()).containsExactly(64L, 1L);
    }
}
