package org.factorguard.jobs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobEvents;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.widgets.LiveRunFeed;
import org.factorguard.jobs.widgets.RunActionColumn;
import org.factorguard.jobs.widgets.LossCurveChart;
import org.factorguard.jobs.widgets.RunProgressCell;
import org.factorguard.jobs.widgets.RunStateBadge;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;

/**
 * The user's background runs with live progress ({@link LiveRunFeed}: changes made on this node arrive
 * through {@link JobEvents} and are pushed to the browser; runs executed by another node are picked up by
 * a two-second poll). Administrators may show everyone's runs.
 */
@Route("runs")
@PageTitle("Runs · FactorGuard")
@Menu(order = 50, title = "Runs", icon = MainLayout.Icons.RUNS)
@PermitAll
public class RunsView extends VerticalLayout {

    private final JobService jobs;
    private final Clock clock;
    private final long myId;
    private final boolean admin;
    private final Grid<JobSummary> grid = new Grid<>();
    private final Checkbox showAll = new Checkbox("All runs");
    private final Paragraph empty = new Paragraph("No runs yet. Studies you start appear here while they run.");
    private final H3 chartTitle = new H3();
    private final LossCurveChart lossChart = new LossCurveChart("240px", "epoch");
    private final Div chartCard = new Div();
    private final LiveRunFeed feed;
    private Long selectedId;

    public RunsView(JobService jobs, JobEvents events, CurrentUser currentUser, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        CurrentUser.UserRef me = currentUser.require();
        this.myId = me.id();
        this.admin = me.isAdmin();
        addClassName("fg-page");
        setSizeFull();

        H2 title = new H2("Runs");
        title.setId("runs-title");
        showAll.setId("runs-all");
        showAll.setVisible(admin);
        HorizontalLayout header = new HorizontalLayout(title, showAll);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);

        empty.setId("runs-empty");
        empty.addClassName("fg-muted");

        grid.setId("runs-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(JobSummary::title).setHeader("Title").setAutoWidth(true).setFlexGrow(1);
        if (admin) {
            grid.addColumn(JobSummary::ownerName).setHeader("Owner").setAutoWidth(true).setKey("owner");
        }
        grid.addColumn(r -> r.kind().toLowerCase(Locale.ROOT)).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new RunStateBadge(r, "")).setHeader("State").setWidth("130px").setFlexGrow(0);
        grid.addComponentColumn(r -> new RunProgressCell(r, "", clock.instant())).setHeader("Progress")
                .setWidth("180px").setFlexGrow(0);
        grid.addColumn(r -> r.epoch() == null ? "" : String.valueOf(r.epoch())).setHeader("Epoch").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.latestLoss() == null ? "" : Formats.number(r.latestLoss(), 5))
                .setHeader("Latest loss").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.dateTimeWithSeconds(r.createdAt())).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> Formats.duration(r.duration(clock.instant()))).setHeader("Duration")
                .setWidth("90px").setFlexGrow(0);
        RunActionColumn.add(grid, "", "80px", List.of(new RunActionColumn.Action("cancel", "Cancel",
                "small error tertiary", JobSummary::cancellable, this::cancelShown)),
                this::shown);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("180px").setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(false);
        grid.addSelectionListener(selection -> {
            selectedId = selection.getFirstSelectedItem().map(JobSummary::id).orElse(selectedId);
            updateChart();
        });

        chartCard.addClassName("fg-card");
        chartCard.setWidthFull();
        lossChart.setId("runs-loss-chart");
        lossChart.setAccessibleLabel("Training loss of the selected run");
        chartCard.add(chartTitle, lossChart);
        chartCard.setVisible(false);

        grid.setAllRowsVisible(true);
        add(header, empty, grid, chartCard);
        feed = new LiveRunFeed(events::subscribe, change -> change.ownerId() == myId || (admin && showAll.getValue()),
                () -> admin && showAll.getValue() ? jobs.listAll() : jobs.listMine(), LiveRunFeed.NEWEST_FIRST,
                this::render).followWhileAttached(this);
        showAll.addValueChangeListener(change -> feed.reload());
        feed.reload();
    }

    private void render(List<JobSummary> items) {
        grid.setItems(items);
        items.stream().filter(r -> r.state() == JobState.FAILED || r.cancelRequested())
                .forEach(r -> grid.setDetailsVisible(r, true));
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
        if (feed.find(selectedId).isEmpty()) {
            selectedId = items.stream().filter(r -> r.state() == JobState.RUNNING).map(JobSummary::id).findFirst()
                    .orElse(items.stream().filter(r -> !r.lossHistory().isEmpty()).map(JobSummary::id).findFirst()
                            .orElse(null));
        }
        updateChart();
    }

    private Component actions(JobSummary r) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(true);
        row.setAlignItems(Alignment.CENTER);
        if (r.resultLocation() != null) {
            Anchor open = new Anchor(r.resultLocation(), "Open result");
            open.setId("result-" + r.id());
            row.add(open);
        }
        if ((r.state() == JobState.FAILED || r.state() == JobState.CANCELLED) && r.ownerId() == myId
                && r.subjectLocation() != null) {
            // "Run again" belongs to the run's feature; its page offers it
            Anchor again = new Anchor(r.subjectLocation(), "Run again…");
            again.setId("subject-" + r.id());
            again.getElement().setAttribute("title",
                    "Open the page this run belongs to, where it can be started again");
            row.add(again);
        }
        Button chart = new Button("Loss curve", click -> {
            selectedId = r.id();
            updateChart();
        });
        chart.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        chart.setEnabled(!r.lossHistory().isEmpty());
        row.add(chart);
        return row;
    }

    private Component details(JobSummary r) {
        String text = r.state() == JobState.FAILED ? "Failed: " + r.errorMessage()
                : r.cancelRequested() && r.state().isActive() ? "Cancel requested: stopping at the next check"
                : "";
        Span detail = new Span(text);
        detail.setId("detail-" + r.id());
        detail.addClassName(r.state() == JobState.FAILED ? "fg-negative" : "fg-muted");
        return detail;
    }

    private boolean shown(long runId) {
        return feed.find(runId).isPresent();
    }

    private void cancelShown(long runId) {
        feed.find(runId).ifPresent(this::cancel);
    }

    private void cancel(JobSummary r) {
        try {
            JobSummary after = jobs.cancel(r.id());
            feed.apply(after);
            Notification.show(after.state() == JobState.CANCELLED ? "Run cancelled" : "Cancel requested")
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } catch (NotFoundException e) {
            Notification.show("That run no longer exists").addThemeVariants(NotificationVariant.LUMO_ERROR);
            feed.reload();
        }
    }

    private void updateChart() {
        JobSummary run = feed.find(selectedId).orElse(null);
        if (run == null || run.lossHistory().isEmpty()) {
            chartCard.setVisible(false);
            return;
        }
        chartCard.setVisible(true);
        chartTitle.setText("Loss · " + run.title());
        lossChart.show(run.lossHistory());
    }

}
