package org.factorguard.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.factorguard.reports.service.CreatedShareLink;
import org.factorguard.reports.service.ReportDetail;
import org.factorguard.reports.service.ReportService;
import org.factorguard.reports.service.ReportTable;
import org.factorguard.reports.service.ShareLinkSummary;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.IsoDatePicker;
import org.factorguard.shared.ui.RouteIds;

/** A report of the signed-in user, with CSV/JSON export and sharing. */
@Route("reports/:id")
@PageTitle("Report · FactorGuard")
@PermitAll
public class ReportView extends VerticalLayout implements BeforeEnterObserver {

    private final ReportService reports;
    private final Clock clock;
    private ReportDetail report;

    public ReportView(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        addClassName("fg-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        report = reports.find(RouteIds.require(event, "Report"));
        H2 title = new H2(report.title());
        title.setId("report-title");
        Button share = new Button("Share", click -> openShareDialog());
        share.setId("report-share");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor json = download("report-export-json", "Download JSON", "report-" + report.id() + ".json",
                "application/json", () -> reports.exportJson(report.id()));
        Anchor runs = new Anchor("portfolios/" + report.portfolioId() + "/runs", "Runs of this portfolio");
        Button print = new Button("Print", click -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("report-print");
        print.getElement().setAttribute("title", "Print, or save as PDF from the print dialog");
        runs.addClassName("fg-no-print");
        HorizontalLayout actions = new HorizontalLayout(runs, json, print, share);
        actions.setAlignItems(Alignment.CENTER);
        HorizontalLayout header = new HorizontalLayout(title, actions);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);
        header.getStyle().set("flex-wrap", "wrap");
        add(header, new ReportBody(report, table -> download("report-export-" + table.slug(), "CSV",
                table.fileName(report.id()), "text/csv", () -> reports.exportCsv(report.id(), table))));
    }

    private Anchor download(String id, String label, String fileName, String type,
            java.util.function.Supplier<String> content) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type + "; charset=utf-8",
                    bytes.length);
        }), label);
        a.setId(id);
        a.addClassName("fg-download");
        a.getElement().setAttribute("download", fileName);
        a.getElement().setAttribute("aria-label", label + " · " + fileName);
        return a;
    }

    private void openShareDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Share this report");
        dialog.setWidth("640px");
        dialog.setId("share-dialog");
        Paragraph intro = new Paragraph("Colleagues signed in to FactorGuard open a read-only snapshot of this report. "
                + "The link is shown once; you can revoke it at any time.");
        intro.addClassName("fg-muted");
        IsoDatePicker expiry = new IsoDatePicker("Expires on (optional)");
        expiry.setId("share-expiry");
        expiry.setMin(java.time.LocalDate.now(clock).plusDays(1));
        TextField url = new TextField("Link (copy it now: it is not shown again)");
        url.setId("share-url");
        url.setReadOnly(true);
        url.setWidthFull();
        url.setVisible(false);
        Div list = new Div();
        list.setId("share-links");
        Button create = new Button("Create link", click -> {
            if (expiry.hasUnparsableInput()) {
                expiry.setErrorMessage(IsoDatePicker.NOT_A_DATE);
                expiry.setInvalid(true);
                return;
            }
            try {
                Instant expires = expiry.getValue() == null ? null
                        : expiry.getValue().atStartOfDay(ZoneId.systemDefault()).toInstant();
                CreatedShareLink created = reports.createLink(report.id(), expires);
                String base = com.vaadin.flow.server.VaadinServletRequest.getCurrent() == null ? ""
                        : baseUrl();
                url.setValue(base + created.route());
                url.setVisible(true);
                url.focus();
                refreshLinks(list);
            } catch (ValidationProblemException e) {
                expiry.setInvalid(true);
                expiry.setErrorMessage(e.getMessage());
            }
        });
        create.setId("share-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(expiry, create);
        row.setAlignItems(Alignment.BASELINE);
        VerticalLayout content = new VerticalLayout(intro, row, url, list);
        content.setPadding(false);
        dialog.add(content);
        Button close = new Button("Close", click -> dialog.close());
        close.setId("share-close");
        dialog.getFooter().add(close);
        refreshLinks(list);
        dialog.open();
    }

    private static String baseUrl() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent().getHttpServletRequest();
        String url = request.getRequestURL().toString();
        String context = request.getContextPath();
        int at = url.indexOf("/", url.indexOf("://") + 3);
        return (at < 0 ? url : url.substring(0, at)) + context + "/";
    }

    private void refreshLinks(Div list) {
        list.removeAll();
        var links = reports.listLinks(report.id());
        if (links.isEmpty()) {
            list.add(new Paragraph("No links yet."));
            return;
        }
        Instant now = clock.instant();
        for (ShareLinkSummary link : links) {
            String state = link.revoked() ? "revoked " + Formats.dateTime(link.revokedAt())
                    : link.expiredAt(now) ? "expired" : link.expiresAt() == null ? "active, no expiry"
                    : "active until " + Formats.dateTime(link.expiresAt());
            Span head = new Span("Link created " + Formats.dateTime(link.createdAt()) + " · " + state);
            head.getStyle().set("font-weight", "600");
            Div item = new Div(head);
            item.setId("share-link-" + link.id());
            item.addClassName("fg-share-link");
            if (!link.revoked()) {
                Button revoke = new Button("Revoke", click -> {
                    reports.revoke(link.id());
                    Notification.show("Link revoked").addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                    refreshLinks(list);
                });
                revoke.setId("share-revoke-" + link.id());
                revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY,
                        ButtonVariant.LUMO_SMALL);
                item.add(revoke);
            }
            Paragraph opens = new Paragraph(link.openings().isEmpty() ? "Not opened yet"
                    : "Opened by " + String.join(", ", link.openings().stream()
                    .map(o -> o.username() + " (" + Formats.dateTime(o.openedAt()) + ")").toList()));
            opens.addClassName("fg-muted");
            opens.setId("share-opens-" + link.id());
            item.add(opens);
            list.add(item);
        }
    }

}
