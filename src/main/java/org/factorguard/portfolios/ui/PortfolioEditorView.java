package org.factorguard.portfolios.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.factorguard.portfolios.service.DatasetChoices;
import org.factorguard.portfolios.service.DatasetChoices.InstrumentChoice;
import org.factorguard.portfolios.service.PortfolioDetail;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.portfolios.service.PortfolioSettings.Retraining;
import org.factorguard.portfolios.service.PortfolioSettings.UniverseMode;
import org.factorguard.quant.backtest.RebalanceFrequency;
import org.factorguard.quant.factors.FactorAvailability;
import org.factorguard.quant.factors.FactorLibrary;
import org.factorguard.quant.models.lstm.LstmImplementation;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.IsoDatePicker;
import org.factorguard.shared.ui.RouteIds;

/**
 * Creates or edits a portfolio. The service validates; its field problems are shown beside the fields and
 * nothing is saved while any remains. Factor choices are kept as they are (the factors page sets them).
 */
@Route("portfolios/new")
@RouteAlias("portfolios/:id([0-9]+)/edit")
@PageTitle("Portfolio · FactorGuard")
@PermitAll
public class PortfolioEditorView extends VerticalLayout implements BeforeEnterObserver {

    /** A dataset as the combo box offers it; a retired one appears only as an existing portfolio's value. */
    record DatasetOption(long id, String label, boolean active) {
    }

    private final PortfolioService portfolios;

    private final H2 title = new H2();
    private final TextField name = new TextField("Name");
    private final ComboBox<DatasetOption> dataset = new ComboBox<>("Dataset");
    private final Span datasetNote = new Span();
    private final RadioButtonGroup<UniverseMode> universe = new RadioButtonGroup<>("Universe");
    private final MultiSelectComboBox<String> industries = new MultiSelectComboBox<>("Industries");
    private final MultiSelectComboBox<InstrumentChoice> tickers = new MultiSelectComboBox<>("Instruments");
    private final IsoDatePicker startDate = new IsoDatePicker("Start date");
    private final IsoDatePicker endDate = new IsoDatePicker("End date");
    private final Select<RebalanceFrequency> rebalance = new Select<>();
    private final NumberField costBps = new NumberField("Transaction costs");
    private final Checkbox longShort = new Checkbox("Allow short positions");
    private final NumberField riskFreeRate = percentField("Risk-free rate (annual)");
    private final NumberField maxVolatility = percentField("Volatility limit (annual)");
    private final NumberField maxVar = percentField("VaR(95 %) limit (one day)");
    private final NumberField maxDrawdown = percentField("Drawdown limit");
    private final NumberField maxWeight = percentField("Per-asset cap");
    private final NumberField maxIndustryWeight = percentField("Per-industry cap");
    private final IntegerField lookback = new IntegerField("Look-back (trading days)");
    private final IntegerField units = new IntegerField("LSTM units");
    private final IntegerField epochs = new IntegerField("Epochs (maximum)");
    private final IntegerField ensembleSize = new IntegerField("Seeds (ensemble size)");
    private final RadioButtonGroup<Retraining> retraining = new RadioButtonGroup<>("Retraining");
    private final Select<LstmImplementation> implementation = new Select<>();
    private final Div formProblems = new Div();
    private final Div factorCard = new Div();
    private final Map<String, HasValidation> fieldsByProblem = new HashMap<>();

    private Long portfolioId;
    private PortfolioSettings loaded = PortfolioSettings.defaults();
    /** The factors saved with the portfolio: its own, or for a new one the defaults its dataset can supply. */
    private List<String> factorIds = loaded.factorIds();

    public PortfolioEditorView(PortfolioService portfolios) {
        this.portfolios = portfolios;
        addClassName("fg-page");
        title.setId("editor-title");
        formProblems.setId("form-problems");
        formProblems.addClassName("fg-negative");
        formProblems.setVisible(false);
        configureFields();

        Button save = new Button("Save", e -> save());
        save.setId("portfolio-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> getUI().ifPresent(ui -> ui.navigate(
                portfolioId == null ? "portfolios" : "portfolios/" + portfolioId)));
        cancel.setId("portfolio-cancel");
        add(title, formProblems,
                section("General", "A name you recognise and the market data it studies.", name, dataset, datasetNote),
                section("Universe", "Which instruments the models may hold.", universe, industries, tickers),
                section("Dates", "Leave empty to use the dataset's whole range. Dates are written yyyy-mm-dd. The "
                        + "first years train the models; reports start after the first training window.", startDate,
                        endDate),
                factorCard,
                section("Rebalance and costs", null, rebalance, costBps, longShort, riskFreeRate),
                section("Risk limits", "The allocator keeps every portfolio within these limits. Leave a limit "
                        + "empty to switch it off (the per-asset cap is always on).", maxVolatility, maxVar,
                                maxDrawdown,
                        maxWeight, maxIndustryWeight),
                section("Model", "The LSTM's settings; the linear benchmark needs none.", lookback, units, epochs,
                        ensembleSize, retraining, implementation),
                new HorizontalLayout(save, cancel));
    }

    private void configureFields() {
        name.setId("portfolio-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        name.setHelperText("Unique among your portfolios.");
        dataset.setId("portfolio-dataset");
        dataset.setItemLabelGenerator(DatasetOption::label);
        dataset.setRequiredIndicatorVisible(true);
        dataset.setHelperText("Active stock datasets. Synthetic data is labelled as such.");
        dataset.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                loadChoices(e.getValue());
            }
        });
        datasetNote.setId("dataset-note");
        datasetNote.addClassName("fg-muted");
        datasetNote.setVisible(false);

        universe.setId("portfolio-universe");
        universe.setItems(UniverseMode.values());
        universe.setItemLabelGenerator(m -> switch (m) {
            case ALL -> "All instruments";
            case INDUSTRIES -> "By industry";
            case TICKERS -> "Picked instruments";
        });
        universe.setHelperText("Screening and models use the instruments of this universe only.");
        universe.addValueChangeListener(e -> showUniverseFields());
        industries.setId("portfolio-industries");
        industries.setHelperText("The universe is every instrument of these industries.");
        industries.setWidthFull();
        tickers.setId("portfolio-tickers");
        tickers.setItemLabelGenerator(InstrumentChoice::label);
        tickers.setHelperText("Type to search by ticker or name; pick at least two.");
        tickers.setWidthFull();

        startDate.setId("portfolio-start");
        startDate.setHelperText("Empty = the dataset's first day.");
        startDate.setClearButtonVisible(true);
        endDate.setId("portfolio-end");
        endDate.setHelperText("Empty = the dataset's last day.");
        endDate.setClearButtonVisible(true);

        rebalance.setId("portfolio-rebalance");
        rebalance.setLabel("Rebalance");
        rebalance.setItems(RebalanceFrequency.values());
        rebalance.setItemLabelGenerator(f -> f.name().charAt(0) + f.name().substring(1).toLowerCase());
        rebalance.setHelperText("How often the weights are recomputed and traded.");
        costBps.setId("portfolio-costs");
        costBps.setSuffixComponent(new Span("bps"));
        costBps.setHelperText("Charged per unit of turnover; 10 bps = 0.10 % of the traded value.");
        costBps.setMin(0);
        longShort.setId("portfolio-long-short");
        longShort.setTooltipText("Off: long-only, fully invested. On: shorts allowed, gross exposure up to 200 %.");

        maxVolatility.setId("portfolio-max-volatility");
        maxVolatility.setHelperText("Ex-ante annualised volatility of the portfolio, e.g. 20 %.");
        maxVar.setId("portfolio-max-var");
        maxVar.setHelperText("Parametric one-day loss exceeded on 5 % of days, e.g. 2.5 %.");
        maxDrawdown.setId("portfolio-max-drawdown");
        maxDrawdown.setHelperText("Checked at every close: exposure is cut as the loss from the last peak "
                + "approaches this limit.");
        riskFreeRate.setId("portfolio-risk-free-rate");
        riskFreeRate.setHelperText("Earned by cash; Sharpe and Sortino use returns above it.");
        maxWeight.setId("portfolio-max-weight");
        maxWeight.setRequiredIndicatorVisible(true);
        maxWeight.setHelperText("Largest weight of one instrument; cap × universe size must reach 100 %.");
        maxIndustryWeight.setId("portfolio-max-industry");
        maxIndustryWeight.setHelperText("Largest total weight of one industry; empty = no cap.");

        lookback.setId("portfolio-lookback");
        lookback.setHelperText("Days of factor history the LSTM sees per prediction (2–250).");
        units.setId("portfolio-units");
        units.setHelperText("Hidden units of the LSTM layer (2–256); more fit more, and train slower.");
        epochs.setId("portfolio-epochs");
        epochs.setHelperText("Training passes per fold (1–200); early stopping may end sooner.");
        ensembleSize.setId("portfolio-seeds");
        ensembleSize.setHelperText("Networks trained with different seeds and averaged (1–10).");
        for (IntegerField f : List.of(lookback, units, epochs, ensembleSize)) {
            f.setStepButtonsVisible(true);
            f.setRequiredIndicatorVisible(true);
        }
        retraining.setId("portfolio-retraining");
        retraining.setItems(Retraining.values());
        retraining.setItemLabelGenerator(r -> r == Retraining.YEARLY ? "Yearly (252 days)" : "Quarterly (63 days)");
        retraining.setHelperText("How often both models are re-fitted in the walk-forward.");
        implementation.setId("portfolio-implementation");
        implementation.setLabel("LSTM implementation");
        implementation.setItems(LstmImplementation.values());
        implementation.setItemLabelGenerator(i -> i == LstmImplementation.FAST ? "Fast (default)" : "DL4J reference");
        implementation.setHelperText("Both give the same kind of model; DL4J is the slower reference.");

        register("name", name);
        register("dataset", dataset);
        register("universe", universe);
        register("industries", industries);
        register("tickers", tickers);
        register("startDate", startDate);
        register("endDate", endDate);
        register("rebalance", rebalance);
        register("costBps", costBps);
        register("maxAnnualVolatility", maxVolatility);
        register("maxDailyVar95", maxVar);
        register("maxDrawdown", maxDrawdown);
        register("riskFreeRate", riskFreeRate);
        register("maxWeight", maxWeight);
        register("maxIndustryWeight", maxIndustryWeight);
        register("retraining", retraining);
        register("lookback", lookback);
        register("units", units);
        register("epochs", epochs);
        register("ensembleSize", ensembleSize);
        register("implementation", implementation);
    }

    private void register(String field, HasValidation component) {
        fieldsByProblem.put(field, component);
    }

    private static NumberField percentField(String label) {
        NumberField field = new NumberField(label);
        field.setSuffixComponent(new Span("%"));
        field.setClearButtonVisible(true);
        field.setStep(0.1);
        return field;
    }

    private static Component section(String heading, String help, Component... fields) {
        Div card = new Div();
        card.addClassNames("fg-card", "fg-form-section");
        card.setWidthFull();
        card.add(new H3(heading));
        if (help != null) {
            Paragraph p = new Paragraph(help);
            p.addClassName("fg-muted");
            card.add(p);
        }
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2),
                new FormLayout.ResponsiveStep("1000px", 3));
        for (Component f : fields) {
            if (f instanceof MultiSelectComboBox<?> || f instanceof Span) {
                form.setColspan(f, 3);
            }
        }
        card.add(form);
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<DatasetOption> options = new ArrayList<>(portfolios.selectableDatasets().stream()
                .map(d -> new DatasetOption(d.id(), d.displayName(), true)).toList());
        OptionalLong id = RouteIds.optional(event, "Portfolio");
        if (id.isEmpty()) {
            portfolioId = null;
            title.setText("New portfolio");
            loaded = PortfolioSettings.defaults();
            dataset.setItems(options);
            DatasetOption first = options.stream().filter(o -> o.label().contains("synthetic")).findFirst()
                    .orElse(options.isEmpty() ? null : options.get(0));
            dataset.setValue(first);
            factorIds = loaded.factorIds();
            fill(loaded);
            loadChoices(first);
            return;
        }
        PortfolioDetail detail = portfolios.find(id.getAsLong()); // NotFoundException -> "Not found" page
        portfolioId = detail.id();
        title.setText("Edit " + detail.name());
        loaded = detail.settings();
        factorIds = loaded.factorIds();
        DatasetOption current = options.stream().filter(o -> o.id() == detail.datasetId()).findFirst().orElse(null);
        if (current == null) {
            current = new DatasetOption(detail.datasetId(), detail.datasetName() + " (retired)", false);
            options.add(0, current);
            datasetNote.setText("This dataset has been retired: the portfolio keeps it, but once you choose another "
                    + "dataset you cannot switch back.");
            datasetNote.setVisible(true);
        }
        dataset.setItems(options);
        dataset.setValue(current);
        name.setValue(detail.name());
        loadChoices(current);
        fill(loaded);
    }

    private void loadChoices(DatasetOption option) {
        if (option == null) {
            industries.setItems(List.of());
            tickers.setItems(List.of());
            return;
        }
        DatasetChoices choices = portfolios.choicesFor(option.id());
        Set<String> keptIndustries = new LinkedHashSet<>(industries.getValue());
        Set<String> keptTickers = new LinkedHashSet<>();
        tickers.getValue().forEach(t -> keptTickers.add(t.ticker()));
        industries.setItems(choices.industries());
        tickers.setItems(choices.instruments());
        industries.setValue(keptIndustries.stream().filter(choices.industries()::contains).toList());
        tickers.setValue(choices.instruments().stream().filter(i -> keptTickers.contains(i.ticker())).toList());
        for (IsoDatePicker picker : List.of(startDate, endDate)) {
            picker.setMin(choices.firstDate());
            picker.setMax(choices.lastDate());
            picker.setInitialPosition(picker == startDate ? choices.firstDate() : choices.lastDate());
        }
        startDate.setHelperText("Empty = " + choices.firstDate() + " (the dataset's first day).");
        endDate.setHelperText("Empty = " + choices.lastDate() + " (the dataset's last day).");
        if (!option.active()) {
            datasetNote.setVisible(true);
        } else if (portfolioId != null) {
            datasetNote.setVisible(false);
        }
        showFactors(option.id());
    }

    /** The factors the portfolio will use and those the chosen dataset cannot supply, with the reasons. */
    private void showFactors(long datasetId) {
        FactorAvailability availability = portfolios.factorAvailability(datasetId);
        if (portfolioId == null) {
            factorIds = portfolios.defaultFactors(datasetId);
        }
        factorCard.removeAll();
        factorCard.setId("editor-factor-card");
        factorCard.addClassNames("fg-card", "fg-form-section");
        factorCard.setWidthFull();
        factorCard.add(new H3("Factors (" + factorIds.size() + ")"));
        Paragraph chosen = new Paragraph(factorIds.stream()
                .map(f -> FactorLibrary.find(f).map(x -> x.displayName() + " (" + f + ")").orElse(f))
                .collect(Collectors.joining(" · ")));
        chosen.setId("editor-factors");
        Paragraph help = new Paragraph(portfolioId == null
                ? "A new portfolio starts with the default factors this dataset can supply. After saving, the "
                + "Factors page screens every candidate and lets you choose."
                : "Change them on the Factors page, which screens every candidate on this portfolio's data.");
        help.addClassName("fg-muted");
        factorCard.add(chosen, help);
        List<FactorAvailability.Unavailable> chosenButMissing = availability.unavailableAmong(factorIds);
        if (!chosenButMissing.isEmpty()) {
            Paragraph warning = new Paragraph("This dataset cannot supply " + chosenButMissing.size() + " of these "
                    + "factors (" + chosenButMissing.stream().map(FactorAvailability.Unavailable::factorId)
                    .collect(Collectors.joining(", ")) + "): a study is refused until you choose other factors "
                    + "on the Factors page.");
            warning.setId("editor-factor-warning");
            warning.addClassName("fg-negative");
            factorCard.add(warning);
        }
        if (!availability.unavailable().isEmpty()) {
            Span heading = new Span("Not available on this dataset (" + availability.unavailable().size() + ")");
            heading.addClassName("fg-fact-label");
            UnorderedList list = new UnorderedList();
            list.setId("editor-unavailable-factors");
            for (FactorAvailability.Unavailable u : availability.unavailable()) {
                list.add(new ListItem(u.describe()));
            }
            factorCard.add(heading, list);
        }
    }

    private void fill(PortfolioSettings s) {
        universe.setValue(s.universeMode());
        industries.setValue(s.industries().stream().filter(i -> industriesContain(i)).toList());
        Set<String> wanted = Set.copyOf(s.tickers());
        tickers.setValue(tickers.getListDataView().getItems().filter(i -> wanted.contains(i.ticker())).toList());
        startDate.setValue(s.startDate());
        endDate.setValue(s.endDate());
        rebalance.setValue(s.rebalance());
        costBps.setValue(s.costBps());
        longShort.setValue(s.longShort());
        riskFreeRate.setValue(percent(s.riskFreeRate()));
        maxVolatility.setValue(percent(s.maxAnnualVolatility()));
        maxVar.setValue(percent(s.maxDailyVar95()));
        maxDrawdown.setValue(percent(s.maxDrawdown()));
        maxWeight.setValue(percent(s.maxWeight()));
        maxIndustryWeight.setValue(percent(s.maxIndustryWeight()));
        lookback.setValue(s.lookback());
        units.setValue(s.units());
        epochs.setValue(s.epochs());
        ensembleSize.setValue(s.ensembleSize());
        retraining.setValue(s.retraining());
        implementation.setValue(s.implementation());
        showUniverseFields();
    }

    private boolean industriesContain(String industry) {
        return industries.getListDataView().getItems().anyMatch(industry::equals);
    }

    private void showUniverseFields() {
        industries.setVisible(universe.getValue() == UniverseMode.INDUSTRIES);
        tickers.setVisible(universe.getValue() == UniverseMode.TICKERS);
    }

    private static Double percent(Double fraction) {
        return fraction == null ? null : Math.round(fraction * 100_000.0) / 1000.0;
    }

    private static Double fraction(Double percent) {
        return percent == null ? null : percent / 100.0;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    PortfolioSettings settingsFromFields() {
        UniverseMode mode = universe.getValue();
        // From the loaded settings, so that what this form does not edit (factor selection, search) is kept.
        return loaded.toBuilder()
                .universeMode(mode)
                .industries(mode == UniverseMode.INDUSTRIES ? List.copyOf(industries.getValue()) : List.of())
                .tickers(mode == UniverseMode.TICKERS
                        ? tickers.getValue().stream().map(InstrumentChoice::ticker).sorted().toList() : List.of())
                .dates(startDate.getValue(), endDate.getValue())
                .factorIds(factorIds)
                .rebalance(rebalance.getValue())
                .costBps(costBps.getValue() == null ? Double.NaN : costBps.getValue())
                .longShort(longShort.getValue())
                .maxAnnualVolatility(fraction(maxVolatility.getValue()))
                .maxDailyVar95(fraction(maxVar.getValue()))
                .maxDrawdown(fraction(maxDrawdown.getValue()))
                .maxWeight(maxWeight.getValue() == null ? Double.NaN : maxWeight.getValue() / 100.0)
                .maxIndustryWeight(fraction(maxIndustryWeight.getValue()))
                .retraining(retraining.getValue())
                .lookback(orZero(lookback.getValue()))
                .units(orZero(units.getValue()))
                .epochs(orZero(epochs.getValue()))
                .ensembleSize(orZero(ensembleSize.getValue()))
                .implementation(implementation.getValue())
                .seed(loaded.seed())
                .riskFreeRate(riskFreeRate.getValue() == null ? 0.0 : riskFreeRate.getValue() / 100.0)
                .build();
    }

    private void save() {
        clearProblems();
        List<FieldProblem> unreadable = new ArrayList<>();
        if (startDate.hasUnparsableInput()) {
            unreadable.add(new FieldProblem("startDate", IsoDatePicker.NOT_A_DATE));
        }
        if (endDate.hasUnparsableInput()) {
            unreadable.add(new FieldProblem("endDate", IsoDatePicker.NOT_A_DATE));
        }
        if (!unreadable.isEmpty()) {
            showProblems(unreadable);
            return;
        }
        PortfolioDraft draft = new PortfolioDraft(name.getValue(),
                dataset.getValue() == null ? null : dataset.getValue().id(), settingsFromFields());
        try {
            long id;
            if (portfolioId == null) {
                id = portfolios.create(draft);
            } else {
                portfolios.update(portfolioId, draft);
                id = portfolioId;
            }
            Notification.show("Saved " + draft.name().trim(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("portfolios/" + id));
        } catch (ValidationProblemException e) {
            showProblems(e.problems());
        }
    }

    private void clearProblems() {
        fieldsByProblem.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        formProblems.removeAll();
        formProblems.setVisible(false);
    }

    private void showProblems(List<FieldProblem> problems) {
        List<String> general = new ArrayList<>();
        Map<String, String> byField = new HashMap<>();
        for (FieldProblem p : problems) {
            HasValidation field = p.field() == null ? null : fieldsByProblem.get(p.field());
            if (field == null) {
                general.add(p.message());
            } else {
                byField.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
            }
        }
        byField.forEach((f, message) -> {
            HasValidation field = fieldsByProblem.get(f);
            field.setErrorMessage(message);
            field.setInvalid(true);
        });
        String summary = problems.size() == 1 ? "Please correct the highlighted problem; nothing was saved."
                : "Please correct the " + problems.size() + " problems below; nothing was saved.";
        formProblems.add(new Paragraph(summary));
        general.stream().filter(Objects::nonNull).forEach(m -> formProblems.add(new Paragraph(m)));
        formProblems.setVisible(true);
        problems.stream().map(FieldProblem::field).filter(byField::containsKey).findFirst()
                .map(fieldsByProblem::get)
                .ifPresent(f -> {
                    if (f instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                        focusable.focus();
                    }
                });
    }
}
