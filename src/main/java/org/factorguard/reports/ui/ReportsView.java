package org.factorguard.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factorguard.reports.service.ReportListing;
import org.factorguard.reports.service.ReportService;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;

/**
 * All of the signed-in user's reports and the shared reports they have opened, with headline figures of both
 * models; sortable by every column and filtered by text. Ticking two to four opens them side by side.
 */
@Route("reports")
@PageTitle("Reports · FactorGuard")
@Menu(order = 40, title = "Reports", icon = MainLayout.Icons.REPORT)
@PermitAll
public class ReportsView extends VerticalLayout {

    static final int MOST_COMPARED = 4;

    enum Source {
        ALL("All reports"), MINE("My reports"), SHARED("Shared with me");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    private final Grid<ReportListing> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Select<Source> source = new Select<>();
    private final Set<Long> picked = new LinkedHashSet<>();
    private final Span pickedSummary = new Span();
    private final Button compare = new Button("Compare side by side");
    private final ListDataProvider<ReportListing> items;

    public ReportsView(ReportService reports) {
        addClassName("fg-page");
        setSizeFull();
        H2 title = new H2("Reports");
        title.setId("reports-title");
        Paragraph intro = new Paragraph("Every finished study of yours, and the reports colleagues shared with you "
                + "that you have opened. Headline figures are out of sample: maximum drawdown, Sharpe ratio and "
                + "one-day VaR 95 % of the LSTM and the linear benchmark portfolios. Tick 2 to 4 reports to compare "
                + "them.");
        intro.addClassName("fg-muted");

        filter.setId("reports-filter");
        filter.setPlaceholder("Filter by title, portfolio, dataset or who shared it");
        filter.setClearButtonVisible(true);
        filter.setWidth("26em");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        source.setId("reports-source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s.label);
        source.setValue(Source.ALL);
        source.addValueChangeListener(e -> applyFilter());
        compare.setId("reports-compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("reports/compare?ids="
                + picked.stream().map(String::valueOf).collect(Collectors.joining(",")))));
        pickedSummary.setId("reports-picked");
        pickedSummary.addClassName("fg-muted");
        HorizontalLayout tools = new HorizontalLayout(filter, source, compare, pickedSummary);
        tools.setAlignItems(Alignment.BASELINE);
        tools.getStyle().set("flex-wrap", "wrap");

        items = new ListDataProvider<>(reports.listReports());
        configureGrid();
        Paragraph empty = new Paragraph("No reports yet. Start a study on a portfolio's Runs page; its report appears "
                + "here when it has finished.");
        empty.setId("reports-empty");
        empty.addClassName("fg-muted");
        empty.setVisible(items.getItems().isEmpty());
        add(title, intro, tools, empty, grid);
        expand(grid);
        refreshPicked();
    }

    private void configureGrid() {
        grid.setId("reports-grid");
        grid.setMinHeight("360px");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::pickBox).setHeader("Compare").setWidth("86px").setFlexGrow(0).setFrozen(true);
        grid.addComponentColumn(this::titleCell).setHeader("Portfolio").setWidth("200px").setFlexGrow(2)
                .setComparator(Comparator.comparing((ReportListing r) -> r.portfolioName().toLowerCase(Locale.ROOT)))
                .setSortable(true).setKey("portfolio");
        grid.addColumn(ReportListing::datasetName).setHeader("Dataset").setWidth("150px").setFlexGrow(1)
                .setComparator(Comparator.comparing((ReportListing r) -> r.datasetName().toLowerCase(Locale.ROOT)))
                .setSortable(true).setKey("dataset");
        var created = grid.addColumn(r -> Formats.dateTime(r.createdAt())).setHeader("Created").setWidth("130px")
                .setFlexGrow(0).setComparator(Comparator.comparing(ReportListing::createdAt)).setSortable(true)
                .setKey("created");
        figure("LSTM MDD", "lstm-mdd", r -> r.lstm().maxDrawdown(), true);
        figure("LSTM Sharpe", "lstm-sharpe", r -> r.lstm().sharpe(), false);
        figure("LSTM VaR 95 %", "lstm-var", r -> r.lstm().valueAtRisk95(), true);
        figure("Linear MDD", "linear-mdd", r -> r.linear().maxDrawdown(), true);
        figure("Linear Sharpe", "linear-sharpe", r -> r.linear().sharpe(), false);
        figure("Linear VaR 95 %", "linear-var", r -> r.linear().valueAtRisk95(), true);
        grid.addColumn(r -> String.valueOf(r.methodVersion())).setHeader("Method").setWidth("78px").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setComparator(Comparator.comparingInt(ReportListing::methodVersion))
                .setSortable(true).setKey("method");
        grid.addColumn(r -> r.mine() ? "me" : r.sharedBy()).setHeader("Shared by").setWidth("120px").setFlexGrow(0)
                .setComparator(Comparator.comparing((ReportListing r) -> r.mine() ? "" : r.sharedBy()))
                .setSortable(true).setKey("shared");
        grid.setItems(items);
        grid.setMultiSort(false);
        grid.sort(List.of(new GridSortOrder<>(created, SortDirection.DESCENDING)));
    }

    private void figure(String header, String key, Function<ReportListing, Double> value, boolean percent) {
        grid.addColumn(r -> {
            Double v = value.apply(r);
            return v == null ? Formats.MISSING : percent ? Formats.percent(v, 1) : Formats.number(v, 2);
        }).setHeader(header).setWidth("96px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setSortable(true).setKey(key);
    }

    private Component pickBox(ReportListing r) {
        Checkbox box = new Checkbox(picked.contains(r.id()));
        box.setId("pick-" + r.id());
        box.setAriaLabel("Compare " + r.title());
        box.addValueChangeListener(e -> {
            if (e.getValue()) {
                picked.add(r.id());
            } else {
                picked.remove(r.id());
            }
            refreshPicked();
        });
        return box;
    }

    private Component titleCell(ReportListing r) {
        Anchor link = new Anchor(r.route(), r.portfolioName());
        link.setId("open-report-" + r.id());
        link.getElement().setAttribute("title", r.title());
        return link;
    }

    private void applyFilter() {
        String text = filter.getValue() == null ? "" : filter.getValue().trim().toLowerCase(Locale.ROOT);
        Source shown = source.getValue() == null ? Source.ALL : source.getValue();
        items.setFilter(r -> (shown == Source.ALL || (shown == Source.MINE) == r.mine())
                && (text.isEmpty() || (r.title() + " " + r.portfolioName() + " " + r.datasetName() + " "
                + (r.mine() ? "" : r.sharedBy())).toLowerCase(Locale.ROOT).contains(text)));
    }

    private void refreshPicked() {
        int n = picked.size();
        compare.setEnabled(n >= 2 && n <= MOST_COMPARED);
        pickedSummary.setText(n == 0 ? "Tick 2 to " + MOST_COMPARED + " reports to compare them"
                : n + " ticked" + (n > MOST_COMPARED ? ": compare at most " + MOST_COMPARED : n < 2
                ? ": tick at least one more" : ""));
    }
}
