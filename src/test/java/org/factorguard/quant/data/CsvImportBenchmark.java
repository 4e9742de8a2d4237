package org.factorguard.quant.data;

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
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a 1,000-ticker × 10-year long CSV (about 2.5 million rows). Not part of the default test run
 * (the name does not end in Test), and skipped by package patterns such as
 * {@code -Dtest='org.factorguard.quant.data.**'}: run it by name with {@code mvn -o test -Dtest=CsvImportBenchmark}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*CsvImportBenchmark.*")
class CsvImportBenchmark {

    private static final int TICKERS = 1_000;

    @Test
    void imports_a_thousand_tickers_over_ten_years(@TempDir Path dir) throws IOException {
        LocalDate[] days = TradingCalendar.standard().tradingDays(LocalDate.of(2011, 1, 3), LocalDate.of(2020, 12, 31));
        Path file = dir.resolve("long.csv");
        long rows = write(file, days);
        long bytes = Files.size(file);

        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MarketData data;
        try (InputStream in = Files.newInputStream(file)) {
            data = new LongFormatCsvReader().read(in, "benchmark");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("CSV import: %,d rows, %,d bytes (%.0f MB) in %.2f s wall (%.2f s CPU of the importing "
                + "thread)"
                        + " = %,.0f rows/s; peak heap %.0f MB (garbage included), heap after GC holding the result "
                                + "%.0f MB"
                        + " (max %.0f MB)%n",
                rows, bytes, bytes / 1e6, seconds, cpuSeconds, rows / seconds, peak / 1e6, heap.getUsed() / 1e6,
                heap.getMax() / 1e6);
        assertThat(data.instrumentCount()).isEqualTo(TICKERS);
        assertThat(data.dayCount()).isEqualTo(days.length);
        assertThat(seconds).isLessThan(60);
    }

    private static long write(Path file, LocalDate[] days) throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        double[] price = new double[TICKERS];
        for (int i = 0; i < TICKERS; i++) {
            price[i] = 10 + 90 * rng.nextDouble();
        }
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("date,ticker,open,high,low,close,volume,industry,shares,eps,bvps\n");
            for (LocalDate day : days) {
                String date = day.toString();
                for (int i = 0; i < TICKERS; i++) {
                    double open = cents(price[i]);
                    price[i] *= Math.exp(0.02 * rng.nextGaussian());
                    double close = cents(price[i]);
                    double high = cents(Math.max(open, close) * (1 + 0.01 * rng.nextDouble()));
                    double low = cents(Math.min(open, close) * (1 - 0.01 * rng.nextDouble()));
                    w.write(date);
                    w.write(",T");
                    w.write(Integer.toString(10_000 + i));
                    w.write(',');
                    w.write(Double.toString(open));
                    w.write(',');
                    w.write(Double.toString(Math.max(high, Math.max(open, close))));
                    w.write(',');
                    w.write(Double.toString(Math.min(low, Math.min(open, close))));
                    w.write(',');
                    w.write(Double.toString(close));
                    w.write(',');
                    w.write(Long.toString(100_000 + rng.nextInt(1_000_000)));
                    w.write(",Industry ");
                    w.write(Integer.toString(i % 10));
                    w.write(",");
                    w.write(Long.toString(10_000_000L + 1000L * i));
                    w.write(",2.5,20.25\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double cents(double p) {
        return Math.max(0.01, Math.rint(p * 100) / 100);
    }
}
