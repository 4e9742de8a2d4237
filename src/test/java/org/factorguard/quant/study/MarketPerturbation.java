package org.factorguard.quant.study;

import java.util.SplittableRandom;
import org.factorguard.quant.data.IndexMethod;
import org.factorguard.quant.data.MarketData;

/** Market data whose every input after one day is changed at random (seeded), for look-ahead tests. */
final class MarketPerturbation {

    private MarketPerturbation() {
    }

    /**
     * Prices (open, high, low, close share one random walk of multipliers per instrument, so bars stay consistent),
     * volumes, shares outstanding, EPS, BVPS, P/E, P/B and imported index levels on every day after {@code day}
     * multiplied by random factors; days up to {@code day} and derived indices' rules unchanged.
     */
    static MarketData after(MarketData data, int day, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = data.instrumentCount();
        double[][] drift = new double[n][data.dayCount()];
        for (int i = 0; i < n; i++) {
            double d = 1.0;
            for (int t = 0; t < data.dayCount(); t++) {
                if (t > day) {
                    d *= 1 + 0.03 * random.nextGaussian();
                }
                drift[i][t] = d;
            }
        }
        MarketData.Builder b = MarketData.builder(data.dates().clone(), data.instruments())
                .label(data.label() + " (perturbed after day " + day + ")")
                .close(scaled(data.close(), drift)).open(scaled(data.open(), drift))
                .high(scaled(data.high(), drift)).low(scaled(data.low(), drift))
                .volume(noisy(data.volume(), day, random))
                .sharesOutstanding(noisy(data.sharesOutstanding(), day, random))
                .earningsPerShare(noisy(data.earningsPerShare(), day, random))
                .bookValuePerShare(noisy(data.bookValuePerShare(), day, random))
                .priceToEarnings(noisy(data.priceToEarnings(), day, random))
                .priceToBook(noisy(data.priceToBook(), day, random));
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            b.marketIndex(noisy(new double[][] {data.marketIndex()}, day, random)[0]);
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            data.industryIndices().forEach((k, v) -> b.industryIndex(k, noisy(new double[][] {v}, day, random)[0]));
        }
        if (data.trueRegimes() != null) {
            b.trueRegimes(data.trueRegimes().clone());
        }
        return b.build();
    }

    private static double[][] scaled(double[][] m, double[][] drift) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] *= drift[i][t];
            }
        }
        return out;
    }

    private static double[][] noisy(double[][] m, int day, SplittableRandom random) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int t = day + 1; t < out[i].length; t++) {
                out[i][t] *= 0.5 + random.nextDouble();
            }
        }
        return out;
    }
}
