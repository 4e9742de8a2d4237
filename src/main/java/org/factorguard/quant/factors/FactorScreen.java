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
import org.hipparchus.stat.correlation.PearsonsCorrelation;

/**
 * Screens candidate factors against forward returns and proposes a factor set.
 *
 * <p>For each screenable factor and horizon h: daily IC and Rank IC between the prepared factor at day t
 * and ln(P_{t+h} / P_t) ({@link InformationCoefficient}); at the primary horizon their {@link IcSummary}
 * (mean, sd, ICIR, t, share of days with the expected sign), the IC decay (mean Rank IC per horizon) and
 * the mean Rank IC per calendar year. Then, over the screenable factors:
 * <ul>
 *   <li>the correlation matrix: pooled Pearson correlation (Hipparchus) over the (day, instrument) cells
 *       where both factors have a value. On per-day z-scored values (the default preparation) this equals
 *       the day-weighted average cross-sectional correlation. Above {@value #CORRELATION_SAMPLE_CELLS} cells,
 *       every k-th day is used (systematic, deterministic sample);</li>
 *   <li>variance inflation factors ({@link VarianceInflation}) over the complete cases of the factors with at
 *       least {@code minIcDays} valid days, thinned to at most {@value #VIF_SAMPLE_ROWS} rows (every k-th).</li>
 * </ul>
 * Finally {@link SelectionRule} proposes the set. Factors are evaluated in parallel on the common
 * fork-join pool. Reference: Grinold &amp; Kahn, <i>Active Portfolio Management</i> (2000), ch. 6 and 16;
 * Qian, Hua &amp; Sorensen, <i>Quantitative Equity Portfolio Management</i> (2007), ch. 6.
 */
public final class FactorScreen {

    /** Cap on (day, instrument) cells used for the pooled correlation matrix. */
    public static final int CORRELATION_SAMPLE_CELLS = 250_000;
    /** Cap on complete-case rows used for each VIF regression. */
    public static final int VIF_SAMPLE_ROWS = 20_000;

    private final ScreeningSettings settings;

    public FactorScreen(ScreeningSettings settings) {
        this.settings = settings;
    }

    public ScreeningSettings settings() {
        return settings;
    }

    /**
     * Everything with defaults: {@link FactorLibrary#defaults()}, {@link CrossSectionalPreparation.Settings#defaults()},
     * {@link ScreeningSettings#defaults()}.
     */
    public static ScreeningReport screenWithDefaults(MarketData data) {
        return new FactorScreen(ScreeningSettings.defaults())
                .screen(data, FactorLibrary.defaults(), CrossSectionalPreparation.Settings.defaults());
    }

    /** Computes, prepares and screens {@code factors} on {@code data}. */
    public ScreeningReport screen(MarketData data, List<Factor> factors, CrossSectionalPreparation.Settings preparation) {
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
     * The core screen.
     *
     * @param panel          prepared factor values (raw values work too: Rank IC is unaffected by monotone transforms)
     * @param candidates     the factors of {@code panel} to screen, in report order
     * @param forwardReturns {@code [day][instrument]} forward log returns for every horizon in the settings
     */
    public ScreeningReport screen(FactorPanel panel, List<ScreeningCandidate> candidates, Map<Integer, double[][]> forwardReturns) {
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
        FactorEvaluation[] evaluations = new FactorEvaluation[candidates.size()];
        IntStream.range(0, candidates.size()).parallel().forEach(k ->
                evaluations[k] = evaluate(panel.values(columns[k]), candidates.get(k), panel.dates(), forwardReturns));
        List<FactorEvaluation> evaluated = List.of(evaluations);

        List<String> screenable = new ArrayList<>();
        List<float[][]> screenableValues = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            if (evaluations[k].screenable()) {
                screenable.add(candidates.get(k).factorId());
                screenableValues.add(panel.values(columns[k]));
            }
        }
        PooledSample sample = new PooledSample(screenableValues, panel.dayCount(), panel.instrumentCount());
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
        return new ScreeningReport(settings, panel.dates(), evaluated, screenable, correlation, vif, decisions);
    }

    private static int[] indicesOf(List<String> all, List<String> ids) {
        return ids.stream().mapToInt(all::indexOf).toArray();
    }

    private FactorEvaluation evaluate(float[][] values, ScreeningCandidate candidate, LocalDate[] dates,
                                      Map<Integer, double[][]> forwardReturns) {
        int days = values.length;
        if (candidate.scope() == FactorScope.MARKET) {
            return new FactorEvaluation(candidate.factorId(), candidate.scope(), candidate.expectedSign(), false,
                    IcSummary.empty(), IcSummary.empty(), new double[0], new double[0], List.of(), List.of(), 0, Double.NaN);
        }
        InformationCoefficient coefficient = new InformationCoefficient(settings.minCrossSection());
        int primary = settings.primaryHorizon();
        double[] dailyIc = new double[days];
        double[] dailyRankIc = new double[days];
        double[] pair = new double[2];
        double[][] primaryLabels = forwardReturns.get(primary);
        for (int t = 0; t < days; t++) {
            coefficient.both(values[t], primaryLabels[t], pair);
            dailyIc[t] = pair[0];
            dailyRankIc[t] = pair[1];
        }
        IcSummary ic = IcSummary.of(dailyIc, candidate.expectedSign());
        IcSummary rankIc = IcSummary.of(dailyRankIc, candidate.expectedSign());
        List<HorizonIc> decay = new ArrayList<>();
        for (int h : settings.horizons().stream().sorted().toList()) {
            IcSummary summary;
            if (h == primary) {
                summary = rankIc;
            } else {
                double[][] labels = forwardReturns.get(h);
                double[] series = new double[days];
                for (int t = 0; t < days; t++) {
                    series[t] = coefficient.rank(values[t], labels[t]);
                }
                summary = IcSummary.of(series, candidate.expectedSign());
            }
            decay.add(new HorizonIc(h, summary.mean(), summary.icir(), summary.days()));
        }
        Map<Integer, double[]> byYear = new LinkedHashMap<>(); // year -> {sum, count}
        for (int t = 0; t < days; t++) {
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

    /** A systematic sample of (day, instrument) cells of the screenable factors, for correlations and VIFs. */
    private static final class PooledSample {
        private final float[][] columns; // [factor][cell]
        private final int cells;

        PooledSample(List<float[][]> factors, int days, int instruments) {
            long total = (long) days * instruments;
            int stride = (int) Math.max(1, (total + CORRELATION_SAMPLE_CELLS - 1) / CORRELATION_SAMPLE_CELLS);
            int sampledDays = instruments == 0 ? 0 : (days + stride - 1) / stride;
            this.cells = sampledDays * instruments;
            this.columns = new float[factors.size()][];
            IntStream.range(0, factors.size()).parallel().forEach(f -> {
                float[][] values = factors.get(f);
                float[] column = new float[cells];
                int c = 0;
                for (int t = 0; t < days; t += stride) {
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
                PearsonsCorrelation pearson = new PearsonsCorrelation();
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
                    double r = m < 3 ? Double.NaN : pearson.correlation(Arrays.copyOf(x, m), Arrays.copyOf(y, m));
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
