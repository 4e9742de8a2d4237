package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Hand-built close panels for the cleaning tests: seeded random walks with a common market factor. */
final class TestPanels {

    static final int DAYS = 400;

    private TestPanels() {
    }

    /** {@code n} stocks over {@link #DAYS} days: 0.8 % market and 1.2 % idiosyncratic daily log-return σ. */
    static double[][] walks(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] market = new double[DAYS];
        for (int t = 1; t < DAYS; t++) {
            market[t] = 0.008 * rng.nextGaussian();
        }
        double[][] p = new double[n][DAYS];
        for (int i = 0; i < n; i++) {
            p[i][0] = 20 + 5 * i;
            for (int t = 1; t < DAYS; t++) {
                p[i][t] = p[i][t - 1] * Math.exp(market[t] + 0.012 * rng.nextGaussian());
            }
        }
        return p;
    }

    static LocalDate[] dates(int days) {
        LocalDate[] all = TradingCalendar.standard().tradingDays(LocalDate.of(2019, 1, 2), LocalDate.of(2022, 12, 30));
        return Arrays.copyOf(all, days);
    }

    static MarketData market(double[][] closes) {
        int days = closes[0].length;
        List<Instrument> instruments = IntStream.range(0, closes.length)
                .mapToObj(i -> new Instrument(String.format("S%02d", i), null, i % 2 == 0 ? "Even" : "Odd")).toList();
        double[][] volume = new double[closes.length][days];
        for (double[] v : volume) {
            Arrays.fill(v, 1000);
        }
        return MarketData.builder(dates(days), instruments).label("crafted").close(closes).volume(volume).build();
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
