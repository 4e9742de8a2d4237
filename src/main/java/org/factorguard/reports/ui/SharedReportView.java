package org.factorguard.reports.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import org.factorguard.reports.service.ReportService;
import org.factorguard.reports.service.SharedReportOpening;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.RouteIds;

/**
 * A report shared by its owner, read-only, for any signed-in user who has the link. Without a session,
 * Spring Security sends the visitor to the login page and back here after sign-in. Opened again from the
 * Reports page ({@code reports/shared/:id}) while the link the user opened still works.
 */
@Route("shared/:token")
@RouteAlias("reports/shared/:id")
@PageTitle("Shared report · FactorGuard")
@PermitAll
public class SharedReportView extends VerticalLayout implements BeforeEnterObserver {

    private final ReportService reports;

    public SharedReportView(ReportService reports) {
        this.reports = reports;
        addClassName("fg-page");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        SharedReportOpening opening = event.getRouteParameters().get("id").isPresent()
                ? reports.openSharedAgain(RouteIds.require(event, "Report")) // otherwise "not found"
                : reports.openShared(event.getRouteParameters().get("token").orElse(""));
        if (opening.outcome() != SharedReportOpening.Outcome.OK) {
            H2 title = new H2(switch (opening.outcome()) {
                case REVOKED -> "This link was revoked";
                case EXPIRED -> "This link has expired";
                default -> "Shared report not found";
            });
            title.setId("shared-problem");
            Paragraph text = new Paragraph(switch (opening.outcome()) {
                case REVOKED -> "The owner revoked this share link. Ask them for a new one if you still need the "
                        + "report.";
                case EXPIRED -> "The owner gave this link an expiry date that has passed. Ask them for a new link.";
                default -> "Check that you copied the whole link; it may also have been mistyped.";
            });
            text.addClassName("fg-muted");
            add(title, text);
            return;
        }
        var report = opening.report();
        Div banner = new Div();
        banner.setId("shared-banner");
        banner.addClassName("fg-shared-banner");
        banner.setText("Shared by " + opening.sharedBy() + " — read-only snapshot"
                + (opening.expiresAt() == null ? "" : " · link valid until "
                + Formats.dateTime(opening.expiresAt())));
        H2 title = new H2(report.title());
        title.setId("report-title");
        add(banner, title, new ReportBody(report, null));
    }
}
