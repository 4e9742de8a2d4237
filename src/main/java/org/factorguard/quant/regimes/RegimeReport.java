package org.factorguard.quant.regimes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.risk.PerformanceMetrics;

/**
 * Per-regime performance table (Li, Gu et al. 2025, Table 2): for each regime and each portfolio, the
 * number of days, the average daily return, the maximum drawdown within the regime's days, the Sharpe
 * ratio and the 95 % VaR, all with the conventions of {@link PerformanceMetrics}.
 *
 * <p>The return of day d (close d − 1 → close d) belongs to the regime of day d. The regime's days need
 * not be contiguous; its drawdown is that of the equity compounded over those days only, in order, as if
 * the portfolio were held in that regime and in cash otherwise.
 */
public record RegimeReport(List<Row> rows) {

    /** One cell group of the table; NaN where a figure is undefined (e.g. fewer than two days). */
    public record Row(Regime regime, String portfolio, int days, double averageDailyReturn, double maxDrawdown,
                      double sharpe, double valueAtRisk95) {
    }

    public RegimeReport {
        rows = List.copyOf(rows);
    }

    /**
     * @param regimes    regime of each return day (aligned with every portfolio's returns)
     * @param portfolios portfolio name → daily returns, in display order (use a LinkedHashMap)
     */
    public static RegimeReport of(Regime[] regimes, Map<String, double[]> portfolios) {
        List<Row> rows = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            for (Map.Entry<String, double[]> p : portfolios.entrySet()) {
                double[] r = p.getValue();
                if (r.length != regimes.length) {
                    throw new IllegalArgumentException("returns of " + p.getKey()
                            + " are not aligned with the regimes");
                }
                double[] in = subset(r, regimes, regime);
                rows.add(new Row(regime, p.getKey(), in.length,
                        in.length == 0 ? Double.NaN : PerformanceMetrics.mean(in),
                        in.length == 0 ? Double.NaN : PerformanceMetrics.maxDrawdown(in),
                        PerformanceMetrics.sharpe(in),
                        PerformanceMetrics.valueAtRisk95(in)));
            }
        }
        return new RegimeReport(rows);
    }

    /** The row of one regime and portfolio. */
    public Row row(Regime regime, String portfolio) {
        return rows.stream().filter(r -> r.regime() == regime && r.portfolio().equals(portfolio)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + regime + " / " + portfolio));
    }

    private static double[] subset(double[] r, Regime[] regimes, Regime regime) {
        int k = 0;
        double[] out = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            if (regimes[t] == regime) {
                out[k++] = r[t];
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
