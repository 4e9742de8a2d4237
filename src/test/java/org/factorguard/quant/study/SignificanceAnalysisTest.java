package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.risk.DeflatedSharpeRatio;
import org.factorguard.quant.risk.DieboldMariano;
import org.junit.jupiter.api.Test;

class SignificanceAnalysisTest {

    private final List<String> notes = new ArrayList<>();

    /** SmallStudy's config (horizon 5) with the given significance settings. */
    private SignificanceAnalysis analysis(StudyConfig.SignificanceSettings settings, int horizon) {
        StudyConfig small = SmallStudy.config(LstmImplementation.DL4J);
        StudyConfig config = horizon == small.horizon() ? small.toBuilder().significance(settings).build()
                : StudyConfig.defaults().toBuilder().significance(settings).build();
        assertThat(config.horizon()).isEqualTo(horizon);
        return new SignificanceAnalysis(config, notes::add);
    }

    private static StudyResult.OptimisationDegree degree(double... outOfSampleSharpes) {
        List<StudyResult.DegreePoint> points = new ArrayList<>();
        for (int e = 0; e < outOfSampleSharpes.length; e++) {
            points.add(new StudyResult.DegreePoint(e + 1, 1, 0.1, 0.1, 0.05, 1.0, 0.05, outOfSampleSharpes[e]));
        }
        return new StudyResult.OptimisationDegree(true, List.of(0), 252, points, "test");
    }

    private static double[] noise(long seed, int days, double mean) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] r = new double[days];
        for (int t = 0; t < days; t++) {
            r[t] = mean + 0.01 * random.nextGaussian();
        }
        return r;
    }

    @Test
    void n_counts_screened_candidates_earlier_studies_checkpoints_and_both_models() {
        StudyConfig.SignificanceSettings settings = new StudyConfig.SignificanceSettings(200, Double.NaN, 0.95, 3, 20,
                List.of(0.8, 0.5));
        SignificanceAnalysis.Deflation d = analysis(settings, 5).deflatedSharpe(noise(1, 500, 5e-4),
                noise(2, 500, 2e-4), degree(1.0, 1.2, 0.9, 1.1), 0);

        StudyResult.TrialCount n = d.trials();
        assertThat(n).isEqualTo(new StudyResult.TrialCount(20, 3, 4, 0, 2));
        assertThat(n.total()).isEqualTo(29);
        assertThat(d.result().trials()).isEqualTo(29);
        assertThat(n.describe()).contains("20 screened candidate factors").contains("3 earlier studies")
                .contains("4 optimisation-degree checkpoints").contains("0 LSTM grid configurations")
                .contains("2 model portfolios").endsWith("= 29");
        // V compares like with like: both model portfolios and the 2 earlier studies whose Sharpe ratios are
        // stored, not the checkpoints (one fold's test days, another portfolio rule)
        assertThat(d.knownSharpes()).isEqualTo(4);
        assertThat(d.result().varianceSource()).isEqualTo(DeflatedSharpeRatio.VarianceSource.NULL_SAMPLING_VARIANCE);
        assertThat(d.result().trialSharpeVariance()).isCloseTo(1.0 / 499, within(1e-15));
    }

    @Test
    void the_lstm_grid_searched_in_the_folds_adds_its_configurations_to_n() {
        StudyConfig.SignificanceSettings settings = new StudyConfig.SignificanceSettings(200, Double.NaN, 0.95, 3, 20,
                List.of());
        SignificanceAnalysis.Deflation without = analysis(settings, 5).deflatedSharpe(noise(1, 500, 5e-4),
                noise(2, 500, 2e-4), degree(1.0, 1.2, 0.9, 1.1), 0);
        SignificanceAnalysis.Deflation with = analysis(settings, 5).deflatedSharpe(noise(1, 500, 5e-4),
                noise(2, 500, 2e-4), degree(1.0, 1.2, 0.9, 1.1), 4);

        assertThat(with.trials()).isEqualTo(new StudyResult.TrialCount(20, 3, 4, 4, 2));
        assertThat(with.result().trials()).isEqualTo(without.result().trials() + 4).isEqualTo(33);
        assertThat(with.result().probability()).as("more trials deflate more")
                .isLessThan(without.result().probability());
    }

    @Test
    void the_other_studies_of_a_setting_sweep_add_to_n_and_deflate_more() {
        StudyConfig.SignificanceSettings alone = new StudyConfig.SignificanceSettings(200, Double.NaN, 0.95, 3, 20,
                List.of());
        SignificanceAnalysis.Deflation single = analysis(alone, 5).deflatedSharpe(noise(1, 500, 5e-4),
                noise(2, 500, 2e-4), degree(1.0, 1.2, 0.9, 1.1), 4);
        SignificanceAnalysis.Deflation swept = analysis(alone.withSweepStudies(3), 5).deflatedSharpe(
                noise(1, 500, 5e-4), noise(2, 500, 2e-4), degree(1.0, 1.2, 0.9, 1.1), 4);

        assertThat(swept.trials()).isEqualTo(new StudyResult.TrialCount(20, 3, 4, 4, 2, 3));
        assertThat(swept.result().trials()).isEqualTo(single.result().trials() + 3).isEqualTo(36);
        assertThat(swept.trials().describe()).contains("3 other studies of the same setting sweep").endsWith("= 36");
        assertThat(single.trials().describe()).doesNotContain("sweep");
        assertThat(swept.result().probability()).isLessThan(single.result().probability());
    }

    @Test
    void ten_trials_measured_like_the_lstm_portfolio_give_v_from_their_sharpe_ratios() {
        List<Double> earlier = List.of(0.3, 0.6, 0.2, 0.9, 1.1, -0.2, 0.4, 0.5);
        StudyConfig.SignificanceSettings settings = new StudyConfig.SignificanceSettings(200, Double.NaN, 0.95, 9, 0,
                earlier);
        double[] lstm = noise(3, 400, 4e-4);
        double[] linear = noise(4, 400, 1e-4);
        SignificanceAnalysis.Deflation d = analysis(settings, 5).deflatedSharpe(lstm, linear,
                degree(4.0, 5.0, 3.0), 0);

        assertThat(d.knownSharpes()).isEqualTo(10);
        assertThat(d.trials().total()).isEqualTo(0 + 9 + 3 + 0 + 2);
        assertThat(d.result().varianceSource()).isEqualTo(DeflatedSharpeRatio.VarianceSource.TRIALS);
        double[] daily = new double[10];
        daily[0] = org.factorguard.quant.risk.PerformanceMetrics.sharpe(lstm) / Math.sqrt(252);
        daily[1] = org.factorguard.quant.risk.PerformanceMetrics.sharpe(linear) / Math.sqrt(252);
        for (int k = 0; k < earlier.size(); k++) {
            daily[2 + k] = earlier.get(k) / Math.sqrt(252);
        }
        double sd = org.factorguard.quant.risk.PerformanceMetrics.standardDeviation(daily);
        assertThat(d.result().trialSharpeVariance()).isCloseTo(sd * sd, within(1e-15));
    }

    @Test
    void pbo_of_pure_noise_checkpoints_is_near_one_half() {
        int days = 2_016;
        int checkpoints = 10;
        double sum = 0;
        int runs = 8;
        for (int run = 0; run < runs; run++) {
            double[][] m = new double[days][checkpoints];
            SplittableRandom random = new SplittableRandom(100 + run);
            for (double[] row : m) {
                for (int n = 0; n < checkpoints; n++) {
                    row[n] = 0.01 * random.nextGaussian();
                }
            }
            StudyResult.Overfitting o = analysis(StudyConfig.SignificanceSettings.defaults(), 20).overfitting(m);
            assertThat(o.evaluated()).isTrue();
            assertThat(o.blocks()).isEqualTo(16);
            assertThat(o.combinations()).isEqualTo(12_870);
            sum += o.probability();
        }
        assertThat(sum / runs).as("mean PBO of noise").isBetween(0.35, 0.65);
    }

    @Test
    void pbo_with_one_clearly_better_checkpoint_is_near_zero() {
        int days = 252;
        double[][] m = new double[days][6];
        SplittableRandom random = new SplittableRandom(5);
        for (double[] row : m) {
            for (int n = 0; n < 6; n++) {
                row[n] = (n == 3 ? 0.004 : 0.0) + 0.01 * random.nextGaussian();
            }
        }
        StudyResult.Overfitting o = analysis(StudyConfig.SignificanceSettings.defaults(), 20).overfitting(m);
        assertThat(o.evaluated()).isTrue();
        assertThat(o.probability()).isLessThan(0.05);
        assertThat(o.probabilityOfLoss()).isLessThan(0.05);
        assertThat(o.note()).contains("S = 12 blocks of 21 consecutive days").contains("924 in-/out-of-sample splits");
    }

    @Test
    void pbo_blocks_are_at_least_a_month_and_the_horizon_long() {
        double[][] year = noiseMatrix(252, 3);
        SignificanceAnalysis h20 = analysis(StudyConfig.SignificanceSettings.defaults(), 20);
        assertThat(h20.overfitting(year).blocks()).isEqualTo(12);
        assertThat(h20.overfitting(noiseMatrix(100, 3)).blocks()).isEqualTo(4);
        assertThat(h20.overfitting(noiseMatrix(100, 3)).blockDays()).isEqualTo(25);
        StudyResult.Overfitting tooShort = h20.overfitting(noiseMatrix(80, 3));
        assertThat(tooShort.evaluated()).isFalse();
        assertThat(tooShort.probability()).isNaN();
        assertThat(tooShort.note()).contains("fewer than 4 blocks of 21 days");
        StudyResult.Overfitting one = h20.overfitting(noiseMatrix(252, 1));
        assertThat(one.evaluated()).isFalse();
        assertThat(one.note()).contains("fewer than two optimisation-degree checkpoints");
    }

    @Test
    void diebold_mariano_judges_ranking_not_the_level_of_the_forecast() {
        int days = 300;
        int stocks = 40;
        SplittableRandom random = new SplittableRandom(9);
        double[][] realised = new double[days][stocks];
        float[][] levelOff = new float[days][stocks];
        float[][] noisy = new float[days][stocks];
        for (int t = 0; t < days; t++) {
            for (int i = 0; i < stocks; i++) {
                realised[t][i] = 0.05 * random.nextGaussian();
                // perfect ranking and spacing, but 10 % too high
                levelOff[t][i] = (float) (realised[t][i] + 0.10);
                noisy[t][i] = (float) (realised[t][i] + 0.05 * random.nextGaussian());
            }
        }
        SignificanceAnalysis a = analysis(StudyConfig.SignificanceSettings.defaults(), 20);
        DieboldMariano.Result demeaned = a.dieboldMariano(levelOff, noisy, realised, 0, days,
                DieboldMariano.Loss.DEMEANED_SQUARED_ERROR);
        DieboldMariano.Result raw = a.dieboldMariano(levelOff, noisy, realised, 0, days,
                DieboldMariano.Loss.SQUARED_ERROR);
        DieboldMariano.Result rankIc = a.dieboldMariano(levelOff, noisy, realised, 0, days,
                DieboldMariano.Loss.ONE_MINUS_RANK_IC);
        assertThat(raw.meanLossDifference()).as("raw MSE punishes the level").isPositive();
        assertThat(demeaned.meanLossDifference()).as("demeaned error sees the perfect ranking").isNegative();
        assertThat(demeaned.hlnPValue()).isLessThan(0.01);
        assertThat(rankIc.meanLossDifference()).isNegative();
        assertThat(demeaned.horizon()).isEqualTo(20);
        assertThat(a.dieboldMariano(levelOff, noisy, realised, 0, 2, DieboldMariano.Loss.DEMEANED_SQUARED_ERROR))
                .isNull();
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("not computed"));
    }

    @Test
    void the_sharpe_difference_uses_the_automatic_block_length_unless_one_is_fixed() {
        double[] a = noise(11, 600, 6e-4);
        double[] b = noise(12, 600, 1e-4);
        var automatic = analysis(StudyConfig.SignificanceSettings.defaults(), 20).sharpeDifference(a, b);
        assertThat(automatic.automaticBlockLength()).isTrue();
        assertThat(automatic.meanBlockLength()).isGreaterThanOrEqualTo(1.0);
        assertThat(automatic.pValue()).isBetween(0.0, 1.0);
        assertThat(automatic.resamples()).isEqualTo(1999);
        var fixed = analysis(new StudyConfig.SignificanceSettings(500, 10.0, 0.95), 20).sharpeDifference(a, b);
        assertThat(fixed.automaticBlockLength()).isFalse();
        assertThat(fixed.meanBlockLength()).isEqualTo(10.0);
    }

    private static double[][] noiseMatrix(int days, int checkpoints) {
        SplittableRandom random = new SplittableRandom(days * 31L + checkpoints);
        double[][] m = new double[days][checkpoints];
        for (double[] row : m) {
            for (int n = 0; n < checkpoints; n++) {
                row[n] = 0.01 * random.nextGaussian();
            }
        }
        return m;
    }
}
