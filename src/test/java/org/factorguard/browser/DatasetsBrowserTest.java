package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Datasets in a real browser: the admin uploads a CSV, sees it listed and opens its detail with the index
 * chart; an invalid file shows its line-numbered problems and adds nothing; a manager sees the list read-only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetsBrowserTest {

    private static final String ADMIN = "dora";
    private static final String ADMIN_PASSWORD = "dataset-admin-42";
    private static final String MANAGER = "max";
    private static final String MANAGER_PASSWORD = "dataset-manager-17";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin(ADMIN, "Dora Admin", ADMIN_PASSWORD)
            .manager(MANAGER, "Max Manager", MANAGER_PASSWORD);

    @TempDir
    static Path files;

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void upload(Page page, Path csv) {
        page.locator("#import-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#import-status")).containsText("Ready to import " + csv.getFileName());
    }

    private static long datasetRows() {
        return portal.bean(JdbcTemplate.class).queryForObject("select count(*) from dataset", Long.class);
    }

    @Test
    @Order(1)
    void the_admin_imports_a_csv_sees_it_listed_and_opens_its_chart() throws IOException {
        Path csv = file("small-market.csv", DatasetTestFiles.longCsv(6, 120, 2024));
        Page page = portal.signedInPage(ADMIN);
        page.locator("#main-menu").getByText("Datasets").click();
        page.waitForURL("**/datasets");
        upload(page, csv);
        VaadinPage.fill(page, "import-name", "Browser market");
        VaadinPage.fill(page, "import-description", "Six test stocks");
        Browser.screenshot(page, "datasets-01-ready-to-import");
        VaadinPage.click(page, "import-start");
        assertThat(page.locator("#import-status")).containsText("Imported Browser market · v1");
        assertThat(page.locator("#datasets-grid")).containsText("Browser market");
        assertThat(page.locator("#datasets-grid")).containsText("6 of 6 instruments kept");
        assertThat(page.locator("#datasets-grid")).containsText("Dora Admin");
        Browser.screenshot(page, "datasets-02-imported");

        page.locator("#datasets-grid").getByText("Browser market").click();
        page.waitForURL("**/datasets/*");
        assertThat(page.locator("#dataset-title")).hasText("Browser market · v1");
        VaadinPage.waitForChart(page, "dataset-index-chart");
        assertThat(page.locator("#dataset-index-chart canvas").first()).isVisible();
        assertThat(page.locator("#cleaning-totals")).containsText("6 of 6 instruments kept");
        assertThat(page.locator("#dataset-fundamentals-timing")).containsText("reporting lag of 45 calendar days");
        assertThat(page.locator("#instruments-grid")).containsText("Test 5 Inc");
        Browser.screenshot(page, "datasets-03-detail");
        page.locator("#cleaning-card").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "datasets-03b-detail-cleaning-report");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(2)
    void an_invalid_csv_shows_its_line_numbered_problems_and_adds_nothing() throws IOException {
        Path csv = file("broken.csv", "date,ticker,open,high,low,close,volume\n"
                + "2021-01-04,AAA,10,11,9,10,100\n"
                + "2021-01-05,AAA,10,9,11,10,100\n"
                + "2021-02-30,AAA,10,11,9,10,100\n");
        long before = datasetRows();
        Page page = portal.signedInPage(ADMIN);
        portal.open(page, "datasets");
        upload(page, csv);
        VaadinPage.fill(page, "import-name", "Broken file");
        VaadinPage.click(page, "import-start");
        assertThat(page.locator("#import-problems")).containsText("was not imported");
        assertThat(page.locator("#import-problem-list li")).hasCount(2);
        assertThat(page.locator("#import-problem-list")).containsText("line 3:");
        assertThat(page.locator("#import-problem-list")).containsText("line 4:");
        assertThat(page.locator("#datasets-grid")).not().containsText("Broken file");
        Browser.screenshot(page, "datasets-04-invalid-file");
        assertThat(datasetRows()).isEqualTo(before);
        page.context().close();
    }

    @Test
    @Order(3)
    void a_manager_sees_the_active_datasets_without_import_or_retire_controls() {
        portal.bean(BuiltInMarket.class).ensurePresent();
        Page page = portal.signedInPage(MANAGER);
        page.locator("#main-menu").getByText("Datasets").click();
        page.waitForURL("**/datasets");
        assertThat(page.locator("#datasets-grid")).containsText("Browser market");
        assertThat(page.locator("#datasets-grid")).containsText(BuiltInMarket.name());
        assertThat(page.locator("#datasets-grid")).containsText("Synthetic");
        assertThat(page.locator("#import-card")).hasCount(0);
        assertThat(page.locator("#import-upload")).hasCount(0);
        assertThat(page.locator("[id^=retire-]")).hasCount(0);
        Browser.screenshot(page, "datasets-05-manager-list");

        page.locator("#datasets-grid").getByText(BuiltInMarket.name()).click();
        page.waitForURL("**/datasets/*");
        assertThat(page.locator("#synthetic-note")).isVisible();
        VaadinPage.waitForChart(page, "dataset-index-chart");
        Browser.screenshot(page, "datasets-06-manager-builtin-detail");

        portal.open(page, "");
        VaadinPage.waitForChart(page, "home-market-chart");
        assertThat(page.locator("body")).containsText("Synthetic data, not a real market");
        Browser.screenshot(page, "datasets-07-home-synthetic-index");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }
}
