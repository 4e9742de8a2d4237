package org.factorguard.quant.models;

import java.util.List;
import java.util.Locale;

import org.factorguard.quant.factors.FactorPanel;
import org.factorguard.quant.models.linear.LinearFactorModel;
import org.factorguard.quant.models.linear.LinearModelSettings;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmReturnModel;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.models.sequence.TrainingListener;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.validation.WalkForwardSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cost of permutation importance per walk-forward fold on a default-size problem (100 stocks, 10 factors, 20-day
 * labels, 504 training and 126 validation days, a 250-day test slice) for the linear model and for the LSTM with
 * the default study's settings, next to the time the fold's fit takes; prints seconds and the importances. Not part
 * of the default run; {@code ./mvnw test -Dtest=PermutationImportanceBenchmark}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*PermutationImportanceBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=PermutationImportanceBenchmark")
class PermutationImportanceBenchmark {

    private static final int HORIZON = 20;

    @Test
    void cost_per_fold_for_the_linear_model_and_the_lstm() {
        SyntheticFactorData data = SyntheticFactorData.generate(10, 940, 100,
                (x, t, i) -> 0.004 * x[0][t][i] + 0.003 * x[1][t][i] - 0.003 * x[2][t][i] * x[3][t][i]
                        + (t > 0 ? 0.002 * x[4][t - 1][i] : 0), 0.02, 11L);
        FactorPanel panel = data.panel();
        double[][] labels = data.labels(HORIZON);
        WalkForwardSplit split = new WalkForwardSplit(20, 524, 544, 670, 690, 940, HORIZON, HORIZON, 0);
        LstmModelSettings lstmSettings = StudyConfig.defaults().lstm();
        System.out.printf(Locale.ROOT, "%d processors, load average %.1f; %d stocks, %d factors, test days %d, "
                        + "LSTM look-back %d%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                panel.instrumentCount(), panel.factorCount(),
                split.testDays(), lstmSettings.lookback());

        for (int round = 0; round < 2; round++) {
            String label = round == 0 ? "warm-up" : "measured";
            Clock fitLinear = new Clock();
            FittedReturnModel linear = new LinearFactorModel(LinearModelSettings.defaults())
                    .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
            fitLinear.stop();
            Clock linearClock = new Clock();
            FoldImportance linearDefault = PermutationImportance.measure(linear, panel, labels, split,
                    ImportanceSettings.defaults());
            linearClock.stop();
            FoldImportance linearAll = PermutationImportance.measure(linear, panel, labels, split,
                    ImportanceSettings.defaults().withMaxDays(0));
            Clock fitLstm = new Clock();
            FittedReturnModel lstm = new LstmReturnModel(lstmSettings)
                    .fit(panel, labels, split, TrainingListener.NONE, CancellationToken.NEVER);
            fitLstm.stop();
            Clock lstmClock = new Clock();
            FoldImportance lstmDefault = PermutationImportance.measure(lstm, panel, labels, split,
                    ImportanceSettings.defaults());
            lstmClock.stop();
            Clock allClock = new Clock();
            FoldImportance lstmAll = PermutationImportance.measure(lstm, panel, labels, split,
                    ImportanceSettings.defaults().withMaxDays(0));
            allClock.stop();
            System.out.printf(Locale.ROOT, "%s: linear fit %s; importance (%d days, %d repeats) %s; all %d days %.3f s"
                            + " wall%n", label, fitLinear, linearDefault.evaluatedDays(), linearDefault.repeats(),
                    linearClock, linearAll.evaluatedDays(), linearAll.elapsedNanos() / 1e9);
            System.out.printf(Locale.ROOT, "%s: LSTM fit %s; importance (%d days, %d repeats) %s; all %d days %s%n",
                    label, fitLstm, lstmDefault.evaluatedDays(), lstmDefault.repeats(), lstmClock,
                    lstmAll.evaluatedDays(), allClock);
            System.out.printf(Locale.ROOT, "%s: importance / fit, CPU time: linear %.0f %%, LSTM %.0f %% (defaults)%n",
                    label, 100.0 * linearClock.cpu / fitLinear.cpu, 100.0 * lstmClock.cpu / fitLstm.cpu);
            if (round == 1) {
                print("linear, default settings", linearDefault);
                print("linear, all days", linearAll);
                print("LSTM, default settings", lstmDefault);
                print("LSTM, all days", lstmAll);
            }
        }
    }

    /** Wall and process CPU time (all threads) of one step: CPU time is less disturbed by other load. */
    static final class Clock {

        private final long wall0 = System.nanoTime();
        private final long cpu0 = processCpu();
        long wall;
        long cpu;

        void stop() {
            wall = System.nanoTime() - wall0;
            cpu = processCpu() - cpu0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU", wall / 1e9, cpu / 1e9);
        }

        static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private static void print(String label, FoldImportance fold) {
        System.out.printf(Locale.ROOT, "%s: baseline Rank IC %.4f, MSE %.3e%n", label, fold.baselineRankIc(),
                fold.baselineMse());
        List<FoldImportance.Score> all = new java.util.ArrayList<>(fold.factors());
        all.addAll(fold.blockScores());
        for (int k = 0; k < all.size(); k++) {
            FoldImportance.Score s = all.get(k);
            String name = k < fold.factors().size() ? s.name() : fold.blocks().get(k - fold.factors().size()).label();
            System.out.printf(Locale.ROOT, "  %-10s Rank IC drop %+.4f ± %.4f, MSE +%.2e ± %.1e%n", name,
                    s.rankIcDrop(), s.rankIcDropSd(), s.mseIncrease(), s.mseIncreaseSd());
        }
    }
}
