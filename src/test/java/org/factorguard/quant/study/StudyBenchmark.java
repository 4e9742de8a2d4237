package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factorguard.quant.allocation.CovarianceModel;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.quant.models.lstm.LstmModelSettings;
import org.factorguard.quant.models.lstm.LstmSearchSettings;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.regimes.RegimeReport;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.risk.VarBacktest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The default study on the default built-in market, timed: prints each stage's wall time, the total, and
 * the headline tables (Table 1, Table 2, Figure 2, significance), each fold's factor selection and LSTM choice.
 * Not part of the default run (the name does not end in Test); run it with {@code mvn -o test -Dtest=StudyBenchmark}.
 * The target is at most 60 s of wall time on 2 unloaded cores with the FAST LSTM; without it the study falls back to
 * DL4J and says so. On a shared machine the wall time measures the other users too: the JVM's CPU time per stage is
 * printed beside it. Set {@code -Dstudy.lstm=DL4J} to force the reference implementation,
 * {@code -Dstudy.covariance=LEDOIT_WOLF} (or {@code EWMA}) to run the allocation on the other covariance model; to
 * try other LSTM budgets: {@code -Dstudy.members=N -Dstudy.samples=N -Dstudy.epochs=N -Dstudy.searchEpochs=N
 * -Dstudy.searchSamples=N}, {@code -Dstudy.lookbacks=10,20 -Dstudy.units=16,32} and {@code -Dstudy.search=off}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*StudyBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=StudyBenchmark")
class StudyBenchmark {

    @Test
    void default_study_on_the_built_in_market() {
        long t0 = System.nanoTime();
        MarketData market = SyntheticMarket.generateDefault();
        long generated = System.nanoTime();
        StudyConfig config = withOverrides(StudyConfig.defaults());
        String covariance = System.getProperty("study.covariance");
        if (covariance != null && !covariance.isBlank()) {
            config = config.toBuilder().allocation(config.allocation()
                    .withCovarianceModel(CovarianceModel.valueOf(covariance))).build();
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpuStart = processCpuNanos();
        long[] cpuMark = {cpuStart};
        java.util.Map<StudyStage, Long> stageMillis = new java.util.EnumMap<>(StudyStage.class);
        StudyResult result = Study.standard().run(market, config, new StudyProgressListener() {
            @Override
            public void onStageFinished(StudyStage stage, long millis) {
                long cpu = processCpuNanos();
                System.out.printf(Locale.ROOT, "stage %-32s %8.2f s wall %8.2f s CPU%n", stage.displayName(),
                        millis / 1000.0, (cpu - cpuMark[0]) / 1e9);
                cpuMark[0] = cpu;
                stageMillis.merge(stage, millis, Long::sum);
            }

            @Override
            public void onProgress(StudyProgress p) {
                if (p.stage() == StudyStage.TEAR_SHEETS && p.message().contains("importance")) {
                    System.out.println("tear sheets: " + p.message());
                }
            }
        }, CancellationToken.NEVER);
        long done = System.nanoTime();
        // The progress bar's weights against the measured shares (StudyStage's comment quotes the last measurement).
        double stagesTotal = stageMillis.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder shares = new StringBuilder("stage share of wall time % (progress weight %):");
        for (StudyStage stage : StudyStage.values()) {
            shares.append(String.format(Locale.ROOT, " %s %.1f (%d);", stage.name().toLowerCase(Locale.ROOT),
                    100 * stageMillis.getOrDefault(stage, 0L) / stagesTotal, stage.weight()));
        }
        System.out.println(shares);
        System.out.printf(Locale.ROOT, "%d processors, load average %.2f before and %.2f after, LSTM %s%n",
                Runtime.getRuntime().availableProcessors(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                result.selection().lstmImplementation());
        // On a shared machine wall time mostly measures the other users; the process CPU time does not.
        System.out.printf(Locale.ROOT, "study CPU time (all threads of this JVM) %.2f s%n",
                (processCpuNanos() - cpuStart) / 1e9);
        result.notes().forEach(n -> System.out.println("note: " + n));
        System.out.printf(Locale.ROOT, "market generation %.2f s; study total %.2f s (stages %.2f s)%n",
                (generated - t0) / 1e9, (done - generated) / 1e9, result.totalMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%d stocks, %s to %s; backtest %s to %s (%d days); JSON %d kB%n",
                result.selection().tickers().size(), result.selection().firstDate(), result.selection().lastDate(),
                result.returnDates()[0], result.returnDates()[result.returnDates().length - 1],
                        result.returnDates().length,
                StudyResultJson.write(result).length() / 1024);

        printChoices(result);

        System.out.println("\nTable 1 (out of sample, net of costs)");
        System.out.printf(Locale.ROOT, "%-13s %8s %8s %7s %7s %8s %8s %7s %7s %9s %6s%n", "portfolio", "CAGR", "vol",
                "Sharpe", "Sortino", "MDD", "VaR95", "CVaR95", "Calmar", "turnover", "gross");
        for (StudyResult.Portfolio p : result.portfolios()) {
            PerformanceSummary s = p.summary();
            System.out.printf(Locale.ROOT,
                    "%-13s %7.2f%% %7.2f%% %7.2f %7.2f %7.2f%% %7.2f%% %6.2f%% %7.2f %9.2f %6.2f%n",
                    p.name(), 100 * s.annualReturn(), 100 * s.annualVolatility(), s.sharpe(), s.sortino(),
                    100 * s.maxDrawdown(), 100 * s.valueAtRisk95(), 100 * s.conditionalValueAtRisk95(), s.calmar(),
                    s.annualTurnover(), s.averageGrossExposure());
        }
        for (StudyResult.ModelRun m : result.models()) {
            System.out.printf(Locale.ROOT, "%-7s OOS: IC %.4f, Rank IC %.4f, Rank ICIR %.3f, MSE %.3e, hit %.3f%n",
                    m.name(), m.overall().ic(), m.overall().rankIc(), m.overall().rankIcir(), m.overall().mse(),
                    m.overall().hitRate());
        }

        System.out.printf(Locale.ROOT,
                "%nTable 2 (regimes dated on the market index; agreement with true regimes %.1f%%)%n",
                100 * result.regimes().agreement());
        System.out.printf(Locale.ROOT, "%-9s %-13s %5s %10s %8s %7s %8s%n", "regime", "portfolio", "days", "mean/day",
                "MDD", "Sharpe", "VaR95");
        for (RegimeReport.Row r : result.regimes().table()) {
            System.out.printf(Locale.ROOT, "%-9s %-13s %5d %9.3f%% %7.2f%% %7.2f %7.2f%%%n", r.regime().label(),
                    r.portfolio(),
                    r.days(), 100 * r.averageDailyReturn(), 100 * r.maxDrawdown(), r.sharpe(), 100 * r.valueAtRisk95());
        }

        System.out.println("\nFigure 2 (" + result.optimisationDegree().note() + ")");
        System.out.printf(Locale.ROOT, "%5s %10s %10s %9s %9s %9s %9s%n", "epoch", "train", "valid", "IS CAGR",
                "IS Sharpe",
                "OOS CAGR", "OOS Shrp");
        for (StudyResult.DegreePoint p : result.optimisationDegree().points()) {
            System.out.printf(Locale.ROOT, "%5d %10.3e %10.3e %8.2f%% %9.2f %8.2f%% %9.2f%n", p.epoch(), p.trainLoss(),
                    p.validationLoss(), 100 * p.inSampleAnnualReturn(), p.inSampleSharpe(),
                    100 * p.outOfSampleAnnualReturn(), p.outOfSampleSharpe());
        }

        StudyResult.Significance s = result.significance();
        System.out.println("\nSignificance");
        if (s.dieboldMariano() != null) {
            System.out.printf(Locale.ROOT,
                    "Diebold-Mariano (LSTM vs linear, squared errors): DM %.3f (p %.4f), HLN %.3f (p %.4f)%n",
                    s.dieboldMariano().statistic(), s.dieboldMariano().pValue(), s.dieboldMariano().hlnStatistic(),
                    s.dieboldMariano().hlnPValue());
        }
        System.out.printf(Locale.ROOT, "Sharpe(LSTM) - Sharpe(linear) = %.3f, %.0f%% bootstrap CI [%.3f, %.3f]%n",
                s.sharpeDifference().observedDifference(), 100 * s.sharpeDifference().confidence(),
                s.sharpeDifference().lower(), s.sharpeDifference().upper());
        System.out.printf(Locale.ROOT, "Deflated Sharpe of LSTM (N = %d): %.3f%n", s.trials(),
                s.deflatedSharpe().probability());
        System.out.println("method version " + result.methodVersion());
        System.out.println(s.explanations().dieboldMariano());
        System.out.println(s.explanations().dieboldMarianoRankIc());
        System.out.println(s.explanations().sharpeDifference());
        System.out.println(s.explanations().deflatedSharpe());
        System.out.println(s.explanations().overfitting());
        System.out.println("note: " + s.note());
        for (StudyResult.ModelRun m : result.models()) {
            System.out.println(m.name() + ": " + m.overall().icTests().explanation());
        }
        var fm = result.model(StudyResult.LINEAR).folds().getLast().linear().famaMacBeth();
        System.out.println("Fama-MacBeth t (last fold, alpha first, " + fm.lags() + " lags): "
                + java.util.Arrays.toString(fm.tValues()) + " vs pooled "
                + java.util.Arrays.toString(result.model(StudyResult.LINEAR).folds().getLast().linear().betaTValues()));
        System.out.println(result.regimes().dating().explanation());
        for (StudyResult.CurrentAllocation c : result.currentAllocations()) {
            System.out.printf(Locale.ROOT,
                    "%nCurrent allocation %s on %s: %d holdings, net %.1f%%, ex-ante vol %.1f%%, VaR %.2f%%, binding "
                            + "%s%n",
                    c.portfolio(), c.date(), c.holdings().size(), 100 * c.netExposure(),
                            100 * c.exAnteAnnualVolatility(),
                    100 * c.exAnteDailyVar95(), c.bindingConstraints().size() > 6
                            ? c.bindingConstraints().subList(0, 6) + "…" : c.bindingConstraints());
        }
        printExAnteRisk(result.exAnteRisk());
        assertThat(result.regimes().table()).hasSize(Regime.values().length * 4);
    }

    /** The defaults with the benchmark's system properties applied. */
    private static StudyConfig withOverrides(StudyConfig config) {
        LstmModelSettings lstm = config.lstm();
        String forced = System.getProperty("study.lstm");
        if (forced != null && !forced.isBlank()) {
            lstm = lstm.withImplementation(LstmImplementation.valueOf(forced));
        }
        lstm = lstm.withEnsembleSize(Integer.getInteger("study.members", lstm.ensembleSize()))
                .withMaxSamples(Integer.getInteger("study.samples", lstm.maxTrainingSamples()),
                        lstm.maxValidationSamples())
                .withNetwork(lstm.network().withMaxEpochs(Integer.getInteger("study.epochs",
                        lstm.network().maxEpochs())));
        LstmSearchSettings search = config.lstmSearch();
        search = "off".equals(System.getProperty("study.search")) ? LstmSearchSettings.none()
                : new LstmSearchSettings(integers("study.lookbacks", search.lookbacks()),
                integers("study.units", search.units()),
                Integer.getInteger("study.searchEpochs", search.maxEpochs()),
                Integer.getInteger("study.searchSamples", search.maxTrainingSamples()));
        return config.toBuilder().lstm(lstm).lstmSearch(search).build();
    }

    /** A comma-separated list of integers from a system property, or {@code otherwise}. */
    private static List<Integer> integers(String property, List<Integer> otherwise) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? otherwise
                : java.util.Arrays.stream(value.split(",")).map(v -> Integer.valueOf(v.trim())).toList();
    }

    /** Per fold: the factors selected, the LSTM's look-back and units, and the epochs each member kept. */
    private static void printChoices(StudyResult result) {
        System.out.println("\nPer fold (" + result.factorSelection().mode() + ")");
        List<StudyResult.Fold> lstm = result.model(StudyResult.LSTM).folds();
        for (int f = 0; f < lstm.size(); f++) {
            StudyResult.Fold fold = lstm.get(f);
            StudyResult.LstmChoice choice = fold.lstmChoice();
            String grid = choice == null ? "-" : choice.candidates().stream()
                    .map(c -> String.format(Locale.ROOT, "%d/%d:%.3f", c.lookback(), c.units(), c.validationRankIc()))
                    .collect(Collectors.joining(" "));
            System.out.printf(Locale.ROOT, "fold %d test %s: LSTM L=%s H=%s of %d [%s], kept epochs %s, "
                            + "test Rank IC LSTM %.4f linear %.4f%n  factors %s%n", f, fold.testFirst(),
                    choice == null ? "?" : choice.lookback(), choice == null ? "?" : choice.units(),
                    fold.configurationsEvaluated(), grid,
                    fold.curves().stream().map(c -> c.bestEpoch() + "/" + c.trainLoss().length).toList(),
                    fold.test().rankIc(), result.model(StudyResult.LINEAR).folds().get(f).test().rankIc(),
                    fold.factors());
        }
    }

    /** CPU time of this JVM (all threads, user + system), or 0 where the platform does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static void printExAnteRisk(StudyResult.ExAnteRisk risk) {
        System.out.printf(Locale.ROOT, "%nEx-ante risk: covariance %s, VaR %s on %d days, limit %.1f%%%n",
                risk.covarianceModel(), risk.varModel(), risk.lookbackDays(), 100 * risk.varLimit());
        System.out.printf(Locale.ROOT, "%-13s %9s %9s %6s %9s %8s %8s %8s %10s%n", "portfolio", "vol EWMA", "vol LW",
                "days", "exceed.", "rate", "Kupiec p", "Chr. p", "VaR bound");
        for (StudyResult.PortfolioRisk p : risk.portfolios()) {
            VarBacktest.Result b = p.varBacktest();
            System.out.printf(Locale.ROOT, "%-13s %9s %9s %6d %4d/%4.0f %7.2f%% %8.3f %8.3f %6d/%3d%n", p.portfolio(),
                    p.ewma() == null ? "-" : String.format(Locale.ROOT, "%.3f", p.ewma().ratio()),
                    p.ledoitWolf() == null ? "-" : String.format(Locale.ROOT, "%.3f", p.ledoitWolf().ratio()),
                    b.days(), b.exceedances(), b.expectedExceedances(), 100 * b.exceedanceRate(),
                    b.kupiec().monteCarloPValue(), b.independence().monteCarloPValue(), p.varLimitBound(),
                    p.decisions());
        }
        System.out.println(risk.explanation());
        risk.portfolios().forEach(p -> System.out.println(p.explanation()));
    }
}
