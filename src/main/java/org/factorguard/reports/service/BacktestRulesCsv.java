package org.factorguard.reports.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factorguard.quant.backtest.Delisting;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;

/**
 * The CSV rows of issue 13's backtest rules for {@link ReportCsv}: the "without overlay" lines of Table 1, the
 * drawdown overlay day by day, and the data treatment. A result computed before them yields no rows.
 */
final class BacktestRulesCsv {

    private BacktestRulesCsv() {
    }

    /**
     * Puts a "&lt;model&gt; without overlay" row with the Table 1 figures of the model's own returns right after each
     * model portfolio's row ({@code rows} as {@link ReportCsv}'s risk table writes them, name first).
     */
    static List<String> withoutOverlayRows(StudyResult r, List<List<Object>> rows, List<String> header) {
        List<List<Object>> out = new ArrayList<>(rows.size() + 2);
        for (List<Object> row : rows) {
            out.add(row);
            StudyResult.Portfolio p = r.portfolios().stream().filter(q -> q.name().equals(row.getFirst()))
                    .findFirst().orElse(null);
            if (p != null && p.drawdownOverlay() != null && p.drawdownOverlay().withoutOverlay() != null) {
                PerformanceSummary s = p.drawdownOverlay().withoutOverlay();
                out.add(new ArrayList<>(List.of(p.name() + " without overlay", s.days(), s.maxDrawdown(), s.sharpe(),
                        s.valueAtRisk95(), s.conditionalValueAtRisk95(), s.annualReturn(), s.annualVolatility(),
                        s.sortino(), s.calmar(), s.annualTurnover(), s.totalReturn(), s.hitRate(),
                        s.averageGrossExposure())));
            }
        }
        rows.clear();
        rows.addAll(out);
        return header;
    }

    /** Each model portfolio's overlay day by day: exposure, whether it acted, returns and drawdowns (with, without). */
    static List<String> drawdownLimit(StudyResult r, List<List<Object>> rows) {
        LocalDate[] dates = r.returnDates();
        for (StudyResult.Portfolio p : r.portfolios()) {
            StudyResult.DrawdownOverlayResult o = p.drawdownOverlay();
            if (o == null) {
                continue;
            }
            Set<LocalDate> acted = new HashSet<>(o.actedDates());
            double[] without = PerformanceMetrics.drawdownCurve(o.withoutOverlayReturns());
            for (int t = 0; t < dates.length; t++) {
                rows.add(Arrays.asList(p.name(), dates[t], at(o.exposure(), t), acted.contains(dates[t]),
                        at(p.returns(), t), at(o.withoutOverlayReturns(), t), at(p.drawdown(), t), at(without, t),
                        o.limit()));
            }
        }
        return List.of("portfolio", "date", "exposure", "overlay_acted", "net_return", "net_return_without_overlay",
                "drawdown", "drawdown_without_overlay", "limit");
    }

    /** One row per fact: the counts, the risk-free rate, every repaired bad tick and every delisting sale. */
    static List<String> dataTreatment(StudyResult r, List<List<Object>> rows) {
        StudyResult.DataTreatment t = r.dataTreatment();
        rows.add(fact("method_version", r.methodVersion(), null));
        if (t == null) {
            return header();
        }
        rows.add(fact("input_returns_winsorised", t.inputReturnsWinsorised(), null));
        rows.add(fact("input_days_carried_forward", t.inputDaysCarriedForward(), null));
        rows.add(fact("annual_risk_free_rate", r.config().riskFreeRate(), null));
        rows.add(fact("daily_risk_free_rate", t.dailyRiskFreeRate(), null));
        rows.add(fact("price_repairs", t.priceRepairs().size(), null));
        rows.add(fact("note", null, t.note()));
        for (PriceRepair p : t.priceRepairs()) {
            rows.add(Arrays.asList("price_repair", null, p.ticker(), p.date(), p.rawClose(), p.repairedClose(), null,
                    null, null, p.reason()));
        }
        for (StudyResult.Portfolio p : r.portfolios()) {
            for (Delisting d : p.delistings()) {
                rows.add(Arrays.asList("delisting", p.name(), d.ticker(), d.lastPriceDate(), null, null, d.soldOn(),
                        d.weightHeld(), null, null));
            }
        }
        return header();
    }

    private static List<String> header() {
        return List.of("record", "portfolio", "ticker", "date", "raw_close", "repaired_close", "sold_on",
                "weight_held", "value", "text");
    }

    private static List<Object> fact(String name, Object value, String text) {
        return Arrays.asList(name, null, null, null, null, null, null, null, value, text);
    }

    private static Double at(double[] values, int t) {
        return values != null && t < values.length ? values[t] : Double.NaN;
    }
}
