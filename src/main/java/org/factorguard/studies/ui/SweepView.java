package org.factorguard.studies.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.widgets.LiveRunFeed;
import org.factorguard.jobs.widgets.RunProgressCell;
import org.factorguard.jobs.widgets.RunStateBadge;
import org.factorguard.quant.risk.PerformanceSummary;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.RouteIds;
import org.factorguard.shared.ui.Series;
import org.factorguard.studies.service.SettingSweepService;
import org.factorguard.studies.service.SweepDetail;
import org.factorguard.studies.service.SweepOutcome;

/**
 * One setting sweep ({@code sweeps/7}): its studies, one per value, followed live like the runs page, and, as they
 * finish, their results side by side: Table 1's main rows per value, a chart of the Sharpe ratios and drawdowns
 * against the value, the deflated Sharpe ratio of each (whose N counts the sweep's other studies) and a link to
 * the full comparison of the reports. Another user's sweep is "not found".
 */
@Route("sweeps/:id")
@PageTitle("Setting sweep · FactorGuard")
@PermitAll
public class SweepView extends VerticalLayout implements BeforeEnterObserver {

    /** A deflated Sharpe ratio above this is read as skill that survives the trials. */
    static final double DSR_THRESHOLD = 0.95;

    private final SettingSweepService sweeps;
    private final Clock clock;
    private final Grid<JobSummary> grid = new Grid<>();
    private final Div results = new Div();
    private final Button cancel = new Button("Cancel the sweep");
    private final LiveRunFeed feed;
    private long sweepId;
    private SweepDetail sweep;
    private final Map<Long, SweepDetail.Member> byRun = new HashMap<>();
    private Set<Long> outcomesOf = Set.of();

    public SweepView(SettingSweepService sweeps, Clock clock) {
        this.sweeps = sweeps;
        this.clock = clock;
        addClassName("fg-page");
        setWidthFull();
        feed = new LiveRunFeed(sweeps::subscribe, change -> byRun.containsKey(change.id()), this::readRuns,
                Comparator.comparingInt(r -> position(r.id())), this::render).followWhileAttached(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        sweepId = RouteIds.require(event, "Setting sweep");
        sweep = sweeps.find(sweepId); // not the user's: NotFoundException -> "not found" page
        byRun.clear();
        sweep.members().forEach(m -> byRun.put(m.run().id(), m));
        outcomesOf = Set.of();

        String portfolio = sweep.portfolioName() == null ? "a deleted portfolio" : sweep.portfolioName();
        H2 title = new H2("Sweep of " + sweep.setting().label().toLowerCase(java.util.Locale.ROOT) + " · "
                + portfolio);
        title.setId("sweep-title");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        if (sweep.portfolioName() != null) {
            Anchor back = new Anchor("portfolios/" + sweep.portfolioId() + "/runs", "All runs of the portfolio");
            back.setId("sweep-back");
            header.add(back);
        }
        Paragraph about = new Paragraph("Queued " + Formats.dateTime(sweep.createdAt()) + ": one study per value ("
                + sweep.members().stream().map(SweepDetail.Member::label).collect(Collectors.joining(", "))
                + "), everything else as the portfolio was set then. Each study counts the " + sweep.otherStudies()
                + (sweep.otherStudies() == 1 ? " other" : " others") + " in its deflated Sharpe ratio's N: picking "
                + "the best value after looking is one more trial, so read the deflated Sharpe ratio, not the best "
                + "Sharpe ratio alone."
                + (sweep.setting().switchesOffLstmSearch() ? " The per-fold LSTM search is off in these studies: "
                + "the sweep varies what it would choose." : ""));
        about.setId("sweep-about");
        about.addClassName("fg-muted");

        grid.removeAllColumns();
        grid.setId("sweep-runs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> member(r).label()).setHeader(sweep.setting().label()).setAutoWidth(true);
        grid.addComponentColumn(r -> new RunStateBadge(r, "sweep-run-")).setHeader("State").setWidth("130px")
                .setFlexGrow(0);
        grid.addComponentColumn(r -> new RunProgressCell(r, "sweep-run-", clock.instant())).setHeader("Progress")
                .setWidth("320px").setFlexGrow(1);
        grid.addColumn(r -> Formats.duration(r.duration(clock.instant()))).setHeader("Duration").setAutoWidth(true);
        grid.addComponentColumn(SweepView::reportLink).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        cancel.setId("sweep-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> {
            try {
                sweeps.cancel(sweepId);
            } catch (NotFoundException e) {
                // gone meanwhile: the reload below shows what is left
            }
            feed.reload();
        });

        results.removeAll();
        results.setId("sweep-results");
        results.setWidthFull();
        add(header, about, grid, cancel, results);
        feed.reload();
    }

    private List<JobSummary> readRuns() {
        try {
            return sweeps.find(sweepId).members().stream().map(SweepDetail.Member::run).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private int position(long runId) {
        List<SweepDetail.Member> members = sweep.members();
        for (int k = 0; k < members.size(); k++) {
            if (members.get(k).run().id() == runId) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }

    private SweepDetail.Member member(JobSummary run) {
        return byRun.get(run.id());
    }

    private static Component reportLink(JobSummary run) {
        if (run.resultLocation() == null) {
            return new Div();
        }
        Anchor open = new Anchor(run.resultLocation(), "Open report");
        open.setId("sweep-run-report-" + run.id());
        return open;
    }

    private void render(List<JobSummary> runs) {
        grid.setItems(runs);
        cancel.setVisible(runs.stream().anyMatch(r -> !r.state().isFinal()));
        Set<Long> succeeded = runs.stream().filter(r -> r.state() == JobState.SUCCEEDED).map(JobSummary::id)
                .collect(Collectors.toSet());
        if (!succeeded.equals(outcomesOf)) {
            // results are read only when another study has finished, not on every progress tick
            outcomesOf = succeeded;
            showResults(sweeps.outcomes(sweepId), runs.size());
        }
    }

    private void showResults(List<SweepOutcome> outcomes, int studies) {
        results.removeAll();
        if (outcomes.isEmpty()) {
            Paragraph waiting = new Paragraph("The comparison appears here as the studies finish.");
            waiting.setId("sweep-results-waiting");
            waiting.addClassName("fg-muted");
            results.add(waiting);
            return;
        }
        Div card = new Div();
        card.addClassNames("fg-card", "fg-report-section");
        card.setWidthFull();
        H3 heading = new H3("Results by " + sweep.setting().label().toLowerCase(java.util.Locale.ROOT)
                + (outcomes.size() < studies ? " (" + outcomes.size() + " of " + studies + " studies done)" : ""));
        card.add(heading, verdict(outcomes), table(outcomes));
        if (outcomes.size() >= 2) {
            EChart chart = new EChart("420px");
            chart.setId("sweep-chart");
            chart.setWidthFull();
            chart.setAccessibleLabel("Sharpe ratios and maximum drawdowns by value of the swept setting");
            chart.setOption(chartOption(outcomes));
            card.add(chart);
            String ids = outcomes.stream().limit(4).map(o -> String.valueOf(o.reportId()))
                    .collect(Collectors.joining(","));
            Anchor compare = new Anchor("reports/compare?ids=" + ids, "Compare the reports side by side "
                    + "(equity curves, every Table 1 measure, settings)");
            compare.setId("sweep-compare");
            card.add(new Paragraph(compare));
        }
        results.add(card);
    }

    /** One plain sentence on the best value and whether its deflated Sharpe ratio says it is skill. */
    static Paragraph verdict(List<SweepOutcome> outcomes) {
        SweepOutcome best = outcomes.stream().filter(o -> Double.isFinite(o.lstm().sharpe()))
                .max(Comparator.comparingDouble(o -> o.lstm().sharpe())).orElse(outcomes.getFirst());
        String dsr = Double.isFinite(best.deflatedSharpe())
                ? "its deflated Sharpe ratio is " + Formats.number(best.deflatedSharpe(), 2) + " with N = "
                + best.trials() + (best.deflatedSharpe() > DSR_THRESHOLD
                ? ", above " + DSR_THRESHOLD + ": the Sharpe ratio survives the trials"
                : ", not above " + DSR_THRESHOLD + ": the difference between values may be luck")
                : "its deflated Sharpe ratio was not computed";
        Paragraph p = new Paragraph("Highest LSTM Sharpe ratio: " + best.label() + " ("
                + Formats.number(best.lstm().sharpe(), 2) + "); " + dsr + ".");
        p.setId("sweep-verdict");
        return p;
    }

    private static Component table(List<SweepOutcome> outcomes) {
        NativeTable table = new NativeTable();
        table.setId("sweep-results-table");
        table.addClassName("fg-table");
        NativeTableRow head = new NativeTableRow();
        for (String h : List.of("Value", "LSTM Sharpe", "Linear Sharpe", "LSTM max drawdown", "LSTM VaR 95 %",
                "LSTM annual return", "LSTM annual volatility", "Deflated Sharpe (N)", "Report")) {
            head.add(new NativeTableHeaderCell(h));
        }
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        table.add(header);
        double bestSharpe = outcomes.stream().mapToDouble(o -> o.lstm().sharpe()).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        NativeTableBody body = new NativeTableBody();
        for (SweepOutcome o : outcomes) {
            NativeTableRow row = new NativeTableRow();
            row.setId("sweep-result-" + o.value());
            row.add(new NativeTableHeaderCell(o.label()));
            NativeTableCell lstmSharpe = num(Formats.number(o.lstm().sharpe(), 2));
            if (o.lstm().sharpe() == bestSharpe) {
                lstmSharpe.addClassName("fg-best");
            }
            PerformanceSummary l = o.lstm();
            row.add(lstmSharpe, num(Formats.number(o.linear().sharpe(), 2)), num(Formats.percent(l.maxDrawdown(), 1)),
                    num(Formats.percent(l.valueAtRisk95(), 2)), num(Formats.percent(l.annualReturn(), 1)),
                    num(Formats.percent(l.annualVolatility(), 1)),
                    num(Double.isFinite(o.deflatedSharpe()) ? Formats.number(o.deflatedSharpe(), 2) + " (" + o.trials()
                            + ")" : "–"));
            Anchor open = new Anchor("reports/" + o.reportId(), "#" + o.reportId());
            row.add(new NativeTableCell(open));
            body.add(row);
        }
        table.add(body);
        Div scroll = new Div(table);
        scroll.addClassName("fg-table-scroll");
        return scroll;
    }

    private static NativeTableCell num(String text) {
        NativeTableCell cell = new NativeTableCell(text);
        cell.addClassName("fg-num");
        return cell;
    }

    /** Sharpe ratios of both models per value above, the LSTM's and linear model's maximum drawdowns below. */
    static ChartOptions chartOption(List<SweepOutcome> outcomes) {
        List<String> labels = outcomes.stream().map(SweepOutcome::label).toList();
        List<Double> lstmSharpe = new ArrayList<>();
        List<Double> linearSharpe = new ArrayList<>();
        List<Double> lstmDrawdown = new ArrayList<>();
        List<Double> linearDrawdown = new ArrayList<>();
        for (SweepOutcome o : outcomes) {
            lstmSharpe.add(ChartData.value(o.lstm().sharpe(), 3));
            linearSharpe.add(ChartData.value(o.linear().sharpe(), 3));
            lstmDrawdown.add(ChartData.value(o.lstm().maxDrawdown(), 4));
            linearDrawdown.add(ChartData.value(o.linear().maxDrawdown(), 4));
        }
        // the values label the x axis; the setting is in the card's heading
        return ChartOptions.chart().grid(64, 24, 36, 32).legend().axisTooltip(ChartFormat.NUMBER2)
                .xAxis(Axis.categories(labels))
                .yAxis(Axis.values().name("Sharpe ratio").nameInMiddle(44))
                .lowerPanel(Axis.categories(labels), Axis.values().name("max drawdown").nameInMiddle(44)
                        .labels(ChartFormat.PERCENT0), 0.4)
                .series(Series.bar("LSTM", lstmSharpe).color("#1565c0"))
                .series(Series.bar("Linear", linearSharpe).color("#ef6c00"))
                .series(Series.bar("LSTM", lstmDrawdown).color("#1565c0").inLowerPanel().tooltip(ChartFormat.PERCENT))
                .series(Series.bar("Linear", linearDrawdown).color("#ef6c00").inLowerPanel()
                        .tooltip(ChartFormat.PERCENT));
    }
}
