package org.factorguard.portfolios.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factorguard.portfolios.service.PortfolioDetail;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.RouteIds;

/** A portfolio's hub: its settings at a glance, its dataset version, and the ways to its factors and runs. */
@Route("portfolios/:id([0-9]+)")
@PermitAll
public class PortfolioView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PortfolioService portfolios;
    private String pageTitle = "Portfolio · FactorGuard";

    public PortfolioView(PortfolioService portfolios) {
        this.portfolios = portfolios;
        addClassName("fg-page");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = RouteIds.require(event, "Portfolio");
        PortfolioDetail p = portfolios.find(id); // NotFoundException -> "Not found" page, same for others' ids
        pageTitle = p.name() + " · FactorGuard";
        removeAll();
        render(p);
    }

    private void render(PortfolioDetail p) {
        H2 title = new H2(p.name());
        title.setId("portfolio-title");

        Anchor factors = new Anchor("portfolios/" + p.id() + "/factors", "Factors");
        factors.setId("portfolio-factors-link");
        factors.addClassNames("fg-link-button", "primary");
        // the runs view belongs to the studies feature; a plain URL keeps the packages free of cycles
        Anchor runs = new Anchor("portfolios/" + p.id() + "/runs", "Runs");
        runs.setId("portfolio-runs-link");
        runs.addClassName("fg-link-button");
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> navigate("portfolios/" + p.id() + "/edit"));
        edit.setId("portfolio-edit");
        Button duplicate = new Button("Duplicate", VaadinIcon.COPY.create(), e -> {
            long copy = portfolios.duplicate(p.id());
            Notification.show("Duplicated; you are now on the copy", 3000, Notification.Position.BOTTOM_START);
            navigate("portfolios/" + copy);
        });
        duplicate.setId("portfolio-duplicate");
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(p));
        delete.setId("portfolio-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(factors, runs, edit, duplicate, delete);
        actions.setAlignItems(Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");

        Div dataset = card("Dataset");
        dataset.setId("portfolio-dataset-card");
        Div datasetLine = new Div(new Span(p.datasetName().replace(" (synthetic)", "")));
        datasetLine.addClassName("fg-badges");
        if (p.datasetSynthetic()) {
            Span badge = new Span("synthetic");
            badge.addClassNames("fg-badge", "primary");
            datasetLine.add(badge);
        }
        if (!p.datasetActive()) {
            Span badge = new Span("retired");
            badge.addClassNames("fg-badge", "contrast");
            datasetLine.add(badge);
        }
        Span hash = new Span("Version hash " + p.datasetShortHash());
        hash.addClassNames("fg-mono", "fg-muted");
        hash.getElement().setAttribute("title", p.datasetHash());
        dataset.add(datasetLine, hash);

        PortfolioSettings s = p.settings();
        Div settings = card("Settings");
        settings.setId("portfolio-settings-card");
        settings.add(facts(List.of(
                fact("Universe", universe(s)),
                fact("Dates", (s.startDate() == null ? "dataset start" : s.startDate().toString()) + " – "
                        + (s.endDate() == null ? "dataset end" : s.endDate().toString())),
                fact("Rebalance", s.rebalance().name().toLowerCase(Locale.ROOT) + ", costs "
                        + Formats.number(s.costBps(), 1) + " bps"
                        + (s.longShort() ? ", long-short" : ", long-only")),
                fact("Risk limits", "volatility " + pct(s.maxAnnualVolatility()) + " · VaR(95 %) "
                        + pct(s.maxDailyVar95())
                        + " · drawdown " + pct(s.maxDrawdown())),
                fact("Caps", "per asset " + pct(s.maxWeight()) + " · per industry " + pct(s.maxIndustryWeight())),
                fact("Model", "look-back " + s.lookback() + " d · " + s.units() + " units · " + s.epochs()
                        + " epochs · "
                        + s.ensembleSize() + (s.ensembleSize() == 1 ? " seed" : " seeds") + " · retrain "
                        + s.retraining().name().toLowerCase(Locale.ROOT) + " · "
                        + (s.implementation().name().equals("FAST") ? "fast LSTM" : "DL4J LSTM")))));

        Div factorCard = card("Factors (" + s.factorIds().size() + ")");
        factorCard.setId("portfolio-factor-card");
        Paragraph list = new Paragraph(s.factorIds().stream()
                .map(f -> FactorLibrary.find(f).map(x -> x.displayName() + " (" + f + ")").orElse(f))
                .collect(Collectors.joining(" · ")));
        Paragraph hint = new Paragraph("Open Factors to read the screening report (IC, Rank IC, stability, "
                + "correlation) and change the choice.");
        hint.addClassName("fg-muted");
        factorCard.add(list, hint);

        FlexLayout cards = new FlexLayout(settings, dataset, factorCard);
        cards.addClassName("fg-card-row");
        cards.setWidthFull();
        add(title, actions, cards);
    }

    private static Div card(String heading) {
        Div card = new Div();
        card.addClassName("fg-card");
        card.add(new H3(heading));
        return card;
    }

    private static Component facts(List<Component> rows) {
        Div list = new Div();
        list.addClassName("fg-fact-rows");
        rows.forEach(list::add);
        return list;
    }

    private static Component fact(String label, String value) {
        Div row = new Div();
        Span l = new Span(label);
        l.addClassName("fg-fact-label");
        Span v = new Span(value);
        row.add(l, v);
        return row;
    }

    static String universe(PortfolioSettings s) {
        return switch (s.universeMode()) {
            case ALL -> "all instruments";
            case INDUSTRIES -> "industries " + String.join(", ", s.industries());
            case TICKERS -> s.tickers().size() + " picked instruments";
        };
    }

    static String pct(Double fraction) {
        return fraction == null ? "off" : Formats.percent(fraction, fraction * 100 < 10 ? 1 : 0);
    }

    private void confirmDelete(PortfolioDetail p) {
        ConfirmDialog dialog = new ConfirmDialog("Delete " + p.name() + "?",
                "The portfolio and its settings are removed. Reports of its finished runs stay available.",
                "Delete", e -> {
                    portfolios.delete(p.id());
                    Notification.show("Deleted " + p.name(), 3000, Notification.Position.BOTTOM_START);
                    navigate("portfolios");
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void navigate(String location) {
        getUI().ifPresent(ui -> ui.navigate(location));
    }
}
