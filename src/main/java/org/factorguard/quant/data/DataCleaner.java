package org.factorguard.quant.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The import's cleaning step: drops instruments that cannot be used and lists the isolated bad ticks of the rest,
 * but stores every kept price <em>as imported</em>. Model inputs are cleaned later, causally, by
 * {@link CausalCleaner}; portfolios earn the raw prices with only the listed bad ticks repaired
 * ({@link BadTickRepair}). Every action is counted in a {@link CleaningReport}.
 *
 * <p>For each instrument, the <em>listed span</em> runs from its first to its last day with a close; days
 * before and after it (listing later, delisting earlier) are not gaps. The instrument is <b>dropped</b> when it
 * has fewer than two closes, when a run of missing days inside the span is longer than {@code maxGapDays}, or
 * when more than {@code maxMissingShare} of the span's days are missing. The kept instruments' bad ticks are
 * found on their whole cross-section and listed; nothing is filled or clipped. Imported indices are kept as they
 * are; derived indices are rebuilt from the kept members. The result carries its new {@link DatasetHash}, the
 * hash of exactly what is stored. ({@code madMultiplier} of the settings is not used here any more: it was the
 * import-time winsorising of datasets imported before issue 13.)
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
        List<InstrumentCleaning> entries = new ArrayList<>(n);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            InstrumentCleaning entry = check(data, i);
            entries.add(entry);
            if (!entry.dropped()) {
                kept.add(i);
            }
        }
        MarketData stored = keep(data, kept.stream().mapToInt(Integer::intValue).toArray());
        List<PriceRepair> badTicks = BadTickRepair.find(stored);
        List<InstrumentCleaning> counted = new ArrayList<>(n);
        for (InstrumentCleaning e : entries) {
            int ticks = (int) badTicks.stream().filter(r -> r.ticker().equals(e.ticker())).count();
            counted.add(ticks == 0 ? e : new InstrumentCleaning(e.ticker(), 0, 0, e.daysMissing(), e.longestGap(),
                    e.dropped(), e.dropReason(), e.gapDays(), ticks));
        }
        return new CleaningResult(stored, CleaningReport.of(settings, counted, badTicks));
    }

    private static MarketData keep(MarketData data, int[] kept) {
        List<Instrument> instruments = new ArrayList<>(kept.length);
        double[][][] source = {data.close(), data.open(), data.high(), data.low(), data.volume(),
                data.sharesOutstanding(), data.earningsPerShare(), data.bookValuePerShare(),
                data.priceToEarnings(), data.priceToBook()};
        double[][][] fields = new double[source.length][kept.length][];
        for (int k = 0; k < kept.length; k++) {
            instruments.add(data.instruments().get(kept[k]));
            for (int f = 0; f < source.length; f++) {
                fields[f][k] = source[f][kept[k]].clone();
                if (f == 0) {
                    for (int d = 0; d < fields[0][k].length; d++) {
                        if (!isPrice(fields[0][k][d])) {
                            fields[0][k][d] = Double.NaN;
                        }
                    }
                }
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
        return builder.contentHash(DatasetHash.of(builder.build())).build();
    }

    /** The drop rules for instrument i; a kept entry counts its missing and gap days. */
    private InstrumentCleaning check(MarketData data, int i) {
        String ticker = data.instruments().get(i).ticker();
        double[] close = data.close()[i];
        int days = close.length;
        int first = -1;
        int last = -1;
        for (int d = 0; d < days; d++) {
            if (isPrice(close[d])) {
                if (first < 0) {
                    first = d;
                }
                last = d;
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
                    + " trading days from " + data.dates()[longestStart] + " to "
                    + data.dates()[longestStart + longest - 1] + " is longer than the " + settings.maxGapDays()
                    + " days that are carried forward");
        }
        if (missing > settings.maxMissingShare() * span) {
            return new InstrumentCleaning(ticker, 0, 0, missing, longest, true, String.format(Locale.ROOT,
                    "%.1f %% of the listed trading days are missing (more than %.1f %%)",
                    100.0 * missing / span, 100.0 * settings.maxMissingShare()));
        }
        return new InstrumentCleaning(ticker, 0, 0, missing + first + (days - 1 - last), longest, false, "", missing,
                0);
    }

    private static boolean isPrice(double p) {
        return p > 0 && Double.isFinite(p);
    }
}
