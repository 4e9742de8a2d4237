package org.factorguard.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.factorguard.shared.NotFoundException;

/** Shown when a service says an object does not exist or is not the user's: the same answer for both. */
@ParentLayout(MainLayout.class)
@PermitAll
public class ObjectNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private final Paragraph text = new Paragraph();

    public ObjectNotFoundView() {
        addClassName("fg-page");
        H2 title = new H2("Not found");
        title.setId("not-found");
        text.addClassName("fg-muted");
        add(title, text, new Anchor("", "Back to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        text.setText(parameter.getException().getMessage() + ", or you do not have access to it.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
