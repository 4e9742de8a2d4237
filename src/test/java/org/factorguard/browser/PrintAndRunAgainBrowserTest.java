package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.shared.NotFoundException;
import org.factorguard.studies.service.StudyRunService;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, items 7 and 8: a running study shows the time left; a cancelled one offers "Run again" (only to its
 * owner), which starts a new study that succeeds; its report prints to a multi-page PDF without the menu.
 */
class PrintAndRunAgainBrowserTest {

    private static final String PASSWORD = "print-journey-42";
    private static final Pattern PAGE_OBJECT = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin("root", "Root Admin", "correct-horse-battery-42")
            .manager("ada", "Ada Analyst", PASSWORD).manager("bob", "Bob Builder", PASSWORD);

    static long portfolioId;
    /** A portfolio on the defaults: its study runs long enough (about a minute) for an estimate to show. */
    static long longPortfolioId;


    @BeforeAll
    static void seed() {
        portfolioId = SmallPortfolios.create(portal, "ada", "Ada's printable book", 20);
        long dataset = portal.bean(BuiltInMarket.class).ensurePresent();
        longPortfolioId = portal.as("ada", () -> portal.bean(PortfolioService.class)
                .create(new PortfolioDraft("Ada's long study", dataset, PortfolioSettings.defaults())));
    }

    @Test
    void a_cancelled_study_is_run_again_and_its_report_prints_as_a_clean_pdf() throws Exception {
        Page ada = portal.signedInPage("ada");
        // a study on the defaults runs for about a minute: the estimate shows once 5 % of it and 5 s have passed
        portal.open(ada, "portfolios/" + longPortfolioId + "/runs");
        VaadinPage.click(ada, "start-study");
        long timed = newestRun(ada, 1);
        Locator eta = ada.locator("#run-eta-" + timed);
        assertThat(eta).hasText(Pattern.compile("(about \\d+ (h|min).*|less than a minute) left"),
                new LocatorAssertions.HasTextOptions().setTimeout(90_000));
        Browser.screenshot(ada, "print-01-time-left");
        VaadinPage.click(ada, "run-cancel-" + timed);
        assertThat(ada.locator("#run-state-" + timed)).hasText("Cancelled",
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(eta).hasCount(0);
        assertThat(ada.locator("#run-again-" + timed)).isVisible();
        assertThatThrownBy(() -> portal.as("bob", () -> portal.bean(StudyRunService.class).runAgain(timed)))
                .isInstanceOf(NotFoundException.class);
        // the Runs page of all runs leads to the page where it can be run again
        portal.open(ada, "runs");
        Locator toPortfolio = ada.locator("#subject-" + timed);
        assertThat(toPortfolio).hasText("Run again…");
        assertThat(toPortfolio).hasAttribute("href", "portfolios/" + longPortfolioId + "/runs");
        toPortfolio.click();
        ada.waitForURL("**/portfolios/" + longPortfolioId + "/runs");
        assertThat(ada.locator("#run-again-" + timed)).isVisible();

        // cancelled straight after starting, so that it cannot finish first
        portal.open(ada, "portfolios/" + portfolioId + "/runs");
        VaadinPage.click(ada, "start-study");
        long first = newestRun(ada, 1);
        assertThat(first).isGreaterThan(timed);
        VaadinPage.click(ada, "run-cancel-" + first);
        assertThat(ada.locator("#run-state-" + first)).hasText("Cancelled",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        Locator again = ada.locator("#run-again-" + first);
        assertThat(again).isVisible();
        Browser.screenshot(ada, "print-02-run-again-offered");
        assertThatThrownBy(() -> portal.as("bob", () -> portal.bean(StudyRunService.class).runAgain(first)))
                .isInstanceOf(NotFoundException.class);

        again.click();
        long second = newestRun(ada, 2);
        assertThat(second).isGreaterThan(first);
        assertThat(ada.locator("#run-state-" + second)).hasText("Succeeded",
                new LocatorAssertions.HasTextOptions().setTimeout(180_000));
        assertThat(ada.locator("#run-eta-" + second)).hasCount(0);
        assertThat(ada.locator("#run-state-" + first)).hasText("Cancelled");
        assertThat(ada.locator("#run-again-" + second)).isHidden();
        Browser.screenshot(ada, "print-03-second-run-succeeded");

        ada.locator("#run-report-" + second).click();
        ada.waitForURL("**/reports/*");
        ada.waitForLoadState(LoadState.NETWORKIDLE);
        for (String chart : List.of("report-equity-chart", "report-drawdown-chart")) {
            VaadinPage.waitForChart(ada, chart);
        }
        // headless Chromium has no print dialog: record the call instead
        ada.evaluate("() => { window.__printed = 0; window.print = () => window.__printed++; }");
        VaadinPage.click(ada, "report-print");
        ada.waitForFunction("() => window.__printed === 1");
        assertThat(ada.locator("#main-menu")).isVisible();

        ada.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(ada.locator("#main-menu")).isHidden();
        assertThat(ada.locator("#user-menu")).isHidden();
        assertThat(ada.locator("#report-print")).isHidden();
        assertThat(ada.locator("#report-share")).isHidden();
        assertThat(ada.locator("#report-risk-table")).isVisible();
        double chartWidth = ((Number) ada.locator("#report-equity-chart").evaluate(
                "c => c.getBoundingClientRect().width")).doubleValue();
        double pageWidth = ((Number) ada.evaluate("() => document.documentElement.clientWidth")).doubleValue();
        assertThat(chartWidth).isGreaterThan(pageWidth * 0.8);
        Browser.screenshot(ada, "print-04-print-media");
        ada.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Browser.SCREENSHOTS.resolve("print-05-print-media-full.png")));

        byte[] pdf = ada.pdf(new Page.PdfOptions().setFormat("A4").setPrintBackground(true));
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("print-06-report.pdf"), pdf);
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-");
        Matcher pages = PAGE_OBJECT.matcher(raw);
        int count = 0;
        while (pages.find()) {
            count++;
        }
        assertThat(count).isGreaterThan(1);
        assertThat(pdf.length).isGreaterThan(50_000);
        assertThat(portal.browserErrors()).isEmpty();
        ada.context().close();
    }

    /** The id of the run in the grid's first row (newest first), once the grid shows {@code runs} runs. */
    private static long newestRun(Page page, int runs) {
        assertThat(page.locator("[id^=run-progress-]")).hasCount(runs);
        Locator bar = page.locator("[id^=run-progress-]").first();
        return Long.parseLong(bar.getAttribute("id").substring("run-progress-".length()));
    }
}
