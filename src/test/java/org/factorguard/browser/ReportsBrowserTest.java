package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.util.List;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs, reports, export and sharing in a real browser: manager A starts a small study and watches it,
 * opens the report (tables and charts), downloads CSV and JSON, shares it; manager B opens the link
 * read-only (after a detour through the login page), cannot open A's report or portfolio by URL, and sees
 * "revoked" after A revokes.
 */
class ReportsBrowserTest {

    private static final String PASSWORD = "report-journey-42";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin("root", "Root Admin", "correct-horse-battery-42")
            .manager("ada", "Ada Analyst", PASSWORD).manager("bob", "Bob Builder", PASSWORD);

    static long portfolioId;

    @BeforeAll
    static void seed() {
        portfolioId = SmallPortfolios.create(portal, "ada", "Ada's small book", 20);
    }

    @Test
    void a_manager_runs_a_study_reads_exports_and_shares_the_report_and_a_colleague_sees_only_the_snapshot()
            throws Exception {
        Page ada = portal.signedInPage("ada");
        portal.open(ada, "portfolios/" + portfolioId + "/runs");
        assertThat(ada.locator("#portfolio-runs-title")).containsText("Ada's small book");
        assertThat(ada.locator("#portfolio-runs-empty")).isVisible();

        VaadinPage.click(ada, "start-study");
        Locator bar = ada.locator("[id^=run-progress-]").first();
        assertThat(bar).isVisible();
        String barId = bar.getAttribute("id");
        long runId = Long.parseLong(barId.substring("run-progress-".length()));
        ada.waitForFunction("id => { const b = document.getElementById(id); return b && b.value > 0.02 && b.value < "
                + "0.95; }",
                barId, new Page.WaitForFunctionOptions().setTimeout(60_000));
        double early = Double.parseDouble(String.valueOf(bar.evaluate("b => b.value")));
        Browser.screenshot(ada, "reports-01-running");
        ada.waitForFunction("([id, v]) => { const b = document.getElementById(id); return !b || b.value > v + 0.05; }",
                new Object[] {barId, early}, new Page.WaitForFunctionOptions().setTimeout(90_000));
        assertThat(ada.locator("#run-state-" + runId)).hasText("Succeeded",
                new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        VaadinPage.waitForChart(ada, "portfolio-runs-loss-chart");
        Browser.screenshot(ada, "reports-02-succeeded");

        ada.locator("#run-report-" + runId).click();
        ada.waitForURL("**/reports/*");
        String reportPath = ada.url().substring(ada.url().indexOf("reports/"));
        ada.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(ada.locator("#report-risk-table")).containsText("Sharpe ratio");
        assertThat(ada.locator("#report-risk-table")).containsText("Market index");
        assertThat(ada.locator("#report-risk-table")).containsText("VaR coverage test (Kupiec p)");
        assertThat(ada.locator("#report-ex-ante-risk")).containsText("Ex-ante risk from the Ledoit–Wolf");
        assertThat(ada.locator("#report-regime-table")).containsText("Bull");
        assertThat(ada.locator("#report-synthetic-note")).isVisible();
        for (String chart : List.of("report-equity-chart", "report-drawdown-chart", "report-weights-chart",
                "report-regime-chart", "report-degree-chart")) {
            VaadinPage.waitForChart(ada, chart);
        }
        Browser.screenshot(ada, "reports-03-report");
        ada.locator("#report-regime-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(ada, "reports-04-regimes");
        backtestRulesAreShown(ada);
        statisticsAreShown(ada);

        Download csv = ada.waitForDownload(() -> ada.locator("#report-export-risk-table").click());
        String csvText = Files.readString(csv.path());
        assertThat(csv.suggestedFilename()).endsWith("risk-table.csv");
        assertThat(csvText).startsWith("portfolio,days,max_drawdown,sharpe").contains("LSTM,").contains("Equal weight,")
                .contains(",kupiec_p,christoffersen_independence_p,").contains(",HISTORICAL,");
        Download json = ada.waitForDownload(() -> ada.locator("#report-export-json").click());
        assertThat(Files.readString(json.path())).startsWith("{").contains("\"portfolios\"").contains("\"seed\"");
        assertThat(csvText).contains("\r\nLSTM without overlay,").contains("\r\nLinear without overlay,");
        Download overlayCsv = ada.waitForDownload(() -> ada.locator("#report-export-drawdown-limit").click());
        assertThat(Files.readString(overlayCsv.path())).startsWith("portfolio,date,exposure,overlay_acted")
                .contains("\r\nLSTM,").contains("\r\nLinear,");
        Download treatmentCsv = ada.waitForDownload(() -> ada.locator("#report-export-data-treatment").click());
        assertThat(Files.readString(treatmentCsv.path())).startsWith("record,portfolio,ticker,date")
                .contains("\r\nmethod_version,,,,,,,,3,");

        VaadinPage.click(ada, "report-share");
        VaadinPage.click(ada, "share-create");
        Locator url = ada.locator("#share-url input");
        assertThat(url).hasValue(java.util.regex.Pattern.compile(".*/shared/[A-Za-z0-9_-]{43}$"));
        String link = url.inputValue();
        Browser.screenshot(ada, "reports-05-share");

        // Bob, not signed in: the link leads to the login page and back to the report
        BrowserContext bobContext = ada.context().browser().newContext();
        Page bob = bobContext.newPage();
        bob.navigate(link);
        bob.waitForURL("**/login**");
        VaadinPage.submitLogin(bob, "bob", PASSWORD);
        bob.waitForURL("**/shared/**");
        assertThat(bob.locator("#shared-banner")).containsText("Shared by Ada Analyst — read-only snapshot");
        assertThat(bob.locator("#report-risk-table")).containsText("Sharpe ratio");
        VaadinPage.waitForChart(bob, "report-equity-chart");
        assertThat(bob.locator("#report-share")).hasCount(0);
        assertThat(bob.locator("#report-export-json")).hasCount(0);
        Browser.screenshot(bob, "reports-06-shared");

        portal.open(bob, reportPath);
        assertThat(bob.locator("body")).containsText("not found");
        portal.open(bob, "portfolios/" + portfolioId + "/runs");
        assertThat(bob.locator("body")).containsText("not found");
        Browser.screenshot(bob, "reports-07-not-found");

        // Ada sees Bob's opening and revokes
        VaadinPage.click(ada, "share-close");
        VaadinPage.click(ada, "report-share");
        Locator opens = ada.locator("[id^=share-opens-]").first();
        assertThat(opens).containsText("bob");
        ada.locator("[id^=share-revoke-]").first().click();
        assertThat(ada.locator("[id^=share-link-]").first()).containsText("revoked");

        bob.navigate(link);
        bob.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(bob.locator("#shared-problem")).hasText("This link was revoked");
        Browser.screenshot(bob, "reports-08-revoked");
        assertThat(portal.browserErrors()).isEmpty();
        bobContext.close();
        ada.context().close();
    }

    /** Issue 13's parts of the report: method version, Table 1's second line, drawdown limit, data treatment. */
    private static void backtestRulesAreShown(Page ada) {
        // a tall viewport, so that whole sections fit into their screenshots below the sticky navigation bar
        ada.setViewportSize(1366, 2400);
        Locator header = ada.locator("#report-facts").locator("xpath=..");
        header.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browser.SCREENSHOTS.resolve("reports-04-header.png")));
        assertThat(ada.locator("#report-method-version")).containsText("Method version 3");
        assertThat(ada.locator("#report-method-outdated")).hasCount(0);
        assertThat(ada.locator("#report-risk-table .fg-without-overlay").first()).containsText("w/o overlay");
        assertThat(ada.locator("#report-without-overlay-note")).isVisible();
        Locator limits = ada.locator("#report-drawdown-limit-table");
        assertThat(limits).containsText("LSTM");
        assertThat(limits).containsText("Linear");
        assertThat(ada.locator("#report-drawdown-limit-says-lstm")).containsText("limit");
        for (String chart : List.of("report-drawdown-limit-chart-lstm", "report-drawdown-limit-chart-linear")) {
            VaadinPage.waitForChart(ada, chart);
        }
        Locator limitSection = limits.locator("xpath=ancestor::div[contains(@class,'fg-report-section')]");
        limitSection.scrollIntoViewIfNeeded();
        limitSection.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browser.SCREENSHOTS.resolve("reports-04a-drawdown-limit.png")));
        Locator treatment = ada.locator("#report-data-treatment-table");
        assertThat(treatment).containsText("Risk-free rate");
        assertThat(treatment).containsText("Model-input returns winsorised");
        Locator treatmentSection = treatment.locator("xpath=ancestor::div[contains(@class,'fg-report-section')]");
        treatmentSection.scrollIntoViewIfNeeded();
        treatmentSection.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browser.SCREENSHOTS.resolve("reports-04b-data-treatment.png")));
        Locator table1 = ada.locator("#report-risk-table");
        table1.scrollIntoViewIfNeeded();
        table1.screenshot(new Locator.ScreenshotOptions()
                .setPath(Browser.SCREENSHOTS.resolve("reports-04c-table1.png")));
        ada.setViewportSize(1366, 900);
    }

    /** Issues 14 and 15: each significance figure with its plain line and N, the regime dating, κ, causal Table 2. */
    private static void statisticsAreShown(Page ada) throws Exception {
        ada.setViewportSize(1366, 2400);
        Locator significance = ada.locator("#report-significance-table");
        assertThat(significance).containsText("Diebold–Mariano (HLN), 1 − daily Rank IC");
        assertThat(significance).containsText("studentised interval");
        assertThat(significance).containsText("automatic block length");
        assertThat(significance).containsText("screened candidate factors + ");
        assertThat(significance).containsText("model portfolios = ");
        assertThat(ada.locator("#report-sig-variance")).containsText("V = ");
        for (String meaning : List.of("dm", "dm-rank-ic", "sharpe-difference", "deflated-sharpe", "pbo")) {
            assertThat(ada.locator("#report-sig-" + meaning + "-meaning"))
                    .hasText(java.util.regex.Pattern.compile("\\w{4,}"));
            assertThat(ada.locator("#report-sig-" + meaning + "-meaning")).not().containsText("not computed");
        }
        section(significance, "reports-04d-significance.png");
        assertThat(ada.locator("#report-regime-method")).containsText("Parameters: ");
        Locator agreement = ada.locator("#report-regime-agreement-table");
        assertThat(agreement).containsText("Causal view");
        assertThat(agreement).containsText("majority baseline");
        assertThat(agreement.locator("thead")).containsText("Cohen's κ");
        section(agreement, "reports-04e-regime-dating.png");
        Locator causal = ada.locator("#report-regime-causal-table");
        assertThat(causal).containsText("LSTM");
        assertThat(causal.locator("xpath=ancestor::div[contains(@class,'fg-report-section')]"))
                .containsText("what a manager could have known on the day");
        section(causal, "reports-04f-regimes-causal.png");
        for (String slug : List.of("regime-table-causal", "regime-dating", "regime-days", "linear-coefficients")) {
            assertThat(ada.locator("#report-export-" + slug)).hasCount(1);
        }
        Download dating = ada.waitForDownload(() -> ada.locator("#report-export-regime-dating").click());
        assertThat(Files.readString(dating.path())).isNotBlank();
        ada.setViewportSize(1366, 900);
    }

    private static void section(Locator inside, String file) {
        Locator section = inside.locator("xpath=ancestor::div[contains(@class,'fg-report-section')]");
        section.scrollIntoViewIfNeeded();
        section.screenshot(new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(file)));
    }
}
