package org.factorguard.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.jobs.service.JobKinds;
import org.factorguard.jobs.service.JobService;
import org.factorguard.jobs.service.JobSummary;
import org.factorguard.jobs.widgets.RunStateBadge;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSummary;
import org.factorguard.shared.ui.Axis;
import org.factorguard.shared.ui.ChartData;
import org.factorguard.shared.ui.ChartFormat;
import org.factorguard.shared.ui.ChartOptions;
import org.factorguard.shared.ui.EChart;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;
import org.factorguard.shared.ui.Series;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user's start page. */
@Route("")
@PageTitle("Home · FactorGuard")
@Menu(order = 0, title = "Home", icon = MainLayout.Icons.HOME)
@PermitAll
public class HomeView extends VerticalLayout {

    private static final int RECENT = 5;

    public HomeView(CurrentUser currentUser, MarketOverviewService overview, PortfolioService portfolios,
                    JobService jobs) {
        addClassName("fg-page");
        String name = currentUser.find().map(CurrentUser.UserRef::displayName).orElse("");
        H2 title = new H2("Welcome, " + name);
        title.setId("home-title");
        Paragraph intro = new Paragraph("FactorGuard compares a linear multi-factor model with an LSTM under risk "
                + "constraints (maximum drawdown, volatility and 95 % VaR), per market regime.");
        intro.addClassName("fg-muted");
        add(title, intro);

        List<PortfolioSummary> mine = portfolios.listMine();
        if (mine.isEmpty()) {
            add(tryBuiltInCard(portfolios));
        } else {
            FlexLayout row = new FlexLayout(recentPortfolios(mine), recentRuns(jobs.listMine()));
            row.addClassName("fg-card-row");
            row.setWidthFull();
            add(row);
        }

        MarketOverviewService.IndexSeries series = overview.marketIndex();
        Div card = new Div();
        card.addClassName("fg-card");
        card.setWidthFull();
        H3 chartTitle = new H3(series.title());
        Paragraph note = new Paragraph(series.note());
        note.addClassName("fg-muted");
        EChart chart = new EChart("360px");
        chart.setId("home-market-chart");
        chart.setAccessibleLabel(series.title());
        chart.setOption(lineOption(series));
        card.add(chartTitle, note, chart);
        add(card);
    }

    /** For a manager without portfolios: one click to a ready-made portfolio on the built-in market. */
    private static Component tryBuiltInCard(PortfolioService portfolios) {
        Div card = new Div();
        card.addClassNames("fg-card", "fg-hero");
        card.setId("try-built-in-card");
        card.setWidthFull();
        H3 heading = new H3("Start in one click");
        Paragraph text = new Paragraph("Create a sample portfolio on the built-in synthetic market (120 simulated "
                + "stocks in 8 industries, 2014–2020) with the default factors, risk limits and a small LSTM. "
                + "You can screen its factors and start a study right away, and change every setting later.");
        Button tryIt = new Button("Try the built-in market", VaadinIcon.ROCKET.create());
        tryIt.setId("try-built-in");
        tryIt.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Span status = new Span();
        status.addClassName("fg-muted");
        tryIt.addClickListener(e -> {
            tryIt.setEnabled(false);
            status.setText("Preparing the built-in market …");
            UI ui = UI.getCurrent();
            // the built-in market may still have to be generated (seconds): never inside the UI listener
            var executor = new DelegatingSecurityContextExecutor(ForkJoinPool.commonPool(),
                    SecurityContextHolder.getContext());
            CompletableFuture.supplyAsync(portfolios::createSample, executor).whenComplete((id, failure) ->
                    ui.access(() -> {
                        if (failure != null) {
                            tryIt.setEnabled(true);
                            status.setText("The sample portfolio could not be created; please try again.");
                        } else {
                            ui.navigate("portfolios/" + id);
                        }
                    }));
        });
        HorizontalLayout actions = new HorizontalLayout(tryIt,
                new Anchor("portfolios/new", "or set up your own portfolio"),
                status);
        actions.setAlignItems(Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");
        card.add(heading, text, actions);
        return card;
    }

    private static Component recentPortfolios(List<PortfolioSummary> mine) {
        Div card = new Div();
        card.addClassName("fg-card");
        card.setId("home-portfolios");
        UnorderedList list = new UnorderedList();
        list.addClassName("fg-list");
        mine.stream().sorted(Comparator.comparing(PortfolioSummary::updatedAt).reversed()).limit(RECENT).forEach(p -> {
            Anchor link = new Anchor("portfolios/" + p.id(), p.name());
            Span detail = new Span(p.datasetName() + " · " + p.factorCount() + " factors");
            detail.addClassName("fg-muted");
            list.add(new ListItem(link, detail));
        });
        card.add(new H3("Your portfolios"), list, new Anchor("portfolios", "All portfolios (" + mine.size() + ")"));
        return card;
    }

    private static Component recentRuns(List<JobSummary> runs) {
        Div card = new Div();
        card.addClassName("fg-card");
        card.setId("home-runs");
        card.add(new H3("Recent runs"));
        if (runs.isEmpty()) {
            Paragraph none = new Paragraph("No runs yet. Open a portfolio and start a study from its Runs page.");
            none.addClassName("fg-muted");
            card.add(none);
            return card;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("fg-list");
        runs.stream().limit(RECENT).forEach(r -> {
            String target = r.resultLocation() != null ? r.resultLocation()
                    : JobKinds.STUDY.equals(r.kind()) && r.subjectId() != null
                    ? "portfolios/" + r.subjectId() + "/runs" : "runs";
            RunStateBadge badge = new RunStateBadge(r);
            badge.setId("home-run-state-" + r.id());
            Span when = new Span(Formats.dateTime(r.createdAt()));
            when.addClassName("fg-muted");
            list.add(new ListItem(badge, new Anchor(target, r.title()), when));
        });
        card.add(list, new Anchor("runs", "All runs"));
        return card;
    }

    static ChartOptions lineOption(MarketOverviewService.IndexSeries series) {
        return ChartOptions.chart().grid(56, 24, 24, 56).axisTooltip(ChartFormat.NUMBER2).xAxis(Axis.time())
                .yAxis(Axis.values().fitToData().name("Index level").nameInMiddle(42)).zoom()
                .series(Series.line(series.name(), ChartData.datedPoints(series.dates(), series.values(), 2))
                        .noSymbols().width(1.5));
    }
}
