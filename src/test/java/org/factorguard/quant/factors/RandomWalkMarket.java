package org.factorguard.quant.factors;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;

/**
 * Test fixture: a seeded random-walk market (geometric Brownian closes, volumes, shares, EPS, BVPS,
 * five industries) with optional planted return predictors, so factor code can be exercised without
 * the production synthetic-market generator.
 */
final class RandomWalkMarket {

    private RandomWalkMarket() {
    }

    /** Weekdays from 2015-01-01 on. */
    static LocalDate[] weekdays(int count) {
        LocalDate[] dates = new LocalDate[count];
        LocalDate d = LocalDate.of(2015, 1, 1);
        for (int t = 0; t < count; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            dates[t] = d;
            d = d.plusDays(1);
        }
        return dates;
    }

    static List<Instrument> instruments(int count) {
        List<Instrument> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Instrument("S" + i, "Stock " + i, "IND" + (i % 5)));
        }
        return out;
    }

    /** Pure random walk: no factor predicts anything. */
    static MarketData generate(int instruments, int days, long seed) {
        return withPlantedSignals(instruments, days, seed, new float[0][][], (t, k) -> 0.0);
    }

    /** Coefficient of planted signal k on the return from day t to t + 1. */
    interface Loading {
        double at(int day, int signal);
    }

    /**
     * Closes follow ln(P_{t+1}/P_t) = 0.0002 + Σ_k loading(t,k) · s_k[t][i] + 0.02 ε, so signal k, known at
     * day t, predicts the next day's return.
     */
    static MarketData withPlantedSignals(int instruments, int days, long seed, float[][][] signals, Loading loading) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] close = new double[instruments][days];
        double[][] volume = new double[instruments][days];
        double[][] shares = new double[instruments][days];
        double[][] eps = new double[instruments][days];
        double[][] bvps = new double[instruments][days];
        for (int i = 0; i < instruments; i++) {
            double price = 20 + 80 * random.nextDouble();
            double baseVolume = 1e5 * (1 + 9 * random.nextDouble());
            double shareCount = 1e7 * (1 + 20 * random.nextDouble());
            double earnings = price / (8 + 20 * random.nextDouble()) * (random.nextDouble() < 0.1 ? -1 : 1);
            double book = price / (0.5 + 4 * random.nextDouble());
            for (int t = 0; t < days; t++) {
                close[i][t] = price;
                volume[i][t] = Math.round(baseVolume * Math.exp(0.4 * gaussian(random)));
                shares[i][t] = shareCount;
                eps[i][t] = earnings;
                bvps[i][t] = book;
                double drift = 0.0002;
                for (int k = 0; k < signals.length; k++) {
                    drift += loading.at(t, k) * signals[k][t][i];
                }
                price *= Math.exp(drift + 0.02 * gaussian(random));
                if (t % 63 == 62) {
                    earnings *= Math.exp(0.05 * gaussian(random));
                    book *= Math.exp(0.02 * gaussian(random));
                }
            }
        }
        return MarketData.builder(weekdays(days), instruments(instruments)).label("random walk " + seed)
                .close(close).volume(volume).sharesOutstanding(shares).earningsPerShare(eps).bookValuePerShare(bvps)
                .build();
    }

    /** Independent standard normal values {@code [day][instrument]}. */
    static float[][] gaussianPanel(int days, int instruments, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[days][instruments];
        for (float[] row : out) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) gaussian(random);
            }
        }
        return out;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
