package org.factorguard.identity.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.factorguard.identity.service.FirstRunService;
import org.springframework.stereotype.Component;

/** While no user exists, every page leads to the first-run setup form. */
@Component
public class FirstRunGuard implements VaadinServiceInitListener {

    private final FirstRunService firstRun;

    public FirstRunGuard(FirstRunService firstRun) {
        this.firstRun = firstRun;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() != SetupView.class && firstRun.setupRequired()) {
                enter.forwardTo(SetupView.class);
            }
        }));
    }
}
