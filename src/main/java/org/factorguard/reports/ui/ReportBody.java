package org.factorguard.reports.ui;

import static org.factorguard.reports.ui.ReportTables.table;
import static org.factorguard.reports.ui.ReportTables.header;
import static org.factorguard.reports.ui.ReportTables.row;
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
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.factorguard.quant.allocation.CovarianceModel;
import org.factorguard.quant.allocation.VarModel;
import org.factorguard.quant.data.Regime;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.HoldingsOverTime;
import org.factorguard.reports.service.RegimeSpell;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.Downsampling;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.Series;

/**
 * The body of a report, read-only: header facts, Table 1, equity and drawdown charts, the current
 * allocation and weights over time, Table 2 with the regime-shaded index, Figure 2, significance, the
 * per-fold model metrics and the settings. Used by the owner's {@link ReportView} and by
 * {@link SharedReportView}; owner actions (export, share) are added by the owner's view only, through
 * {@code exportSlot}.
 */
class ReportBody extends Div {

    private static final String[] COLORS = {"#1565c0", "#ef6c00", "#2e7d32", "#6d6d6d", "#8e24aa", "#00838f",
            "#c62828", "#5d4037", "#f9a825", "#3949ab"};

    /** Where the owner's view may put an export button for a table; null in the shared view. */
    interface ExportSlot {
        Component exportButton(ReportTable table);
    }

    private final ExportSlot exportSlot;

    ReportBody(ReportDetail report, ExportSlot exportSlot) {
        this.exportSlot = exportSlot;
        setWidthFull();
        addClassName("fg-report");
        StudyResult r = report.result();
        add(facts(report));
        add(section("Risk and return (Table 1)", ReportTable.RISK, riskTable(r),
                note("Out-of-sample daily net returns " + first(r) + " – " + last(r)
                        + ". The better value per row is bold. VaR/CVaR 95 % are one-day historical."),
                exAnteRiskNotes(r)));
        add(section("Equity curves", ReportTable.EQUITY_CURVES,
                chart("report-equity-chart", "360px", equityOption(r, false))));
        add(section("Drawdowns", ReportTable.DRAWDOWNS,
                chart("report-drawdown-chart", "280px", equityOption(r, true))));
        add(BacktestRulesSections.drawdownLimit(r, this::section));
        add(allocationSection(r));
        add(section("Weights over time (LSTM, largest holdings)", ReportTable.WEIGHTS_OVER_TIME,
                chart("report-weights-chart", "320px", weightsOption(r))));
        StatisticsSections.regimes(r, this::section, StatisticsSections.regimeTable("report-regime-table",
                r.regimes().table()), chart("report-regime-chart", "300px", regimeOption(r)), exportSlot)
                .forEach(this::add);
        add(section("Degree of optimisation (Figure 2)", ReportTable.OPTIMISATION_DEGREE,
                chart("report-degree-chart", "320px", degreeOption(r)), note(r.optimisationDegree().note())));
        add(StatisticsSections.significance(r, this::section));
        add(section("Model out-of-sample metrics per fold", ReportTable.MODEL_FOLDS, foldsTable(r),
                StatisticsSections.downloads(exportSlot, ReportTable.LINEAR_COEFFICIENTS)));
        TearSheetSections.sections(r, this::section).forEach(this::add);
        add(section("Settings", null, settings(r)));
        add(BacktestRulesSections.dataTreatment(r, this::section));
    }

    private Component facts(ReportDetail d) {
        Div facts = new Div();
        facts.addClassName("fg-facts");
        facts.setId("report-facts");
        facts.add(fact("Portfolio", d.portfolioName()), fact("Dataset", d.datasetName()),
                fact("Content hash", d.shortHash()), fact("Seed", String.valueOf(d.seed())),
                fact("Created", Formats.dateTime(d.createdAt())),
                fact("Universe", d.result().selection().tickers().size() + " instruments, " + first(d.result()) + " – "
                        + last(d.result())));
        Div box = new Div(facts);
        box.add(BacktestRulesSections.methodVersion(r(d)));
        if (d.syntheticData()) {
            Paragraph synthetic = new Paragraph(
                    "Synthetic data: generated by FactorGuard's market simulator, with known "
                    + "true regimes. Results illustrate the method; they are not market evidence.");
            synthetic.addClassName("fg-synthetic-note");
            synthetic.setId("report-synthetic-note");
            box.add(synthetic);
        }
        r(d).notes().forEach(n -> box.add(note(n)));
        return box;
    }

    private static StudyResult r(ReportDetail d) {
        return d.result();
    }

    private static Component fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("fg-fact-label");
        Span v = new Span(value);
        Div f = new Div(l, v);
        f.addClassName("fg-fact");
        return f;
    }

    private Component section(String title, ReportTable table, Component... content) {
        Div card = new Div();
        card.addClassName("fg-card");
        card.addClassName("fg-report-section");
        Div head = new Div(new H3(title));
        head.addClassName("fg-report-section-head");
        if (table != null && exportSlot != null) {
            head.add(exportSlot.exportButton(table));
        }
        card.add(head);
        card.add(content);
        return card;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text == null ? "" : text);
        p.addClassName("fg-muted");
        return p;
    }

    private static EChart chart(String id, String height, ChartOptions option) {
        EChart chart = new EChart(height);
        chart.setId(id);
        chart.setWidthFull();
        chart.setOption(option);
        return chart;
    }

    private static String first(StudyResult r) {
        return r.returnDates().length == 0 ? "–" : r.returnDates()[0].toString();
    }

    private static String last(StudyResult r) {
        return r.returnDates().length == 0 ? "–" : r.returnDates()[r.returnDates().length - 1].toString();
    }

    // ---------------------------------------------------------------- Table 1

    private enum Shown { PERCENT, NUMBER, MULTIPLE }

    private record Metric(String label, ToDoubleFunction<PerformanceSummary> value, Shown shown,
            boolean higherIsBetter) {

        String format(double v) {
            return switch (shown) {
                case PERCENT -> percent(v);
                case NUMBER -> number(v);
                case MULTIPLE -> Formats.multiple(v);
            };
        }
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("Max drawdown", PerformanceSummary::maxDrawdown, Shown.PERCENT, true),
            new Metric("Sharpe ratio", PerformanceSummary::sharpe, Shown.NUMBER, true),
            new Metric("VaR 95 % (1 day)", PerformanceSummary::valueAtRisk95, Shown.PERCENT, true),
            new Metric("CVaR 95 % (1 day)", PerformanceSummary::conditionalValueAtRisk95, Shown.PERCENT, true),
            new Metric("Annual return", PerformanceSummary::annualReturn, Shown.PERCENT, true),
            new Metric("Annual volatility", PerformanceSummary::annualVolatility, Shown.PERCENT, false),
            new Metric("Sortino ratio", PerformanceSummary::sortino, Shown.NUMBER, true),
            new Metric("Calmar ratio", PerformanceSummary::calmar, Shown.NUMBER, true),
            new Metric("Turnover (portfolio traded per year)", PerformanceSummary::annualTurnover, Shown.MULTIPLE,
                    false));

    private static Component riskTable(StudyResult r) {
        NativeTable table = table("report-risk-table");
        List<String> head = new ArrayList<>();
        head.add("");
        r.portfolios().forEach(p -> head.add(p.name()));
        table.add(header(head));
        NativeTableBody body = new NativeTableBody();
        for (Metric m : METRICS) {
            NativeTableRow row = new NativeTableRow();
            row.add(new NativeTableHeaderCell(m.label()));
            double best = Double.NaN;
            for (StudyResult.Portfolio p : r.portfolios()) {
                double v = m.value().applyAsDouble(p.summary());
                if (Double.isFinite(v) && (Double.isNaN(best) || (m.higherIsBetter() ? v > best : v < best))) {
                    best = v;
                }
            }
            for (StudyResult.Portfolio p : r.portfolios()) {
                double v = m.value().applyAsDouble(p.summary());
                NativeTableCell cell = new NativeTableCell(m.format(v));
                cell.addClassName("fg-num");
                BacktestRulesSections.withoutOverlayLine(cell, p, m.value(), m::format);
                if (Double.isFinite(v) && v == best) {
                    cell.addClassName("fg-best");
                }
                row.add(cell);
            }
            body.add(row);
        }
        exAnteRiskRows(r, body);
        table.add(body);
        Div withNote = new Div(scroll(table));
        BacktestRulesSections.withoutOverlayNote(r).forEach(withNote::add);
        return withNote;
    }

    /** The VaR backtest rows of Table 1, each with the line that says what it means (absent in older results). */
    private static void exAnteRiskRows(StudyResult r, NativeTableBody body) {
        StudyResult.ExAnteRisk risk = r.exAnteRisk();
        if (risk == null) {
            return;
        }
        riskRow(r, body, "Days the loss exceeded the 1-day VaR 95 % (expected)",
                "How often the day's loss was worse than the VaR predicted the evening before; 5 % of days is the "
                        + "promise.", p -> p.varBacktest() == null ? "–" : p.varBacktest().exceedances() + " of "
                        + p.varBacktest().days() + " (" + Formats.number(p.varBacktest().expectedExceedances(), 0)
                        + ")");
        riskRow(r, body, "VaR coverage test (Kupiec p)",
                "Below 5 %: the VaR was exceeded too often (or too rarely) to be luck.",
                p -> p.varBacktest() == null ? "–" : Formats.number(p.varBacktest().kupiec().monteCarloPValue(), 3));
        riskRow(r, body, "VaR clustering test (Christoffersen p)",
                "Below 5 %: bad days came in runs, so one exceedance warned of the next.",
                p -> p.varBacktest() == null ? "–"
                        : Formats.number(p.varBacktest().independence().monteCarloPValue(), 3));
        riskRow(r, body, "Rebalances cut by the VaR limit",
                "How often the book's historical VaR exceeded the limit and part of it was moved into cash.",
                p -> p.decisions() == 0 ? "–" : p.varLimitBound() + " of " + p.decisions());
        riskRow(r, body, "Realised / predicted volatility (EWMA | Ledoit–Wolf)",
                "1 means the risk model predicted the risk taken; above 1, it understated it.",
                p -> p.ewma() == null || p.ledoitWolf() == null ? "–"
                        : Formats.number(p.ewma().ratio(), 2) + " | " + Formats.number(p.ledoitWolf().ratio(), 2));
    }

    private static void riskRow(StudyResult r, NativeTableBody body, String label, String meaning,
                                java.util.function.Function<StudyResult.PortfolioRisk, String> value) {
        NativeTableRow row = new NativeTableRow();
        NativeTableHeaderCell head = new NativeTableHeaderCell(label);
        head.setTitle(meaning);
        row.add(head);
        for (StudyResult.Portfolio p : r.portfolios()) {
            StudyResult.PortfolioRisk risk = r.exAnteRisk().portfolio(p.name());
            NativeTableCell cell = new NativeTableCell(risk == null ? "–" : value.apply(risk));
            cell.addClassName("fg-num");
            row.add(cell);
        }
        body.add(row);
        NativeTableRow explain = new NativeTableRow();
        NativeTableCell text = new NativeTableCell(meaning);
        text.addClassName("fg-muted");
        text.getElement().setAttribute("colspan", String.valueOf(r.portfolios().size() + 1));
        explain.add(text);
        body.add(explain);
    }

    /** Which risk model was used and why, and each portfolio's VaR backtest in a sentence. */
    private static Component exAnteRiskNotes(StudyResult r) {
        Div notes = new Div();
        notes.setId("report-ex-ante-risk");
        StudyResult.ExAnteRisk risk = r.exAnteRisk();
        if (risk == null) {
            return notes;
        }
        notes.add(note(risk.explanation()));
        risk.portfolios().forEach(p -> notes.add(note(p.explanation())));
        return notes;
    }

    // ---------------------------------------------------------------- charts

    /** Lines over the out-of-sample days (or rebalance dates): legend, axis tooltip, zoom. */
    private static ChartOptions timeChart(ChartFormat values) {
        return ChartOptions.chart().grid(72, 24, 48, 64).legend().axisTooltip(values).zoom();
    }

    private static List<String> dates(StudyResult r) {
        return Arrays.stream(r.returnDates()).map(LocalDate::toString).toList();
    }

    static ChartOptions equityOption(StudyResult r, boolean drawdown) {
        List<double[]> lines = r.portfolios().stream().map(p -> drawdown ? p.drawdown() : p.equity()).toList();
        int[] days = Downsampling.keptDays(r.returnDates().length, lines, Downsampling.MAX_CHART_POINTS);
        ChartOptions o = timeChart(drawdown ? ChartFormat.PERCENT : ChartFormat.NUMBER2)
                .xAxis(Axis.categories(Downsampling.pick(dates(r), days)).noBoundaryGap())
                .yAxis(drawdown ? Axis.values().name("drawdown").labels(ChartFormat.PERCENT0)
                        : Axis.values().name("equity (start = 1)").fitToData());
        int c = 0;
        for (StudyResult.Portfolio p : r.portfolios()) {
            double[] values = Downsampling.pick(drawdown ? p.drawdown() : p.equity(), days);
            Series line = Series.line(p.name(), ChartData.values(values)).noSymbols()
                    .color(COLORS[c++ % COLORS.length]);
            o.series(drawdown ? line.area(0.08) : line);
        }
        return o;
    }

    static ChartOptions weightsOption(StudyResult r) {
        HoldingsOverTime holdings = HoldingsOverTime.ofLstm(r, 8);
        List<double[]> lines = new ArrayList<>(holdings.largest().stream().map(HoldingsOverTime.Holding::weights)
                .toList());
        lines.add(holdings.other());
        int[] days = Downsampling.keptDays(holdings.dates().size(), lines, Downsampling.MAX_CHART_POINTS);
        List<String> dates = Downsampling.pick(holdings.dates(), days).stream().map(LocalDate::toString).toList();
        ChartOptions o = timeChart(ChartFormat.PERCENT1).xAxis(Axis.categories(dates).noBoundaryGap())
                .yAxis(Axis.values().name("weight").labels(ChartFormat.PERCENT0));
        int c = 0;
        for (HoldingsOverTime.Holding h : holdings.largest()) {
            o.series(Series.line(h.ticker(), ChartData.values(Downsampling.pick(h.weights(), days))).stack("weights")
                    .noSymbols().area().color(COLORS[c++ % COLORS.length]));
        }
        return o.series(Series.line("Other", ChartData.values(Downsampling.pick(holdings.other(), days)))
                .stack("weights").noSymbols().area().color("#bdbdbd"));
    }

    static ChartOptions regimeOption(StudyResult r) {
        List<String> dates = dates(r);
        StudyResult.Portfolio index = r.portfolios().stream().filter(p -> p.name().equals(StudyResult.MARKET_INDEX))
                .findFirst().orElse(r.portfolios().getLast());
        Map<Regime, String> shade = Map.of(Regime.BULL, "rgba(46,125,50,0.14)", Regime.BEAR, "rgba(198,40,40,0.14)",
                Regime.SIDEWAYS, "rgba(120,120,120,0.10)");
        List<RegimeSpell> spells = RegimeSpell.of(r.regimes().detected());
        List<Series.Band> bands = spells.stream()
                .map(s -> new Series.Band(s.regime().label(), dates.get(s.first()), dates.get(s.last()),
                        shade.get(s.regime()))).toList();
        // band edges must stay categories of the thinned axis
        int[] edges = spells.stream().flatMapToInt(s -> IntStream.of(s.first(), s.last())).toArray();
        int[] days = Downsampling.keptDays(dates.size(), List.of(index.equity()), Downsampling.MAX_CHART_POINTS,
                edges);
        ChartOptions o = timeChart(ChartFormat.NUMBER2)
                .xAxis(Axis.categories(Downsampling.pick(dates, days)).noBoundaryGap())
                .yAxis(Axis.values().name("market index (start = 1)").fitToData())
                .series(Series.line("Market index", ChartData.values(Downsampling.pick(index.equity(), days)))
                        .noSymbols().color("#37474f").bands(bands));
        // legend entries for the shading
        for (Regime g : Regime.values()) {
            o.series(Series.legendEntry(g.label() + " (detected)",
                    shade.get(g).replace("0.14", "0.6").replace("0.10", "0.5")));
        }
        return o;
    }

    static ChartOptions degreeOption(StudyResult r) {
        List<StudyResult.DegreePoint> points = r.optimisationDegree().points();
        return ChartOptions.chart().grid(72, 72, 48, 48).legend().axisTooltip()
                .xAxis(Axis.categories(points.stream().map(p -> String.valueOf(p.epoch())).toList()).name("epochs")
                        .nameInMiddle(28))
                .yAxis(Axis.values().name("annual return").labels(ChartFormat.PERCENT0))
                .yAxis(Axis.values().name("Sharpe").labels(ChartFormat.NUMBER2))
                .series(List.of(
                        degreeSeries("Annual return (in sample)", points,
                                StudyResult.DegreePoint::inSampleAnnualReturn, false, "#1565c0", false),
                        degreeSeries("Annual return (out of sample)", points,
                                StudyResult.DegreePoint::outOfSampleAnnualReturn, false, "#1565c0", true),
                        degreeSeries("Sharpe (in sample)", points,
                                StudyResult.DegreePoint::inSampleSharpe, true, "#ef6c00", false),
                        degreeSeries("Sharpe (out of sample)", points,
                                StudyResult.DegreePoint::outOfSampleSharpe, true, "#ef6c00", true)));
    }

    private static Series degreeSeries(String name, List<StudyResult.DegreePoint> points,
                                       ToDoubleFunction<StudyResult.DegreePoint> f, boolean sharpe, String color,
                                       boolean dashed) {
        Series s = Series.line(name, points.stream().map(p -> ChartData.value(f.applyAsDouble(p))).toList())
                .color(color).dashed(dashed);
        return sharpe ? s.onRightAxis().tooltip(ChartFormat.NUMBER2) : s.onLeftAxis().tooltip(ChartFormat.PERCENT);
    }

    // ---------------------------------------------------------------- allocation

    private Component allocationSection(StudyResult r) {
        Div content = new Div();
        for (StudyResult.CurrentAllocation a : r.currentAllocations()) {
            content.add(new H3(a.portfolio() + " · " + a.date()));
            content.add(note((a.feasible() ? "" : "Infeasible: ") + a.message()
                    + " · ex-ante volatility " + percent(a.exAnteAnnualVolatility()) + " a year, ex-ante VaR 95 % "
                    + percent(a.exAnteDailyVar95()) + " a day, gross exposure " + percent(a.grossExposure())));
            if (!a.bindingConstraints().isEmpty()) {
                Paragraph binding = new Paragraph("Binding constraints: " + String.join(", ", a.bindingConstraints()));
                binding.addClassName("fg-binding");
                content.add(binding);
            }
            NativeTable table = table("report-allocation-" + a.portfolio().toLowerCase(Locale.ROOT).replace(' ', '-'));
            table.add(header(List.of("Ticker", "Industry", "Weight", "Expected daily return")));
            NativeTableBody body = new NativeTableBody();
            for (StudyResult.Holding h : a.holdings()) {
                body.add(row(h.ticker(), h.industry(), percent(h.weight()), percent(h.expectedDailyReturn())));
            }
            table.add(body);
            Div pair = new Div(scroll(table), chart("report-allocation-chart-" + a.portfolio().toLowerCase(Locale.ROOT),
                    Math.max(180, 26 * a.holdings().size() + 60) + "px", allocationOption(a)));
            pair.addClassName("fg-two-columns");
            content.add(pair);
        }
        return section("Current risk-constrained allocation", ReportTable.CURRENT_ALLOCATION, content);
    }

    static ChartOptions allocationOption(StudyResult.CurrentAllocation a) {
        List<StudyResult.Holding> holdings = a.holdings().stream()
                .sorted(Comparator.comparingDouble(StudyResult.Holding::weight)).toList();
        return ChartOptions.chart().grid(72, 32, 16, 32).axisTooltip(ChartFormat.PERCENT)
                .xAxis(Axis.values().labels(ChartFormat.PERCENT0))
                .yAxis(Axis.categories(holdings.stream().map(StudyResult.Holding::ticker).toList()))
                .series(Series.bar("weight", holdings.stream().map(h -> ChartData.value(h.weight())).toList())
                        .color("#1565c0"));
    }

    // ---------------------------------------------------------------- folds, settings

    private static Component foldsTable(StudyResult r) {
        NativeTable table = table("report-folds-table");
        table.add(header(List.of("Model", "Fold", "Train", "Test", "IC", "Rank IC", "ICIR", "MSE", "Hit rate")));
        NativeTableBody body = new NativeTableBody();
        for (StudyResult.ModelRun m : r.models()) {
            for (StudyResult.Fold f : m.folds()) {
                var a = f.test();
                body.add(row(m.name(), String.valueOf(f.index() + 1), f.trainFirst() + " – " + f.trainLast(),
                        f.testFirst() + " – " + f.testLast(), number4(a.ic()), number4(a.rankIc()), number(a.icir()),
                        Formats.significant(a.mse(), 3), percent(a.hitRate())));
            }
        }
        table.add(body);
        return scroll(table);
    }

    private static Component settings(StudyResult r) {
        var c = r.config();
        NativeTable table = table("report-settings-table");
        NativeTableBody body = new NativeTableBody();
        body.add(row("Factors", String.join(", ", c.factorIds())));
        body.add(row("Horizon", c.horizon() + " days"));
        body.add(row("Rebalance", c.rebalance() + ", costs " + number(c.costBps()) + " bps"));
        body.add(row("LSTM", c.lstm().implementation() + ", look-back " + c.lstm().lookback() + ", units "
                + c.lstm().network().units() + ", epochs " + c.lstm().network().maxEpochs() + ", seeds "
                        + c.lstm().ensembleSize()));
        body.add(row("Allocation", (c.longShort() ? "long-short" : "long-only") + ", per-asset cap "
                + percent(c.allocation().maxWeight()) + ", volatility limit "
                        + percent(c.allocation().maxAnnualVolatility())
                + ", VaR limit " + percent(c.allocation().maxDailyVar95()) + " ("
                + varModelLabel(c.allocation().varModel()) + "), covariance "
                + (c.allocation().covarianceModel() == CovarianceModel.EWMA ? "EWMA (λ = 0.94)" : "Ledoit–Wolf")
                + " over " + c.covarianceWindow() + " days"));
        body.add(row("Seed", String.valueOf(c.seed())));
        body.add(row("Engine", r.codeVersion() + " · method version " + r.methodVersion() + " · LSTM "
                + r.selection().lstmImplementation()));
        table.add(body);
        return scroll(table);
    }

    private static String varModelLabel(VarModel model) {
        return switch (model) {
            case HISTORICAL -> "historical simulation of the book";
            case CORNISH_FISHER -> "Cornish–Fisher on the book";
            case PARAMETRIC -> "Gaussian, inside the optimiser only";
        };
    }

    // ---------------------------------------------------------------- helpers

    static String percent(double v) {
        return Formats.percent(v, 2);
    }

    static String number(double v) {
        return Formats.number(v, 2);
    }

    private static String number4(double v) {
        return Formats.number(v, 4);
    }
}
