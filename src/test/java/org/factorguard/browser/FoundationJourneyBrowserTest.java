package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The foundation as a user meets it, in a real browser against a real portal on a fresh data folder:
 * first-run setup, sign-in (wrong, then right), an admin creating a manager, the manager refused the
 * admin view, sign-out, and data surviving a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationJourneyBrowserTest {

    private static final String ADMIN = "alice";
    private static final String ADMIN_PASSWORD = "correct-horse-42";
    private static final String MANAGER = "bob";
    private static final String MANAGER_PASSWORD = "battery-staple-17";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.freshInstall();

    @Test
    @Order(1)
    void a_fresh_portal_leads_every_page_to_creating_the_first_administrator() {
        Page page = portal.newPage();
        portal.open(page, "admin/users");
        page.waitForURL("**/setup");
        assertThat(page.locator("#setup-title")).hasText("Welcome to FactorGuard");

        // a weak password is refused with a message beside the field, and nothing is created
        VaadinPage.fill(page, "setup-username", ADMIN);
        VaadinPage.fill(page, "setup-display-name", "Alice Admin");
        VaadinPage.fill(page, "setup-password", "short");
        VaadinPage.fill(page, "setup-confirm", "short");
        VaadinPage.click(page, "setup-create");
        assertThat(page.locator("#setup-password")).hasAttribute("invalid", "");
        assertThat(page.locator("#setup-password")).containsText("at least 10 characters");
        Browser.screenshot(page, "01-setup-weak-password");

        VaadinPage.fill(page, "setup-password", ADMIN_PASSWORD);
        VaadinPage.fill(page, "setup-confirm", ADMIN_PASSWORD);
        VaadinPage.click(page, "setup-create");
        page.waitForURL("**/login");
        Browser.screenshot(page, "02-setup-done-login");

        // setup is gone for good
        portal.open(page, "setup");
        page.waitForURL("**/login");
        page.context().close();
    }

    @Test
    @Order(2)
    void a_wrong_password_is_refused_clearly_and_the_right_one_opens_the_home_page_with_a_chart() {
        Page page = portal.newPage();
        portal.signIn(page, ADMIN, "not-the-password");
        assertThat(page.locator("vaadin-login-form")).containsText("Incorrect username or password");
        Browser.screenshot(page, "03-login-wrong-password");

        portal.signIn(page, ADMIN, ADMIN_PASSWORD);
        assertThat(page.locator("#home-title")).hasText("Welcome, Alice Admin");
        VaadinPage.waitForChart(page, "home-market-chart");
        assertThat(page.locator("#home-market-chart canvas").first()).isVisible();
        Browser.screenshot(page, "04-home-with-chart");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(3)
    void the_admin_creates_a_manager() {
        Page page = portal.newPage();
        portal.signIn(page, ADMIN, ADMIN_PASSWORD);
        page.locator("#main-menu").getByText("Users").click();
        page.waitForURL("**/admin/users");
        VaadinPage.click(page, "new-user");
        VaadinPage.fill(page, "new-username", MANAGER);
        VaadinPage.fill(page, "new-display-name", "Bob Manager");
        VaadinPage.fill(page, "new-password", MANAGER_PASSWORD);
        Browser.screenshot(page, "05-admin-new-user-dialog");
        VaadinPage.click(page, "create-user");
        assertThat(page.locator("#users-grid")).containsText("Bob Manager");
        assertThat(page.locator("#users-grid")).containsText("Portfolio manager");
        Browser.screenshot(page, "06-admin-users");
        page.context().close();
    }

    @Test
    @Order(4)
    void the_manager_signs_in_but_is_refused_the_admin_view_and_signs_out() {
        Page page = portal.newPage();
        portal.signIn(page, MANAGER, MANAGER_PASSWORD);
        assertThat(page.locator("#home-title")).hasText("Welcome, Bob Manager");
        assertThat(page.locator("#main-menu")).not().containsText("Users");

        portal.open(page, "admin/users");
        assertThat(page.locator("#not-found")).hasText("Not found");
        assertThat(page.locator("#users-grid")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Bob Manager");
        Browser.screenshot(page, "07-manager-refused-admin-view");

        VaadinPage.signOut(page);
        portal.open(page, "");
        page.waitForURL("**/login");
        Browser.screenshot(page, "08-signed-out");
        page.context().close();
    }

    @Test
    @Order(5)
    void users_survive_a_restart_on_the_same_data_folder() {
        portal.restart();
        Page page = portal.newPage();
        portal.signIn(page, MANAGER, MANAGER_PASSWORD);
        assertThat(page.locator("#home-title")).hasText("Welcome, Bob Manager");
        Browser.screenshot(page, "09-after-restart");
        page.context().close();
    }
}
