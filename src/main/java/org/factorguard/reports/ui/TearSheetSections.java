package org.factorguard.reports.ui;

import static org.factorguard.reports.ui.ReportTables.table;
import static org.factorguard.reports.ui.ReportTables.header;
import static org.factorguard.reports.ui.ReportTables.scroll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.factorguard.quant.models.ImportanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.TearSheet;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.Series;

/**
 * The tear-sheet sections of a report: returns by quintile of both models' predictions, what drives the models
 * (permutation importance next to the linear coefficients) and where each model portfolio's return came from. A
 * result computed before tear sheets shows one line saying so.
 */
final class TearSheetSections {

    /** The report's own section card (title, CSV button of {@code table}, content). */
    @FunctionalInterface
    interface SectionMaker {
        Component section(String title, ReportTable table, Component... content);
    }

    static final String NOT_COMPUTED = "Not computed for this study: it was run before tear sheets were added. "
            + "Run it again to see them.";

    private static final String LSTM_COLOR = "#1565c0";
    private static final String LINEAR_COLOR = "#ef6c00";
    private static final String[] QUINTILE_COLORS = {"#c62828", "#ef8a62", "#9e9e9e", "#67a9cf", "#1565c0"};
    private static final String[] PART_COLORS = {"#37474f", "#8e24aa", "#00838f", "#2e7d32", "#c62828"};

    private TearSheetSections() {
    }

    static List<Component> sections(StudyResult r, SectionMaker maker) {
        TearSheet sheet = r.tearSheet();
        if (sheet == null) {
            return List.of(maker.section("Returns by quintile", null, note(NOT_COMPUTED, "report-quintile-missing")),
                    maker.section("What drives the models", null, note(NOT_COMPUTED, "report-importance-missing")),
                    maker.section("Where the return came from", null,
                            note(NOT_COMPUTED, "report-attribution-missing")));
        }
        return List.of(quintiles(sheet, maker), importance(r, sheet, maker), attribution(sheet, maker));
    }

    // ---------------------------------------------------------------- returns by quintile

    private static Component quintiles(TearSheet sheet, SectionMaker maker) {
        Div curves = new Div();
        curves.addClassName("fg-two-columns");
        for (TearSheet.ModelQuantiles m : sheet.models()) {
            Div one = new Div(new H3(m.model() + ": growth of 1 in each quintile"),
                    chart("report-quintile-cumulative-" + m.model().toLowerCase(Locale.ROOT), "300px",
                            cumulativeOption(m)));
            curves.add(one);
        }
        return maker.section("Returns by quintile", ReportTable.RETURNS_BY_QUINTILE,
                note("Each day the stocks are split into five equal groups by the model's out-of-sample prediction; "
                        + "a model that ranks well earns more in each higher fifth, and the top-minus-bottom gap "
                        + "is more than luck when its t is above about 2.", null),
                chart("report-quintile-chart", "300px", meanByQuintileOption(sheet)), curves,
                quintileTable(sheet),
                note("Mean " + sheet.horizon() + "-day log return of each quintile relative to the day's average "
                        + "(Alphalens), top-minus-bottom spread with its Newey–West t (" + (sheet.horizon() - 1)
                        + " lags), share of the top quintile replaced from one day to the next, and monotonicity "
                        + "(Spearman's ρ of quintile vs mean return; 1 = steadily rising). Curves rebalance daily "
                        + "without costs: a diagnostic of the signal, not a tradable book.", null));
    }

    static ChartOptions meanByQuintileOption(TearSheet sheet) {
        List<String> buckets = new ArrayList<>();
        for (int b = 1; b <= sheet.quantiles(); b++) {
            buckets.add("Q" + b + (b == 1 ? " (lowest)" : b == sheet.quantiles() ? " (highest)" : ""));
        }
        ChartOptions o = ChartOptions.chart().grid(80, 24, 48, 48).legend().axisTooltip(ChartFormat.PERCENT)
                .xAxis(Axis.categories(buckets).name("quintile of the prediction").nameInMiddle(28))
                .yAxis(Axis.values().name("mean " + sheet.horizon() + "-day return vs average").nameInMiddle(52)
                        .labels(ChartFormat.PERCENT1));
        for (TearSheet.ModelQuantiles m : sheet.models()) {
            o.series(Series.bar(m.model(), ChartData.values(m.overall().meanReturn())).color(color(m.model())));
        }
        return o;
    }

    static ChartOptions cumulativeOption(TearSheet.ModelQuantiles m) {
        List<String> dates = Arrays.stream(m.dates()).map(LocalDate::toString).toList();
        ChartOptions o = ChartOptions.chart().grid(64, 16, 48, 64).legend().axisTooltip(ChartFormat.NUMBER2).zoom()
                .xAxis(Axis.categories(dates).noBoundaryGap())
                .yAxis(Axis.values().name("growth of 1 (vs average)").nameInMiddle(36).fitToData());
        for (int b = 0; b < m.cumulative().length; b++) {
            o.series(Series.line("Q" + (b + 1), ChartData.values(doubles(m.cumulative()[b]))).noSymbols()
                    .color(QUINTILE_COLORS[b % QUINTILE_COLORS.length]));
        }
        return o;
    }

    private static Component quintileTable(TearSheet sheet) {
        NativeTable table = table("report-quintile-table");
        List<String> head = new ArrayList<>(List.of("Model", "Period"));
        for (int b = 1; b <= sheet.quantiles(); b++) {
            head.add("Q" + b);
        }
        head.addAll(List.of("Top − bottom", "t (NW)", "Top turnover", "Monotonicity"));
        table.add(header(head));
        NativeTableBody body = new NativeTableBody();
        for (TearSheet.ModelQuantiles m : sheet.models()) {
            body.add(quintileRow(m.model(), "all test days", m.overall(), true));
            for (int f = 0; f < m.folds().size(); f++) {
                TearSheet.QuantileFigures fold = m.folds().get(f);
                body.add(quintileRow(m.model(), "fold " + (f + 1) + " (" + fold.from().getYear() + ")", fold,
                        false));
            }
        }
        table.add(body);
        return scroll(table);
    }

    private static NativeTableRow quintileRow(String model, String period, TearSheet.QuantileFigures f,
                                              boolean strong) {
        List<String> cells = new ArrayList<>(List.of(model, period));
        Arrays.stream(f.meanReturn()).forEach(v -> cells.add(percent(v)));
        cells.addAll(List.of(percent(f.spread()), Formats.number(f.spreadT(), 2), Formats.percent(f.topTurnover(), 0),
                Formats.number(f.monotonicity(), 2)));
        NativeTableRow row = row(cells);
        if (strong) {
            row.addClassName("fg-best");
        }
        return row;
    }

    // ---------------------------------------------------------------- importance

    private static Component importance(StudyResult r, TearSheet sheet, SectionMaker maker) {
        List<Component> content = new ArrayList<>();
        content.add(note("How much worse each model ranks stocks on its test years when one factor's values are "
                + "shuffled among the stocks of each day: bars are the mean drop in Rank IC over the folds, dots the "
                + "single folds; near zero means the model does not use the factor.", null));
        content.add(chart("report-importance-chart", "320px", importanceOption(sheet)));
        content.add(importanceTable(r, sheet));
        TearSheet.ModelImportance lstm = sheet.importance().stream()
                .filter(m -> m.model().equals(StudyResult.LSTM)).findFirst().orElse(null);
        if (lstm != null && !lstm.blocks().isEmpty()) {
            content.add(new H3("LSTM: recent versus older days of the look-back"));
            content.add(chart("report-lookback-chart", "240px", blockOption(lstm)));
            content.add(note("The same drop when all factors on one block of the look-back window come from another "
                    + "stock of the same day: a taller bar for days 1–5 means the LSTM reads mostly the last week.",
                    null));
        }
        content.add(note("Out of sample on each fold's test slice only, " + (sheet.importance().isEmpty() ? ""
                : sheet.importance().getFirst().repeats() + " shuffles on at most "
                + sheet.importance().getFirst().maxDays() + " evenly spaced test days per fold") + " (Breiman "
                + "2001; Fisher, Rudin & Dominici 2019). Coefficients are the linear model's per-fold estimates on "
                + "the standardised factors, averaged over folds.", null));
        return maker.section("What drives the models", ReportTable.MODEL_IMPORTANCE,
                content.toArray(Component[]::new));
    }

    static ChartOptions importanceOption(TearSheet sheet) {
        List<String> factors = sheet.importance().isEmpty() ? List.of()
                : sheet.importance().getFirst().factors().stream().map(ImportanceSummary.Aggregate::name).toList();
        ChartOptions o = ChartOptions.chart().grid(72, 24, 48, 48).legend().axisTooltip(ChartFormat.NUMBER4)
                .xAxis(Axis.categories(factors).everyLabel(11))
                .yAxis(Axis.values().name("drop in Rank IC").labels(ChartFormat.NUMBER2));
        for (TearSheet.ModelImportance m : sheet.importance()) {
            o.series(Series.bar(m.model(), m.factors().stream().map(a -> ChartData.value(a.meanRankIcDrop()))
                    .toList()).color(color(m.model())));
        }
        for (TearSheet.ModelImportance m : sheet.importance()) {
            o.series(Series.scatter(m.model() + " per fold", foldPoints(m.factors())).symbolSize(6)
                    .color(color(m.model())));
        }
        return o;
    }

    static ChartOptions blockOption(TearSheet.ModelImportance lstm) {
        return ChartOptions.chart().grid(72, 24, 40, 40).legend().axisTooltip(ChartFormat.NUMBER4)
                .xAxis(Axis.categories(lstm.blocks().stream().map(ImportanceSummary.Aggregate::name).toList()))
                .yAxis(Axis.values().name("drop in Rank IC").labels(ChartFormat.NUMBER2))
                .series(Series.bar("LSTM", lstm.blocks().stream().map(a -> ChartData.value(a.meanRankIcDrop()))
                        .toList()).color(LSTM_COLOR))
                .series(Series.scatter("LSTM per fold", foldPoints(lstm.blocks())).symbolSize(6).color("#0d47a1"));
    }

    private static List<List<Object>> foldPoints(List<ImportanceSummary.Aggregate> inputs) {
        List<List<Object>> points = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            for (double v : inputs.get(k).rankIcDropByFold()) {
                if (Double.isFinite(v)) {
                    points.add(List.of(k, ChartData.value(v, 4)));
                }
            }
        }
        return points;
    }

    private static Component importanceTable(StudyResult r, TearSheet sheet) {
        NativeTable table = table("report-importance-table");
        List<String> head = new ArrayList<>(List.of("Factor"));
        sheet.importance().forEach(m -> head.add(m.model() + " Rank IC drop (sd over folds)"));
        head.add("Linear coefficient (mean over folds)");
        table.add(header(head));
        NativeTableBody body = new NativeTableBody();
        List<String> factors = sheet.importance().isEmpty() ? List.of()
                : sheet.importance().getFirst().factors().stream().map(ImportanceSummary.Aggregate::name).toList();
        for (int k = 0; k < factors.size(); k++) {
            List<String> cells = new ArrayList<>(List.of(factors.get(k)));
            for (TearSheet.ModelImportance m : sheet.importance()) {
                ImportanceSummary.Aggregate a = m.factors().get(k);
                cells.add(Formats.number(a.meanRankIcDrop(), 4) + " (" + Formats.number(a.foldSdRankIcDrop(), 4)
                        + ")");
            }
            cells.add(Formats.number(meanCoefficient(r, factors.get(k)), 4));
            body.add(row(cells));
        }
        table.add(body);
        return scroll(table);
    }

    /** Mean over folds of the linear model's coefficient on {@code factor}; NaN when it has none. */
    static double meanCoefficient(StudyResult r, String factor) {
        double sum = 0;
        int n = 0;
        for (StudyResult.ModelRun m : r.models()) {
            for (StudyResult.Fold f : m.folds()) {
                if (f.linear() != null) {
                    int k = f.linear().factors().indexOf(factor);
                    if (k >= 0 && Double.isFinite(f.linear().beta()[k])) {
                        sum += f.linear().beta()[k];
                        n++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    // ---------------------------------------------------------------- attribution

    private record Part(String name, ToDoubleFunction<TearSheet.Parts> value) {
    }

    private static final List<Part> PARTS = List.of(new Part("Market and beta", TearSheet.Parts::market),
            new Part("Industries", TearSheet.Parts::industries), new Part("Factor tilts", TearSheet.Parts::styles),
            new Part("Stock picking (specific)", TearSheet.Parts::specific),
            new Part("Costs", TearSheet.Parts::costs));

    private static Component attribution(TearSheet sheet, SectionMaker maker) {
        return maker.section("Where the return came from", ReportTable.RETURN_ATTRIBUTION,
                note("How much of each model portfolio's compounded return came from the market, from its industry "
                        + "bets, from its tilts towards the screened factors, and from picking stocks beyond those "
                        + "exposures (what is left), after costs; of the model's own book, before the drawdown "
                        + "overlay scaled it.", null),
                chart("report-attribution-chart", "320px", attributionOption(sheet)),
                attributionTable(sheet),
                exposureTable(sheet),
                note("Each day a cross-sectional regression of the stocks' returns on exposures known the day "
                        + "before (market, industries, beta, the screened factors; Barra USE4), the book's "
                        + "exposures times the factor returns, linked over time with Cariño's coefficients so the "
                        + "parts add up to the compounded net return (Grinold & Kahn 2000, ch. 17).", null));
    }

    static ChartOptions attributionOption(TearSheet sheet) {
        List<String> categories = new ArrayList<>();
        for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
            categories.add(a.portfolio() + " · total");
            a.years().forEach(y -> categories.add(a.portfolio() + " · " + y.label()));
        }
        ChartOptions o = ChartOptions.chart().grid(64, 24, 48, 72).legend().axisTooltip(ChartFormat.PERCENT)
                .xAxis(Axis.categories(categories).rotateLabels(30))
                .yAxis(Axis.values().name("return").labels(ChartFormat.PERCENT0));
        for (int p = 0; p < PARTS.size(); p++) {
            Part part = PARTS.get(p);
            List<Double> data = new ArrayList<>();
            for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
                data.add(ChartData.value(part.value().applyAsDouble(a.total()), 5));
                a.years().forEach(y -> data.add(ChartData.value(part.value().applyAsDouble(y), 5)));
            }
            o.series(Series.bar(part.name(), data).stack("parts").color(PART_COLORS[p]));
        }
        List<List<Object>> net = new ArrayList<>();
        int c = 0;
        for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
            net.add(List.of(c++, ChartData.value(a.total().portfolio(), 5)));
            for (TearSheet.Parts y : a.years()) {
                net.add(List.of(c++, ChartData.value(y.portfolio(), 5)));
            }
        }
        return o.series(Series.scatter("Net return", net).symbolSize(10).color("#000000"));
    }

    private static Component attributionTable(TearSheet sheet) {
        NativeTable table = table("report-attribution-table");
        List<String> head = new ArrayList<>(List.of("Portfolio", "Period"));
        PARTS.forEach(p -> head.add(p.name()));
        head.add("Net return");
        table.add(header(head));
        NativeTableBody body = new NativeTableBody();
        for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
            body.add(partsRow(a.portfolio(), a.total(), true));
            a.years().forEach(y -> body.add(partsRow(a.portfolio(), y, false)));
        }
        table.add(body);
        return scroll(table);
    }

    private static NativeTableRow partsRow(String portfolio, TearSheet.Parts parts, boolean strong) {
        List<String> cells = new ArrayList<>(List.of(portfolio, strong ? "whole backtest" : parts.label()));
        PARTS.forEach(p -> cells.add(percent(p.value().applyAsDouble(parts))));
        cells.add(percent(parts.portfolio()));
        NativeTableRow row = row(cells);
        if (strong) {
            row.addClassName("fg-best");
        }
        return row;
    }

    private static Component exposureTable(TearSheet sheet) {
        NativeTable table = table("report-attribution-exposures");
        List<String> head = new ArrayList<>(List.of("Exposure"));
        sheet.attribution().forEach(a -> {
            head.add(a.portfolio() + " mean exposure");
            head.add(a.portfolio() + " contribution");
        });
        table.add(header(head));
        NativeTableBody body = new NativeTableBody();
        if (!sheet.attribution().isEmpty()) {
            List<String> names = sheet.attribution().getFirst().exposureNames();
            for (int k = 0; k < names.size(); k++) {
                List<String> cells = new ArrayList<>(List.of(names.get(k)));
                for (TearSheet.PortfolioAttribution a : sheet.attribution()) {
                    cells.add(Formats.number(a.meanExposure()[k], 2));
                    cells.add(percent(a.contribution()[k]));
                }
                body.add(row(cells));
            }
        }
        table.add(body);
        return scroll(table);
    }

    // ---------------------------------------------------------------- helpers

    private static String color(String model) {
        return StudyResult.LINEAR.equals(model) ? LINEAR_COLOR : LSTM_COLOR;
    }

    private static double[] doubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static Paragraph note(String text, String id) {
        Paragraph p = new Paragraph(text);
        p.addClassName("fg-muted");
        if (id != null) {
            p.setId(id);
        }
        return p;
    }

    private static EChart chart(String id, String height, ChartOptions option) {
        EChart chart = new EChart(height);
        chart.setId(id);
        chart.setWidthFull();
        chart.setOption(option);
        return chart;
    }

    private static NativeTableRow row(List<String> cells) {
        NativeTableRow row = new NativeTableRow();
        cells.forEach(c -> row.add(new NativeTableCell(c)));
        return row;
    }

    private static String percent(double v) {
        return Formats.percent(v, 2);
    }
}
