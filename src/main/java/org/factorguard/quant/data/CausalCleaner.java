package org.factorguard.quant.data;

import java.util.Objects;

/**
 * The causal cleaned view of market data for model inputs and labels: every value of day t is a function of
 * the data of days ≤ t only, so a factor, a label or a decision built on it never sees the future through the
 * cleaning. Stored prices are not changed; portfolios earn the raw prices (see {@link BadTickRepair} for the
 * only repair applied to P&amp;L).
 *
 * <p>Per instrument, walking forward through the days:
 * <ol>
 *   <li><b>Gaps are carried forward.</b> A day without a close within {@code carryDays} trading days of the last
 *       close gets the last cleaned close (open = high = low = close) and the previous day's volume, shares and
 *       fundamentals. A longer gap, and the days before the first close, stay missing. Nothing is ever filled
 *       from a later price.</li>
 *   <li><b>Excess returns.</b> With c<sub>t</sub> the day's cross-sectional median one-day log return (the
 *       market's move, {@code CrossSectionMoves}), the excess return of a close is
 *       e<sub>t</sub> = ln(P<sub>t</sub>/C<sub>p</sub>) − Σ<sub>s=p+1..t</sub> c<sub>s</sub>, where C<sub>p</sub>
 *       is the cleaned close of the instrument's previous close day p.</li>
 *   <li><b>Robust scale from the past.</b> m<sub>t</sub> and MAD<sub>t</sub> are the median and the median
 *       absolute deviation of the instrument's last {@code window} raw one-day excess returns strictly before t
 *       (at least {@code minHistory} of them, else day t is not judged).</li>
 *   <li><b>Winsorise.</b> If |e<sub>t</sub> − m<sub>t</sub>| &gt; k · 1.4826 · MAD<sub>t</sub>, the excess
 *       return is clipped to that bound and the cleaned close rebuilt,
 *       C<sub>t</sub> = C<sub>p</sub> · exp(Σc + clipped e), with open, high, low, P/E and P/B scaled by
 *       C<sub>t</sub>/P<sub>t</sub>; otherwise C<sub>t</sub> = P<sub>t</sub>. A move shared by the market
 *       (a crash) has a small excess return and passes unchanged; a one-day spike is clipped on the way up and
 *       the way back; a permanent idiosyncratic jump is spread over a few clipped days until the cleaned price
 *       has caught up.</li>
 * </ol>
 * Imported indices are kept; derived indices are rebuilt from the cleaned closes. Robust statistics after
 * Hampel (1974) and the MAD consistency constant 1.4826 = 1/Φ⁻¹(3/4).
 */
public final class CausalCleaner {

    /**
     * The cleaned view and what was done.
     *
     * @param view               the data with cleaned values (same instruments and days, no content hash)
     * @param returnsWinsorised  closes whose return was clipped
     * @param daysCarriedForward missing days filled with the last close
     */
    public record Result(MarketData view, int returnsWinsorised, int daysCarriedForward) {
    }

    private final CausalCleaningSettings settings;

    public CausalCleaner(CausalCleaningSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Result clean(MarketData data) {
        int n = data.instrumentCount();
        int days = data.dayCount();
        CrossSectionMoves market = new CrossSectionMoves(data.close(), days, settings.minCrossSection());
        double[][][] source = {data.close(), data.open(), data.high(), data.low(), data.volume(),
                data.sharesOutstanding(), data.earningsPerShare(), data.bookValuePerShare(),
                data.priceToEarnings(), data.priceToBook()};
        double[][][] view = new double[source.length][n][];
        int winsorised = 0;
        int carried = 0;
        RollingRobustScale scale = new RollingRobustScale(settings.window());
        double bound = settings.madMultiplier() * DataCleaner.MAD_TO_SIGMA;
        for (int i = 0; i < n; i++) {
            double[][] row = new double[source.length][];
            for (int f = 0; f < source.length; f++) {
                row[f] = source[f][i].clone();
                view[f][i] = row[f];
            }
            double[] raw = source[0][i];
            double[] c = row[0];
            scale.clear();
            int last = -1;
            for (int t = 0; t < days; t++) {
                if (!isPrice(raw[t])) {
                    if (last >= 0 && t - last <= settings.carryDays()) {
                        c[t] = c[t - 1];
                        row[1][t] = c[t];
                        row[2][t] = c[t];
                        row[3][t] = c[t];
                        for (int f = 4; f < source.length; f++) {
                            row[f][t] = row[f][t - 1];
                        }
                        carried++;
                    } else {
                        c[t] = Double.NaN;
                    }
                    continue;
                }
                if (last >= 0 && t - last <= settings.carryDays() + 1) {
                    double marketMove = 0;
                    for (int s = last + 1; s <= t; s++) {
                        marketMove += market.median[s];
                    }
                    double excess = Math.log(raw[t] / c[t - 1]) - marketMove;
                    if (scale.count() >= settings.minHistory()) {
                        double m = scale.median();
                        double limit = bound * scale.mad();
                        if (limit > 0 && Math.abs(excess - m) > limit) {
                            double cleaned = c[t - 1] * Math.exp(marketMove + m + Math.copySign(limit, excess - m));
                            double factor = cleaned / raw[t];
                            c[t] = cleaned;
                            for (int f : new int[] {1, 2, 3, 8, 9}) {
                                row[f][t] *= factor;
                            }
                            winsorised++;
                        }
                    }
                    if (last == t - 1) {
                        scale.add(Math.log(raw[t] / raw[t - 1]) - market.median[t]);
                    }
                }
                last = t;
            }
        }
        MarketData.Builder builder = MarketData.builder(data.dates().clone(), data.instruments()).label(data.label())
                .close(view[0]).open(view[1]).high(view[2]).low(view[3]).volume(view[4])
                .sharesOutstanding(view[5]).earningsPerShare(view[6]).bookValuePerShare(view[7])
                .priceToEarnings(view[8]).priceToBook(view[9]).trueRegimes(data.trueRegimes());
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            builder.marketIndex(data.marketIndex().clone());
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            data.industryIndices().forEach((industry, level) -> builder.industryIndex(industry, level.clone()));
        }
        return new Result(builder.build(), winsorised, carried);
    }

    private static boolean isPrice(double p) {
        return p > 0 && Double.isFinite(p);
    }
}
