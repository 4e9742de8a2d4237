package org.factorguard.identity.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.factorguard.identity.service.FirstRunService;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in through Spring Security's form login (the form posts to /login). */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · FactorGuard")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final FirstRunService firstRun;

    public LoginView(FirstRunService firstRun) {
        this.firstRun = firstRun;
        addClassName("fg-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n("Incorrect username or password", "Check your username and password and try again."));
        Paragraph hint = new Paragraph("Research portal for risk-controlled multi-factor models");
        hint.addClassName("fg-muted");
        add(login, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (firstRun.setupRequired()) {
            event.forwardTo(SetupView.class);
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Object last = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (last instanceof LockedException) {
                login.setI18n(i18n("Account locked",
                        "Too many failed sign-ins. Try again later or ask an administrator to unlock the account."));
            } else if (last instanceof DisabledException) {
                login.setI18n(i18n("Account disabled", "This account is disabled. Ask an administrator."));
            }
            login.setError(true);
        }
    }

    private static LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle("FactorGuard");
        i18n.setHeader(header);
        i18n.getForm().setTitle("Sign in to FactorGuard");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
