package org.factorguard.quant.models.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.FeatureScaling;
import org.factorguard.quant.models.SyntheticFactorData;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.LstmSettings;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.validation.OutOfSampleEvaluation;
import org.factorguard.quant.validation.OutOfSampleMetrics;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;

class LstmLearnsNonLinearRelationshipTest {

    @Test
    void lstm_beats_ols_on_a_nonlinear_lagged_relationship() {
        // r_{i,t+1} = 0.02 · sign(x_{t−2}) · x_{t−1}²: invisible to a linear model of today's factor value
        SyntheticFactorData data = SyntheticFactorData.generate(1, 300, 30,
                (x, t, i) -> t >= 2 ? 0.02 * Math.signum(x[0][t - 2][i]) * x[0][t - 1][i] * x[0][t - 1][i] : 0,
                0.005, 7L);
        FactorPanel panel = data.panel();
        double[][] labels = data.labels(1);
        WalkForwardSplit split = new WalkForwardSplit(5, 220, 221, 250, 251, 299, 1, 1, 0);

        long started = System.nanoTime();
        LstmModelSettings settings = new LstmModelSettings(LstmImplementation.DL4J, 5, 1, 0, 0,
                FeatureScaling.defaults(),
                new LstmSettings(1, 16, 0.0, 0.0, 0.02, 128, 5, 2, 11L));
        FittedLstmEnsemble lstm = new LstmReturnModel(settings, SequenceRegressorFactory.standard())
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
        long millis = (System.nanoTime() - started) / 1_000_000;
        var ols = new LinearFactorModel(LinearModelSettings.defaults())
                .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);

        OutOfSampleMetrics lstmMetrics =
                evaluate(lstm.predict(panel, split.testStart(), split.testEnd()), labels, split);
        OutOfSampleMetrics olsMetrics = evaluate(ols.predict(panel, split.testStart(), split.testEnd()), labels, split);
        System.out.printf("LSTM %d ms: mse %.6f rankIC %.3f | OLS mse %.6f rankIC %.3f%n", millis,
                lstmMetrics.mse(), lstmMetrics.rankIc(), olsMetrics.mse(), olsMetrics.rankIc());
        lstm.fit().trainingCurves().getFirst().epochs().forEach(System.out::println);

        assertThat(lstmMetrics.mse()).isLessThan(0.6 * olsMetrics.mse());
        assertThat(lstmMetrics.rankIc()).isGreaterThan(0.3);
        assertThat(olsMetrics.rankIc()).isLessThan(0.1);
        assertThat(lstmMetrics.rankIc()).isGreaterThan(olsMetrics.rankIc() + 0.25);
    }

    private static OutOfSampleMetrics evaluate(float[][] testPredictions, double[][] labels, WalkForwardSplit split) {
        float[][] full = new float[labels.length][];
        for (int t = 0; t < labels.length; t++) {
            full[t] = split.isTestDay(t) ? testPredictions[t - split.testStart()] : new float[labels[0].length];
        }
        return OutOfSampleEvaluation.evaluate(full, labels, split);
    }
}
