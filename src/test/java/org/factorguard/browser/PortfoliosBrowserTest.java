package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Portfolios in a real browser: a new manager starts from the home page's one-click sample, screens its factors
 * (table and three charts), changes the choice and saves it; creates a second portfolio through the editor after
 * seeing a validation message; another manager cannot open the first's portfolio by URL; an administrator
 * retires a dataset and it disappears from the portfolio form.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortfoliosBrowserTest {

    private static final String ADMIN = "paula";
    private static final String ADMIN_PASSWORD = "portfolio-admin-42";
    private static final String MANAGER = "mia";
    private static final String MANAGER_PASSWORD = "portfolio-manager-17";
    private static final String OTHER = "otto";
    private static final String OTHER_PASSWORD = "portfolio-other-23";
    private static final Pattern PORTFOLIO_URL = Pattern.compile("/portfolios/(\\d+)$");

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin(ADMIN, "Paula Admin", ADMIN_PASSWORD)
            .manager(MANAGER, "Mia Manager", MANAGER_PASSWORD).manager(OTHER, "Otto Other", OTHER_PASSWORD);

    static long sampleId;
    static long retiringDataset;

    @BeforeAll
    static void seed() {
        portal.bean(BuiltInMarket.class).ensurePresent();
        byte[] csv = DatasetTestFiles.longCsv(8, 400, 2030).getBytes(StandardCharsets.UTF_8);
        retiringDataset = portal.as(ADMIN, () -> portal.bean(DatasetAdministrationService.class).importLongCsv(
                new ImportRequest("Soon retired market", "for the retire journey", "soon.csv", csv.length,
                        CleaningSettings.defaults()), new ByteArrayInputStream(csv), (stage, done) -> { }).id());
    }

    private static long idFromUrl(Page page) {
        Matcher m = PORTFOLIO_URL.matcher(page.url());
        assertThat(m.find()).as(page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> savedFactors(long portfolioId) {
        return portal.as(MANAGER, () -> portal.bean(PortfolioService.class).find(portfolioId).settings().factorIds());
    }

    @Test
    @Order(1)
    void a_new_manager_tries_the_built_in_market_screens_its_factors_and_saves_a_choice() {
        Page page = portal.signedInPage(MANAGER);
        assertThat(page.locator("#try-built-in")).isVisible();
        VaadinPage.waitForChart(page, "home-market-chart");
        Browser.screenshot(page, "portfolios-01-home-new-manager");

        VaadinPage.click(page, "try-built-in");
        page.waitForURL(PORTFOLIO_URL.asPredicate()::test);
        sampleId = idFromUrl(page);
        assertThat(page.locator("#portfolio-title")).hasText(PortfolioService.SAMPLE_NAME);
        assertThat(page.locator("#portfolio-dataset-card")).containsText("synthetic");
        assertThat(page.locator("#portfolio-runs-link")).hasAttribute("href", "portfolios/" + sampleId + "/runs");
        Browser.screenshot(page, "portfolios-02-sample-hub");

        VaadinPage.click(page, "portfolio-factors-link");
        page.waitForURL("**/portfolios/" + sampleId + "/factors");
        VaadinPage.waitForGrid(page, "factors-grid", Duration.ofSeconds(60));
        assertThat(page.locator("#factors-grid")).isVisible();
        for (String chart : List.of("ic-chart", "stability-chart", "correlation-chart")) {
            VaadinPage.waitForChart(page, chart);
            assertThat(page.locator("#" + chart + " canvas").first()).isVisible();
        }
        assertThat(page.locator("#factors-grid")).containsText("Momentum");
        assertThat(page.locator("#factors-grid")).containsText("proposed");
        Browser.screenshot(page, "portfolios-03-factors-table");

        Locator tickedBox = page.locator("vaadin-checkbox[id^=tick-][checked]").first();
        Locator untickedBox = page.locator("vaadin-checkbox[id^=tick-]:not([checked])").first();
        String dropped = tickedBox.getAttribute("id").substring("tick-".length());
        String added = untickedBox.getAttribute("id").substring("tick-".length());
        tickedBox.click();
        untickedBox.click();
        assertThat(page.locator("#tick-" + dropped)).not().hasAttribute("checked", "");
        VaadinPage.click(page, "use-factors");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("now uses");
        assertThat(savedFactors(sampleId)).contains(added).doesNotContain(dropped);
        page.locator("#ic-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "portfolios-04-ic-and-stability-charts");
        page.locator("#correlation-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "portfolios-05-correlation-heatmap");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(2)
    void the_editor_shows_a_problem_beside_its_field_and_saves_once_it_is_fixed() {
        Page page = portal.signedInPage(MANAGER);
        page.locator("#main-menu").getByText("Portfolios").click();
        page.waitForURL("**/portfolios");
        assertThat(page.locator("#portfolios-grid")).containsText(PortfolioService.SAMPLE_NAME);
        assertThat(page.locator("#portfolios-grid")).containsText("synthetic");
        Browser.screenshot(page, "portfolios-06-list");

        VaadinPage.click(page, "new-portfolio");
        page.waitForURL("**/portfolios/new");
        assertThat(page.locator("#portfolio-dataset input")).hasValue(Pattern.compile("Built-in synthetic market.*"));
        VaadinPage.fill(page, "portfolio-max-weight", "200");
        VaadinPage.click(page, "portfolio-save");
        assertThat(page.locator("#portfolio-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#portfolio-name")).containsText("Enter a name");
        assertThat(page.locator("#portfolio-max-weight")).containsText("per-asset cap");
        assertThat(page.locator("#form-problems")).containsText("nothing was saved");
        Browser.screenshot(page, "portfolios-07-editor-problems");

        VaadinPage.fill(page, "portfolio-name", "Momentum book");
        VaadinPage.fill(page, "portfolio-max-weight", "8");
        VaadinPage.click(page, "portfolio-save");
        page.waitForURL(PORTFOLIO_URL.asPredicate()::test);
        assertThat(page.locator("#portfolio-title")).hasText("Momentum book");
        assertThat(page.locator("#portfolio-settings-card")).containsText("per asset 8.0 %");
        Browser.screenshot(page, "portfolios-08-created-hub");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(3)
    void another_manager_cannot_open_the_first_managers_portfolio_by_url() {
        Page page = portal.signedInPage(OTHER);
        for (String path : List.of("portfolios/" + sampleId, "portfolios/" + sampleId + "/factors",
                "portfolios/" + sampleId + "/edit")) {
            portal.open(page, path);
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("body")).not().containsText(PortfolioService.SAMPLE_NAME);
        }
        Browser.screenshot(page, "portfolios-09-other-manager-not-found");
        portal.open(page, "portfolios");
        assertThat(page.locator("#portfolios-empty")).isVisible();
        assertThat(page.locator("body")).not().containsText(PortfolioService.SAMPLE_NAME);
        page.context().close();
    }

    @Test
    @Order(4)
    void a_dataset_retired_by_the_admin_disappears_from_the_portfolio_form() {
        Page manager = portal.signedInPage(MANAGER);
        portal.open(manager, "portfolios/new");
        manager.locator("#portfolio-dataset input").click();
        assertThat(manager.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                .setHasText("Soon retired market"))).hasCount(1);
        Browser.screenshot(manager, "portfolios-10-dataset-choices-before");
        manager.context().close();

        Page admin = portal.signedInPage(ADMIN);
        portal.open(admin, "datasets");
        VaadinPage.click(admin, "retire-" + retiringDataset);
        admin.locator("vaadin-button[slot=confirm-button]").click();
        assertThat(admin.locator("#reactivate-" + retiringDataset)).isVisible();
        admin.context().close();

        Page again = portal.signedInPage(MANAGER);
        portal.open(again, "portfolios/new");
        again.locator("#portfolio-dataset input").click();
        assertThat(again.locator("vaadin-combo-box-item").first()).isVisible();
        assertThat(again.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                .setHasText("Soon retired market"))).hasCount(0);
        assertThat(again.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                .setHasText("Built-in synthetic market"))).hasCount(1);
        Browser.screenshot(again, "portfolios-11-dataset-choices-after-retire");
        assertThat(portal.browserErrors()).isEmpty();
        again.context().close();
    }
}
