package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.util.regex.Pattern;
import org.factorguard.studies.service.StudyRunService;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 6: a setting sweep from the portfolio's runs page: a one-value sweep is refused in the dialog with
 * nothing queued; a two-value sweep of the rebalancing runs both studies in the background and shows them side by
 * side, with a chart, each study's deflated Sharpe N counting the other, and the full comparison one click away.
 * Another user cannot open the sweep.
 */
class SettingSweepBrowserTest {

    private static final String PASSWORD = "sweep-journey-42";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin("root", "Root Admin", "correct-horse-battery-42")
            .manager("ada", "Ada Analyst", PASSWORD).manager("bob", "Bob Builder", PASSWORD);

    static long portfolioId;

    @BeforeAll
    static void seed() {
        portfolioId = SmallPortfolios.create(portal, "ada", "Ada's swept book", 20);
    }

    @Test
    void a_two_value_sweep_runs_in_the_background_and_compares_its_studies() {
        Page ada = portal.signedInPage("ada");
        portal.open(ada, "portfolios/" + portfolioId + "/runs");
        assertThat(ada.locator("#portfolio-sweeps")).isHidden();
        VaadinPage.click(ada, "start-sweep");
        Locator dialog = ada.locator("#sweep-dialog");
        assertThat(ada.locator("#sweep-setting")).isVisible();
        Locator values = ada.locator("#sweep-values vaadin-checkbox");
        // rebalancing is offered first, the portfolio's own value ticked
        assertThat(values).hasCount(3);
        assertThat(values.filter(new Locator.FilterOptions().setHasText("monthly (current)"))).hasAttribute("checked",
                "");
        VaadinPage.click(ada, "sweep-start");
        assertThat(ada.locator("#sweep-problems")).containsText("Choose 2 to 3 values of rebalancing (1 chosen)");
        assertThat(ada.locator("#sweep-problems")).containsText("nothing was queued");
        Browser.screenshot(ada, "sweep-01-one-value-refused");
        assertThat(portal.as("ada", () -> portal.bean(StudyRunService.class).runsOf(portfolioId))).isEmpty();

        values.filter(new Locator.FilterOptions().setHasText("weekly")).click();
        Browser.screenshot(ada, "sweep-02-dialog");
        VaadinPage.click(ada, "sweep-start");
        ada.waitForURL(Pattern.compile(".*/sweeps/\\d+$"));
        String sweepUrl = ada.url();
        assertThat(dialog).hasCount(0);
        assertThat(ada.locator("#sweep-title")).hasText("Sweep of rebalancing · Ada's swept book");
        assertThat(ada.locator("#sweep-about")).containsText("weekly, monthly");
        assertThat(ada.locator("#sweep-about")).containsText("counts the 1 other in its deflated Sharpe ratio's N");
        Locator states = ada.locator("[id^=sweep-run-state-]");
        assertThat(states).hasCount(2);
        for (int k = 0; k < 2; k++) {
            assertThat(states.nth(k)).hasText("Succeeded", new LocatorAssertions.HasTextOptions().setTimeout(240_000));
        }
        assertThat(ada.locator("#sweep-cancel")).isHidden();
        Locator rows = ada.locator("#sweep-results-table tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(ada.locator("#sweep-result-WEEKLY")).containsText("weekly");
        assertThat(ada.locator("#sweep-result-MONTHLY")).containsText("monthly");
        // N = screened candidates + 0 earlier studies + 1 other study of the sweep + checkpoints + grid + 2 models
        assertThat(rows.first()).containsText(Pattern.compile("0\\.\\d\\d \\(\\d+\\)|1\\.00 \\(\\d+\\)"));
        assertThat(ada.locator("#sweep-verdict")).containsText("Highest LSTM Sharpe ratio:");
        assertThat(ada.locator("#sweep-verdict")).containsText("deflated Sharpe ratio is");
        VaadinPage.waitForChart(ada, "sweep-chart");
        ada.waitForLoadState(LoadState.NETWORKIDLE);
        Browser.screenshot(ada, "sweep-03-results");

        VaadinPage.click(ada, "sweep-compare");
        ada.waitForURL("**/reports/compare?ids=*");
        assertThat(ada.locator("#compare-reports")).containsText("Rebalancing: weekly");
        assertThat(ada.locator("#compare-reports")).containsText("Rebalancing: monthly");
        assertThat(ada.locator("#compare-differing")).containsText(Pattern.compile("rebalance\\s*WEEKLY\\s*MONTHLY"));
        VaadinPage.waitForChart(ada, "compare-chart");
        Browser.screenshot(ada, "sweep-04-compare");

        portal.open(ada, "portfolios/" + portfolioId + "/runs");
        assertThat(ada.locator("#portfolio-sweeps")).containsText("Rebalancing: weekly, monthly");
        assertThat(ada.locator("[id^=run-state-]")).hasCount(2);
        assertThat(ada.locator("#portfolio-runs-grid")).containsText("Rebalancing: weekly");
        assertThat(ada.locator("#portfolio-runs-grid")).containsText("Rebalancing: monthly");
        Browser.screenshot(ada, "sweep-05-runs-page");

        Page bob = portal.signedInPage("bob");
        bob.navigate(sweepUrl);
        assertThat(bob.locator("body")).containsText("not found", new LocatorAssertions.ContainsTextOptions()
                .setIgnoreCase(true));
        assertThat(bob.locator("#sweep-title")).hasCount(0);
        assertThat(portal.browserErrors()).isEmpty();
        bob.context().close();
        ada.context().close();
    }
}
