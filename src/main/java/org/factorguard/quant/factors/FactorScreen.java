package org.factorguard.quant.factors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.factorguard.quant.data.MarketData;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * Screens candidate factors against forward returns and proposes a factor set.
 *
 * <p>For each screenable factor and horizon h: daily IC and Rank IC between the prepared factor at day t
 * and ln(P_{t+h} / P_t) ({@link InformationCoefficient}); at the primary horizon their {@link IcSummary}
 * (mean, sd, ICIR, Newey–West t with h − 1 lags because h-day forward returns overlap, share of days with the
 * expected sign), the IC decay (mean Rank IC and its Newey–West t per horizon) and
 * the mean Rank IC per calendar year. Then, over the screenable factors:
 * <ul>
 *   <li>the correlation matrix: pooled Pearson correlation (Hipparchus) over the (day, instrument) cells
 *       where both factors have a value. On per-day z-scored values (the default preparation) this equals
 *       the day-weighted average cross-sectional correlation. Above {@value #CORRELATION_SAMPLE_CELLS} cells,
 *       every k-th day is used (systematic, deterministic sample);</li>
 *   <li>variance inflation factors ({@link VarianceInflation}) over the complete cases of the factors with at
 *       least {@code minIcDays} valid days, thinned to at most {@value #VIF_SAMPLE_ROWS} rows (every k-th).</li>
 * </ul>
 * Finally {@link SelectionRule} proposes the set.
 *
 * <p>Speed: Hipparchus' {@code SpearmansCorrelation} ranks both arrays on every call, and ranking dominates
 * its cost (measured on 500 values: about 106 µs per Spearman call against 6 µs for Pearson). The screen
 * therefore ranks each day's forward returns once per horizon and each factor's day once, and takes the
 * Pearson correlation of those average ranks (which is Spearman's rho with ties averaged). When a factor's
 * instruments with values differ from those with returns on a day, that day falls back to
 * {@link InformationCoefficient}, which re-ranks the pairwise-complete subset. Factors are evaluated in parallel on the
 * common
 * fork-join pool. Reference: Grinold &amp; Kahn, <i>Active Portfolio Management</i> (2000), ch. 6 and 16;
 * Qian, Hua &amp; Sorensen, <i>Quantitative Equity Portfolio Management</i> (2007), ch. 6.
 */
public final class FactorScreen {

    /** Cap on (day, instrument) cells used for the pooled correlation matrix. */
    public static final int CORRELATION_SAMPLE_CELLS = 100_000;
    /** Cap on complete-case rows used for each VIF regression. */
    public static final int VIF_SAMPLE_ROWS = 10_000;

    private final ScreeningSettings settings;

    public FactorScreen(ScreeningSettings settings) {
        this.settings = settings;
    }

    public ScreeningSettings settings() {
        return settings;
    }

    /**
     * Everything with defaults: {@link FactorLibrary#defaults()},
     * {@link CrossSectionalPreparation.Settings#defaults()},
     * {@link ScreeningSettings#defaults()}.
     */
    public static ScreeningReport screenWithDefaults(MarketData data) {
        return new FactorScreen(ScreeningSettings.defaults())
                .screen(data, FactorLibrary.defaults(), CrossSectionalPreparation.Settings.defaults());
    }

    /** Computes, prepares and screens {@code factors} on {@code data}. */
    public ScreeningReport screen(MarketData data, List<Factor> factors,
            CrossSectionalPreparation.Settings preparation) {
        FactorPanel prepared = FactorPanelBuilder.prepared(data, factors, preparation).panel();
        return screen(prepared, data, factors);
    }

    /** Screens an already prepared panel computed from {@code data}; forward returns come from {@code data}. */
    public ScreeningReport screen(FactorPanel prepared, MarketData data, List<Factor> factors) {
        Map<Integer, double[][]> forward = new TreeMap<>();
        for (int h : settings.horizons()) {
            forward.put(h, ForwardReturns.logReturns(data, h));
        }
        List<ScreeningCandidate> candidates = factors.stream()
                .filter(f -> prepared.indexOf(f.id()) >= 0).map(ScreeningCandidate::of).toList();
        return screen(prepared, candidates, forward);
    }

    /**
     * The core screen over every day of the panel.
     *
     * @param panel          prepared factor values (raw values work too: Rank IC is unaffected by monotone transforms)
     * @param candidates     the factors of {@code panel} to screen, in report order
     * @param forwardReturns {@code [day][instrument]} forward log returns for every horizon in the settings
     */
    public ScreeningReport screen(FactorPanel panel, List<ScreeningCandidate> candidates,
                                  Map<Integer, double[][]> forwardReturns) {
        return screenWindow(dailySeries(panel, candidates, forwardReturns), 0, panel.dayCount(), Integer.MAX_VALUE);
    }

    /**
     * The daily IC and Rank IC of every candidate on every day of the panel, at every horizon of the settings:
     * the expensive part of a screen (ranking each day's cross-sections), done once so that many windows can be
     * screened from it ({@link #screenWindow}). A day's IC at horizon h uses the factor on that day and the
     * forward return to day t + h, so whoever summarises a window decides which days' labels it may know.
     */
    public DailySeries dailySeries(FactorPanel panel, List<ScreeningCandidate> candidates,
                                   Map<Integer, double[][]> forwardReturns) {
        for (int h : settings.horizons()) {
            double[][] labels = forwardReturns.get(h);
            if (labels == null || labels.length != panel.dayCount()) {
                throw new IllegalArgumentException("forward returns for horizon " + h + " are missing or misaligned");
            }
        }
        int[] columns = candidates.stream().mapToInt(c -> {
            int idx = panel.indexOf(c.factorId());
            if (idx < 0) {
                throw new IllegalArgumentException("factor " + c.factorId() + " is not in the panel");
            }
            return idx;
        }).toArray();
        List<Integer> horizons = settings.horizons().stream().sorted().toList();
        RankedCrossSection[][] rankedReturns = new RankedCrossSection[horizons.size()][];
        for (int h = 0; h < horizons.size(); h++) {
            double[][] labels = forwardReturns.get(horizons.get(h));
            RankedCrossSection[] perDay = new RankedCrossSection[panel.dayCount()];
            IntStream.range(0, panel.dayCount()).parallel().forEach(t -> perDay[t] = RankedCrossSection.of(labels[t]));
            rankedReturns[h] = perDay;
        }
        double[][] dailyIc = new double[candidates.size()][];
        double[][][] dailyRankIc = new double[candidates.size()][][];
        IntStream.range(0, candidates.size()).parallel().forEach(k -> {
            if (candidates.get(k).scope() != FactorScope.MARKET) {
                dailyIc[k] = new double[panel.dayCount()];
                dailyRankIc[k] = new double[horizons.size()][panel.dayCount()];
                daily(panel.values(columns[k]), horizons, rankedReturns, forwardReturns, dailyIc[k], dailyRankIc[k]);
            }
        });
        return new DailySeries(panel, candidates, columns, horizons, dailyIc, dailyRankIc);
    }

    /**
     * Screens the days {@code [fromDay, toDay)} of a {@link DailySeries}: exactly what {@link #screen} gives on the
     * panel and forward returns cut to those days, except that the IC of day t at horizon h counts only when its
     * label is known by day {@code labelsKnownThrough} ({@code t + h ≤ labelsKnownThrough}; other days count as
     * missing). A walk-forward fold passes its training window and the day by which the model's own training
     * labels are known, so the screen sees nothing the fold's models may not.
     */
    public ScreeningReport screenWindow(DailySeries series, int fromDay, int toDay, int labelsKnownThrough) {
        FactorPanel panel = series.panel();
        if (fromDay < 0 || toDay > panel.dayCount() || toDay <= fromDay) {
            throw new IllegalArgumentException("window [" + fromDay + ", " + toDay + ") outside the panel");
        }
        LocalDate[] dates = Arrays.copyOfRange(panel.dates(), fromDay, toDay);
        List<ScreeningCandidate> candidates = series.candidates();
        FactorEvaluation[] evaluations = new FactorEvaluation[candidates.size()];
        IntStream.range(0, candidates.size()).parallel().forEach(k -> evaluations[k] = summarise(candidates.get(k),
                dates, series, k, fromDay, toDay, labelsKnownThrough));
        List<FactorEvaluation> evaluated = List.of(evaluations);

        List<String> screenable = new ArrayList<>();
        List<float[][]> screenableValues = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (evaluations[k].screenable()) {
                screenable.add(candidates.get(k).factorId());
                screenableValues.add(panel.values(series.columns()[k]));
            }
        }
        PooledSample sample = new PooledSample(screenableValues, fromDay, toDay, panel.instrumentCount());
        double[][] correlation = sample.correlation();
        List<String> judged = new ArrayList<>();
        for (FactorEvaluation e : evaluated) {
            if (e.screenable() && e.rankIc().days() >= settings.minIcDays()) {
                judged.add(e.factorId());
            }
        }
        double[] vif = new double[screenable.size()];
        Arrays.fill(vif, Double.NaN);
        double[] judgedVif = sample.vif(indicesOf(screenable, judged));
        for (int j = 0; j < judged.size(); j++) {
            vif[screenable.indexOf(judged.get(j))] = judgedVif[j];
        }
        List<SelectionDecision> decisions = new SelectionRule(settings).propose(evaluated, screenable, correlation,
                ids -> sample.vif(indicesOf(screenable, ids)));
        return new ScreeningReport(settings, dates, evaluated, screenable, correlation, vif, decisions);
    }

    /**
     * Daily ICs of every candidate over a panel's days, per horizon; see {@link #dailySeries}.
     *
     * @param panel       the screened panel
     * @param candidates  the candidates, in report order
     * @param columns     each candidate's factor index in {@code panel}
     * @param horizons    the horizons, ascending
     * @param dailyIc     Pearson IC per candidate and day at the primary horizon (null for market-level factors)
     * @param dailyRankIc Rank IC per candidate, horizon and day (null for market-level factors)
     */
    public record DailySeries(FactorPanel panel, List<ScreeningCandidate> candidates, int[] columns,
                              List<Integer> horizons, double[][] dailyIc, double[][][] dailyRankIc) {
        public DailySeries {
            candidates = List.copyOf(candidates);
            horizons = List.copyOf(horizons);
        }
    }

    /**
     * Pearson's r of the first {@code m} pairs, two-pass (means first): Hipparchus' {@code PearsonsCorrelation}
     * to rounding, without its per-point regression updates, which made the correlations the screen's costliest
     * step once every walk-forward fold screens its own window.
     */
    static double pearson(double[] x, double[] y, int m) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < m; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static int[] indicesOf(List<String> all, List<String> ids) {
        return ids.stream().mapToInt(all::indexOf).toArray();
    }

    /** Fills one factor's daily IC (primary horizon) and Rank IC (every horizon) for every day. */
    private void daily(float[][] values, List<Integer> horizons, RankedCrossSection[][] rankedReturns,
                       Map<Integer, double[][]> forwardReturns, double[] dailyIc, double[][] dailyRankIcByHorizon) {
        int days = values.length;
        InformationCoefficient fallback = new InformationCoefficient(settings.minCrossSection());
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        int primaryIndex = horizons.indexOf(settings.primaryHorizon());
        int n = values.length == 0 ? 0 : values[0].length;
        int[] positions = new int[n];
        double[] factorValues = new double[n];
        double[] pair = new double[2];
        for (int t = 0; t < days; t++) {
            float[] row = values[t];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!Float.isNaN(row[i])) {
                    positions[m] = i;
                    factorValues[m++] = row[i];
                }
            }
            double[] factorExact = null;
            double[] factorRanks = null;
            for (int h = 0; h < horizons.size(); h++) {
                RankedCrossSection returns = rankedReturns[h][t];
                double rankIc;
                if (returns.sameInstruments(positions, m)) {
                    // Spearman = Pearson of the average ranks; both sides ranked once and reused (see class comment)
                    if (m < settings.minCrossSection()) {
                        rankIc = Double.NaN;
                        if (h == primaryIndex) {
                            dailyIc[t] = Double.NaN;
                        }
                    } else {
                        if (factorExact == null) {
                            factorExact = Arrays.copyOf(factorValues, m);
                            factorRanks = ranking.rank(factorExact);
                        }
                        rankIc = finiteOrNaN(pearson(factorRanks, returns.ranks(), m));
                        if (h == primaryIndex) {
                            dailyIc[t] = finiteOrNaN(pearson(factorExact, returns.values(), m));
                        }
                    }
                } else if (h == primaryIndex) {
                    fallback.both(row, forwardReturns.get(horizons.get(h))[t], pair);
                    dailyIc[t] = pair[0];
                    rankIc = pair[1];
                } else {
                    rankIc = fallback.rank(row, forwardReturns.get(horizons.get(h))[t]);
                }
                dailyRankIcByHorizon[h][t] = rankIc;
            }
        }
    }

    /** One factor's statistics over days [from, to), each horizon's days cut where its label is not yet known. */
    private FactorEvaluation summarise(ScreeningCandidate candidate, LocalDate[] dates, DailySeries series, int k,
                                       int from, int to, int labelsKnownThrough) {
        if (candidate.scope() == FactorScope.MARKET) {
            return new FactorEvaluation(candidate.factorId(), candidate.scope(), candidate.expectedSign(), false,
                    IcSummary.empty(), IcSummary.empty(), new double[0], new double[0], List.of(), List.of(), 0,
                    Double.NaN);
        }
        List<Integer> horizons = series.horizons();
        int primaryIndex = horizons.indexOf(settings.primaryHorizon());
        int primaryHorizon = settings.primaryHorizon();
        double[] dailyIc = known(series.dailyIc()[k], from, to, labelsKnownThrough, primaryHorizon);
        double[] dailyRankIc = known(series.dailyRankIc()[k][primaryIndex], from, to, labelsKnownThrough,
                primaryHorizon);
        IcSummary ic = IcSummary.of(dailyIc, candidate.expectedSign(), primaryHorizon);
        IcSummary rankIc = IcSummary.of(dailyRankIc, candidate.expectedSign(), primaryHorizon);
        List<HorizonIc> decay = new ArrayList<>();
        for (int h = 0; h < horizons.size(); h++) {
            IcSummary summary = h == primaryIndex ? rankIc : IcSummary.of(known(series.dailyRankIc()[k][h], from, to,
                    labelsKnownThrough, horizons.get(h)), candidate.expectedSign(), horizons.get(h));
            decay.add(new HorizonIc(horizons.get(h), summary.mean(), summary.icir(), summary.days(),
                    summary.tStatistic()));
        }
        Map<Integer, double[]> byYear = new LinkedHashMap<>(); // year -> {sum, count}
        for (int t = 0; t < dailyRankIc.length; t++) {
            if (!Double.isNaN(dailyRankIc[t])) {
                double[] acc = byYear.computeIfAbsent(dates[t].getYear(), y -> new double[2]);
                acc[0] += dailyRankIc[t];
                acc[1]++;
            }
        }
        List<YearlyIc> yearly = new ArrayList<>();
        int stable = 0;
        for (Map.Entry<Integer, double[]> e : byYear.entrySet()) {
            int count = (int) e.getValue()[1];
            if (count >= settings.minDaysPerYear()) {
                double mean = e.getValue()[0] / count;
                yearly.add(new YearlyIc(e.getKey(), mean, count));
                if (rankIc.days() > 0 && Math.signum(mean) == Math.signum(rankIc.mean()) && mean != 0) {
                    stable++;
                }
            }
        }
        double stability = yearly.isEmpty() ? Double.NaN : (double) stable / yearly.size();
        return new FactorEvaluation(candidate.factorId(), candidate.scope(), candidate.expectedSign(), true, ic, rankIc,
                dailyIc, dailyRankIc, decay, yearly, stable, stability);
    }

    /** Days [from, to) of a daily series, NaN where the day's h-day label is not known by {@code knownThrough}. */
    private static double[] known(double[] daily, int from, int to, int knownThrough, int horizon) {
        double[] out = Arrays.copyOfRange(daily, from, to);
        for (int t = Math.max(from, knownThrough - horizon + 1); t < to; t++) {
            out[t - from] = Double.NaN;
        }
        return out;
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * One day's forward returns: the instruments that have one (ascending), their values and their average
     * ranks (Hipparchus {@link NaturalRanking}, ties averaged), computed once and shared by all factors.
     */
    private record RankedCrossSection(int[] positions, double[] values, double[] ranks) {
        static RankedCrossSection of(double[] returns) {
            int m = 0;
            int[] positions = new int[returns.length];
            double[] values = new double[returns.length];
            for (int i = 0; i < returns.length; i++) {
                if (!Double.isNaN(returns[i])) {
                    positions[m] = i;
                    values[m++] = returns[i];
                }
            }
            positions = Arrays.copyOf(positions, m);
            values = Arrays.copyOf(values, m);
            double[] ranks = m == 0 ? new double[0]
                    : new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(values);
            return new RankedCrossSection(positions, values, ranks);
        }

        /** Whether a factor's valid instruments {@code factorPositions[0..m)} are exactly these. */
        boolean sameInstruments(int[] factorPositions, int m) {
            return m == positions.length && Arrays.equals(positions, 0, m, factorPositions, 0, m);
        }
    }

    /** A systematic sample of (day, instrument) cells of the screenable factors, for correlations and VIFs. */
    private static final class PooledSample {
        private final float[][] columns; // [factor][cell]
        private final int cells;

        /** Every stride-th day of [from, to), the stride keeping the cells at most the cap. */
        PooledSample(List<float[][]> factors, int from, int to, int instruments) {
            int days = to - from;
            long total = (long) days * instruments;
            int stride = (int) Math.max(1, (total + CORRELATION_SAMPLE_CELLS - 1) / CORRELATION_SAMPLE_CELLS);
            int sampledDays = instruments == 0 ? 0 : (days + stride - 1) / stride;
            this.cells = sampledDays * instruments;
            this.columns = new float[factors.size()][];
            IntStream.range(0, factors.size()).parallel().forEach(f -> {
                float[][] values = factors.get(f);
                float[] column = new float[cells];
                int c = 0;
                for (int t = from; t < to; t += stride) {
                    System.arraycopy(values[t], 0, column, c, instruments);
                    c += instruments;
                }
                columns[f] = column;
            });
        }

        double[][] correlation() {
            int k = columns.length;
            double[][] out = new double[k][k];
            IntStream.range(0, k).parallel().forEach(a -> {
                double[] x = new double[cells];
                double[] y = new double[cells];
                out[a][a] = 1.0;
                for (int b = a + 1; b < k; b++) {
                    int m = 0;
                    float[] ca = columns[a];
                    float[] cb = columns[b];
                    for (int c = 0; c < cells; c++) {
                        if (!Float.isNaN(ca[c]) && !Float.isNaN(cb[c])) {
                            x[m] = ca[c];
                            y[m++] = cb[c];
                        }
                    }
                    double r = m < 3 ? Double.NaN : pearson(x, y, m);
                    out[a][b] = Double.isFinite(r) ? r : Double.NaN;
                }
            });
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    out[a][b] = out[b][a];
                }
            }
            return out;
        }

        /** VIFs among the given factor columns, on their complete cases (thinned to {@link #VIF_SAMPLE_ROWS}). */
        double[] vif(int[] factorColumns) {
            int k = factorColumns.length;
            if (k == 0) {
                return new double[0];
            }
            int complete = 0;
            for (int c = 0; c < cells; c++) {
                if (isComplete(c, factorColumns)) {
                    complete++;
                }
            }
            int stride = Math.max(1, (complete + VIF_SAMPLE_ROWS - 1) / VIF_SAMPLE_ROWS);
            double[][] rows = new double[(complete + stride - 1) / stride][k];
            int seen = 0;
            int r = 0;
            for (int c = 0; c < cells; c++) {
                if (isComplete(c, factorColumns)) {
                    if (seen++ % stride == 0) {
                        for (int j = 0; j < k; j++) {
                            rows[r][j] = columns[factorColumns[j]][c];
                        }
                        r++;
                    }
                }
            }
            return VarianceInflation.of(rows);
        }

        private boolean isComplete(int cell, int[] factorColumns) {
            for (int f : factorColumns) {
                if (Float.isNaN(columns[f][cell])) {
                    return false;
                }
            }
            return true;
        }
    }
}
