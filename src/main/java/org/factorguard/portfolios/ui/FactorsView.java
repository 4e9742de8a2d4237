package org.factorguard.portfolios.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import org.factorguard.portfolios.service.FactorQuintiles;
import org.factorguard.portfolios.service.FactorScreeningService;
import org.factorguard.portfolios.service.PortfolioDetail;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.quant.factors.Factor;
import org.factorguard.quant.factors.FactorAvailability;
import org.factorguard.quant.factors.FactorEvaluation;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.factors.HorizonIc;
import org.factorguard.quant.factors.RollingMean;
import org.factorguard.quant.factors.ScreeningReport;
import org.factorguard.quant.factors.SelectionDecision;
import org.factorguard.quant.factors.YearlyIc;
import org.factorguard.quant.study.FactorSelectionMode;
import org.factorguard.quant.study.StudyConfig;
import org.factorguard.quant.study.TearSheet;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.RouteIds;
import org.factorguard.shared.ui.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The factor screening report of a portfolio and the manager's choice of factors. The screening takes
 * seconds, so it runs on a pool thread (carrying the signed-in user's security context, because the service
 * checks the owner) and the view fills in through {@code UI.access} when it is done.
 */
@Route("portfolios/:id([0-9]+)/factors")
@PermitAll
public class FactorsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(FactorsView.class);
    static final int ROLLING_DAYS = 60;
    private static final int MIN_ROLLING_DAYS = 20;

    /** One candidate row of the table. */
    record Candidate(Factor factor, FactorEvaluation evaluation, SelectionDecision decision, double vif,
                     boolean inPortfolio, TearSheet.QuantileFigures quintiles) {
    }

    private record Screened(ScreeningReport report, FactorQuintiles quintiles) {
    }

    private final PortfolioService portfolios;
    private final FactorScreeningService screening;
    private PortfolioDetail portfolio;
    private String pageTitle = "Factors · FactorGuard";

    private final Div progressCard = new Div();
    private final Div unavailableCard = new Div();
    private List<String> datasetDefaults = List.of();
    private final Div content = new Div();
    private final Grid<Candidate> grid = new Grid<>();
    private final Map<String, Checkbox> ticks = new LinkedHashMap<>();
    private final Set<String> ticked = new LinkedHashSet<>();
    private final Span tickedSummary = new Span();
    private final EChart icChart = new EChart("340px");
    private final EChart correlationChart = new EChart("560px");
    private final EChart stabilityChart = new EChart("340px");
    private ScreeningReport report;
    private FactorQuintiles quintiles;
    private final EChart quintileChart = new EChart("300px");
    private final EChart quintileCumulativeChart = new EChart("300px");

    public FactorsView(PortfolioService portfolios, FactorScreeningService screening) {
        this.portfolios = portfolios;
        this.screening = screening;
        addClassName("fg-page");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = RouteIds.require(event, "Portfolio");
        portfolio = portfolios.find(id); // another user's id: "Not found"
        pageTitle = "Factors · " + portfolio.name() + " · FactorGuard";
        removeAll();
        H2 title = new H2("Factors of " + portfolio.name());
        title.setId("factors-title");
        Anchor back = new Anchor("portfolios/" + id, "← " + portfolio.name());
        back.setId("factors-back");
        Paragraph intro = new Paragraph("Every candidate factor is screened on this portfolio's universe and dates: "
                + "the information coefficient (IC, Pearson) and Rank IC (Spearman) of today's factor values with the "
                + "returns over the models' horizon (" + FactorScreeningService.SCREENING.primaryHorizon()
                + " days), their stability over time and across years, and the overlap between factors. "
                + "The proposed selection keeps strong, stable factors that are not redundant. This screen covers "
                + "the whole date range, test periods included: factors saved from it are marked as chosen after a "
                + "full-period screen in every report.");
        intro.addClassName("fg-muted");

        progressCard.removeAll();
        progressCard.setId("screening-progress");
        progressCard.addClassName("fg-card");
        progressCard.setWidthFull();
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", "Screening factors");
        FactorAvailability availability = portfolios.portfolioFactorAvailability(id);
        long screened = FactorLibrary.defaults().stream().filter(f -> availability.canSupply(f.id())).count();
        progressCard.add(new Span("Screening " + screened + " candidate factors on "
                + portfolio.datasetName() + " … this takes a few seconds."), bar);
        progressCard.setVisible(true);
        showUnavailable(availability);
        datasetDefaults = portfolios.defaultFactors(portfolio.datasetId());
        content.removeAll();
        content.setId("screening-content");
        content.setWidthFull();
        content.setVisible(false);
        add(back, title, intro, unavailableCard, progressCard, content);
    }

    /** The candidates this portfolio's data cannot supply, each with its reason; hidden when there are none. */
    private void showUnavailable(FactorAvailability availability) {
        unavailableCard.removeAll();
        unavailableCard.setId("factors-unavailable");
        unavailableCard.addClassName("fg-card");
        unavailableCard.setWidthFull();
        List<FactorAvailability.Unavailable> missing = availability.unavailable();
        unavailableCard.setVisible(!missing.isEmpty());
        if (missing.isEmpty()) {
            return;
        }
        unavailableCard.add(new H3("Not available on this portfolio's data (" + missing.size() + ")"));
        Paragraph help = new Paragraph("These candidates are not screened and cannot be chosen: the data lacks what "
                + "they are computed from. Import a dataset with volume and fundamentals (long format) to use them.");
        help.addClassName("fg-muted");
        unavailableCard.add(help);
        List<String> saved = portfolio.settings().factorIds();
        List<FactorAvailability.Unavailable> used = availability.unavailableAmong(saved);
        if (!used.isEmpty()) {
            Paragraph warning = new Paragraph("This portfolio still uses " + used.size() + " of them ("
                    + String.join(", ", used.stream().map(FactorAvailability.Unavailable::factorId).toList())
                    + "): a study is refused until you tick other factors below and press “Use these factors”.");
            warning.setId("factors-unavailable-used");
            warning.addClassName("fg-negative");
            unavailableCard.add(warning);
        }
        Grid<FactorAvailability.Unavailable> table = new Grid<>();
        table.setId("factors-unavailable-grid");
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        table.addColumn(u -> u.displayName() + " (" + u.factorId() + ")").setHeader("Factor").setWidth("220px")
                .setFlexGrow(0);
        table.addColumn(u -> u.reason().label()).setHeader("Why").setWidth("170px").setFlexGrow(0);
        table.addColumn(FactorAvailability.Unavailable::explanation).setHeader("What is missing").setFlexGrow(1);
        table.addColumn(u -> saved.contains(u.factorId()) ? "✓ saved" : "").setHeader("In portfolio")
                .setWidth("100px").setFlexGrow(0);
        table.setItems(missing);
        unavailableCard.add(table);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (report != null || portfolio == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long id = portfolio.id();
        var executor = new DelegatingSecurityContextExecutor(ForkJoinPool.commonPool(),
                SecurityContextHolder.getContext());
        CompletableFuture.supplyAsync(() -> new Screened(screening.screen(id), screening.quintiles(id)), executor)
                .whenComplete((result, failure) ->
                ui.access(() -> {
                    if (failure != null) {
                        showFailure(failure instanceof CompletionException c && c.getCause() != null
                                ? c.getCause() : failure);
                    } else {
                        quintiles = result.quintiles();
                        show(result.report());
                    }
                }));
    }

    private void showFailure(Throwable failure) {
        progressCard.removeAll();
        Paragraph message = new Paragraph(failure instanceof ValidationProblemException v
                ? "The factors cannot be screened: " + v.getMessage() + ". Change the portfolio's dates or universe."
                : "The screening failed; please try again. If it keeps failing, an administrator can find the cause "
                + "in the server log.");
        message.setId("screening-failed");
        message.addClassName("fg-negative");
        if (!(failure instanceof ValidationProblemException)) {
            log.error("Screening portfolio {} failed", portfolio.id(), failure);
        }
        progressCard.add(message);
    }

    private void show(ScreeningReport result) {
        report = result;
        List<String> saved = portfolio.settings().factorIds();
        boolean screened = portfolio.settings().factorSelection() == FactorSelectionMode.SCREENED_PER_FOLD;
        boolean choseBefore = !screened && !saved.equals(StudyConfig.DEFAULT_FACTORS)
                && !saved.equals(datasetDefaults);
        List<Candidate> candidates = new ArrayList<>();
        for (FactorEvaluation e : result.factors()) {
            Factor f = FactorLibrary.byId(e.factorId());
            candidates.add(new Candidate(f, e, result.decision(e.factorId()), result.vif(e.factorId()),
                    saved.contains(e.factorId()), quintiles == null ? null
                    : quintiles.of(e.factorId()).map(FactorQuintiles.Row::figures).orElse(null)));
        }
        ticked.clear();
        (choseBefore ? saved : result.selected()).stream()
                .filter(id -> result.factors().stream().anyMatch(e -> e.factorId().equals(id))).forEach(ticked::add);

        Paragraph which = new Paragraph(choseBefore
                ? "Ticked: the " + saved.size() + " factors saved with this portfolio. The screening proposes "
                + result.selected().size() + " (column “Proposed”)."
                : screened ? "Ticked: the " + result.selected().size() + " factors this full-period screening proposes."
                + " The portfolio's studies screen its " + saved.size() + " candidates (column “In portfolio”) "
                + "inside each walk-forward fold instead; saving fixes the ticked factors for every fold, and reports "
                + "then say that they were chosen after this screen."
                : "Ticked: the " + result.selected().size() + " factors the screening proposes. The portfolio still "
                + "uses the " + saved.size() + " default factors (column “In portfolio”) until you save.");
        which.setId("factors-which");
        Button proposed = new Button("Tick the proposed selection", e -> retick(result.selected()));
        proposed.setId("tick-proposed");
        Button current = new Button("Tick the saved factors", e -> retick(saved));
        current.setId("tick-saved");
        Button save = new Button("Use these factors", e -> save());
        save.setId("use-factors");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tickedSummary.setId("ticked-summary");
        tickedSummary.addClassName("fg-muted");
        HorizontalLayout actions = new HorizontalLayout(save, proposed, current, tickedSummary);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");

        configureGrid(candidates);
        Div tableCard = card("Candidates", "IC columns use the forward return over the models' horizon (h = "
                + FactorScreeningService.SCREENING.primaryHorizon() + "); decay shows the mean Rank "
                + "IC against 1-, 5- and 20-day returns. Rank ICIR = mean / standard deviation of the daily Rank IC; "
                + "t = its Newey–West t-statistic with h − 1 lags (0 at h = 1). VIF above 5–10 means the factor is "
                + "largely explained by the others.");
        tableCard.add(which, actions, grid);

        icChart.setId("ic-chart");
        icChart.setAccessibleLabel("Rolling mean daily Rank IC of the ticked factors");
        correlationChart.setId("correlation-chart");
        correlationChart.setAccessibleLabel("Correlation between the screenable factors");
        stabilityChart.setId("stability-chart");
        stabilityChart.setAccessibleLabel("Mean Rank IC per year of the ticked factors");
        Div icCard = card("Rank IC over time", ROLLING_DAYS + "-day rolling mean of the daily Rank IC of the ticked "
                + "factors. A useful factor stays on one side of zero.");
        icCard.add(icChart);
        Div stabilityCard = card("Stability by year", "Mean daily Rank IC per calendar year of the ticked factors.");
        stabilityCard.add(stabilityChart);
        Div correlationCard = card("Correlation between factors", "Average daily cross-sectional correlation of "
                + "the prepared factor values. Strongly correlated factors carry the same information.");
        correlationCard.add(correlationChart);
        correlationChart.setOption(correlationOption(result));

        content.removeAll();
        content.add(tableCard, icCard, stabilityCard, correlationCard);
        if (quintiles != null) {
            content.add(quintileCard());
        }
        content.addClassName("fg-stack");
        content.setVisible(true);
        progressCard.setVisible(false);
        refreshTicked();
    }

    private Div card(String heading, String help) {
        Div card = new Div();
        card.addClassName("fg-card");
        card.setWidthFull();
        card.add(new H3(heading));
        Paragraph p = new Paragraph(help);
        p.addClassName("fg-muted");
        card.add(p);
        return card;
    }

    private void configureGrid(List<Candidate> candidates) {
        grid.removeAllColumns();
        ticks.clear();
        grid.setId("factors-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(c -> {
            Checkbox box = new Checkbox(ticked.contains(c.factor().id()));
            box.setId("tick-" + c.factor().id());
            box.setAriaLabel("Use " + c.factor().displayName());
            box.addValueChangeListener(e -> {
                if (e.getValue()) {
                    ticked.add(c.factor().id());
                } else {
                    ticked.remove(c.factor().id());
                }
                refreshTicked();
            });
            ticks.put(c.factor().id(), box);
            return box;
        }).setHeader("Use").setWidth("64px").setFlexGrow(0).setFrozen(true);
        grid.addComponentColumn(c -> {
            Div cell = new Div();
            Span name = new Span(c.factor().displayName());
            name.getElement().setAttribute("title", c.factor().description() + " Formula: " + c.factor().formula());
            Span id = new Span(c.factor().id());
            id.addClassNames("fg-mono", "fg-muted");
            cell.add(name, new Div(id));
            return cell;
        }).setHeader("Factor").setWidth("170px").setFlexGrow(1).setFrozen(true);
        grid.addColumn(c -> c.factor().category().displayName()).setHeader("Category").setWidth("110px").setFlexGrow(0);
        numberColumn("Mean IC", c -> c.evaluation().ic().mean(), 4);
        numberColumn("Mean Rank IC", c -> c.evaluation().rankIc().mean(), 4);
        numberColumn("Rank ICIR", c -> c.evaluation().rankIc().icir(), 3);
        numberColumn("t", c -> c.evaluation().rankIc().tStatistic(), 2);
        Span signHeader = new Span("Expected sign");
        signHeader.getElement().setAttribute("title", "Share of days whose Rank IC has the sign the literature "
                + "expects (or the sign of the mean when none is expected)");
        grid.addColumn(c -> Formats.percent(c.evaluation().rankIc().shareWithSign(), 1)).setHeader(signHeader)
                .setWidth("96px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        for (int h : List.of(1, 5, 20)) {
            numberColumn("h=" + h, c -> decay(c.evaluation(), h), 4);
        }
        grid.addColumn(c -> c.evaluation().screenable() && !c.evaluation().yearly().isEmpty()
                ? c.evaluation().stableYears() + " / " + c.evaluation().yearly().size() : "–")
                .setHeader("Stable years").setWidth("90px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        numberColumn("VIF", Candidate::vif, 2);
        grid.addColumn(c -> c.quintiles() == null ? "–" : Formats.percent(c.quintiles().spread(), 2))
                .setHeader("Q5 − Q1").setWidth("88px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        numberColumn("t (Q5 − Q1)", c -> c.quintiles() == null ? Double.NaN : c.quintiles().spreadT(), 2);
        numberColumn("Monotonicity", c -> c.quintiles() == null ? Double.NaN : c.quintiles().monotonicity(), 2);
        grid.addComponentColumn(c -> {
            Span badge = new Span(c.decision().selected() ? "proposed" : "dropped");
            badge.addClassNames("fg-badge", c.decision().selected() ? "success" : "contrast");
            badge.setId("decision-" + c.factor().id());
            return badge;
        }).setHeader("Proposed").setWidth("96px").setFlexGrow(0);
        grid.addColumn(c -> c.inPortfolio() ? "✓ saved" : "").setHeader("In portfolio").setWidth("96px")
                .setFlexGrow(0);
        grid.addColumn(c -> reason(c.decision())).setHeader("Reason").setWidth("260px").setFlexGrow(2);
        grid.setItems(candidates);
    }

    private void numberColumn(String header, ToDoubleFunction<Candidate> value, int decimals) {
        grid.addColumn(c -> Formats.numberWithMinusSign(value.applyAsDouble(c), decimals)).setHeader(header)
                .setWidth(decimals >= 4 ? "92px" : "78px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator((a, b) -> Double.compare(nanLast(value.applyAsDouble(a)),
                        nanLast(value.applyAsDouble(b))))
                .setSortable(true);
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    static String reason(SelectionDecision d) {
        String r = d.reason();
        for (String prefix : List.of("selected: ", "dropped: ")) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
            }
        }
        return r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1);
    }

    static double decay(FactorEvaluation e, int horizon) {
        return e.decay().stream().filter(h -> h.horizon() == horizon).mapToDouble(HorizonIc::meanRankIc).findFirst()
                .orElse(Double.NaN);
    }

    private void retick(List<String> ids) {
        ticked.clear();
        report.factors().stream().map(FactorEvaluation::factorId).filter(ids::contains).forEach(ticked::add);
        ticks.forEach((id, box) -> box.setValue(ticked.contains(id)));
        refreshTicked();
    }

    private List<String> tickedInCandidateOrder() {
        return report.factors().stream().map(FactorEvaluation::factorId).filter(ticked::contains).toList();
    }

    private void refreshTicked() {
        tickedSummary.setText(ticked.size() + (ticked.size() == 1 ? " factor ticked" : " factors ticked"));
        List<FactorEvaluation> shown = tickedInCandidateOrder().stream().map(report::factor)
                .filter(FactorEvaluation::screenable).toList();
        icChart.setOption(icOption(report.dates(), shown));
        stabilityChart.setOption(stabilityOption(shown));
    }

    private void save() {
        List<String> ids = tickedInCandidateOrder();
        try {
            portfolios.chooseFactors(portfolio.id(), ids, true);
            portfolio = portfolios.find(portfolio.id());
            showUnavailable(portfolios.portfolioFactorAvailability(portfolio.id()));
            Notification.show("Saved: the portfolio now uses " + ids.size() + " factors", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            List<Candidate> refreshed = new ArrayList<>();
            grid.getListDataView().getItems().forEach(c -> refreshed.add(new Candidate(c.factor(), c.evaluation(),
                    c.decision(), c.vif(), ids.contains(c.factor().id()), c.quintiles())));
            configureGrid(refreshed);
        } catch (ValidationProblemException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Returns by quintile of one factor at a time, chosen in a select, with a CSV of every factor. */
    private Div quintileCard() {
        Div card = card("Returns by quintile", "Each day the stocks are split into five equal groups by the factor; "
                + "a factor that ranks returns well earns more in each higher fifth. Mean " + quintiles.horizon()
                + "-day return of each fifth relative to the day's average, and the growth of 1 in each fifth "
                + "rebalanced daily without costs (Alphalens). The table's Q5 − Q1 column is the top-minus-bottom "
                + "spread, t its Newey–West t and monotonicity Spearman's ρ of quintile vs return.");
        card.setId("quintile-card");
        Select<String> factor = new Select<>();
        factor.setId("quintile-factor");
        factor.setLabel("Factor");
        List<String> ids = quintiles.factors().stream().map(FactorQuintiles.Row::factorId).toList();
        factor.setItems(ids);
        quintileChart.setId("quintile-chart");
        quintileChart.setWidthFull();
        quintileCumulativeChart.setId("quintile-cumulative-chart");
        quintileCumulativeChart.setWidthFull();
        factor.addValueChangeListener(e -> showQuintiles(e.getValue()));
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = quintiles.csv().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "factor-quintiles.csv",
                    "text/csv; charset=utf-8", bytes.length);
        }), "CSV");
        csv.setId("quintile-csv");
        csv.addClassName("fg-download");
        csv.getElement().setAttribute("download", "factor-quintiles.csv");
        HorizontalLayout controls = new HorizontalLayout(factor, csv);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div charts = new Div(quintileChart, quintileCumulativeChart);
        charts.addClassName("fg-two-columns");
        card.add(controls, charts);
        if (!ids.isEmpty()) {
            String first = ticked.stream().filter(ids::contains).findFirst().orElse(ids.getFirst());
            factor.setValue(first);
            showQuintiles(first);
        }
        return card;
    }

    private void showQuintiles(String factorId) {
        quintiles.of(factorId).ifPresent(row -> {
            quintileChart.setOption(quintileOption(row, quintiles.horizon()));
            quintileCumulativeChart.setOption(quintileCumulativeOption(row));
        });
    }

    static ChartOptions quintileOption(FactorQuintiles.Row row, int horizon) {
        double[] means = row.figures().meanReturn();
        List<String> buckets = new ArrayList<>();
        for (int b = 1; b <= means.length; b++) {
            buckets.add("Q" + b);
        }
        return ChartOptions.chart().grid(64, 16, 36, 40).axisTooltip(ChartFormat.PERCENT)
                .xAxis(Axis.categories(buckets).name("quintile of " + row.factorId()).nameInMiddle(26))
                .yAxis(Axis.values().name("mean " + horizon + "-day return vs average").nameInMiddle(48)
                        .labels(ChartFormat.PERCENT1))
                .series(Series.bar(row.factorId(), ChartData.values(means)).color("#1565c0"));
    }

    static ChartOptions quintileCumulativeOption(FactorQuintiles.Row row) {
        String[] colors = {"#c62828", "#ef8a62", "#9e9e9e", "#67a9cf", "#1565c0"};
        ChartOptions o = ChartOptions.chart().legend().grid(64, 16, 36, 56).axisTooltip(ChartFormat.NUMBER2)
                .xAxis(Axis.time()).yAxis(Axis.values().name("growth of 1 (vs average)").nameInMiddle(36).fitToData())
                .zoom();
        for (int b = 0; b < row.cumulative().length; b++) {
            double[] values = new double[row.cumulative()[b].length];
            for (int d = 0; d < values.length; d++) {
                values[d] = row.cumulative()[b][d];
            }
            o.series(Series.line("Q" + (b + 1), ChartData.datedPointsWithGaps(row.dates(), values, 4, 600))
                    .noSymbols().color(colors[b % colors.length]));
        }
        return o;
    }

    static ChartOptions icOption(LocalDate[] dates, List<FactorEvaluation> factors) {
        List<Series> series = new ArrayList<>();
        for (FactorEvaluation f : factors) {
            double[] rolling = RollingMean.of(f.dailyRankIc(), ROLLING_DAYS, MIN_ROLLING_DAYS);
            series.add(Series.line(f.factorId(), ChartData.datedPointsWithGaps(dates, rolling, 4, 600)).noSymbols()
                    .gapsWhereMissing().width(1.4));
        }
        return ChartOptions.chart().scrollingLegend().grid(64, 24, 36, 56).axisTooltip(ChartFormat.NUMBER4)
                .xAxis(Axis.time())
                .yAxis(Axis.values().name("Rank IC (" + ROLLING_DAYS + "-day mean)").nameInMiddle(48)
                        .labels(ChartFormat.NUMBER2))
                .zoom().series(series);
    }

    static ChartOptions stabilityOption(List<FactorEvaluation> factors) {
        TreeSet<Integer> years = new TreeSet<>();
        factors.forEach(f -> f.yearly().forEach(y -> years.add(y.year())));
        List<Series> series = new ArrayList<>();
        for (FactorEvaluation f : factors) {
            Map<Integer, Double> byYear = new HashMap<>();
            for (YearlyIc y : f.yearly()) {
                byYear.put(y.year(), ChartData.value(y.meanRankIc(), 4));
            }
            series.add(Series.bar(f.factorId(), years.stream().map(byYear::get).toList()));
        }
        return ChartOptions.chart().scrollingLegend().grid(64, 24, 36, 32).axisTooltip(ChartFormat.NUMBER4)
                .xAxis(Axis.categories(years.stream().map(String::valueOf).toList()))
                .yAxis(Axis.values().name("Mean Rank IC").nameInMiddle(48).labels(ChartFormat.NUMBER2))
                .series(series);
    }

    static ChartOptions correlationOption(ScreeningReport report) {
        List<String> ids = report.correlationFactors();
        List<List<Object>> cells = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = 0; j < ids.size(); j++) {
                cells.add(Arrays.asList(j, i, ChartData.value(report.correlation()[i][j], 2)));
            }
        }
        int fontSize = ids.size() > 18 ? 9 : 11;
        return ChartOptions.chart().itemTooltipAbove().grid(128, 24, 16, 120)
                .xAxis(Axis.categories(ids).stripes().rotateLabels(45).everyLabel(fontSize))
                .yAxis(Axis.categories(ids).inverse().stripes().everyLabel(fontSize))
                .colourScale(-1, 1, List.of("#2166ac", "#f7f7f7", "#b2182b"))
                .series(Series.heatmap("Correlation", cells).cellLabels(fontSize - 1).outlineOnHover());
    }
}
