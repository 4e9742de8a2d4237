package org.factorguard.jobs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobEvents;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobState;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.shared.NotFoundException;
import org.factorguard.shared.ui.MainLayout;

/**
 * The user's background runs with live progress. Changes made on this node arrive through
 * {@link JobEvents} and are pushed to the browser; runs executed by another node are picked up by a
 * two-second poll. Everything shown comes from the database, so a reload shows the same.
 */
@Route("runs")
@PageTitle("Runs · FactorGuard")
@Menu(order = 50, title = "Runs", icon = MainLayout.Icons.RUNS)
@PermitAll
public class RunsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    static final int POLL_MILLIS = 2000;

    private final JobService jobs;
    private final JobEvents events;
    private final Clock clock;
    private final long myId;
    private final boolean admin;
    private final Grid<JobSummary> grid = new Grid<>();
    private final Checkbox showAll = new Checkbox("All runs");
    private final Paragraph empty = new Paragraph("No runs yet. Studies you start appear here while they run.");
    private final H3 chartTitle = new H3();
    private final LossCurveChart lossChart = new LossCurveChart("240px", "epoch");
    private final Div chartCard = new Div();
    private final Map<Long, JobSummary> shown = new LinkedHashMap<>();
    private Long selectedId;
    private Runnable unsubscribe;
    private Registration pollRegistration;

    public RunsView(JobService jobs, JobEvents events, CurrentUser currentUser, Clock clock) {
        this.jobs = jobs;
        this.events = events;
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
        showAll.addValueChangeListener(change -> reload());
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
        grid.addColumn(r -> r.kind().toLowerCase(Locale.ROOT)).setHeader("Kind").setAutoWidth(true);
        grid.addComponentColumn(r -> new RunStateBadge(r, "")).setHeader("State").setWidth("130px").setFlexGrow(0);
        grid.addComponentColumn(r -> new RunProgressCell(r, "")).setHeader("Progress").setWidth("220px").setFlexGrow(0);
        grid.addColumn(r -> r.epoch() == null ? "" : String.valueOf(r.epoch())).setHeader("Epoch").setAutoWidth(true);
        grid.addColumn(r -> r.latestLoss() == null ? "" : String.format(Locale.ROOT, "%.5f", r.latestLoss()))
                .setHeader("Latest loss").setAutoWidth(true);
        grid.addColumn(r -> WHEN.format(r.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(r -> RunProgressCell.durationText(r.duration(clock.instant()))).setHeader("Duration").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("280px").setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
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
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        UI ui = attach.getUI();
        // pushed changes from this node; the listener runs on a worker thread, so only hand over the record
        unsubscribe = events.subscribe(change -> {
            if (change.ownerId() == myId || (admin && showAll.getValue())) {
                ui.access(() -> apply(change));
            }
        });
        // runs executed by other nodes (and anything missed): re-read the database every two seconds
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(poll -> reload());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detach.getUI().setPollInterval(-1);
        super.onDetach(detach);
    }

    private void reload() {
        List<JobSummary> runs = admin && showAll.getValue() ? jobs.listAll() : jobs.listMine();
        shown.clear();
        runs.forEach(r -> shown.put(r.id(), r));
        render();
    }

    private void apply(JobSummary change) {
        shown.put(change.id(), change);
        render();
    }

    private void render() {
        List<JobSummary> items = new ArrayList<>(shown.values());
        items.sort((a, b) -> b.createdAt().compareTo(a.createdAt()) != 0 ? b.createdAt().compareTo(a.createdAt())
                : Long.compare(b.id(), a.id()));
        grid.setItems(items);
        items.stream().filter(r -> r.state() == JobState.FAILED || r.cancelRequested())
                .forEach(r -> grid.setDetailsVisible(r, true));
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
        if (selectedId == null || !shown.containsKey(selectedId)) {
            selectedId = items.stream().filter(r -> r.state() == JobState.RUNNING).map(JobSummary::id).findFirst()
                    .orElse(items.stream().filter(r -> !r.lossHistory().isEmpty()).map(JobSummary::id).findFirst().orElse(null));
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
        if (r.cancellable()) {
            Button cancel = new Button("Cancel", click -> cancel(r));
            cancel.setId("cancel-" + r.id());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            row.add(cancel);
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

    private void cancel(JobSummary r) {
        try {
            JobSummary after = jobs.cancel(r.id());
            apply(after);
            Notification.show(after.state() == JobState.CANCELLED ? "Run cancelled" : "Cancel requested")
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } catch (NotFoundException e) {
            Notification.show("That run no longer exists").addThemeVariants(NotificationVariant.LUMO_ERROR);
            reload();
        }
    }

    private void updateChart() {
        JobSummary run = selectedId == null ? null : shown.get(selectedId);
        if (run == null || run.lossHistory().isEmpty()) {
            chartCard.setVisible(false);
            return;
        }
        chartCard.setVisible(true);
        chartTitle.setText("Loss · " + run.title());
        lossChart.show(run.lossHistory());
    }

}
