package org.factorguard.portfolios.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factorguard.jobs.service.JobKinds;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.widgets.RunStateBadge;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSummary;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;

/** The signed-in manager's portfolios with their latest study run; open, edit, duplicate, delete, create. */
@Route("portfolios")
@PageTitle("Portfolios · FactorGuard")
@Menu(order = 10, title = "Portfolios", icon = MainLayout.Icons.PORTFOLIO)
@PermitAll
public class PortfoliosView extends VerticalLayout {


    private final PortfolioService portfolios;
    private final JobService jobs;
    private final Grid<PortfolioSummary> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private Map<Long, JobSummary> latestRuns = Map.of();

    public PortfoliosView(PortfolioService portfolios, JobService jobs) {
        this.portfolios = portfolios;
        this.jobs = jobs;
        addClassName("fg-page");
        setSizeFull();

        H2 title = new H2("Portfolios");
        title.setId("portfolios-title");
        Button create = new Button("New portfolio", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("portfolios/new")));
        create.setId("new-portfolio");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        Paragraph intro = new Paragraph("Each portfolio fixes a dataset, a universe, dates, costs, risk limits and "
                + "model settings. Open one to screen its factors and to run a study.");
        intro.addClassName("fg-muted");
        empty.setId("portfolios-empty");
        empty.setText("You have no portfolio yet. Create one, or try the built-in market from the home page.");
        configureGrid();
        add(header, intro, empty, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("portfolios-grid");
        grid.setMinHeight("280px");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(p -> {
            Anchor link = new Anchor("portfolios/" + p.id(), p.name());
            link.setId("open-portfolio-" + p.id());
            return link;
        }).setHeader("Name").setFlexGrow(2).setWidth("200px");
        grid.addComponentColumn(PortfoliosView::datasetCell).setHeader("Dataset").setFlexGrow(2).setWidth("220px");
        grid.addColumn(PortfolioSummary::universe).setHeader("Universe").setFlexGrow(1).setWidth("150px");
        grid.addColumn(PortfolioSummary::factorCount).setHeader("Factors").setWidth("90px").setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(p -> Formats.dateTime(p.updatedAt())).setHeader("Updated").setWidth("150px").setFlexGrow(0);
        grid.addComponentColumn(p -> {
            RunStateBadge badge = new RunStateBadge(latestRuns.get(p.id()));
            badge.setId("portfolio-run-state-" + p.id());
            return badge;
        }).setHeader("Latest run").setWidth("120px").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("250px").setFlexGrow(0);
    }

    private static Component datasetCell(PortfolioSummary p) {
        Div cell = new Div();
        cell.addClassName("fg-badges");
        cell.add(new Span(p.datasetName().replace(" (synthetic)", "")));
        if (p.datasetSynthetic()) {
            Span badge = new Span("synthetic");
            badge.addClassNames("fg-badge", "primary");
            cell.add(badge);
        }
        return cell;
    }

    private Component actions(PortfolioSummary p) {
        Button open = new Button("Open", e -> navigate("portfolios/" + p.id()));
        Button edit = new Button("Edit", e -> navigate("portfolios/" + p.id() + "/edit"));
        edit.setId("edit-portfolio-" + p.id());
        Button duplicate = new Button("Duplicate", e -> {
            portfolios.duplicate(p.id());
            Notification.show("Duplicated " + p.name(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        duplicate.setId("duplicate-portfolio-" + p.id());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(p));
        delete.setId("delete-portfolio-" + p.id());
        delete.setAriaLabel("Delete " + p.name());
        delete.setTooltipText("Delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(open, edit, duplicate, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        HorizontalLayout actions = new HorizontalLayout(open, edit, duplicate, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void confirmDelete(PortfolioSummary p) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + p.name() + "?",
                "The portfolio and its settings are removed. Reports of its finished runs stay available.",
                "Delete", e -> {
                    portfolios.delete(p.id());
                    Notification.show("Deleted " + p.name(), 3000, Notification.Position.BOTTOM_START);
                    refresh();
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setId("confirm-delete");
        dialog.open();
    }

    private void navigate(String location) {
        getUI().ifPresent(ui -> ui.navigate(location));
    }

    private void refresh() {
        Map<Long, JobSummary> latest = new HashMap<>();
        for (JobSummary run : jobs.listMine()) { // newest first
            if (JobKinds.STUDY.equals(run.kind()) && run.subjectId() != null) {
                latest.putIfAbsent(run.subjectId(), run);
            }
        }
        latestRuns = latest;
        List<PortfolioSummary> mine = portfolios.listMine();
        grid.setItems(mine);
        grid.setVisible(!mine.isEmpty());
        empty.setVisible(mine.isEmpty());
    }
}
