package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds isolated bad ticks, the only price errors repaired in what portfolios earn: a one-day spike far outside
 * the instrument's own past and the day's cross-section, not shared by the market, that reverts the next day.
 * Crashes and other market-wide moves are never altered.
 *
 * <p>With c<sub>t</sub> the day's cross-sectional median one-day log return and d<sub>t</sub> its cross-sectional
 * robust dispersion (1.4826 · MAD across instruments; both need at least {@code MIN_CROSS_SECTION} instruments),
 * e<sub>t</sub> = ln(P<sub>t</sub>/P<sub>t−1</sub>) − c<sub>t</sub> the instrument's excess return, and
 * m<sub>t</sub>, s<sub>t</sub> = 1.4826 · MAD the median and robust σ of its last 252 one-day excess returns
 * before t (at least 60), the close of day t is a bad tick when the closes of t − 1, t and t + 1 all exist and
 * <ol>
 *   <li>|e<sub>t</sub> − m<sub>t</sub>| &gt; 10 · s<sub>t</sub> (far outside its own recent behaviour),</li>
 *   <li>|e<sub>t</sub>| &gt; 10 · d<sub>t</sub> (far outside what the other instruments did that day, so the
 *       market did not share it), and</li>
 *   <li>|e<sub>t</sub> + e<sub>t+1</sub>| ≤ 0.25 · |e<sub>t</sub>| (the next day undoes 75 % to 125 % of it).</li>
 * </ol>
 * The repaired close is P<sub>t−1</sub> · exp(c<sub>t</sub>): the last good close moved by the market's move of
 * the day, so the instrument still shares a market-wide move and nothing is taken from a later price. A
 * repaired day's reversal (day t + 1) is not judged again. Every repair is listed with its measured sizes.
 * Ten robust σ of both references is far beyond any real one-day move of a large-cap stock that the market did
 * not share and that fully reverted; a decimal-point error (× 10, × 0.1) is 50–150 σ.
 */
public final class BadTickRepair {

    static final double OWN_SIGMAS = 10;
    static final double CROSS_SECTION_SIGMAS = 10;
    static final double MIN_REVERSAL = 0.75;
    static final int WINDOW = 252;
    static final int MIN_HISTORY = 60;
    static final int MIN_CROSS_SECTION = 5;

    private BadTickRepair() {
    }

    /** The bad ticks of {@code data}, by instrument then date. */
    public static List<PriceRepair> find(MarketData data) {
        int days = data.dayCount();
        double[][] close = data.close();
        CrossSectionMoves market = new CrossSectionMoves(close, days, MIN_CROSS_SECTION);
        RollingRobustScale scale = new RollingRobustScale(WINDOW);
        LocalDate[] dates = data.dates();
        List<PriceRepair> repairs = new ArrayList<>();
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] p = close[i];
            scale.clear();
            for (int t = 1; t < days; t++) {
                double r = LogReturns.logReturn(p[t - 1], p[t]);
                if (Double.isNaN(r)) {
                    continue;
                }
                double e = r - market.median[t];
                if (t + 1 < days && scale.count() >= MIN_HISTORY && market.count[t] >= MIN_CROSS_SECTION
                        && market.count[t + 1] >= MIN_CROSS_SECTION) {
                    double next = LogReturns.logReturn(p[t], p[t + 1]);
                    double ownSigma = DataCleaner.MAD_TO_SIGMA * scale.mad();
                    double ownDistance = Math.abs(e - scale.median()) / ownSigma;
                    double crossDistance = Math.abs(e) / market.dispersion[t];
                    if (!Double.isNaN(next) && ownSigma > 0 && ownDistance > OWN_SIGMAS
                            && crossDistance > CROSS_SECTION_SIGMAS) {
                        double eNext = next - market.median[t + 1];
                        double reverted = -eNext / e;
                        if (Math.abs(e + eNext) <= (1 - MIN_REVERSAL) * Math.abs(e)) {
                            double repaired = p[t - 1] * Math.exp(market.median[t]);
                            repairs.add(new PriceRepair(data.instruments().get(i).ticker(), dates[t], p[t], repaired,
                                    String.format(Locale.ROOT, "one-day move of %+.1f %% against a market move of "
                                            + "%+.1f %%: %.0f robust σ from its own past, %.0f σ of the day's "
                                            + "cross-section; %.0f %% reverted the next day",
                                            100 * Math.expm1(r), 100 * Math.expm1(market.median[t]), ownDistance,
                                            crossDistance, 100 * reverted)));
                            t++;
                            continue;
                        }
                    }
                }
                scale.add(e);
            }
        }
        return repairs;
    }

    /** The closes with the repairs applied (the other instruments' rows shared, repaired rows copied). */
    public static double[][] repairedCloses(MarketData data, List<PriceRepair> repairs) {
        double[][] close = data.close().clone();
        for (PriceRepair repair : repairs) {
            int i = data.indexOf(repair.ticker());
            int t = java.util.Arrays.binarySearch(data.dates(), repair.date());
            if (i < 0 || t < 0) {
                continue;
            }
            if (close[i] == data.close()[i]) {
                close[i] = close[i].clone();
            }
            close[i][t] = repair.repairedClose();
        }
        return close;
    }

    /** The data with repaired closes; every other field, and derived indices rebuilt from the repaired closes. */
    public static MarketData repaired(MarketData data, List<PriceRepair> repairs) {
        if (repairs.isEmpty()) {
            return data;
        }
        MarketData.Builder builder = MarketData.builder(data.dates(), data.instruments()).label(data.label())
                .close(repairedCloses(data, repairs)).open(data.open()).high(data.high()).low(data.low())
                .volume(data.volume()).sharesOutstanding(data.sharesOutstanding())
                .earningsPerShare(data.earningsPerShare()).bookValuePerShare(data.bookValuePerShare())
                .priceToEarnings(data.priceToEarnings()).priceToBook(data.priceToBook())
                .trueRegimes(data.trueRegimes());
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            builder.marketIndex(data.marketIndex());
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            data.industryIndices().forEach(builder::industryIndex);
        }
        return builder.build();
    }
}
