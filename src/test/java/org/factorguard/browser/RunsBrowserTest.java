package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.factorguard.jobs.CountingJobHandler;
import org.factorguard.jobs.TestJobKinds;
import org.factorguard.jobs.service.JobService;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Runs page in a real browser: a run submitted in the background shows up, its progress bar moves
 * through server push while the user watches, it ends succeeded with a link to its result, and a reload
 * shows the same state (read from the database).
 */
class RunsBrowserTest {

    private static final String MANAGER = "mia";
    private static final String PASSWORD = "progress-bar-42";
    /** A second manager, so that each test starts from an empty Runs page whatever their order. */
    private static final String BUSY = "bobby";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin("root", "Root Admin", "correct-horse-battery-42")
            .manager(MANAGER, "Mia Manager", PASSWORD).manager(BUSY, "Bo Busy", PASSWORD).with(TestJobKinds.class);

    @Test
    void the_progress_bar_moves_live_and_the_finished_run_links_to_its_result() {
        Page page = portal.signedInPage(MANAGER);
        page.locator("#main-menu").getByText("Runs").click();
        page.waitForURL("**/runs");
        assertThat(page.locator("#runs-empty")).isVisible();
        assertThat(page.locator("#runs-all")).isHidden();

        long id = portal.as(MANAGER, () -> portal.bean(JobService.class).submit(CountingJobHandler.KIND, null,
                "Live counting", CountingJobHandler.settings(30, 200)).id());

        assertThat(page.locator("#runs-grid")).containsText("Live counting");
        Locator bar = page.locator("#progress-" + id);
        page.waitForFunction("id => { const b = document.getElementById(id); return b && b.value > 0.1 && b.value < "
                + "0.9; }",
                "progress-" + id, new Page.WaitForFunctionOptions().setTimeout(30_000));
        double early = Double.parseDouble(String.valueOf(bar.evaluate("b => b.value")));
        assertThat(page.locator("#state-" + id)).hasText("Running");
        VaadinPage.waitForChart(page, "runs-loss-chart");
        Browser.screenshot(page, "runs-01-progress");
        page.waitForFunction("([id, v]) => { const b = document.getElementById(id); return b && b.value > v + 0.1; }",
                new Object[] {"progress-" + id, early}, new Page.WaitForFunctionOptions().setTimeout(15_000));

        assertThat(page.locator("#state-" + id)).hasText("Succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#result-" + id)).hasAttribute("href", "runs/result/count-30");
        assertThat(page.locator("#cancel-" + id)).isHidden();
        Browser.screenshot(page, "runs-02-succeeded");

        page.reload();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertThat(page.locator("#state-" + id)).hasText("Succeeded");
        assertThat(page.locator("#result-" + id)).isVisible();
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    void a_run_is_cancelled_with_one_click_while_its_progress_updates_many_times_a_second() {
        Page page = portal.signedInPage(BUSY);
        portal.open(page, "runs");
        // 200 steps of 50 ms: the row is redrawn about twenty times a second while the click is made
        long id = portal.as(BUSY, () -> portal.bean(JobService.class).submit(CountingJobHandler.KIND, null,
                "Busy counting", CountingJobHandler.settings(200, 50)).id());
        assertThat(page.locator("#state-" + id)).hasText("Running");
        page.waitForFunction("id => { const b = document.getElementById(id); return b && b.value > 0.05; }",
                "progress-" + id);
        VaadinPage.click(page, "cancel-" + id);
        assertThat(page.locator("#state-" + id)).hasText("Cancelled",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(5_000));
        assertThat(page.locator("#cancel-" + id)).isHidden();
        assertThat(portal.as(BUSY, () -> portal.bean(JobService.class).find(id).progress())).isLessThan(0.9);
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }
}
