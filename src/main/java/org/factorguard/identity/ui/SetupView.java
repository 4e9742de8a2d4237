package org.factorguard.identity.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.factorguard.identity.service.FirstRunService;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;

/** First-run setup: create the first administrator. Reachable only while no user exists. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up FactorGuard")
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final FirstRunService firstRun;
    private final TextField username = new TextField("Administrator username");
    private final TextField displayName = new TextField("Full name");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirm = new PasswordField("Repeat password");

    public SetupView(FirstRunService firstRun) {
        this.firstRun = firstRun;
        addClassName("fg-setup");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        Div card = new Div();
        card.addClassNames("fg-card", "fg-setup-card");
        H2 title = new H2("Welcome to FactorGuard");
        title.setId("setup-title");
        Paragraph intro = new Paragraph("No user exists yet. Create the first administrator: this account manages "
                + "users and datasets. There is no default password.");
        intro.addClassName("fg-muted");
        username.setId("setup-username");
        username.setRequiredIndicatorVisible(true);
        username.setHelperText("Letters, digits, '.', '_' or '-'");
        displayName.setId("setup-display-name");
        displayName.setRequiredIndicatorVisible(true);
        password.setId("setup-password");
        password.setRequiredIndicatorVisible(true);
        password.setHelperText("At least 10 characters, not containing the username");
        confirm.setId("setup-confirm");
        confirm.setRequiredIndicatorVisible(true);
        for (var field : new com.vaadin.flow.component.HasSize[] {username, displayName, password, confirm}) {
            field.setWidthFull();
        }
        Button create = new Button("Create administrator", click -> create());
        create.setId("setup-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setWidthFull();
        VerticalLayout form = new VerticalLayout(title, intro, username, displayName, password, confirm, create);
        form.setPadding(false);
        card.add(form);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!firstRun.setupRequired()) {
            event.forwardTo(LoginView.class);
        }
    }

    private void create() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {username, displayName, password, confirm}) {
            field.setInvalid(false);
        }
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage("The passwords differ");
            confirm.setInvalid(true);
            return;
        }
        try {
            firstRun.createFirstAdministrator(username.getValue(), displayName.getValue(), password.getValue());
        } catch (ValidationProblemException e) {
            for (FieldProblem p : e.problems()) {
                switch (p.field() == null ? "" : p.field()) {
                    case "username" -> mark(username, p.message());
                    case "displayName" -> mark(displayName, p.message());
                    case "password" -> mark(password, p.message());
                    default -> Notification.show(p.message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
            return;
        } catch (IllegalStateException alreadySetUp) {
            Notification.show(alreadySetUp.getMessage());
        }
        getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        Notification ok = Notification.show("Administrator created. Sign in to continue.");
        ok.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void mark(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
