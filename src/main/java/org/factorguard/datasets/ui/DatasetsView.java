package org.factorguard.datasets.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.datasets.service.DatasetImportRefusedException;
import org.factorguard.datasets.service.DatasetImportRunner;
import org.factorguard.datasets.service.DatasetSummary;
import org.factorguard.datasets.service.ImportProgressListener;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.datasets.service.ImportStage;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.quant.data.ImportProblem;
import org.factorguard.quant.data.ReportingLag;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets. Administrators see every version, import CSV files and retire or reactivate datasets; portfolio
 * managers see the active datasets read-only. The import runs on the import thread, never in a UI listener,
 * and reports its progress through {@code UI.access} (server push).
 */
@Route("datasets")
@PageTitle("Datasets · FactorGuard")
@Menu(order = 20, title = "Datasets", icon = MainLayout.Icons.DATABASE)
@RolesAllowed({"ADMIN", "MANAGER"})
public class DatasetsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(DatasetsView.class);

    enum Format {
        LONG("Long: one row per date and ticker"),
        WIDE_PANEL("Wide stock panel: one close-price column per stock"),
        WIDE("Wide index series: one column per series");

        final String label;

        Format(String label) {
            this.label = label;
        }
    }

    private final DatasetCatalog catalog;
    private final DatasetAdministrationService admin;
    private final DatasetImportRunner runner;
    private final boolean isAdmin;
    private final Grid<DatasetSummary> grid = new Grid<>();

    // import form (administrators only)
    private final RadioButtonGroup<Format> format = new RadioButtonGroup<>("File format");
    private final TextField name = new TextField("Name");
    private final TextField description = new TextField("Description");
    private final IntegerField reportingLag = new IntegerField("Reporting lag of fundamentals (days)");
    private final Checkbox pointInTime = new Checkbox("Fundamentals are point-in-time");
    private final IntegerField maxGap = new IntegerField("Longest gap filled (trading days)");
    private final NumberField maxMissing = new NumberField("Most missing days (%)");
    private final Button start = new Button("Import");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div problems = new Div();
    private final Div instrumentsBox = new Div();
    private Upload upload;
    private Upload instrumentsUpload;
    private File uploadedFile;
    private String uploadedName;
    private File instrumentsFile;
    private String instrumentsLabel = "";
    private boolean importing;

    public DatasetsView(DatasetCatalog catalog, DatasetAdministrationService admin, DatasetImportRunner runner,
                        CurrentUser currentUser) {
        this.catalog = catalog;
        this.admin = admin;
        this.runner = runner;
        this.isAdmin = currentUser.find().map(CurrentUser.UserRef::isAdmin).orElse(false);
        addClassName("fg-page");
        setSizeFull();

        H2 title = new H2("Datasets");
        title.setId("datasets-title");
        Paragraph intro = new Paragraph(isAdmin
                ? "Every version of every dataset. A dataset never changes once imported: importing under an existing "
                + "name adds a new version. Retired datasets stay readable for existing portfolios and reports but "
                + "cannot be chosen for new ones."
                : "The datasets you can use for your portfolios. Open one to see its cleaning report and index chart.");
        intro.addClassName("fg-muted");
        add(title, intro);
        if (isAdmin) {
            add(importCard());
        }
        configureGrid();
        add(grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(isAdmin ? admin.listAll() : catalog.listActive());
    }

    private void configureGrid() {
        grid.setId("datasets-grid");
        grid.setMinHeight("320px");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::nameCell).setHeader("Name").setWidth("190px").setFlexGrow(2);
        grid.addComponentColumn(d -> badges(d)).setHeader("Kind / status").setWidth("104px").setFlexGrow(0);
        grid.addColumn(d -> Formats.count(d.instrumentCount())).setHeader("Instruments")
                .setWidth("100px").setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(d -> (d.firstDate() + " – " + d.lastDate()).replace('-', '\u2011')).setHeader(
                "Date range").setWidth("104px").setFlexGrow(0);
        grid.addColumn(d -> Formats.count(d.rowCount())).setHeader("Rows").setWidth("90px")
                .setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addComponentColumn(DatasetsView::hashCell).setHeader("Hash").setWidth("120px").setFlexGrow(0);
        grid.addColumn(d -> d.createdBy() + ", " + Formats.dateTime(d.createdAt())).setHeader("Created by")
                .setWidth("130px").setFlexGrow(0);
        grid.addColumn(DatasetSummary::cleaningSummary).setHeader("Cleaning").setWidth("160px").setFlexGrow(1);
        if (isAdmin) {
            grid.addComponentColumn(this::actions).setHeader("").setWidth("110px").setFlexGrow(0);
        }
    }

    private Component nameCell(DatasetSummary d) {
        RouterLink link = new RouterLink(d.name(), DatasetDetailView.class,
                new RouteParameters("id", String.valueOf(d.id())));
        link.setId("open-dataset-" + d.id());
        Span version = new Span(" v" + d.versionNumber());
        version.addClassName("fg-muted");
        return new Span(link, version);
    }

    private static Component badges(DatasetSummary d) {
        Div both = new Div(kindBadge(d), statusBadge(d));
        both.addClassName("fg-badges");
        return both;
    }

    static Span kindBadge(DatasetSummary d) {
        Span badge = new Span(d.isSynthetic() ? "Synthetic" : d.contentType().label());
        badge.addClassName("fg-badge");
        if (d.isSynthetic()) {
            badge.addClassName("primary");
        }
        return badge;
    }

    static Span statusBadge(DatasetSummary d) {
        Span badge = new Span(d.isActive() ? "Active" : "Retired");
        badge.addClassNames("fg-badge", d.isActive() ? "success" : "contrast");
        return badge;
    }

    private static Span hashCell(DatasetSummary d) {
        Span hash = new Span(d.shortHash());
        hash.addClassName("fg-mono");
        hash.getElement().setAttribute("title", d.contentHash());
        return hash;
    }

    private Component actions(DatasetSummary d) {
        Button button = new Button(d.isActive() ? "Retire" : "Reactivate", click -> confirmStatusChange(d));
        button.setId((d.isActive() ? "retire-" : "reactivate-") + d.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void confirmStatusChange(DatasetSummary d) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-status");
        if (d.isActive()) {
            dialog.setHeader("Retire " + d.displayName() + "?");
            dialog.setText("It can no longer be chosen for new portfolios. Existing portfolios and reports keep using "
                    + "it. "
                    + "You can reactivate it later.");
            dialog.setConfirmText("Retire");
            dialog.setConfirmButtonTheme("error primary");
        } else {
            dialog.setHeader("Reactivate " + d.displayName() + "?");
            dialog.setText("It can be chosen for new portfolios again.");
            dialog.setConfirmText("Reactivate");
        }
        dialog.setCancelable(true);
        dialog.addConfirmListener(event -> {
            DatasetSummary changed = d.isActive() ? admin.retire(d.id()) : admin.reactivate(d.id());
            Notification.show(changed.displayName() + (changed.isActive() ? " reactivated" : " retired"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        dialog.open();
    }

    // ---- import -------------------------------------------------------------------------------------------

    private Component importCard() {
        Div card = new Div();
        card.addClassName("fg-card");
        card.setWidthFull();
        card.setId("import-card");
        H3 heading = new H3("Import a CSV file");
        Paragraph help = new Paragraph("Long format: date,ticker,open,high,low,close,volume and optionally "
                + "name,industry,shares,eps,bvps,pe,pb. Wide stock panel: date, then one close-price column per "
                + "stock, optionally with an instrument list ticker,name,industry[,shares]. Wide index series: "
                + "date, then one close-price column per index. UTF-8, ISO dates, '.' decimals, at most "
                + (admin.maxUploadBytes() / (1024 * 1024)) + " MiB.");
        help.addClassName("fg-muted");

        format.setId("import-format");
        format.setItems(Format.values());
        format.setItemLabelGenerator(f -> f.label);
        format.setValue(Format.LONG);
        format.addValueChangeListener(e -> {
            instrumentsBox.setVisible(e.getValue() == Format.WIDE_PANEL);
            // only the long format carries fundamentals
            reportingLag.setVisible(e.getValue() == Format.LONG);
            pointInTime.setVisible(e.getValue() == Format.LONG);
            showReady();
        });
        name.setId("import-name");
        // every keystroke reaches the server, so a name typed just before a file is dropped is never overwritten
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        description.setId("import-description");
        description.setMaxLength(2000);
        CleaningSettings defaults = CleaningSettings.defaults();
        reportingLag.setId("import-reporting-lag");
        reportingLag.setValue(ReportingLag.DEFAULT_DAYS);
        reportingLag.setMin(0);
        reportingLag.setMax(365);
        reportingLag.setHelperText("eps, bvps, pe, pb dated d are used from the first trading day ≥ d + lag");
        pointInTime.setId("import-point-in-time");
        pointInTime.addValueChangeListener(e -> reportingLag.setEnabled(!e.getValue()));
        maxGap.setId("import-max-gap");
        maxGap.setValue(defaults.maxGapDays());
        maxGap.setMin(0);
        maxGap.setHelperText("longer gaps drop the instrument; prices are stored as imported");
        maxMissing.setId("import-max-missing");
        maxMissing.setValue(defaults.maxMissingShare() * 100);
        maxMissing.setMin(0);
        maxMissing.setMax(100);
        maxMissing.setHelperText("of an instrument's listed days; more drops it");

        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            UI ui = upload.getUI().orElse(null);
            if (ui == null) {
                Files.deleteIfExists(file.toPath());
                return;
            }
            ui.access(() -> fileReceived(metadata.fileName(), file));
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, admin.maxUploadBytes()));
        upload.addFileRejectedListener(event -> Notification.show(event.getErrorMessage(), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        upload.addFileRemovedListener(event -> forgetFile());

        instrumentsUpload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            UI ui = instrumentsUpload.getUI().orElse(null);
            if (ui == null) {
                Files.deleteIfExists(file.toPath());
                return;
            }
            ui.access(() -> instrumentsReceived(metadata.fileName(), file));
        }));
        instrumentsUpload.setId("import-instruments-upload");
        instrumentsUpload.setMaxFiles(1);
        instrumentsUpload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        instrumentsUpload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, admin.maxUploadBytes()));
        instrumentsUpload.setUploadButton(new Button("Instrument list…"));
        instrumentsUpload.addFileRejectedListener(event -> Notification.show(event.getErrorMessage(), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        instrumentsUpload.addFileRemovedListener(event -> forgetInstruments());
        Span instrumentsHelp = new Span("Optional instrument list: ticker,name,industry[,shares], one row per stock "
                + "of the closes. Without it every stock is unclassified.");
        instrumentsHelp.addClassName("fg-muted");
        instrumentsBox.setId("import-instruments");
        instrumentsBox.add(instrumentsHelp, instrumentsUpload);
        instrumentsBox.setVisible(false);

        start.setId("import-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(click -> startImport());

        progress.setId("import-progress");
        progress.setVisible(false);
        progress.setWidth("24em");
        status.setId("import-status");
        status.addClassName("fg-muted");
        problems.setId("import-problems");
        problems.setVisible(false);
        problems.addClassName("fg-problems");

        FormLayout form = new FormLayout(name, description, maxGap, maxMissing, reportingLag, pointInTime);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        form.setColspan(description, 2);
        HorizontalLayout actions = new HorizontalLayout(start, progress, status);
        actions.setAlignItems(Alignment.CENTER);
        card.add(heading, help, format, form, upload, instrumentsBox, actions, problems);
        return card;
    }

    private void fileReceived(String fileName, File file) {
        forgetFile();
        uploadedFile = file;
        uploadedName = fileName;
        // decided in the browser, which knows what was typed even if it has not reached the server yet
        name.getElement().executeJs("if (!this.value) { this.value = $0; }", fileName.replaceFirst("\\.[^.]*$", ""));
        start.setEnabled(!importing);
        showReady();
    }

    private void showReady() {
        if (uploadedFile != null && !importing) {
            status.setText("Ready to import " + uploadedName + " (" + Formats.count(uploadedFile.length()) + " bytes)"
                    + (instrumentsFile != null && format.getValue() == Format.WIDE_PANEL ? instrumentsLabel : ""));
        }
    }

    private void instrumentsReceived(String fileName, File file) {
        forgetInstruments();
        instrumentsFile = file;
        instrumentsLabel = " with the instrument list " + fileName;
        showReady();
    }

    private void forgetInstruments() {
        if (instrumentsFile != null && !importing) {
            deleteQuietly(instrumentsFile);
        }
        instrumentsFile = null;
        instrumentsLabel = "";
    }

    private void forgetFile() {
        if (uploadedFile != null && !importing) {
            deleteQuietly(uploadedFile);
        }
        uploadedFile = null;
        uploadedName = null;
        start.setEnabled(false);
    }

    private void startImport() {
        if (uploadedFile == null || importing) {
            return;
        }
        name.setInvalid(false);
        problems.removeAll();
        problems.setVisible(false);
        CleaningSettings cleaning;
        try {
            cleaning = new CleaningSettings(CleaningSettings.defaults().madMultiplier(),
                    maxGap.getValue() == null ? -1 : maxGap.getValue(), value(maxMissing) / 100.0);
        } catch (IllegalArgumentException e) {
            showError("Check the cleaning settings: " + e.getMessage());
            return;
        }
        File file = uploadedFile;
        Format chosen = format.getValue();
        File instruments = chosen == Format.WIDE_PANEL ? instrumentsFile : null;
        if (instrumentsFile != null && instruments == null) {
            forgetInstruments();
        }
        instrumentsFile = null;
        ImportRequest request = new ImportRequest(name.getValue(), description.getValue(), uploadedName, file.length(),
                cleaning, reportingLag.getValue() == null ? -1 : reportingLag.getValue(), pointInTime.getValue());
        UI ui = UI.getCurrent();
        importing = true;
        uploadedFile = null;
        start.setEnabled(false);
        upload.setEnabled(false);
        instrumentsUpload.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        status.setText("Queued…");
        double[] shown = {-1};
        runner.submit(() -> {
            Command outcome;
            try (InputStream in = Files.newInputStream(file.toPath());
                 InputStream list = instruments == null ? null : Files.newInputStream(instruments.toPath())) {
                ImportProgressListener listener = (stage, fraction) -> report(ui, shown, stage, fraction);
                DatasetSummary imported = switch (chosen) {
                    case LONG -> admin.importLongCsv(request, in, listener);
                    case WIDE_PANEL -> admin.importWidePanelCsv(request, in, list, listener);
                    case WIDE -> admin.importIndexCsv(request, in, listener);
                };
                outcome = () -> imported(imported);
            } catch (DatasetImportRefusedException e) {
                outcome = () -> refused(e);
            } catch (ValidationProblemException e) {
                outcome = () -> invalidRequest(e);
            } catch (IOException | RuntimeException e) {
                log.error("Import of {} failed", request.fileName(), e);
                outcome = () -> {
                    finishImport();
                    showError("The import failed unexpectedly; nothing was stored. " + e.getClass().getSimpleName());
                };
            } finally {
                deleteQuietly(file);
                if (instruments != null) {
                    deleteQuietly(instruments);
                }
            }
            ui.access(outcome);
        });
    }

    private void report(UI ui, double[] shown, ImportStage stage, double fraction) {
        if (fraction - shown[0] < 0.01 && stage != ImportStage.DONE) {
            return;
        }
        shown[0] = fraction;
        ui.access(() -> {
            progress.setValue(Math.min(1, Math.max(0, fraction)));
            status.setText(stage.label() + "… " + Math.round(fraction * 100) + " %");
        });
    }

    private void imported(DatasetSummary d) {
        finishImport();
        upload.clearFileList();
        status.setText("Imported " + d.displayName() + ": " + d.cleaningSummary());
        Notification.show("Imported " + d.displayName()).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        name.clear();
        name.setInvalid(false);
        description.clear();
        refresh();
    }

    private void refused(DatasetImportRefusedException e) {
        finishImport();
        status.setText("Nothing was imported.");
        problems.removeAll();
        Span headline = new Span(e.getMessage());
        headline.addClassName("fg-problems-title");
        problems.add(headline);
        if (!e.problems().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("import-problem-list");
            for (ImportProblem p : e.problems()) {
                list.add(new ListItem(p.message()));
            }
            problems.add(list);
            if (e.truncated()) {
                Span more = new Span("Only the first " + e.problems().size()
                        + " problems are listed; fix them and try again.");
                more.addClassName("fg-muted");
                problems.add(more);
            }
        }
        problems.setVisible(true);
    }

    private void invalidRequest(ValidationProblemException e) {
        finishImport();
        status.setText("");
        for (FieldProblem p : e.problems()) {
            if ("name".equals(p.field())) {
                name.setErrorMessage(p.message());
                name.setInvalid(true);
            } else {
                showError(p.message());
            }
        }
    }

    private void finishImport() {
        importing = false;
        progress.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
        instrumentsUpload.setEnabled(true);
        instrumentsUpload.clearFileList();
        start.setEnabled(false);
    }

    private static void showError(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static double value(NumberField field) {
        return field.getValue() == null ? Double.NaN : field.getValue();
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException e) {
            log.warn("Could not delete temporary upload {}", file, e);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (uploadedFile != null && !importing) {
            deleteQuietly(uploadedFile);
            uploadedFile = null;
        }
        if (instrumentsFile != null && !importing) {
            deleteQuietly(instrumentsFile);
            instrumentsFile = null;
        }
        super.onDetach(event);
    }
}
