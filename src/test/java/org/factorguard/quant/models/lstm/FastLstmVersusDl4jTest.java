package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.SequenceBatch;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.junit.jupiter.api.Test;

/** The fast LSTM computes the same function as DL4J's stock LSTM and learns as well. */
class FastLstmVersusDl4jTest {

    @Test
    void forward_pass_matches_dl4j_lstm_given_the_same_weights() {
        int features = 5;
        int units = 8;
        LstmParameters p = new LstmParameters(features, units, 1);
        p.initialise(new SplittableRandom(9));
        SplittableRandom random = new SplittableRandom(10);
        int k = p.inputs(0);
        for (int row = 0; row < 4 * units; row++) {
            // distinct biases per gate block so that a permuted gate order would show
            p.weights[0][row * k + k - 1] += (float) (random.nextDouble() - 0.5);
        }
        p.denseBias[0] = 0.3f;
        FastLstmRegressor fast = new FastLstmRegressor();
        fast.setParameters(p, LstmSettings.defaults(), 7);
        Dl4jReferenceLstm dl4j = new Dl4jReferenceLstm(features, units, 1e-3, 1);
        dl4j.setWeights(p);

        SequenceBatch batch = ArLstmWorkload.generate(300, 7, features, 5).all();
        float[] ours = fast.predict(batch);
        float[] theirs = dl4j.predict(batch);

        assertThat(ours).hasSize(300);
        for (int i = 0; i < ours.length; i++) {
            assertThat(ours[i]).as("sample %d", i).isCloseTo(theirs[i], within(2e-5f));
        }
    }

    @Test
    void reaches_the_test_mse_of_the_dl4j_reference_on_a_small_workload() {
        InMemorySequences train = ArLstmWorkload.generate(2000, 8, 6, 42);
        InMemorySequences test = ArLstmWorkload.generate(1000, 8, 6, 43);
        int epochs = 3;
        LstmSettings settings = new LstmSettings(1, 16, 0.0, 0.0, 3e-3, 64, epochs, 0, 42L);

        FastLstmRegressor fast = new FastLstmRegressor();
        fast.fit(train, null, settings, TrainingListener.NONE, CancellationToken.NEVER);
        double fastMse = fast.meanSquaredError(test);

        Dl4jReferenceLstm dl4j = new Dl4jReferenceLstm(6, 16, 3e-3, 42L);
        dl4j.fit(train, 64, epochs, 42L);
        double dl4jMse = dl4j.meanSquaredError(test);

        double variance = FastLstmRegressorTest.variance(test.y());
        System.out.printf("test MSE fast %.5f dl4j %.5f variance %.5f%n", fastMse, dl4jMse, variance);
        assertThat(dl4jMse).isLessThan(0.7 * variance);
        assertThat(fastMse).isLessThan(0.7 * variance);
        assertThat(fastMse).isLessThanOrEqualTo(dl4jMse * 1.05);
    }
}
