package org.factorguard.quant.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.ranking.NaNStrategy;

/**
 * Cleans daily market data instrument by instrument, as in section 3.1 of Li, Gu et al. (2025): gaps are
 * filled by interpolation, outliers in log returns are winsorised, unusable instruments are dropped, and
 * every action is counted in a {@link CleaningReport}.
 *
 * <p>For each instrument, the <em>listed span</em> runs from its first to its last day with a close; days
 * before and after it (listing later, delisting earlier) stay missing and are not gaps.
 * <ol>
 *   <li><b>Drop</b> the instrument when it has fewer than two closes, when a run of missing days inside the
 *       span is longer than {@code maxGapDays}, or when more than {@code maxMissingShare} of the span's days
 *       are missing.</li>
 *   <li><b>Fill</b> each remaining gap between closes P_a and P_b by linear interpolation of the log price,
 *       ln P_t = ln P_a + (t − a)/(b − a) · (ln P_b − ln P_a) (a constant daily log return over the gap). A
 *       filled day gets a flat bar (open = high = low = close), volume interpolated linearly between its
 *       neighbours, shares/EPS/BVPS carried forward, and P/E, P/B carried forward scaled by the close.</li>
 *   <li><b>Winsorise</b> outliers: with r_t = ln(P_t/P_{t−1}) over the filled span, m = median(r) and
 *       MAD = median(|r − m|) (medians as Hipparchus R_7 percentiles), a return with
 *       |r_t − m| &gt; k · 1.4826 · MAD is an outlier. Walking forward, each day's return is taken against the
 *       already cleaned previous close; an outlier is clipped to m ± k·1.4826·MAD and the close rebuilt,
 *       with open, high, low, P/E and P/B scaled by the same factor. A one-day spike therefore costs one or
 *       two clipped returns and leaves later prices untouched; a genuine permanent jump (e.g. an unadjusted
 *       split) is spread over several clipped days until the cleaned price has caught up. An instrument
 *       whose MAD is zero (constant price) is not winsorised.</li>
 * </ol>
 * Imported indices are kept as they are; derived indices are rebuilt from the cleaned members. The
 * result carries its new {@link DatasetHash}.
 */
public final class DataCleaner {

    /** 1 / Φ⁻¹(3/4): makes the MAD a consistent estimator of σ under normality. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private final CleaningSettings settings;

    public DataCleaner() {
        this(CleaningSettings.defaults());
    }

    public DataCleaner(CleaningSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public CleaningResult clean(MarketData data) {
        int n = data.instrumentCount();
        int days = data.dayCount();
        List<InstrumentCleaning> entries = new ArrayList<>(n);
        List<Integer> kept = new ArrayList<>();
        double[][][] source = {data.close(), data.open(), data.high(), data.low(), data.volume(),
                data.sharesOutstanding(), data.earningsPerShare(), data.bookValuePerShare(),
                data.priceToEarnings(), data.priceToBook()};
        double[][][] target = new double[source.length][n][];
        for (int i = 0; i < n; i++) {
            double[][] row = new double[source.length][];
            for (int f = 0; f < source.length; f++) {
                row[f] = source[f][i].clone();
            }
            InstrumentCleaning entry = cleanInstrument(data, i, row, days);
            entries.add(entry);
            if (!entry.dropped()) {
                kept.add(i);
                for (int f = 0; f < source.length; f++) {
                    target[f][i] = row[f];
                }
            }
        }
        List<Instrument> instruments = kept.stream().map(data.instruments()::get).toList();
        double[][][] fields = new double[source.length][kept.size()][];
        for (int f = 0; f < source.length; f++) {
            for (int k = 0; k < kept.size(); k++) {
                fields[f][k] = target[f][kept.get(k)];
            }
        }
        MarketData.Builder builder = MarketData.builder(data.dates().clone(), instruments).label(data.label())
                .close(fields[0]).open(fields[1]).high(fields[2]).low(fields[3]).volume(fields[4])
                .sharesOutstanding(fields[5]).earningsPerShare(fields[6]).bookValuePerShare(fields[7])
                .priceToEarnings(fields[8]).priceToBook(fields[9]).trueRegimes(data.trueRegimes());
        if (data.marketIndexMethod() == IndexMethod.IMPORTED) {
            builder.marketIndex(data.marketIndex().clone());
        }
        if (data.industryIndexMethod() == IndexMethod.IMPORTED) {
            data.industryIndices().forEach((industry, level) -> builder.industryIndex(industry, level.clone()));
        }
        MarketData cleaned = builder.contentHash(DatasetHash.of(builder.build())).build();
        return new CleaningResult(cleaned, CleaningReport.of(settings, entries));
    }

    /** Cleans row[field][day] in place (fields in the order close, open, high, low, volume, shares, eps, bvps, pe, pb). */
    private InstrumentCleaning cleanInstrument(MarketData data, int i, double[][] row, int days) {
        String ticker = data.instruments().get(i).ticker();
        double[] close = row[0];
        int first = -1;
        int last = -1;
        for (int d = 0; d < days; d++) {
            if (isPrice(close[d])) {
                if (first < 0) {
                    first = d;
                }
                last = d;
            } else {
                close[d] = Double.NaN;
            }
        }
        if (first < 0 || first == last) {
            return new InstrumentCleaning(ticker, 0, 0, days, 0, true, "fewer than two closes");
        }
        int missing = 0;
        int longest = 0;
        int longestStart = -1;
        for (int d = first; d <= last; ) {
            if (isPrice(close[d])) {
                d++;
                continue;
            }
            int start = d;
            while (!isPrice(close[d])) {
                d++;
            }
            int length = d - start;
            missing += length;
            if (length > longest) {
                longest = length;
                longestStart = start;
            }
        }
        int span = last - first + 1;
        if (longest > settings.maxGapDays()) {
            return new InstrumentCleaning(ticker, 0, 0, missing, longest, true, "gap of " + longest
                    + " trading days from " + data.dates()[longestStart] + " to " + data.dates()[longestStart + longest - 1]
                    + " is longer than the " + settings.maxGapDays() + " days that are interpolated");
        }
        if (missing > settings.maxMissingShare() * span) {
            return new InstrumentCleaning(ticker, 0, 0, missing, longest, true, String.format(java.util.Locale.ROOT,
                    "%.1f %% of the listed trading days are missing (more than %.1f %%)",
                    100.0 * missing / span, 100.0 * settings.maxMissingShare()));
        }
        int interpolated = fillGaps(row, first, last);
        int outliers = winsorise(row, first, last);
        return new InstrumentCleaning(ticker, outliers, interpolated, first + (days - 1 - last), longest, false, "");
    }

    private static int fillGaps(double[][] row, int first, int last) {
        double[] close = row[0];
        int filled = 0;
        for (int d = first + 1; d <= last; d++) {
            if (isPrice(close[d])) {
                continue;
            }
            int a = d - 1;
            int b = d;
            while (!isPrice(close[b])) {
                b++;
            }
            double logA = Math.log(close[a]);
            double logB = Math.log(close[b]);
            for (int t = a + 1; t < b; t++) {
                double w = (t - a) / (double) (b - a);
                double c = Math.exp(logA + w * (logB - logA));
                close[t] = c;
                row[1][t] = c;
                row[2][t] = c;
                row[3][t] = c;
                double va = row[4][a];
                double vb = row[4][b];
                row[4][t] = Double.isFinite(va) && Double.isFinite(vb) ? va + w * (vb - va) : Double.NaN;
                for (int f = 5; f <= 7; f++) {
                    if (Double.isNaN(row[f][t])) {
                        row[f][t] = row[f][t - 1];
                    }
                }
                for (int f = 8; f <= 9; f++) {
                    if (Double.isNaN(row[f][t])) {
                        row[f][t] = row[f][t - 1] * c / close[t - 1];
                    }
                }
                filled++;
            }
            d = b;
        }
        return filled;
    }

    private int winsorise(double[][] row, int first, int last) {
        double[] close = row[0];
        double[] returns = new double[last - first];
        for (int t = first + 1; t <= last; t++) {
            returns[t - first - 1] = Math.log(close[t] / close[t - 1]);
        }
        Percentile median = new Percentile(50).withEstimationType(Percentile.EstimationType.R_7)
                .withNaNStrategy(NaNStrategy.FAILED);
        double m = median.evaluate(returns);
        double[] deviations = new double[returns.length];
        for (int k = 0; k < returns.length; k++) {
            deviations[k] = Math.abs(returns[k] - m);
        }
        double mad = median.evaluate(deviations);
        if (!(mad > 0)) {
            return 0;
        }
        double bound = settings.madMultiplier() * MAD_TO_SIGMA * mad;
        int clipped = 0;
        double previousCleaned = close[first];
        for (int t = first + 1; t <= last; t++) {
            double original = close[t];
            double r = Math.log(original / previousCleaned);
            if (Math.abs(r - m) > bound) {
                double cleaned = previousCleaned * Math.exp(m + Math.copySign(bound, r - m));
                double factor = cleaned / original;
                close[t] = cleaned;
                for (int f : new int[] {1, 2, 3, 8, 9}) {
                    row[f][t] *= factor;
                }
                clipped++;
            }
            previousCleaned = close[t];
        }
        return clipped;
    }

    private static boolean isPrice(double p) {
        return p > 0 && Double.isFinite(p);
    }
}
