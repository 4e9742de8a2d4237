package org.factorguard.reports.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.factorguard.quant.models.ImportanceSummary;
import org.factorguard.quant.study.TearSheet;

/**
 * The tear-sheet tables of {@link ReportCsv}: one header row each; no data rows when the study has no tear sheet
 * (it was computed before tear sheets).
 */
final class TearSheetCsv {

    private TearSheetCsv() {
    }

    static List<String> quintiles(TearSheet sheet, List<List<Object>> rows) {
        int q = sheet == null ? 5 : sheet.quantiles();
        if (sheet != null) {
            for (TearSheet.ModelQuantiles m : sheet.models()) {
                rows.add(quintileRow(m.model(), "overall", m.overall()));
                for (int f = 0; f < m.folds().size(); f++) {
                    rows.add(quintileRow(m.model(), "fold " + (f + 1), m.folds().get(f)));
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("model", "period", "from", "to", "days"));
        for (int b = 1; b <= q; b++) {
            header.add("mean_return_q" + b);
        }
        for (int b = 1; b <= q; b++) {
            header.add("standard_error_newey_west_q" + b);
        }
        header.addAll(List.of("top_minus_bottom", "top_minus_bottom_t_newey_west", "top_minus_bottom_p_value",
                "top_turnover", "bottom_turnover", "monotonicity_spearman"));
        return header;
    }

    private static List<Object> quintileRow(String model, String period, TearSheet.QuantileFigures f) {
        List<Object> row = new ArrayList<>(List.of(model, period, f.from(), f.to(), f.days()));
        Arrays.stream(f.meanReturn()).forEach(row::add);
        Arrays.stream(f.standardError()).forEach(row::add);
        row.addAll(List.of(f.spread(), f.spreadT(), f.spreadP(), f.topTurnover(), f.bottomTurnover(),
                f.monotonicity()));
        return row;
    }

    static List<String> quintileCurves(TearSheet sheet, List<List<Object>> rows) {
        List<String> header = new ArrayList<>(List.of("date"));
        if (sheet == null || sheet.models().isEmpty()) {
            return header;
        }
        for (TearSheet.ModelQuantiles m : sheet.models()) {
            for (int b = 1; b <= m.cumulative().length; b++) {
                header.add(m.model() + "_q" + b);
            }
            header.add(m.model() + "_top_minus_bottom");
        }
        TearSheet.ModelQuantiles first = sheet.models().getFirst();
        for (int d = 0; d < first.dates().length; d++) {
            List<Object> row = new ArrayList<>();
            row.add(first.dates()[d]);
            for (TearSheet.ModelQuantiles m : sheet.models()) {
                for (float[] bucket : m.cumulative()) {
                    row.add((double) bucket[d]);
                }
                row.add((double) m.cumulativeSpread()[d]);
            }
            rows.add(row);
        }
        return header;
    }

    static List<String> importance(TearSheet sheet, List<List<Object>> rows) {
        int folds = 0;
        if (sheet != null) {
            for (TearSheet.ModelImportance m : sheet.importance()) {
                folds = Math.max(folds, m.baselineRankIc().length);
                m.factors().forEach(a -> rows.add(importanceRow(m, "factor", a)));
                m.blocks().forEach(a -> rows.add(importanceRow(m, "look-back block", a)));
            }
        }
        List<String> header = new ArrayList<>(List.of("model", "kind", "input", "mean_rank_ic_drop",
                "rank_ic_drop_sd_across_folds", "mean_mse_increase", "mse_increase_sd_across_folds", "repeats",
                "max_days_per_fold"));
        for (int f = 1; f <= folds; f++) {
            header.add("rank_ic_drop_fold_" + f);
        }
        return header;
    }

    private static List<Object> importanceRow(TearSheet.ModelImportance m, String kind,
                                              ImportanceSummary.Aggregate a) {
        List<Object> row = new ArrayList<>(List.of(m.model(), kind, a.name(), a.meanRankIcDrop(),
                a.foldSdRankIcDrop(), a.meanMseIncrease(), a.foldSdMseIncrease(), m.repeats(), m.maxDays()));
        Arrays.stream(a.rankIcDropByFold()).forEach(row::add);
        return row;
    }

    static List<String> attribution(TearSheet sheet, List<List<Object>> rows) {
        if (sheet != null) {
            for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
                rows.add(partsRow(a.portfolio(), a.total()));
                a.years().forEach(y -> rows.add(partsRow(a.portfolio(), y)));
            }
        }
        return List.of("portfolio", "period", "market", "industries", "styles", "specific", "costs",
                "portfolio_return");
    }

    private static List<Object> partsRow(String portfolio, TearSheet.Parts p) {
        return List.of(portfolio, p.label(), p.market(), p.industries(), p.styles(), p.specific(), p.costs(),
                p.portfolio());
    }

    static List<String> exposures(TearSheet sheet, List<List<Object>> rows) {
        if (sheet != null) {
            for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
                for (int k = 0; k < a.exposureNames().size(); k++) {
                    rows.add(List.of(a.portfolio(), a.exposureNames().get(k), a.groups().get(k).name().toLowerCase(
                            java.util.Locale.ROOT), a.meanExposure()[k], a.contribution()[k], a.meanRSquared()));
                }
            }
        }
        return List.of("portfolio", "exposure", "group", "mean_exposure", "linked_contribution",
                "mean_cross_sectional_r_squared");
    }
}
