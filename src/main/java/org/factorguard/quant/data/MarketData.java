package org.factorguard.quant.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Daily market data of one dataset version, held as compact columnar primitive arrays so that the
 * research engine never walks rows through JPA.
 *
 * <p>Every per-instrument field is a {@code double[instrument][day]} matrix aligned with
 * {@link #dates()} and {@link #instruments()}; a missing value is {@link Double#NaN}. Optional
 * fundamentals (shares outstanding, trailing EPS, book value per share, P/E, P/B) are all-NaN rows
 * when the source does not provide them. P/E and P/B are derived as close/EPS and close/BVPS where
 * not given directly (a non-positive EPS or BVPS gives NaN: the ratio is not meaningful).
 *
 * <p>Instances are immutable by contract: accessors return the internal arrays for speed, and
 * callers must not write to them. Use {@link #builder} to create one and {@link #slice}/{@link
 * #select} to derive sub-views (copies).
 */
public final class MarketData {

    private final String label;
    private final String contentHash;
    private final LocalDate[] dates;
    private final List<Instrument> instruments;
    private final Map<String, Integer> tickerIndex;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;
    private final double[][] sharesOutstanding;
    private final double[][] earningsPerShare;
    private final double[][] bookValuePerShare;
    private final double[][] priceToEarnings;
    private final double[][] priceToBook;
    private final double[] marketIndex;
    private final IndexMethod marketIndexMethod;
    private final Map<String, double[]> industryIndices;
    private final IndexMethod industryIndexMethod;
    private final Regime[] trueRegimes;

    private MarketData(Builder b) {
        this.label = b.label;
        this.contentHash = b.contentHash;
        this.dates = b.dates;
        this.instruments = List.copyOf(b.instruments);
        int n = instruments.size();
        int t = dates.length;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (idx.put(instruments.get(i).ticker(), i) != null) {
                throw new IllegalArgumentException("duplicate ticker " + instruments.get(i).ticker());
            }
        }
        for (int d = 1; d < t; d++) {
            if (!dates[d].isAfter(dates[d - 1])) {
                throw new IllegalArgumentException("dates must be strictly increasing at " + dates[d]);
            }
        }
        this.tickerIndex = Collections.unmodifiableMap(idx);
        this.close = require(b.close, "close", n, t);
        this.open = orNaN(b.open, "open", n, t);
        this.high = orNaN(b.high, "high", n, t);
        this.low = orNaN(b.low, "low", n, t);
        this.volume = orNaN(b.volume, "volume", n, t);
        this.sharesOutstanding = orNaN(b.sharesOutstanding, "shares", n, t);
        this.earningsPerShare = orNaN(b.earningsPerShare, "eps", n, t);
        this.bookValuePerShare = orNaN(b.bookValuePerShare, "bvps", n, t);
        this.priceToEarnings = b.priceToEarnings != null ? check(b.priceToEarnings, "pe", n, t)
                : ratio(close, earningsPerShare);
        this.priceToBook = b.priceToBook != null ? check(b.priceToBook, "pb", n, t)
                : ratio(close, bookValuePerShare);
        if (b.marketIndex != null) {
            if (b.marketIndex.length != t) {
                throw new IllegalArgumentException("market index has " + b.marketIndex.length + " days, expected " + t);
            }
            this.marketIndex = b.marketIndex;
            this.marketIndexMethod = IndexMethod.IMPORTED;
        } else {
            IndexMethod method = hasAnyFinite(sharesOutstanding) ? IndexMethod.CAP_WEIGHTED
                    : IndexMethod.EQUAL_WEIGHTED;
            this.marketIndex = IndexBuilder.build(close, sharesOutstanding, allMembers(n), method);
            this.marketIndexMethod = method;
        }
        Map<String, double[]> industries = new LinkedHashMap<>();
        IndexMethod industryMethod = hasAnyFinite(sharesOutstanding) ? IndexMethod.CAP_WEIGHTED
                : IndexMethod.EQUAL_WEIGHTED;
        boolean anyImported = false;
        for (String industry : industries()) {
            double[] given = b.industryIndices.get(industry);
            if (given != null) {
                if (given.length != t) {
                    throw new IllegalArgumentException("industry index " + industry + " has wrong length");
                }
                industries.put(industry, given);
                anyImported = true;
            } else {
                industries.put(industry, IndexBuilder.build(close, sharesOutstanding, members(industry),
                        industryMethod));
            }
        }
        this.industryIndices = Collections.unmodifiableMap(industries);
        this.industryIndexMethod = anyImported ? IndexMethod.IMPORTED : industryMethod;
        if (b.trueRegimes != null && b.trueRegimes.length != t) {
            throw new IllegalArgumentException("true regimes must have one entry per day");
        }
        this.trueRegimes = b.trueRegimes;
    }

    public static Builder builder(LocalDate[] dates, List<Instrument> instruments) {
        return new Builder(dates, instruments);
    }

    /** Human label, e.g. the dataset name and version. */
    public String label() { return label; }

    /** SHA-256 of the dataset's canonical form (hex), or {@code null} when not yet hashed. */
    public String contentHash() { return contentHash; }

    public LocalDate[] dates() { return dates; }

    public int dayCount() { return dates.length; }

    public List<Instrument> instruments() { return instruments; }

    public int instrumentCount() { return instruments.size(); }

    /** Index of a ticker, or -1. */
    public int indexOf(String ticker) {
        Integer i = tickerIndex.get(ticker);
        return i == null ? -1 : i;
    }

    /** Distinct industries in order of first appearance. */
    public List<String> industries() {
        return instruments.stream().map(Instrument::industry).distinct().toList();
    }

    /** Instrument indices belonging to an industry. */
    public int[] members(String industry) {
        int[] out = new int[instruments.size()];
        int k = 0;
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).industry().equals(industry)) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    public double[][] open() { return open; }

    public double[][] high() { return high; }

    public double[][] low() { return low; }

    public double[][] close() { return close; }

    public double[][] volume() { return volume; }

    public double[][] sharesOutstanding() { return sharesOutstanding; }

    public double[][] earningsPerShare() { return earningsPerShare; }

    public double[][] bookValuePerShare() { return bookValuePerShare; }

    public double[][] priceToEarnings() { return priceToEarnings; }

    public double[][] priceToBook() { return priceToBook; }

    /** Market capitalisation close × shares, NaN where shares are unknown. */
    public double marketCap(int instrument, int day) {
        return close[instrument][day] * sharesOutstanding[instrument][day];
    }

    public boolean hasShares() { return hasAnyFinite(sharesOutstanding); }

    /** Market index level per day (imported or derived; see {@link #marketIndexMethod()}). */
    public double[] marketIndex() { return marketIndex; }

    public IndexMethod marketIndexMethod() { return marketIndexMethod; }

    /** Industry index levels per day, keyed by industry. */
    public Map<String, double[]> industryIndices() { return industryIndices; }

    public double[] industryIndex(String industry) { return industryIndices.get(industry); }

    public IndexMethod industryIndexMethod() { return industryIndexMethod; }

    /** The generator's true regime per day (synthetic data only), or {@code null}. */
    public Regime[] trueRegimes() { return trueRegimes; }

    public boolean isSynthetic() { return trueRegimes != null; }

    /** Days [from, to) as a new, independent data set (indices recomputed only where derived). */
    public MarketData slice(int from, int to) {
        Objects.checkFromToIndex(from, to, dates.length);
        Builder b = builder(Arrays.copyOfRange(dates, from, to), instruments)
                .label(label).contentHash(null)
                .close(cut(close, from, to)).open(cut(open, from, to)).high(cut(high, from, to))
                .low(cut(low, from, to)).volume(cut(volume, from, to))
                .sharesOutstanding(cut(sharesOutstanding, from, to))
                .earningsPerShare(cut(earningsPerShare, from, to))
                .bookValuePerShare(cut(bookValuePerShare, from, to))
                .priceToEarnings(cut(priceToEarnings, from, to))
                .priceToBook(cut(priceToBook, from, to));
        if (marketIndexMethod == IndexMethod.IMPORTED) {
            b.marketIndex(Arrays.copyOfRange(marketIndex, from, to));
        }
        if (industryIndexMethod == IndexMethod.IMPORTED) {
            industryIndices.forEach((k, v) -> b.industryIndex(k, Arrays.copyOfRange(v, from, to)));
        }
        if (trueRegimes != null) {
            b.trueRegimes(Arrays.copyOfRange(trueRegimes, from, to));
        }
        return b.build();
    }

    /** The given instruments only (a universe), as a new data set; indices are kept as they are. */
    public MarketData select(int[] instrumentIndices) {
        List<Instrument> chosen = Arrays.stream(instrumentIndices).mapToObj(instruments::get).toList();
        Builder b = builder(dates.clone(), chosen).label(label).contentHash(null)
                .close(pick(close, instrumentIndices)).open(pick(open, instrumentIndices))
                .high(pick(high, instrumentIndices)).low(pick(low, instrumentIndices))
                .volume(pick(volume, instrumentIndices))
                .sharesOutstanding(pick(sharesOutstanding, instrumentIndices))
                .earningsPerShare(pick(earningsPerShare, instrumentIndices))
                .bookValuePerShare(pick(bookValuePerShare, instrumentIndices))
                .priceToEarnings(pick(priceToEarnings, instrumentIndices))
                .priceToBook(pick(priceToBook, instrumentIndices))
                .marketIndex(marketIndex.clone());
        for (String industry : chosen.stream().map(Instrument::industry).distinct().toList()) {
            b.industryIndex(industry, industryIndices.get(industry).clone());
        }
        if (trueRegimes != null) {
            b.trueRegimes(trueRegimes.clone());
        }
        return b.build();
    }

    private int[] allMembers(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static double[][] cut(double[][] m, int from, int to) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = Arrays.copyOfRange(m[i], from, to);
        }
        return out;
    }

    private static double[][] pick(double[][] m, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m[rows[k]].clone();
        }
        return out;
    }

    private static double[][] ratio(double[][] price, double[][] perShare) {
        double[][] out = new double[price.length][];
        for (int i = 0; i < price.length; i++) {
            out[i] = new double[price[i].length];
            for (int d = 0; d < price[i].length; d++) {
                double denom = perShare[i][d];
                out[i][d] = denom > 0 ? price[i][d] / denom : Double.NaN;
            }
        }
        return out;
    }

    private static boolean hasAnyFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[][] require(double[][] m, String name, int n, int t) {
        if (m == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return check(m, name, n, t);
    }

    private static double[][] orNaN(double[][] m, String name, int n, int t) {
        if (m != null) {
            return check(m, name, n, t);
        }
        double[][] out = new double[n][t];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        return out;
    }

    private static double[][] check(double[][] m, String name, int n, int t) {
        if (m.length != n) {
            throw new IllegalArgumentException(name + " has " + m.length + " instruments, expected " + n);
        }
        for (double[] row : m) {
            if (row.length != t) {
                throw new IllegalArgumentException(name + " has a row of " + row.length + " days, expected " + t);
            }
        }
        return m;
    }

    /** Assembles a {@link MarketData}; only close prices are required. */
    public static final class Builder {
        private final LocalDate[] dates;
        private final List<Instrument> instruments;
        private String label = "";
        private String contentHash;
        private double[][] open, high, low, close, volume;
        private double[][] sharesOutstanding, earningsPerShare, bookValuePerShare, priceToEarnings, priceToBook;
        private double[] marketIndex;
        private final Map<String, double[]> industryIndices = new HashMap<>();
        private Regime[] trueRegimes;

        private Builder(LocalDate[] dates, List<Instrument> instruments) {
            this.dates = Objects.requireNonNull(dates, "dates");
            this.instruments = Objects.requireNonNull(instruments, "instruments");
        }

        public Builder label(String v) { this.label = v; return this; }
        public Builder contentHash(String v) { this.contentHash = v; return this; }
        public Builder open(double[][] v) { this.open = v; return this; }
        public Builder high(double[][] v) { this.high = v; return this; }
        public Builder low(double[][] v) { this.low = v; return this; }
        public Builder close(double[][] v) { this.close = v; return this; }
        public Builder volume(double[][] v) { this.volume = v; return this; }
        public Builder sharesOutstanding(double[][] v) { this.sharesOutstanding = v; return this; }
        public Builder earningsPerShare(double[][] v) { this.earningsPerShare = v; return this; }
        public Builder bookValuePerShare(double[][] v) { this.bookValuePerShare = v; return this; }
        /** P/E given directly; when absent it is derived from close and EPS. */
        public Builder priceToEarnings(double[][] v) { this.priceToEarnings = v; return this; }
        /** P/B given directly; when absent it is derived from close and BVPS. */
        public Builder priceToBook(double[][] v) { this.priceToBook = v; return this; }
        /** An imported market index; when absent it is derived from the members. */
        public Builder marketIndex(double[] v) { this.marketIndex = v; return this; }
        /** An imported industry index; industries without one are derived. */
        public Builder industryIndex(String industry,
                double[] v) { this.industryIndices.put(industry, v); return this; }
        public Builder trueRegimes(Regime[] v) { this.trueRegimes = v; return this; }

        public MarketData build() {
            return new MarketData(this);
        }
    }
}
