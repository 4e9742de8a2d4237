package org.factorguard.shared;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings. Only features that work with Vaadin's pre-built frontend bundle are used
 * here (no @Theme, @CssImport, @JsModule or @NpmPackage, which would force a bundle rebuild): the
 * application stylesheet is a static file copied from {@code frontend/styles} by the build.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/factorguard.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("FactorGuard");
        settings.addFavIcon("icon", "icons/factorguard.svg", "32x32");
    }
}
