package org.factorguard.datasets;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small, deterministic CSV files for dataset tests. */
public final class DatasetTestFiles {

    private DatasetTestFiles() {
    }

    /** A valid long-format file: {@code tickers} stocks in two industries over {@code days} business days. */
    public static String longCsv(int tickers, int days, long seed) {
        StringBuilder csv = new StringBuilder("date,ticker,open,high,low,close,volume,name,industry,shares\n");
        SplittableRandom random = new SplittableRandom(seed);
        double[] price = new double[tickers];
        for (int i = 0; i < tickers; i++) {
            price[i] = 20 + 10 * i;
        }
        LocalDate d = LocalDate.of(2021, 1, 4);
        for (int t = 0; t < days; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            for (int i = 0; i < tickers; i++) {
                double open = price[i];
                price[i] = price[i] * Math.exp(0.0005 + 0.015 * random.nextGaussian());
                double close = price[i];
                double high = Math.max(open, close) * 1.004;
                double low = Math.min(open, close) * 0.996;
                csv.append(String.format(Locale.ROOT, "%s,T%02d,%.4f,%.4f,%.4f,%.4f,%d,Test %d Inc,%s,%d%n", d,
                        i, open, high, low, close, 100_000 + random.nextInt(50_000), i,
                        i % 2 == 0 ? "Technology" : "Energy", 1_000_000 * (i + 1)));
            }
            d = d.plusDays(1);
        }
        return csv.toString();
    }

    /** A valid wide index file with two series. */
    public static String wideCsv(int days) {
        StringBuilder csv = new StringBuilder("date,MARKET,TECH\n");
        LocalDate d = LocalDate.of(2021, 1, 4);
        for (int t = 0; t < days; t++) {
            csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f%n", d.plusDays(t), 1000 + 3.0 * t + (t % 3),
                    500 + 2.0 * t - (t % 4)));
        }
        return csv.toString();
    }

    /**
     * A valid wide stock panel: {@code tickers} close-only random walks (T00, T01, …) over {@code days} business
     * days from 2010-01-04, as a file of closes with one column per stock.
     */
    public static String widePanelCsv(int tickers, int days, long seed) {
        StringBuilder csv = new StringBuilder("date");
        for (int i = 0; i < tickers; i++) {
            csv.append(String.format(Locale.ROOT, ",T%02d", i));
        }
        csv.append('\n');
        SplittableRandom random = new SplittableRandom(seed);
        double[] price = new double[tickers];
        for (int i = 0; i < tickers; i++) {
            price[i] = 20 + 5 * i;
        }
        LocalDate d = LocalDate.of(2010, 1, 4);
        for (int t = 0; t < days; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            csv.append(d);
            for (int i = 0; i < tickers; i++) {
                price[i] = price[i] * Math.exp(0.0003 + 0.016 * random.nextGaussian());
                csv.append(String.format(Locale.ROOT, ",%.4f", price[i]));
            }
            csv.append('\n');
            d = d.plusDays(1);
        }
        return csv.toString();
    }

    /** The instrument list of {@link #widePanelCsv}: names, two industries and shares outstanding. */
    public static String instrumentListCsv(int tickers) {
        StringBuilder csv = new StringBuilder("ticker,name,industry,shares\n");
        for (int i = 0; i < tickers; i++) {
            csv.append(String.format(Locale.ROOT, "T%02d,Test %d Inc,%s,%d%n", i, i,
                    i % 2 == 0 ? "Technology" : "Energy", 1_000_000 * (i + 1)));
        }
        return csv.toString();
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
