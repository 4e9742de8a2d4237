package org.factorguard.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.ReportComparison;
import org.factorguard.reports.service.ReportService;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.RouteIds;
import org.factorguard.shared.ui.Series;

/**
 * Two to four reports side by side ({@code reports/compare?ids=3,7}): their Table 1 rows next to each other,
 * the equity curves and drawdowns of both models on one chart, and the settings, those that differ first and
 * highlighted. An id that is not the user's (nor shared with them) is "not found".
 */
@Route("reports/compare")
@PageTitle("Compare reports · FactorGuard")
@PermitAll
public class ReportCompareView extends VerticalLayout implements BeforeEnterObserver {

    static final String[] COLORS = {"#1565c0", "#ef6c00", "#2e7d32", "#8e24aa"};

    private final ReportService reports;

    public ReportCompareView(ReportService reports) {
        this.reports = reports;
        addClassName("fg-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<String> raw = event.getLocation().getQueryParameters().getParameters().getOrDefault("ids", List.of());
        List<Long> ids = new ArrayList<>();
        for (String part : String.join(",", raw).split(",")) {
            if (!part.isBlank()) {
                ids.add(RouteIds.parse(part.trim(), "Report"));
            }
        }
        H2 title = new H2("Compare reports");
        title.setId("compare-title");
        Anchor back = new Anchor("reports", "← All reports");
        back.setId("compare-back");
        ReportComparison comparison;
        try {
            comparison = reports.compare(ids); // another user's id: NotFoundException -> "Not found" page
        } catch (ValidationProblemException e) {
            Paragraph problem = new Paragraph(e.getMessage() + ". Tick them on the Reports page.");
            problem.setId("compare-problem");
            problem.addClassName("fg-negative");
            add(back, title, problem);
            return;
        }
        add(back, title, legend(comparison), card("Risk and return (Table 1)", riskTable(comparison),
                note("Out-of-sample daily net returns of each study. The best value per column is bold.")),
                card("Equity curves and drawdowns", chart(comparison),
                        note("Solid: LSTM, dashed: linear benchmark; one colour per report. Drawdowns below.")),
                card("Settings", settings(comparison)));
    }

    private static Component legend(ReportComparison c) {
        Div facts = new Div();
        facts.addClassName("fg-facts");
        facts.setId("compare-reports");
        int k = 0;
        for (ReportComparison.Compared r : c.reports()) {
            Span label = new Span("#" + (k + 1) + " · " + r.portfolioName());
            label.addClassName("fg-fact-label");
            label.getStyle().set("color", COLORS[k % COLORS.length]);
            Anchor open = new Anchor(r.sharedBy() == null ? "reports/" + r.id() : "reports/shared/" + r.id(),
                    r.title());
            Span meta = new Span(r.datasetName() + " · " + Formats.dateTime(r.createdAt()) + " · method "
                    + r.methodVersion() + (r.sharedBy() == null ? "" : " · shared by " + r.sharedBy()));
            meta.addClassName("fg-muted");
            Div fact = new Div(label, open, meta);
            fact.addClassName("fg-fact");
            facts.add(fact);
            k++;
        }
        return facts;
    }

    private record Metric(String label, ToDoubleFunction<PerformanceSummary> value, boolean percent,
                          boolean higherIsBetter) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("Max drawdown", PerformanceSummary::maxDrawdown, true, true),
            new Metric("Sharpe", PerformanceSummary::sharpe, false, true),
            new Metric("VaR 95 %", PerformanceSummary::valueAtRisk95, true, true),
            new Metric("CVaR 95 %", PerformanceSummary::conditionalValueAtRisk95, true, true),
            new Metric("Annual return", PerformanceSummary::annualReturn, true, true),
            new Metric("Annual volatility", PerformanceSummary::annualVolatility, true, false),
            new Metric("Sortino", PerformanceSummary::sortino, false, true),
            new Metric("Calmar", PerformanceSummary::calmar, false, true));

    /** One row per report and portfolio (Table 1's rows, grouped by report), one column per measure. */
    private static Component riskTable(ReportComparison c) {
        NativeTable table = new NativeTable();
        table.setId("compare-risk-table");
        table.addClassName("fg-table");
        NativeTableRow head = new NativeTableRow();
        head.add(new NativeTableHeaderCell("Report"), new NativeTableHeaderCell("Portfolio"));
        METRICS.forEach(m -> head.add(new NativeTableHeaderCell(m.label())));
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        table.add(header);
        double[] best = new double[METRICS.size()];
        java.util.Arrays.fill(best, Double.NaN);
        for (ReportComparison.Compared r : c.reports()) {
            for (StudyResult.Portfolio p : r.result().portfolios()) {
                for (int m = 0; m < METRICS.size(); m++) {
                    double v = METRICS.get(m).value().applyAsDouble(p.summary());
                    boolean better = METRICS.get(m).higherIsBetter() ? v > best[m] : v < best[m];
                    if (Double.isFinite(v) && (Double.isNaN(best[m]) || better)) {
                        best[m] = v;
                    }
                }
            }
        }
        NativeTableBody body = new NativeTableBody();
        int k = 0;
        for (ReportComparison.Compared r : c.reports()) {
            for (StudyResult.Portfolio p : r.result().portfolios()) {
                NativeTableRow row = new NativeTableRow();
                NativeTableHeaderCell which = new NativeTableHeaderCell("#" + (k + 1));
                which.getStyle().set("color", COLORS[k % COLORS.length]);
                row.add(which, new NativeTableHeaderCell(p.name()));
                for (int m = 0; m < METRICS.size(); m++) {
                    double v = METRICS.get(m).value().applyAsDouble(p.summary());
                    NativeTableCell cell = new NativeTableCell(METRICS.get(m).percent() ? Formats.percent(v, 2)
                            : Formats.number(v, 2));
                    cell.addClassName("fg-num");
                    if (Double.isFinite(v) && v == best[m]) {
                        cell.addClassName("fg-best");
                    }
                    row.add(cell);
                }
                body.add(row);
            }
            k++;
        }
        table.add(body);
        Div scroll = new Div(table);
        scroll.addClassName("fg-table-scroll");
        return scroll;
    }

    private static Component chart(ReportComparison c) {
        EChart chart = new EChart("520px");
        chart.setId("compare-chart");
        chart.setWidthFull();
        chart.setAccessibleLabel("Equity curves and drawdowns of the compared reports");
        chart.setOption(chartOption(c));
        return chart;
    }

    static ChartOptions chartOption(ReportComparison c) {
        ChartOptions o = ChartOptions.chart().grid(72, 24, 48, 48).scrollingLegend().axisTooltip(ChartFormat.NUMBER4)
                .zoom().xAxis(Axis.time()).yAxis(Axis.values().name("equity (start = 1)").fitToData())
                .lowerPanel(Axis.time(), Axis.values().name("drawdown").labels(ChartFormat.PERCENT0), 0.3);
        int k = 0;
        for (ReportComparison.Compared r : c.reports()) {
            String color = COLORS[k % COLORS.length];
            for (String model : List.of(StudyResult.LSTM, StudyResult.LINEAR)) {
                StudyResult.Portfolio p = r.result().portfolios().stream().filter(x -> x.name().equals(model))
                        .findFirst().orElse(null);
                if (p == null) {
                    continue;
                }
                String name = "#" + (k + 1) + " " + model;
                boolean dashed = model.equals(StudyResult.LINEAR);
                o.series(Series.line(name, ChartData.datedPointsWithGaps(r.result().returnDates(), p.equity(), 4, 800))
                        .noSymbols().color(color).dashed(dashed).width(1.4));
                o.series(Series.line(name, ChartData.datedPointsWithGaps(r.result().returnDates(), p.drawdown(), 4,
                        800)).noSymbols().color(color).dashed(dashed).width(1.2).inLowerPanel()
                        .tooltip(ChartFormat.PERCENT));
            }
            k++;
        }
        return o;
    }

    private static Component settings(ReportComparison c) {
        List<ReportComparison.SettingRow> differing = c.differing();
        List<ReportComparison.SettingRow> same = c.settings().stream().filter(r -> !r.differs()).toList();
        Paragraph summary = new Paragraph(differing.isEmpty() ? "The reports were run with the same settings."
                : differing.size() + (differing.size() == 1 ? " setting differs" : " settings differ")
                + " (highlighted); " + same.size() + " are the same.");
        summary.setId("compare-settings-summary");
        Div box = new Div(summary, settingsTable("compare-differing", c, differing, true));
        if (!same.isEmpty()) {
            Details identical = new Details("Identical settings (" + same.size() + ")",
                    settingsTable("compare-identical", c, same, false));
            identical.setId("compare-identical-details");
            box.add(identical);
        }
        return box;
    }

    private static Component settingsTable(String id, ReportComparison c, List<ReportComparison.SettingRow> rows,
                                           boolean highlight) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("fg-table");
        NativeTableRow head = new NativeTableRow();
        head.add(new NativeTableHeaderCell("Setting"));
        for (int k = 0; k < c.reports().size(); k++) {
            head.add(new NativeTableHeaderCell("#" + (k + 1)));
        }
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        table.add(header);
        NativeTableBody body = new NativeTableBody();
        for (ReportComparison.SettingRow s : rows) {
            NativeTableRow row = new NativeTableRow();
            row.add(new NativeTableHeaderCell(s.setting()));
            s.values().forEach(v -> row.add(new NativeTableCell(v)));
            if (highlight && s.differs()) {
                row.addClassName("fg-differs");
            }
            body.add(row);
        }
        table.add(body);
        Div scroll = new Div(table);
        scroll.addClassName("fg-table-scroll");
        return scroll;
    }

    private static Div card(String heading, Component... content) {
        Div card = new Div();
        card.addClassNames("fg-card", "fg-report-section");
        card.setWidthFull();
        card.add(new H3(heading));
        card.add(content);
        return card;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("fg-muted");
        return p;
    }
}
