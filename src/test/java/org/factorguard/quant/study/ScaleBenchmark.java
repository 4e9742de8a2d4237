package org.factorguard.quant.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.factorguard.quant.allocation.AllocationSettings;
import org.factorguard.quant.allocation.AllocationSolver;
import org.factorguard.quant.backtest.Backtester;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.data.CsvImportLimits;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.LongFormatCsvReader;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.data.SyntheticMarket;
import org.factorguard.quant.data.SyntheticMarketConfig;
import org.factorguard.quant.factors.FactorScreen;
import org.factorguard.quant.factors.ScreeningReport;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.risk.FactoredLedoitWolfCovariance;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.ui.ReportPageBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The issue-17 scale run on {@link SyntheticMarketConfig#large()} (500 stocks, ten years): generate; import (the
 * market written as a long-format CSV and read back by {@link LongFormatCsvReader}); the default factor screen;
 * the default study with weekly full-universe allocation (no shortlist, active-set solver) at 2 % per stock;
 * then the allocation alone on the same schedule and caps, to time its QPs (μ = the trailing 60-day mean daily
 * return, a causal stand-in for a model's forecast). Prints each stage and a last line {@code SUMMARY assets=…
 * days=… import_s=… screen_s=… study_s=… qp_median_ms=… heap_peak_mb=… report_open_ms=…} (heap: the sum of the
 * heap pools' peak usage; report_open_ms: the stored result's JSON read back and the report page's server side
 * built, chart JSON included, by {@link ReportPageBuild} without a portal or browser, on the second of two
 * opens, as in a running portal whose classes are loaded). Not part of the default run; run with
 * {@code ./mvnw test -Dtest=ScaleBenchmark}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*ScaleBenchmark.*",
        disabledReason = "benchmark: run with -Dtest=ScaleBenchmark")
class ScaleBenchmark {

    @Test
    void five_hundred_stocks_over_ten_years() throws IOException {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.out.printf(Locale.ROOT, "ScaleBenchmark: %d processors, max heap %d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());

        long t0 = System.nanoTime();
        MarketData market = SyntheticMarket.generate(SyntheticMarketConfig.large());
        double generateS = seconds(t0);
        stage("generate", generateS, market.instrumentCount() + " stocks, " + market.dayCount() + " days");

        Path csv = Files.createTempFile("scale-benchmark", ".csv");
        MarketData imported;
        double importS;
        try {
            t0 = System.nanoTime();
            writeLongCsv(market, csv);
            stage("write CSV", seconds(t0), (Files.size(csv) >> 20) + " MB");
            t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                imported = new LongFormatCsvReader(CsvImportLimits.defaults().withMaxBytes(2L << 30))
                        .read(in, "scale");
            }
            importS = seconds(t0);
        } finally {
            Files.deleteIfExists(csv);
        }
        stage("import", importS, imported.instrumentCount() + " stocks, " + imported.dayCount() + " days");
        assertThat(imported.instrumentCount()).isEqualTo(market.instrumentCount());
        imported = null;

        t0 = System.nanoTime();
        ScreeningReport screening = FactorScreen.screenWithDefaults(market);
        double screenS = seconds(t0);
        stage("screen", screenS, screening.factors().size() + " factors ranked");

        StudyConfig defaults = StudyConfig.defaults();
        StudyConfig config = defaults.toBuilder()
                .rebalance(RebalanceFrequency.WEEKLY)
                .allocation(defaults.allocation().withMaxWeight(0.02))
                .allocationShortlist(0)
                .allocationSolver(AllocationSolver.ACTIVE_SET)
                .build();
        t0 = System.nanoTime();
        StudyResult result = Study.standard().run(market, config, new StudyProgressListener() {
            @Override
            public void onStageFinished(StudyStage stage, long millis) {
                stage("study: " + stage.displayName(), millis / 1000.0, "load " + load());
            }
        }, CancellationToken.NEVER);
        double studyS = seconds(t0);
        stage("study", studyS, result.returnDates().length + " backtest days");
        result.notes().forEach(n -> System.out.println("note: " + n));

        String stored = StudyResultJson.write(result);
        double coldOpenMs = Double.NaN;
        double reportOpenMs = Double.NaN;
        ReportPageBuild.Page page = null;
        for (int open = 0; open < 2; open++) {
            t0 = System.nanoTime();
            page = ReportPageBuild.build(new ReportDetail(1, "Scale", 1, "Scale", 1,
                    SyntheticMarket.label(SyntheticMarketConfig.large()), result.datasetHash(), true, result.seed(),
                    Instant.EPOCH, StudyResultJson.read(stored)));
            coldOpenMs = open == 0 ? seconds(t0) * 1000 : coldOpenMs;
            reportOpenMs = seconds(t0) * 1000;
        }
        stage("report open (first: " + Math.round(coldOpenMs) + " ms)", reportOpenMs / 1000, String.format(Locale.ROOT,
                "stored JSON %d MB read and page built: %d charts, %d KB of chart JSON, largest series %d points",
                stored.length() >> 20, page.charts(), page.chartJsonChars() >> 10, page.largestSeriesPoints()));
        stored = null;

        t0 = System.nanoTime();
        ShortlistAllocationPolicy policy = allocationAlone(market, config);
        double[] qp = policy.qpMillis();
        Arrays.sort(qp);
        double median = qp.length == 0 ? Double.NaN : qp[qp.length / 2];
        stage("allocation alone", seconds(t0), String.format(Locale.ROOT,
                "%d rebalances, %d QPs, median %.2f ms, p95 %.2f ms, ojAlgo fallbacks %d",
                policy.decisions().size(), qp.length, median, qp[(int) (0.95 * (qp.length - 1))],
                policy.fallbacks()));

        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "load average %s%n", load());
        System.out.printf(Locale.ROOT, "SUMMARY assets=%d days=%d import_s=%.1f screen_s=%.1f study_s=%.1f "
                        + "qp_median_ms=%.2f heap_peak_mb=%d report_open_ms=%.0f%n", market.instrumentCount(),
                market.dayCount(), importS, screenS, studyS, median, heapPeak >> 20, reportOpenMs);
    }

    /** Weekly full-universe allocation over the last eight years with the study's settings. */
    private static ShortlistAllocationPolicy allocationAlone(MarketData market, StudyConfig config) {
        int n = market.instrumentCount();
        int days = market.dayCount();
        double[][] close = market.close();
        float[][] mu = new float[days][];
        for (int t = 60; t < days; t++) {
            mu[t] = new float[n];
            for (int i = 0; i < n; i++) {
                mu[t][i] = (float) (Math.log(close[i][t] / close[i][t - 60]) / 60);
            }
        }
        AllocationSettings settings = config.allocation();
        ShortlistAllocationPolicy policy = new ShortlistAllocationPolicy(mu, new FactoredLedoitWolfCovariance(),
                config.covarianceWindow(), settings, null, 0, AllocationSolver.ACTIVE_SET);
        new Backtester(Backtester.Settings.longOnly(RebalanceFrequency.WEEKLY, config.costBps()))
                .run("allocation", market, days - 8 * 252, days - 1, policy);
        return policy;
    }

    private static void writeLongCsv(MarketData m, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("date,ticker,open,high,low,close,volume,name,industry,shares,eps,bvps\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < m.instrumentCount(); i++) {
                Instrument inst = m.instruments().get(i);
                for (int t = 0; t < m.dayCount(); t++) {
                    if (!(m.close()[i][t] > 0)) {
                        continue;
                    }
                    line.setLength(0);
                    line.append(m.dates()[t]).append(',').append(inst.ticker()).append(',')
                            .append(cell(m.open(), i, t)).append(',').append(cell(m.high(), i, t)).append(',')
                            .append(cell(m.low(), i, t)).append(',').append(cell(m.close(), i, t)).append(',')
                            .append(cell(m.volume(), i, t)).append(',').append(inst.ticker()).append(',')
                            .append(inst.industry() == null ? "" : inst.industry()).append(',')
                            .append(cell(m.sharesOutstanding(), i, t)).append(',')
                            .append(cell(m.earningsPerShare(), i, t)).append(',')
                            .append(cell(m.bookValuePerShare(), i, t)).append('\n');
                    out.append(line);
                }
            }
        }
    }

    private static String cell(double[][] values, int i, int t) {
        if (values == null || !Double.isFinite(values[i][t])) {
            return "";
        }
        return Double.toString(values[i][t]);
    }

    private static void stage(String name, double seconds, String detail) {
        System.out.printf(Locale.ROOT, "stage %-36s %8.2f s  %s%n", name, seconds, detail);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String load() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
