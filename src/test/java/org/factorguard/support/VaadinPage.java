package org.factorguard.support;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;

/** Small vocabulary for driving Vaadin components in Playwright. */
public final class VaadinPage {

    private VaadinPage() {
    }

    /** Opens a path and waits until Vaadin has rendered the view. */
    public static void open(Page page, String baseUrl, String path) {
        page.navigate(baseUrl + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** Types into a Vaadin text/password field by component id. */
    public static void fill(Page page, String id, String value) {
        Locator input = page.locator("#" + id + " input");
        try {
            input.fill(value);
        } catch (RuntimeException e) {
            Browser.screenshot(page, "failed-fill-" + id);
            throw e;
        }
        input.dispatchEvent("change");
    }

    public static void click(Page page, String id) {
        try {
            page.locator("#" + id).click();
        } catch (RuntimeException e) {
            Browser.screenshot(page, "failed-click-" + id);
            throw e;
        }
    }

    public static void signIn(Page page, String baseUrl, String username, String password) {
        open(page, baseUrl, "login");
        submitLogin(page, username, password);
    }

    /** Fills and submits the login form the page shows now (e.g. after a redirect to the login page). */
    public static void submitLogin(Page page, String username, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(username);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form [part=vaadin-login-submit]")
                .first().click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    public static void signOut(Page page) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.locator("vaadin-menu-bar-item:has-text('Sign out'), #sign-out").first().click();
        page.waitForURL("**/login**");
    }

    /** Waits until a Vaadin grid is visible and has finished loading its rows. */
    public static void waitForGrid(Page page, String id, Duration timeout) {
        page.locator("#" + id + ":not([loading])").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE).setTimeout(timeout.toMillis()));
    }

    /** Waits until an ECharts chart has drawn its canvas inside the given element. */
    public static void waitForChart(Page page, String id) {
        page.locator("#" + id + "[data-chart-ready=true] canvas").first().waitFor();
    }
}
