package org.factorguard.quant.factors;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.factorguard.quant.data.Instrument;
import org.factorguard.quant.data.MarketData;

/**
 * The built-in candidate factors. Notation: P_t close, V_t volume, S_t shares outstanding, M_t market
 * index level, I_t the instrument's industry index level, r_t = ln(P_t / P_{t-1}) daily log return,
 * r^M_t = ln(M_t / M_{t-1}). Every value at day t uses days ≤ t only; it is NaN while the look-back is
 * not full or an input is missing or not positive where a logarithm or ratio needs it.
 *
 * <table>
 *   <caption>Candidates (id, formula, look-back in trading days, expected sign)</caption>
 *   <tr><td>MARKET_RETURN</td><td>r^M_t</td><td>1</td><td>0</td></tr>
 *   <tr><td>INDUSTRY_RETURN</td><td>ln(I_t / I_{t-1})</td><td>1</td><td>0</td></tr>
 *   <tr><td>PE, EP</td><td>P_t / EPS_t, EPS_t / P_t</td><td>0</td><td>−1, +1</td></tr>
 *   <tr><td>PB, BP</td><td>P_t / BVPS_t, BVPS_t / P_t</td><td>0</td><td>−1, +1</td></tr>
 *   <tr><td>SIZE</td><td>ln(P_t · S_t)</td><td>0</td><td>−1</td></tr>
 *   <tr><td>LOG_VOLUME</td><td>ln(1 + V_t)</td><td>0</td><td>0</td></tr>
 *   <tr><td>VOLUME_CHANGE_20</td><td>V_t / mean(V_{t-20..t-1}) − 1</td><td>20</td><td>0</td></tr>
 *   <tr><td>TURNOVER</td><td>V_t / S_t</td><td>0</td><td>−1</td></tr>
 *   <tr><td>MOM_20, MOM_60, MOM_120</td><td>ln(P_t / P_{t-n})</td><td>n</td><td>0, +1, +1</td></tr>
 *   <tr><td>MOM_12_1</td><td>ln(P_{t-21} / P_{t-252})</td><td>252</td><td>+1</td></tr>
 *   <tr><td>REV_5</td><td>−ln(P_t / P_{t-5})</td><td>5</td><td>+1</td></tr>
 *   <tr><td>VOL_20, VOL_60</td><td>sample std of r_{t-n+1..t}</td><td>n</td><td>−1</td></tr>
 *   <tr><td>BETA_60</td><td>cov(r, r^M) / var(r^M) over t-59..t</td><td>60</td><td>−1</td></tr>
 *   <tr><td>RSI_14</td><td>100 − 100 / (1 + AG/AL), Wilder smoothing</td><td>14</td><td>−1</td></tr>
 *   <tr><td>DIST_MA_20</td><td>P_t / mean(P_{t-19..t}) − 1</td><td>19</td><td>0</td></tr>
 * </table>
 *
 * <p>Factors that read more than closes declare it in {@link Factor#inputs()} (volume, shares outstanding,
 * earnings, book value, industries); {@link FactorAvailability} uses that to tell which of them a dataset can
 * supply.
 *
 * <p>References: Fama &amp; French (1992, 1993) for size and value; Jegadeesh &amp; Titman (1993) and
 * Carhart (1997) for momentum and 12-1 momentum; Jegadeesh (1990) for short-term reversal; Ang, Hodrick,
 * Xing &amp; Zhang (2006) for volatility; Frazzini &amp; Pedersen (2014) for beta; Datar, Naik &amp; Radcliffe
 * (1998) for turnover; Wilder (1978) for RSI.
 */
public final class FactorLibrary {

    private static final Map<String, Factor> ALL = build();

    private FactorLibrary() {
    }

    /** Every built-in candidate in a stable order. */
    public static List<Factor> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The default candidate set for screening: every built-in factor except the price ratios P/E and P/B,
     * whose yields E/P and B/P carry the same information, stay defined for losses and behave linearly.
     */
    public static List<Factor> defaults() {
        return ALL.values().stream().filter(f -> !f.id().equals("PE") && !f.id().equals("PB")).toList();
    }

    /** The factor with this id; {@link IllegalArgumentException} naming the known ids when there is none. */
    public static Factor byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown factor " + id + "; known: " + String.join(", ", ALL.keySet())));
    }

    public static Optional<Factor> find(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    /** Factors by id, in the order given. */
    public static List<Factor> byIds(List<String> ids) {
        return ids.stream().map(FactorLibrary::byId).toList();
    }

    private static Map<String, Factor> build() {
        Map<String, Factor> m = new LinkedHashMap<>();
        add(m, new Definition("MARKET_RETURN", "Market index return",
                "Daily log return of the market index; the same for every instrument on a day (a time-series factor).",
                "ln(M_t / M_{t-1})", 1, 0, FactorCategory.MARKET, FactorScope.MARKET, FactorLibrary::marketReturn));
        add(m, new Definition("INDUSTRY_RETURN", "Industry index return",
                "Daily log return of the instrument's industry index; captures industry-wide moves.",
                "ln(I_t / I_{t-1})", 1, 0, FactorCategory.INDUSTRY, FactorScope.INDUSTRY, FactorLibrary::industryReturn)
                .needing(FactorInput.INDUSTRIES));
        add(m, new Definition("PE", "Price / earnings",
                "Price over trailing earnings per share; NaN for non-positive earnings. Cheap stocks (low P/E) tend to "
                        + "earn more.",
                "P_t / EPS_t", 0, -1, FactorCategory.VALUE, FactorScope.INSTRUMENT, FactorLibrary::priceToEarnings)
                .needing(FactorInput.EARNINGS));
        add(m, new Definition("EP", "Earnings yield (E/P)",
                "Trailing earnings per share over price (1/PE), defined for losses too. High yield = cheap.",
                "EPS_t / P_t", 0, 1, FactorCategory.VALUE, FactorScope.INSTRUMENT, FactorLibrary::earningsYield)
                .needing(FactorInput.EARNINGS));
        add(m, new Definition("PB", "Price / book",
                "Price over book value per share; NaN for non-positive book value.",
                "P_t / BVPS_t", 0, -1, FactorCategory.VALUE, FactorScope.INSTRUMENT, FactorLibrary::priceToBook)
                .needing(FactorInput.BOOK_VALUE));
        add(m, new Definition("BP", "Book-to-price (B/P)",
                "Book value per share over price (1/PB). High B/P = value stock.",
                "BVPS_t / P_t", 0, 1, FactorCategory.VALUE, FactorScope.INSTRUMENT, FactorLibrary::bookYield)
                .needing(FactorInput.BOOK_VALUE));
        add(m, new Definition("SIZE", "Size (log market cap)",
                "Natural log of market capitalisation; NaN when shares outstanding are unknown. Small caps tend to "
                        + "earn more.",
                "ln(P_t × S_t)", 0, -1, FactorCategory.SIZE, FactorScope.INSTRUMENT, FactorLibrary::size)
                .needing(FactorInput.SHARES_OUTSTANDING));
        add(m, new Definition("LOG_VOLUME", "Log volume",
                "Natural log of one plus the day's traded volume (shares).",
                "ln(1 + V_t)", 0, 0, FactorCategory.LIQUIDITY, FactorScope.INSTRUMENT, FactorLibrary::logVolume)
                .needing(FactorInput.VOLUME));
        add(m, new Definition("VOLUME_CHANGE_20", "Volume vs 20-day mean",
                "Today's volume relative to its mean over the previous 20 days; a volume surprise.",
                "V_t / mean(V_{t-20}, …, V_{t-1}) − 1", 20, 0, FactorCategory.LIQUIDITY, FactorScope.INSTRUMENT,
                FactorLibrary::volumeChange20).needing(FactorInput.VOLUME));
        add(m, new Definition("TURNOVER", "Turnover",
                "Share turnover: volume over shares outstanding; NaN when shares are unknown.",
                "V_t / S_t", 0, -1, FactorCategory.LIQUIDITY, FactorScope.INSTRUMENT, FactorLibrary::turnover)
                .needing(FactorInput.VOLUME, FactorInput.SHARES_OUTSTANDING));
        add(m, momentum("MOM_20", "Momentum 20 days", 20, 0, 0,
                "Log return over the last 20 trading days (about one month); at this horizon often a reversal."));
        add(m, momentum("MOM_60", "Momentum 60 days", 60, 0, 1,
                "Log return over the last 60 trading days (about three months)."));
        add(m, momentum("MOM_120", "Momentum 120 days", 120, 0, 1,
                "Log return over the last 120 trading days (about six months)."));
        add(m, momentum("MOM_12_1", "Momentum 12-1 months", 252, 21, 1,
                "Log return from twelve months ago to one month ago, skipping the last month (Carhart's UMD signal)."));
        add(m, new Definition("REV_5", "Short-term reversal 5 days",
                "Negative log return over the last 5 trading days: last week's losers tend to rebound.",
                "−ln(P_t / P_{t-5})", 5, 1, FactorCategory.REVERSAL, FactorScope.INSTRUMENT,
                d -> momentumValues(d, 5, 0, -1)));
        add(m, volatility("VOL_20", 20));
        add(m, volatility("VOL_60", 60));
        add(m, new Definition("BETA_60", "Beta to market 60 days",
                "OLS slope of the stock's daily log returns on the market's over the last 60 days.",
                "cov(r_{t-59..t}, r^M_{t-59..t}) / var(r^M_{t-59..t})", 60, -1, FactorCategory.BETA,
                        FactorScope.INSTRUMENT,
                d -> beta(d, 60)));
        add(m, new Definition("RSI_14", "RSI 14 (Wilder)",
                "Relative strength index with Wilder's smoothing: AG, AL start as 14-day means of gains and losses "
                        + "and then follow X_t = (13·X_{t-1} + x_t) / 14. High values flag overbought stocks.",
                "100 − 100 / (1 + AG_t / AL_t); 100 when AL_t = 0 < AG_t, 50 when both are 0", 14, -1,
                FactorCategory.TECHNICAL, FactorScope.INSTRUMENT, d -> rsi(d, 14)));
        add(m, new Definition("DIST_MA_20", "Distance to 20-day moving average",
                "Close relative to its simple moving average over the last 20 closes (today included).",
                "P_t / mean(P_{t-19}, …, P_t) − 1", 19, 0, FactorCategory.TECHNICAL, FactorScope.INSTRUMENT,
                d -> distanceToMovingAverage(d, 20)));
        return m;
    }

    private static void add(Map<String, Factor> m, Factor f) {
        if (m.put(f.id(), f) != null) {
            throw new IllegalStateException("duplicate factor id " + f.id());
        }
    }

    private static Factor momentum(String id, String name, int lookBack, int skip, int sign, String description) {
        String formula = skip == 0 ? "ln(P_t / P_{t-" + lookBack + "})" : "ln(P_{t-" + skip + "} / P_{t-" + lookBack
                + "})";
        return new Definition(id, name, description, formula, lookBack, sign, FactorCategory.MOMENTUM,
                FactorScope.INSTRUMENT,
                d -> momentumValues(d, lookBack, skip, 1));
    }

    private static Factor volatility(String id, int window) {
        return new Definition(id, "Volatility " + window + " days",
                "Sample standard deviation (n − 1) of the last " + window
                        + " daily log returns; low-volatility stocks tend to earn more per unit of risk.",
                "sqrt( Σ (r_k − mean r)² / (n − 1) ), k = t-" + (window - 1) + "..t, n = " + window, window, -1,
                FactorCategory.VOLATILITY, FactorScope.INSTRUMENT, d -> volatilityValues(d, window));
    }

    /** A library factor: metadata plus the computation. */
    private record Definition(String id, String displayName, String description, String formula, int lookBackDays,
                              int expectedSign, FactorCategory category, FactorScope scope,
                              Function<MarketData, float[][]> computation, Set<FactorInput> inputs)
            implements Factor {
        Definition {
            Objects.requireNonNull(id);
            Objects.requireNonNull(computation);
            inputs = Set.copyOf(inputs);
        }

        /** A factor of closes (and the indices derived from them) only. */
        Definition(String id, String displayName, String description, String formula, int lookBackDays,
                   int expectedSign, FactorCategory category, FactorScope scope,
                   Function<MarketData, float[][]> computation) {
            this(id, displayName, description, formula, lookBackDays, expectedSign, category, scope, computation,
                    Set.of());
        }

        Definition needing(FactorInput... needed) {
            return new Definition(id, displayName, description, formula, lookBackDays, expectedSign, category, scope,
                    computation, Set.of(needed));
        }

        @Override
        public float[][] compute(MarketData data) {
            return computation.apply(data);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    // ---------------------------------------------------------------- computations

    private static float[][] emptyPanel(MarketData data) {
        float[][] out = new float[data.dayCount()][data.instrumentCount()];
        for (float[] row : out) {
            Arrays.fill(row, Float.NaN);
        }
        return out;
    }

    private static double logReturn(double previous, double current) {
        return previous > 0 && current > 0 ? Math.log(current / previous) : Double.NaN;
    }

    /** r[t] = ln(p[t] / p[t-1]), r[0] = NaN. */
    private static double[] logReturns(double[] prices) {
        double[] r = new double[prices.length];
        if (r.length > 0) {
            r[0] = Double.NaN;
        }
        for (int t = 1; t < prices.length; t++) {
            r[t] = logReturn(prices[t - 1], prices[t]);
        }
        return r;
    }

    private static float[][] marketReturn(MarketData data) {
        float[][] out = emptyPanel(data);
        double[] market = data.marketIndex();
        double[][] close = data.close();
        for (int t = 1; t < data.dayCount(); t++) {
            double r = logReturn(market[t - 1], market[t]);
            for (int i = 0; i < data.instrumentCount(); i++) {
                if (close[i][t] > 0) {
                    out[t][i] = (float) r;
                }
            }
        }
        return out;
    }

    private static float[][] industryReturn(MarketData data) {
        float[][] out = emptyPanel(data);
        double[][] close = data.close();
        List<Instrument> instruments = data.instruments();
        for (int i = 0; i < instruments.size(); i++) {
            double[] index = data.industryIndex(instruments.get(i).industry());
            if (index == null) {
                continue;
            }
            for (int t = 1; t < data.dayCount(); t++) {
                if (close[i][t] > 0) {
                    out[t][i] = (float) logReturn(index[t - 1], index[t]);
                }
            }
        }
        return out;
    }

    private static float[][] positiveRatio(MarketData data, double[][] ratio) {
        float[][] out = emptyPanel(data);
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int t = 0; t < data.dayCount(); t++) {
                double v = ratio[i][t];
                if (v > 0 && Double.isFinite(v)) {
                    out[t][i] = (float) v;
                }
            }
        }
        return out;
    }

    /** perShare_t / P_t where perShare is known, else 1 / ratio_t where an imported ratio is non-zero. */
    private static float[][] yieldOf(MarketData data, double[][] perShare, double[][] ratio) {
        float[][] out = emptyPanel(data);
        double[][] close = data.close();
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int t = 0; t < data.dayCount(); t++) {
                double value = Double.NaN;
                if (Double.isFinite(perShare[i][t]) && close[i][t] > 0) {
                    value = perShare[i][t] / close[i][t];
                } else if (Double.isFinite(ratio[i][t]) && ratio[i][t] != 0) {
                    value = 1.0 / ratio[i][t];
                }
                out[t][i] = (float) value;
            }
        }
        return out;
    }

    private static float[][] priceToEarnings(MarketData data) {
        return positiveRatio(data, data.priceToEarnings());
    }

    private static float[][] earningsYield(MarketData data) {
        return yieldOf(data, data.earningsPerShare(), data.priceToEarnings());
    }

    private static float[][] priceToBook(MarketData data) {
        return positiveRatio(data, data.priceToBook());
    }

    private static float[][] bookYield(MarketData data) {
        return yieldOf(data, data.bookValuePerShare(), data.priceToBook());
    }

    private static float[][] size(MarketData data) {
        float[][] out = emptyPanel(data);
        double[][] close = data.close();
        double[][] shares = data.sharesOutstanding();
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int t = 0; t < data.dayCount(); t++) {
                if (close[i][t] > 0 && shares[i][t] > 0) {
                    out[t][i] = (float) Math.log(close[i][t] * shares[i][t]);
                }
            }
        }
        return out;
    }

    private static float[][] logVolume(MarketData data) {
        float[][] out = emptyPanel(data);
        double[][] volume = data.volume();
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int t = 0; t < data.dayCount(); t++) {
                if (volume[i][t] >= 0) {
                    out[t][i] = (float) Math.log1p(volume[i][t]);
                }
            }
        }
        return out;
    }

    private static float[][] volumeChange20(MarketData data) {
        int window = 20;
        float[][] out = emptyPanel(data);
        double[][] volume = data.volume();
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] v = volume[i];
            for (int t = window; t < data.dayCount(); t++) {
                if (!(v[t] >= 0)) {
                    continue;
                }
                double sum = 0;
                boolean complete = true;
                for (int k = t - window; k < t; k++) {
                    if (!(v[k] >= 0)) {
                        complete = false;
                        break;
                    }
                    sum += v[k];
                }
                if (complete && sum > 0) {
                    out[t][i] = (float) (v[t] / (sum / window) - 1.0);
                }
            }
        }
        return out;
    }

    private static float[][] turnover(MarketData data) {
        float[][] out = emptyPanel(data);
        double[][] volume = data.volume();
        double[][] shares = data.sharesOutstanding();
        for (int i = 0; i < data.instrumentCount(); i++) {
            for (int t = 0; t < data.dayCount(); t++) {
                if (volume[i][t] >= 0 && shares[i][t] > 0) {
                    out[t][i] = (float) (volume[i][t] / shares[i][t]);
                }
            }
        }
        return out;
    }

    /** sign · ln(P_{t-skip} / P_{t-lookBack}). */
    private static float[][] momentumValues(MarketData data, int lookBack, int skip, int sign) {
        float[][] out = emptyPanel(data);
        double[][] close = data.close();
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] p = close[i];
            for (int t = lookBack; t < data.dayCount(); t++) {
                double r = logReturn(p[t - lookBack], p[t - skip]);
                if (!Double.isNaN(r)) {
                    out[t][i] = (float) (sign * r);
                }
            }
        }
        return out;
    }

    private static float[][] volatilityValues(MarketData data, int window) {
        float[][] out = emptyPanel(data);
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] r = logReturns(data.close()[i]);
            int run = 0;
            for (int t = 0; t < r.length; t++) {
                run = Double.isNaN(r[t]) ? 0 : run + 1;
                if (run < window) {
                    continue;
                }
                double mean = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    mean += r[k];
                }
                mean /= window;
                double squares = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    double dev = r[k] - mean;
                    squares += dev * dev;
                }
                out[t][i] = (float) Math.sqrt(squares / (window - 1));
            }
        }
        return out;
    }

    private static float[][] beta(MarketData data, int window) {
        float[][] out = emptyPanel(data);
        double[] market = logReturns(data.marketIndex());
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] r = logReturns(data.close()[i]);
            int run = 0;
            for (int t = 0; t < r.length; t++) {
                run = Double.isNaN(r[t]) || Double.isNaN(market[t]) ? 0 : run + 1;
                if (run < window) {
                    continue;
                }
                double meanStock = 0;
                double meanMarket = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    meanStock += r[k];
                    meanMarket += market[k];
                }
                meanStock /= window;
                meanMarket /= window;
                double covariance = 0;
                double variance = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    double dm = market[k] - meanMarket;
                    covariance += (r[k] - meanStock) * dm;
                    variance += dm * dm;
                }
                if (variance > 0) {
                    out[t][i] = (float) (covariance / variance);
                }
            }
        }
        return out;
    }

    /** Wilder's RSI; a missing close restarts the warm-up. */
    private static float[][] rsi(MarketData data, int period) {
        float[][] out = emptyPanel(data);
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] p = data.close()[i];
            int changes = 0;
            double gainSum = 0;
            double lossSum = 0;
            double averageGain = 0;
            double averageLoss = 0;
            for (int t = 1; t < p.length; t++) {
                if (!Double.isFinite(p[t]) || !Double.isFinite(p[t - 1])) {
                    changes = 0;
                    gainSum = 0;
                    lossSum = 0;
                    continue;
                }
                double change = p[t] - p[t - 1];
                double gain = Math.max(change, 0);
                double loss = Math.max(-change, 0);
                changes++;
                if (changes < period) {
                    gainSum += gain;
                    lossSum += loss;
                    continue;
                }
                if (changes == period) {
                    averageGain = (gainSum + gain) / period;
                    averageLoss = (lossSum + loss) / period;
                } else {
                    averageGain = (averageGain * (period - 1) + gain) / period;
                    averageLoss = (averageLoss * (period - 1) + loss) / period;
                }
                double value;
                if (averageLoss == 0) {
                    value = averageGain == 0 ? 50.0 : 100.0;
                } else {
                    value = 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
                }
                out[t][i] = (float) value;
            }
        }
        return out;
    }

    private static float[][] distanceToMovingAverage(MarketData data, int window) {
        float[][] out = emptyPanel(data);
        for (int i = 0; i < data.instrumentCount(); i++) {
            double[] p = data.close()[i];
            int run = 0;
            for (int t = 0; t < p.length; t++) {
                run = p[t] > 0 ? run + 1 : 0;
                if (run < window) {
                    continue;
                }
                double sum = 0;
                for (int k = t - window + 1; k <= t; k++) {
                    sum += p[k];
                }
                out[t][i] = (float) (p[t] / (sum / window) - 1.0);
            }
        }
        return out;
    }
}
