package org.factorguard.reports.ui;

import static org.factorguard.reports.ui.ReportTables.table;
import static org.factorguard.reports.ui.ReportTables.header;
import static org.factorguard.reports.ui.ReportTables.row;
import static org.factorguard.reports.ui.ReportTables.scroll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.factorguard.quant.backtest.Delisting;
import org.factorguard.quant.data.PriceRepair;
import org.factorguard.quant.risk.PerformanceMetrics;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.reports.service.DrawdownLimitReading;
import org.factorguard.reports.service.MethodVersionNote;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.Series;

/**
 * The report's parts for issue 13's backtest rules: the method version in the header, the "without overlay" second
 * line of Table 1, the drawdown limit of each model portfolio and the data treatment. A result computed before the
 * rules shows one line saying so.
 */
final class BacktestRulesSections {

    /** The report's own section card (title, CSV button of {@code table}, content). */
    @FunctionalInterface
    interface SectionMaker {
        Component section(String title, ReportTable table, Component... content);
    }

    private static final String[] MODEL_COLORS = {"#1565c0", "#ef6c00"};

    private BacktestRulesSections() {
    }

    // ---------------------------------------------------------------- header

    /** "Method version N: …", and for an earlier method the notice to re-run. */
    static Component methodVersion(StudyResult r) {
        int version = r.methodVersion();
        Paragraph line = new Paragraph("Method version " + version + ": " + MethodVersionNote.meaning(version));
        line.setId("report-method-version");
        line.addClassName("fg-muted");
        Div box = new Div(line);
        String outdated = MethodVersionNote.outdatedNotice(version);
        if (outdated != null) {
            Paragraph notice = new Paragraph(outdated);
            notice.setId("report-method-outdated");
            notice.addClassName("fg-outdated-note");
            box.add(notice);
        }
        return box;
    }

    // ---------------------------------------------------------------- Table 1

    /** Adds the portfolio's figure without the drawdown overlay under its Table 1 cell (model portfolios only). */
    static void withoutOverlayLine(NativeTableCell cell, StudyResult.Portfolio p,
                                   ToDoubleFunction<PerformanceSummary> value, DoubleFunction<String> format) {
        StudyResult.DrawdownOverlayResult o = p.drawdownOverlay();
        if (o == null || o.withoutOverlay() == null) {
            return;
        }
        Div line = new Div(format.apply(value.applyAsDouble(o.withoutOverlay())) + " w/o overlay");
        line.addClassName("fg-without-overlay");
        cell.add(line);
    }

    /** The Table 1 note on the second lines, or nothing when no portfolio has an overlay. */
    static List<Component> withoutOverlayNote(StudyResult r) {
        boolean any = r.portfolios().stream().anyMatch(p -> p.drawdownOverlay() != null);
        if (!any) {
            return List.of();
        }
        Paragraph p = new Paragraph("Second line in the model columns (w/o overlay): the same model decisions held at "
                + "full exposure, without the daily drawdown overlay. It shows the model's own skill apart from the "
                + "control; the first line is what the portfolio earned.");
        p.addClassName("fg-muted");
        p.setId("report-without-overlay-note");
        return List.of(p);
    }

    // ---------------------------------------------------------------- drawdown limit

    static Component drawdownLimit(StudyResult r, SectionMaker maker) {
        List<StudyResult.Portfolio> models = r.portfolios().stream().filter(p -> p.drawdownOverlay() != null)
                .toList();
        if (models.isEmpty()) {
            return maker.section("Drawdown limit", null, note("Not computed for this study: it was run before the "
                    + "daily drawdown overlay (method version " + r.methodVersion() + "), when drawdown control acted "
                    + "only on rebalance days. Run it again to see the limit and what the overlay did.",
                    "report-drawdown-limit-missing"));
        }
        Div content = new Div();
        content.add(limitTable(r, models));
        int c = 0;
        for (StudyResult.Portfolio p : models) {
            DrawdownLimitReading reading = DrawdownLimitReading.of(r, p);
            String slug = slug(p.name());
            content.add(new H4(p.name()));
            Paragraph says = new Paragraph(reading.explanation());
            says.setId("report-drawdown-limit-says-" + slug);
            if (reading.stoppedOut()) {
                says.addClassName("fg-outdated-note");
            }
            content.add(says);
            content.add(chart("report-drawdown-limit-chart-" + slug, "460px",
                    drawdownLimitOption(r, p, MODEL_COLORS[c++ % MODEL_COLORS.length])));
            content.add(actedDates(p, slug));
        }
        content.add(note(models.getFirst().drawdownOverlay().rule(), null));
        return maker.section("Drawdown limit", ReportTable.DRAWDOWN_LIMIT, content);
    }

    private static Component limitTable(StudyResult r, List<StudyResult.Portfolio> models) {
        NativeTable table = table("report-drawdown-limit-table");
        table.add(header(List.of("Portfolio", "Limit", "Realised max drawdown", "Worst one-day loss",
                "Held within one day", "Days the overlay acted", "Average exposure", "In cash from")));
        NativeTableBody body = new NativeTableBody();
        for (StudyResult.Portfolio p : models) {
            DrawdownLimitReading d = DrawdownLimitReading.of(r, p);
            body.add(row(p.name(), Formats.percent(d.limit(), 0), Formats.percent(d.realisedMaxDrawdown(), 2),
                    Formats.percent(d.worstDayLoss(), 2), d.heldWithinOneDay() ? "yes" : "no",
                    String.valueOf(d.actedDays()), Formats.percent(d.averageExposure(), 1),
                    d.stoppedOut() ? String.valueOf(d.cashFrom()) : "–"));
        }
        table.add(body);
        return scroll(table);
    }

    private static Component actedDates(StudyResult.Portfolio p, String slug) {
        List<LocalDate> acted = p.drawdownOverlay().actedDates();
        Span list = new Span(acted.isEmpty() ? "None."
                : acted.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        list.addClassName("fg-muted");
        Details details = new Details("Closes at which the overlay changed the exposure (" + acted.size() + ")",
                list);
        details.setId("report-drawdown-limit-acted-" + slug);
        return details;
    }

    /**
     * Above: the portfolio's drawdown, the model's drawdown without the overlay and the limit as a line. Below:
     * the overlay's exposure after each close.
     */
    static ChartOptions drawdownLimitOption(StudyResult r, StudyResult.Portfolio p, String color) {
        StudyResult.DrawdownOverlayResult o = p.drawdownOverlay();
        List<String> dates = Arrays.stream(r.returnDates()).map(LocalDate::toString).toList();
        double[] limit = new double[dates.size()];
        Arrays.fill(limit, -o.limit());
        return ChartOptions.chart().grid(72, 24, 48, 64).legend().axisTooltip(ChartFormat.PERCENT).zoom()
                .xAxis(Axis.categories(dates).noBoundaryGap())
                .yAxis(Axis.values().name("drawdown").labels(ChartFormat.PERCENT0))
                .lowerPanel(Axis.categories(dates).noBoundaryGap(), Axis.values().labels(ChartFormat.PERCENT0),
                        0.35)
                .series(Series.line(p.name(), ChartData.values(p.drawdown())).noSymbols().color(color).area(0.08))
                .series(Series.line(p.name() + " without overlay",
                        ChartData.values(PerformanceMetrics.drawdownCurve(o.withoutOverlayReturns()))).noSymbols()
                        .color("#757575").dashed(true))
                .series(Series.line("Limit", ChartData.values(limit)).noSymbols().color("#c62828").dashed(true)
                        .width(1))
                .series(Series.line("Exposure", ChartData.values(o.exposure())).noSymbols().color(color).area(0.2)
                        .inLowerPanel());
    }

    // ---------------------------------------------------------------- data treatment

    static Component dataTreatment(StudyResult r, SectionMaker maker) {
        StudyResult.DataTreatment t = r.dataTreatment();
        if (t == null) {
            return maker.section("Data treatment", null, note("Not recorded for this study: it was run before "
                    + "portfolios earned the prices as imported (method version " + r.methodVersion() + "), when "
                    + "the P&L used cleaned returns. Run it again to see the repairs and the data rules.",
                    "report-data-treatment-missing"));
        }
        Div content = new Div();
        NativeTable facts = table("report-data-treatment-table");
        NativeTableBody body = new NativeTableBody();
        body.add(row("Bad ticks repaired in the P&L", Formats.count(t.priceRepairs().size())));
        body.add(row("Model-input returns winsorised (whole dataset)", Formats.count(t.inputReturnsWinsorised())));
        body.add(row("Model-input days carried forward over gaps (whole dataset)",
                Formats.count(t.inputDaysCarriedForward())));
        body.add(row("Risk-free rate (cash, Sharpe, Sortino)", Formats.percent(r.config().riskFreeRate(), 2)
                + " a year (" + Formats.significant(t.dailyRiskFreeRate(), 3) + " a day)"));
        long delisted = r.portfolios().stream().mapToLong(p -> p.delistings().size()).sum();
        body.add(row("Delisted positions sold at their last price", Formats.count(delisted)));
        facts.add(body);
        content.add(scroll(facts));
        content.add(repairs(t.priceRepairs()));
        content.add(delistings(r));
        content.add(note(t.note(), null));
        return maker.section("Data treatment", ReportTable.DATA_TREATMENT, content);
    }

    private static Component repairs(List<PriceRepair> repairs) {
        if (repairs.isEmpty()) {
            return note("No bad tick was repaired: every portfolio earned the prices exactly as imported.",
                    "report-price-repairs-none");
        }
        NativeTable table = table("report-price-repairs");
        table.add(header(List.of("Ticker", "Date", "Close as imported", "Close the P&L used", "Why")));
        NativeTableBody body = new NativeTableBody();
        for (PriceRepair p : repairs) {
            body.add(row(p.ticker(), p.date().toString(), Formats.number(p.rawClose(), 2),
                    Formats.number(p.repairedClose(), 2), p.reason()));
        }
        table.add(body);
        return new Div(new H4("Bad ticks repaired in the P&L"), scroll(table));
    }

    private static Component delistings(StudyResult r) {
        List<StudyResult.Portfolio> with = r.portfolios().stream().filter(p -> !p.delistings().isEmpty()).toList();
        if (with.isEmpty()) {
            return note("No portfolio held an instrument whose prices ended before the data did.",
                    "report-delistings-none");
        }
        NativeTable table = table("report-delistings");
        table.add(header(List.of("Portfolio", "Ticker", "Last price", "Sold on", "Weight held")));
        NativeTableBody body = new NativeTableBody();
        for (StudyResult.Portfolio p : with) {
            for (Delisting d : p.delistings()) {
                body.add(row(p.name(), d.ticker(), d.lastPriceDate().toString(), d.soldOn().toString(),
                        Formats.percent(d.weightHeld(), 2)));
            }
        }
        table.add(body);
        return new Div(new H4("Delisted instruments, sold at their last price"), scroll(table));
    }

    // ---------------------------------------------------------------- helpers

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static Paragraph note(String text, String id) {
        Paragraph p = new Paragraph(text == null ? "" : text);
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

}
