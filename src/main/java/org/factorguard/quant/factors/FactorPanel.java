package org.factorguard.quant.factors;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Factor exposures of a universe over time: {@code values[factor][day][instrument]}, aligned with
 * the {@link org.factorguard.quant.data.MarketData} they were computed from. A missing value is
 * {@link Float#NaN}. Whether the values are raw or cross-sectionally prepared (winsorised, z-scored,
 * optionally industry-neutralised) is stated by {@link #prepared()}.
 *
 * <p>Immutable by contract: {@link #values(int)} returns the internal array for speed; callers must
 * not write to it.
 */
public final class FactorPanel {

    private final List<String> factorNames;
    private final LocalDate[] dates;
    private final List<String> tickers;
    private final float[][][] values;
    private final boolean prepared;

    public FactorPanel(List<String> factorNames, LocalDate[] dates, List<String> tickers, float[][][] values,
                       boolean prepared) {
        this.factorNames = List.copyOf(factorNames);
        this.dates = Objects.requireNonNull(dates);
        this.tickers = List.copyOf(tickers);
        this.values = Objects.requireNonNull(values);
        this.prepared = prepared;
        if (values.length != factorNames.size()) {
            throw new IllegalArgumentException("values has " + values.length + " factors, names " + factorNames.size());
        }
        for (float[][] f : values) {
            if (f.length != dates.length) {
                throw new IllegalArgumentException("factor matrix must have one row per day");
            }
            for (float[] day : f) {
                if (day.length != tickers.size()) {
                    throw new IllegalArgumentException("factor row must have one value per instrument");
                }
            }
        }
    }

    public List<String> factorNames() { return factorNames; }

    public int factorCount() { return factorNames.size(); }

    public LocalDate[] dates() { return dates; }

    public int dayCount() { return dates.length; }

    public List<String> tickers() { return tickers; }

    public int instrumentCount() { return tickers.size(); }

    public boolean prepared() { return prepared; }

    /** {@code [day][instrument]} values of one factor. */
    public float[][] values(int factor) { return values[factor]; }

    public float value(int factor, int day, int instrument) { return values[factor][day][instrument]; }

    public int indexOf(String factorName) { return factorNames.indexOf(factorName); }

    /** The named factors only, in the given order (shares the underlying arrays). */
    public FactorPanel select(List<String> names) {
        float[][][] chosen = new float[names.size()][][];
        for (int k = 0; k < names.size(); k++) {
            int idx = indexOf(names.get(k));
            if (idx < 0) {
                throw new IllegalArgumentException("unknown factor " + names.get(k));
            }
            chosen[k] = values[idx];
        }
        return new FactorPanel(names, dates, tickers, chosen, prepared);
    }
}
