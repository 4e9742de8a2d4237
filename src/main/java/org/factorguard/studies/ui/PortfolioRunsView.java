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
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.widgets.LiveRunFeed;
import org.factorguard.jobs.widgets.RunActionColumn;
import org.factorguard.jobs.widgets.LossCurveChart;
import org.factorguard.jobs.widgets.RunProgressCell;
import org.factorguard.jobs.widgets.RunStateBadge;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.ProblemList;
import org.factorguard.shared.ui.RouteIds;
import org.factorguard.studies.service.SettingSweepService;
import org.factorguard.studies.service.StudyRunService;
import org.factorguard.studies.service.SweepSummary;
import org.factorguard.studies.service.SweptSetting;

/**
 * The study runs of one portfolio: start a study, follow it live ({@link LiveRunFeed}: pushed from this
 * node, polled every two seconds for runs on other nodes), cancel, open the report when done.
 */
@Route("portfolios/:id/runs")
@PageTitle("Runs · FactorGuard")
@PermitAll
public class PortfolioRunsView extends VerticalLayout implements BeforeEnterObserver {

    private final StudyRunService runs;
    private final SettingSweepService sweeps;
    private final Div sweepList = new Div();
    private final Clock clock;
    private final long myId;
    private final Grid<JobSummary> grid = new Grid<>();
    private final Div problems = new Div();
    private final Paragraph empty = new Paragraph("No runs yet. Start a study: it runs in the background and "
            + "you can leave this page meanwhile.");
    private final Div chartCard = new Div();
    private final H3 chartTitle = new H3();
    private final LossCurveChart lossChart = new LossCurveChart("240px", "epochs trained (all folds and seeds)");
    private final LiveRunFeed feed;
    private com.vaadin.flow.dom.DomListenerRegistration actionListener;
    private long portfolioId;

    public PortfolioRunsView(StudyRunService runs, SettingSweepService sweeps, CurrentUser currentUser, Clock clock) {
        this.runs = runs;
        this.sweeps = sweeps;
        this.clock = clock;
        this.myId = currentUser.require().id();
        addClassName("fg-page");
        setWidthFull();
        feed = new LiveRunFeed(runs::subscribe,
                change -> change.ownerId() == myId && Long.valueOf(portfolioId).equals(change.subjectId()),
                this::readRuns, Comparator.comparingLong(JobSummary::id).reversed(), this::render)
                .followWhileAttached(this);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        portfolioId = RouteIds.require(event, "Portfolio");
        String name = runs.portfolioName(portfolioId);
        H2 title = new H2("Runs · " + name);
        title.setId("portfolio-runs-title");
        Button start = new Button("Start study", click -> start());
        start.setId("start-study");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor back = new Anchor("portfolios/" + portfolioId, "Portfolio settings");
        Button sweep = new Button("Sweep a setting", click -> new SweepDialog(sweeps, portfolioId).open());
        sweep.setId("start-sweep");
        HorizontalLayout header = new HorizontalLayout(title, new HorizontalLayout(back, sweep, start));
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);

        problems.setId("start-problems");
        problems.addClassName("fg-problems");
        problems.setVisible(false);
        empty.setId("portfolio-runs-empty");
        empty.addClassName("fg-muted");

        grid.removeAllColumns();
        grid.setId("portfolio-runs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> Formats.dateTimeWithSeconds(r.createdAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(PortfolioRunsView::studied).setHeader("Settings").setAutoWidth(true);
        grid.addComponentColumn(r -> new RunStateBadge(r, "run-")).setHeader("State").setWidth("130px")
                .setFlexGrow(0);
        grid.addComponentColumn(r -> new RunProgressCell(r, "run-", clock.instant())).setHeader("Progress")
                .setWidth("320px").setFlexGrow(1);
        grid.addColumn(r -> r.epoch() == null ? "" : String.valueOf(r.epoch())).setHeader("Epoch").setAutoWidth(true);
        grid.addColumn(r -> r.latestLoss() == null ? "" : Formats.number(r.latestLoss(), 5))
                .setHeader("Latest loss").setAutoWidth(true);
        grid.addColumn(r -> Formats.duration(r.duration(clock.instant()))).setHeader("Duration")
                .setAutoWidth(true);
        if (actionListener != null) {
            actionListener.remove();
        }
        actionListener = RunActionColumn.add(grid, "run-", "130px", List.of(
                new RunActionColumn.Action("cancel", "Cancel", "small error tertiary", JobSummary::cancellable,
                        this::cancel),
                new RunActionColumn.Action("again", "Run again", "small tertiary",
                        r -> r.ownerId() == myId && StudyRunService.canRunAgain(r),
                        run -> queue(() -> runs.runAgain(run)))),
                run -> feed.find(run).isPresent());
        grid.addComponentColumn(this::actions).setHeader("").setWidth("130px").setFlexGrow(0);
        grid.setAllRowsVisible(true);

        chartCard.removeAll();
        chartCard.addClassName("fg-card");
        chartCard.setWidthFull();
        lossChart.setId("portfolio-runs-loss-chart");
        lossChart.setAccessibleLabel("Training loss of the latest run");
        chartCard.add(chartTitle, lossChart);
        chartCard.setVisible(false);
        add(header, problems, empty, grid, chartCard, sweepList);
        showSweeps();
        feed.reload();
    }

    /**
     * What a run studied: a sweep's study names its value after the portfolio ("Study of X · Rebalancing: weekly"),
     * any other run the portfolio's settings as they were when it was queued.
     */
    static String studied(JobSummary run) {
        int last = run.title().lastIndexOf(" · ");
        String tail = last < 0 ? "" : run.title().substring(last + 3);
        for (SweptSetting s : SweptSetting.values()) {
            if (tail.startsWith(s.label() + ": ")) {
                return tail;
            }
        }
        return "Portfolio settings";
    }

    /** The portfolio's setting sweeps, newest first, each a link to its comparison. */
    private void showSweeps() {
        sweepList.removeAll();
        sweepList.setId("portfolio-sweeps");
        List<SweepSummary> list = sweeps.sweepsOf(portfolioId);
        sweepList.setVisible(!list.isEmpty());
        if (list.isEmpty()) {
            return;
        }
        sweepList.addClassName("fg-card");
        sweepList.setWidthFull();
        UnorderedList items = new UnorderedList();
        for (SweepSummary s : list) {
            Anchor link = new Anchor("sweeps/" + s.id(), s.setting().label() + ": " + String.join(", ",
                    s.valueLabels()));
            link.setId("portfolio-sweep-" + s.id());
            items.add(new ListItem(link, new Span(" · queued " + Formats.dateTime(s.createdAt()))));
        }
        sweepList.add(new H3("Setting sweeps"), items);
    }

    private void start() {
        queue(() -> runs.start(portfolioId));
    }

    private void queue(Supplier<JobSummary> starter) {
        problems.setVisible(false);
        try {
            JobSummary run = starter.get();
            feed.apply(run);
            Notification.show("Study queued").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationProblemException e) {
            ProblemList.show(problems, "The study cannot start:",
                    e.problems().stream().map(FieldProblem::message).toList());
            if (e.problems().stream().anyMatch(p -> "factors".equals(p.field()))) {
                // the factors page belongs to the portfolios feature; a plain URL keeps the packages free of cycles
                Anchor factors = new Anchor("portfolios/" + portfolioId + "/factors",
                        "Choose factors on the Factors page");
                factors.setId("start-problems-factors");
                problems.add(factors);
            }
            problems.setVisible(true);
        } catch (NotFoundException e) {
            Notification.show("This portfolio no longer exists").addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private List<JobSummary> readRuns() {
        try {
            return runs.runsOf(portfolioId);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private void render(List<JobSummary> items) {
        grid.setItems(items);
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
        JobSummary latest = items.stream().filter(r -> r.state() == JobState.RUNNING).findFirst()
                .orElse(items.stream().filter(r -> !r.lossHistory().isEmpty()).findFirst().orElse(null));
        if (latest == null || latest.lossHistory().isEmpty()) {
            chartCard.setVisible(false);
        } else {
            chartCard.setVisible(true);
            chartTitle.setText("Training loss · run started " + Formats.dateTimeWithSeconds(latest.createdAt()));
            lossChart.show(latest.lossHistory());
        }
    }

    /** Cancels one of the page's runs (the service checks that it is the user's and a study). */
    private void cancel(long runId) {
        try {
            feed.apply(runs.cancel(runId));
        } catch (NotFoundException e) {
            feed.reload();
        }
    }

    private Component actions(JobSummary r) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(Alignment.CENTER);
        if (r.resultLocation() != null) {
            Anchor open = new Anchor(r.resultLocation(), "Open report");
            open.setId("run-report-" + r.id());
            row.add(open);
        }
        return row;
    }

}
