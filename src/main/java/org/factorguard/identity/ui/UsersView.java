package org.factorguard.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.service.CurrentUser;
import org.factorguard.identity.service.NewUser;
import org.factorguard.identity.service.UserAdministrationService;
import org.factorguard.identity.service.UserSummary;
import org.factorguard.shared.FieldProblem;
import org.factorguard.shared.ValidationProblemException;
import org.factorguard.shared.ui.Formats;
import org.factorguard.shared.ui.MainLayout;

/** Administration of users: create, disable and enable, reset password, change role, unlock. */
@Route("admin/users")
@PageTitle("Users · FactorGuard")
@Menu(order = 90, title = "Users", icon = MainLayout.Icons.USERS)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {


    private final UserAdministrationService admin;
    private final CurrentUser currentUser;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserAdministrationService admin, CurrentUser currentUser) {
        this.admin = admin;
        this.currentUser = currentUser;
        addClassName("fg-page");
        setSizeFull();

        Button create = new Button("New user", click -> openCreateDialog());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Users"), create);
        header.setWidthFull();
        header.setAlignItems(Alignment.BASELINE);
        header.setJustifyContentMode(JustifyContentMode.BETWEEN);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true).setSortable(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.role().label()).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? "never" : Formats.dateTime(u.lastLoginAt()))
                .setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(1);
        add(header, grid);
        expand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.listUsers());
    }

    private Span statusBadge(UserSummary u) {
        Span badge = new Span(!u.enabled() ? "Disabled" : u.locked() ? "Locked" : "Active");
        badge.addClassNames("fg-badge", !u.enabled() ? "error" : u.locked() ? "contrast" : "success");
        return badge;
    }

    private HorizontalLayout actions(UserSummary u) {
        Button toggle = new Button(u.enabled() ? "Disable" : "Enable", click
                -> run(() -> admin.setEnabled(u.id(), !u.enabled()),
                u.username() + (u.enabled() ? " disabled" : " enabled")));
        toggle.setId("toggle-" + u.username());
        Button reset = new Button("Reset password", click -> openResetDialog(u));
        reset.setId("reset-" + u.username());
        ComboBox<Role> role = new ComboBox<>();
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(u.role());
        role.setId("role-" + u.username());
        role.setWidth("13em");
        role.setAriaLabel("Role of " + u.username());
        role.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null && change.getValue() != u.role()) {
                run(() -> admin.changeRole(u.id(), change.getValue()), u.username() + " is now "
                        + change.getValue().label());
            }
        });
        HorizontalLayout row = new HorizontalLayout(role, toggle, reset);
        if (u.locked()) {
            Button unlock = new Button("Unlock", click -> run(() -> admin.unlock(u.id()), u.username() + " unlocked"));
            row.add(unlock);
        }
        for (Button b : new Button[] {toggle, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        boolean self = currentUser.find().map(me -> me.id() == u.id()).orElse(false);
        toggle.setEnabled(!self);
        row.setSpacing(true);
        return row;
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            Notification.show(success).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationProblemException e) {
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        TextField username = new TextField("Username");
        username.setId("new-username");
        TextField name = new TextField("Full name");
        name.setId("new-display-name");
        ComboBox<Role> role = new ComboBox<>("Role");
        role.setId("new-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.MANAGER);
        PasswordField password = new PasswordField("Initial password");
        password.setId("new-password");
        password.setHelperText("Share it with the user privately");
        FormLayout form = new FormLayout(username, name, role, password);
        dialog.add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();
        fields.put("username", username);
        fields.put("displayName", name);
        fields.put("role", role);
        fields.put("password", password);
        Button save = new Button("Create", click -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                admin.createUser(new NewUser(username.getValue(), name.getValue(), role.getValue(),
                        password.getValue()));
                dialog.close();
                Notification.show("User " + username.getValue().trim().toLowerCase() + " created")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ValidationProblemException e) {
                showProblems(e, fields);
            }
        });
        save.setId("create-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void openResetDialog(UserSummary u) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reset password of " + u.username());
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setWidthFull();
        dialog.add(password);
        Button save = new Button("Set password", click -> {
            try {
                admin.resetPassword(u.id(), password.getValue());
                dialog.close();
                Notification.show("Password of " + u.username()
                        + " reset").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ValidationProblemException e) {
                showProblems(e, Map.of("password", password));
            }
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static void showProblems(ValidationProblemException e,
            Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        for (FieldProblem p : e.problems()) {
            var field = p.field() == null ? null : fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
            } else {
                Notification.show(p.message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
