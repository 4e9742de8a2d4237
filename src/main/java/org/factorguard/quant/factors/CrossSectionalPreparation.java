package org.factorguard.quant.factors;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;
import org.hipparchus.stat.StatUtils;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Cross-sectional preparation of raw factor values, applied to each factor and each day separately:
 * <ol>
 *   <li>Missing values stay missing (NaN) and are counted; nothing is filled in. If fewer than
 *       {@code minCrossSection} instruments have a value on a day, the whole day is set to NaN (counted too).</li>
 *   <li>Winsorise: clamp x to [q_lower, q_upper], the day's empirical quantiles (Hipparchus
 *       {@link Percentile} with {@link Percentile.EstimationType#R_7}, the default of R and NumPy).</li>
 *   <li>Industry neutralise (optional): x ← x − mean of x over the instrument's industry that day.</li>
 *   <li>Z-score (optional): x ← (x − mean) / sd with the sample standard deviation (n − 1);
 *       a constant cross-section becomes 0.</li>
 * </ol>
 * Factors of scope {@link FactorScope#INDUSTRY} are never industry-neutralised (that would zero them);
 * factors of scope {@link FactorScope#MARKET} are passed through unchanged (they are the same for every
 * instrument on a day). Reference: Grinold &amp; Kahn (2000), ch. 14 on standardising exposures.
 */
public final class CrossSectionalPreparation {

    /**
     * @param winsorLower        lower winsor quantile in [0, 0.5); 0 disables the lower clamp
     * @param winsorUpper        upper winsor quantile in (0.5, 1]; 1 disables the upper clamp
     * @param zScore             standardise to mean 0, sd 1 per day
     * @param industryNeutralise demean within industry per day before z-scoring
     * @param minCrossSection    minimum number of instruments with a value for a day to be kept
     */
    public record Settings(double winsorLower, double winsorUpper, boolean zScore, boolean industryNeutralise,
                           int minCrossSection) implements Serializable {
        public Settings {
            if (!(winsorLower >= 0 && winsorLower < 0.5) || !(winsorUpper > 0.5 && winsorUpper <= 1)) {
                throw new IllegalArgumentException("winsor quantiles must satisfy 0 <= lower < 0.5 < upper <= 1, got "
                        + winsorLower + ", " + winsorUpper);
            }
            if (minCrossSection < 2) {
                throw new IllegalArgumentException("minCrossSection must be at least 2, got " + minCrossSection);
            }
        }

        /** 1 % / 99 % winsorising, z-score on, no industry neutralisation, at least 10 instruments per day. */
        public static Settings defaults() {
            return new Settings(0.01, 0.99, true, false, 10);
        }

        public Settings withIndustryNeutralise(boolean on) {
            return new Settings(winsorLower, winsorUpper, zScore, on, minCrossSection);
        }

        public Settings withZScore(boolean on) {
            return new Settings(winsorLower, winsorUpper, on, industryNeutralise, minCrossSection);
        }

        public Settings withWinsor(double lower, double upper) {
            return new Settings(lower, upper, zScore, industryNeutralise, minCrossSection);
        }

        public Settings withMinCrossSection(int min) {
            return new Settings(winsorLower, winsorUpper, zScore, industryNeutralise, min);
        }
    }

    /**
     * Missing-value accounting of one factor.
     *
     * @param factorId              the factor
     * @param cells                 days × instruments
     * @param missingRaw            cells that were NaN before preparation (look-back not full, input missing)
     * @param droppedSmallCrossSection cells with a value that were blanked because their day had fewer than
     *                              {@code minCrossSection} values
     */
    public record MissingValues(String factorId, long cells, long missingRaw, long droppedSmallCrossSection)
            implements Serializable {
        /** Share of cells missing after preparation. */
        public double missingShare() {
            return cells == 0 ? 0 : (double) (missingRaw + droppedSmallCrossSection) / cells;
        }
    }

    /** The prepared panel plus, per factor in panel order, the missing-value counts. */
    public record Result(FactorPanel panel, List<MissingValues> missing) {
        public Result {
            missing = List.copyOf(missing);
        }

        public MissingValues missing(String factorId) {
            return missing.stream().filter(m -> m.factorId().equals(factorId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown factor " + factorId));
        }
    }

    private final Settings settings;

    public CrossSectionalPreparation(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Prepares a raw panel computed from {@code data} with {@code factors} (same order as the panel). */
    public Result prepare(FactorPanel raw, MarketData data, List<Factor> factors) {
        List<String> industries = data.instruments().stream().map(Instrument::industry).toList();
        Map<String, FactorScope> scopes = new HashMap<>();
        factors.forEach(f -> scopes.put(f.id(), f.scope()));
        List<FactorScope> ordered = raw.factorNames().stream().map(n
                -> scopes.getOrDefault(n, FactorScope.INSTRUMENT)).toList();
        return prepare(raw, industries, ordered);
    }

    /**
     * @param raw                  raw values (not yet prepared)
     * @param instrumentIndustries industry of each instrument, in panel order
     * @param scopes               scope of each factor, in panel order
     */
    public Result prepare(FactorPanel raw, List<String> instrumentIndustries, List<FactorScope> scopes) {
        if (raw.prepared()) {
            throw new IllegalArgumentException("panel is already prepared");
        }
        if (instrumentIndustries.size() != raw.instrumentCount() || scopes.size() != raw.factorCount()) {
            throw new IllegalArgumentException("industries and scopes must match the panel's instruments and factors");
        }
        int[] industryCode = encode(instrumentIndustries);
        int industryCount = Arrays.stream(industryCode).max().orElse(-1) + 1;
        float[][][] values = new float[raw.factorCount()][][];
        MissingValues[] missing = new MissingValues[raw.factorCount()];
        IntStream.range(0, raw.factorCount()).parallel().forEach(f -> {
            long[] counts = new long[2];
            values[f] = prepareFactor(raw.values(f), scopes.get(f), industryCode, industryCount, counts);
            missing[f] = new MissingValues(raw.factorNames().get(f), (long) raw.dayCount() * raw.instrumentCount(),
                    counts[0], counts[1]);
        });
        FactorPanel prepared = new FactorPanel(raw.factorNames(), raw.dates(), raw.tickers(), values, true);
        return new Result(prepared, List.of(missing));
    }

    private float[][] prepareFactor(float[][] raw, FactorScope scope, int[] industryCode, int industryCount,
            long[] counts) {
        int n = industryCode.length;
        double[] buffer = new double[n];
        int[] position = new int[n];
        double[] industrySum = new double[industryCount];
        int[] industrySize = new int[industryCount];
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        boolean winsorise = settings.winsorLower() > 0 || settings.winsorUpper() < 1;
        boolean neutralise = settings.industryNeutralise() && scope == FactorScope.INSTRUMENT;
        float[][] out = new float[raw.length][];
        for (int t = 0; t < raw.length; t++) {
            float[] row = raw[t];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!Float.isNaN(row[i])) {
                    buffer[m] = row[i];
                    position[m++] = i;
                }
            }
            counts[0] += n - m;
            if (scope == FactorScope.MARKET) {
                out[t] = row;
                continue;
            }
            float[] prepared = new float[n];
            Arrays.fill(prepared, Float.NaN);
            out[t] = prepared;
            if (m < settings.minCrossSection()) {
                counts[1] += m;
                continue;
            }
            if (winsorise) {
                percentile.setData(buffer, 0, m);
                double lo = settings.winsorLower() > 0 ? percentile.evaluate(settings.winsorLower() * 100)
                        : Double.NEGATIVE_INFINITY;
                double hi = settings.winsorUpper() < 1 ? percentile.evaluate(settings.winsorUpper() * 100)
                        : Double.POSITIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    buffer[k] = Math.min(hi, Math.max(lo, buffer[k]));
                }
            }
            if (neutralise) {
                Arrays.fill(industrySum, 0);
                Arrays.fill(industrySize, 0);
                for (int k = 0; k < m; k++) {
                    int g = industryCode[position[k]];
                    industrySum[g] += buffer[k];
                    industrySize[g]++;
                }
                for (int k = 0; k < m; k++) {
                    int g = industryCode[position[k]];
                    buffer[k] -= industrySum[g] / industrySize[g];
                }
            }
            if (settings.zScore()) {
                double mean = StatUtils.mean(buffer, 0, m);
                double sd = Math.sqrt(StatUtils.variance(buffer, mean, 0, m));
                for (int k = 0; k < m; k++) {
                    buffer[k] = sd > 1e-12 ? (buffer[k] - mean) / sd : 0.0;
                }
            }
            for (int k = 0; k < m; k++) {
                prepared[position[k]] = (float) buffer[k];
            }
        }
        return out;
    }

    private static int[] encode(List<String> labels) {
        Map<String, Integer> codes = new HashMap<>();
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.computeIfAbsent(labels.get(i), k -> codes.size());
        }
        return out;
    }
}
