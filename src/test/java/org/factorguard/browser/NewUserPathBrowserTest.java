package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.jobs.service.JobService;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The new user's path with a real close-only stock panel: the administrator types a name, then imports a wide
 * file of closes with an instrument list (the name is kept; a file with a bad cell is refused line by line and
 * stores nothing); a manager's new portfolio on it starts with the factors it can supply, the editor and the
 * Factors page say which are unavailable and why, and a study runs to its report. A portfolio whose factors the
 * data cannot supply is refused before any run exists, with a link to Factors. Dates are typed as ISO dates in a
 * German-locale browser, and text that is not a date blocks saving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewUserPathBrowserTest {

    private static final String ADMIN = "nora";
    private static final String ADMIN_PASSWORD = "new-user-admin-42";
    private static final String MANAGER = "nils";
    private static final String MANAGER_PASSWORD = "new-user-manager-17";
    private static final String PANEL = "US large caps (closes)";
    private static final Pattern PORTFOLIO_URL = Pattern.compile("/portfolios/(\\d+)$");
    private static final int STOCKS = 20;

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin(ADMIN, "Nora Admin", ADMIN_PASSWORD)
            .manager(MANAGER, "Nils Newcomer", MANAGER_PASSWORD);

    @TempDir
    static Path files;

    static long builtInBook;
    static long closeOnlyBook;

    @BeforeAll
    static void seed() {
        long builtIn = portal.bean(BuiltInMarket.class).ensurePresent();
        builtInBook = portal.as(MANAGER, () -> portal.bean(PortfolioService.class).create(new PortfolioDraft(
                "Default book", builtIn, PortfolioSettings.defaults())));
    }

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static long rows(String table) {
        return portal.bean(JdbcTemplate.class).queryForObject("select count(*) from " + table, Long.class);
    }

    private static long idFromUrl(Page page) {
        Matcher m = PORTFOLIO_URL.matcher(page.url());
        assertThat(m.find()).as(page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void chooseWidePanel(Page page) {
        page.locator("#import-format vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Wide stock panel")).click();
        assertThat(page.locator("#import-instruments")).isVisible();
    }

    @Test
    @Order(1)
    void the_admin_names_a_dataset_then_imports_a_wide_close_only_panel_and_the_typed_name_is_kept()
            throws IOException {
        Path closes = file("largecaps-closes.csv", DatasetTestFiles.widePanelCsv(STOCKS, 1100, 1990));
        // names and industries, no shares: the prices stay close-only
        Path list = file("largecaps-instruments.csv", DatasetTestFiles.instrumentListCsv(STOCKS)
                .replaceAll(",\\d+\\n", "\n").replace(",shares\n", "\n"));
        Page page = portal.signedInPage(ADMIN);
        portal.open(page, "datasets");
        chooseWidePanel(page);
        page.locator("#import-name input").fill(PANEL);
        page.locator("#import-upload input[type=file]").setInputFiles(closes);
        assertThat(page.locator("#import-status")).containsText("Ready to import largecaps-closes.csv");
        page.locator("#import-instruments-upload input[type=file]").setInputFiles(list);
        assertThat(page.locator("#import-status")).containsText("with the instrument list largecaps-instruments.csv");
        assertThat(page.locator("#import-name input")).hasValue(PANEL);
        Browser.screenshot(page, "newuser-01-wide-panel-ready");

        VaadinPage.click(page, "import-start");
        assertThat(page.locator("#import-status")).containsText("Imported " + PANEL + " · v1",
                new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#datasets-grid")).containsText(PANEL);
        assertThat(page.locator("#datasets-grid")).containsText(STOCKS + " of " + STOCKS + " instruments kept");
        Browser.screenshot(page, "newuser-02-wide-panel-imported");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(2)
    void a_wide_panel_with_a_bad_cell_is_refused_with_its_line_number_and_stores_nothing() throws IOException {
        String[] lines = DatasetTestFiles.widePanelCsv(STOCKS, 300, 1991).split("\n");
        lines[41] = lines[41].replaceFirst(",[0-9.]+,", ",1O2.5,");
        Path bad = file("bad-closes.csv", String.join("\n", lines) + "\n");
        long[] before = {rows("dataset"), rows("dataset_instrument"), rows("dataset_content")};
        Page page = portal.signedInPage(ADMIN);
        portal.open(page, "datasets");
        chooseWidePanel(page);
        page.locator("#import-name input").fill("Broken closes");
        page.locator("#import-upload input[type=file]").setInputFiles(bad);
        assertThat(page.locator("#import-status")).containsText("Ready to import bad-closes.csv");
        VaadinPage.click(page, "import-start");
        assertThat(page.locator("#import-problems")).containsText("was not imported");
        assertThat(page.locator("#import-problem-list li")).hasCount(1);
        assertThat(page.locator("#import-problem-list")).containsText(
                "line 42: T00 '1O2.5' is not a finite decimal number");
        assertThat(page.locator("#datasets-grid")).not().containsText("Broken closes");
        Browser.screenshot(page, "newuser-03-bad-cell-refused");
        assertThat(new long[] {rows("dataset"), rows("dataset_instrument"), rows("dataset_content")})
                .containsExactly(before);
        page.context().close();
    }

    @Test
    @Order(3)
    void a_new_portfolio_on_the_panel_gets_the_factors_it_can_supply_and_its_study_succeeds() {
        Page page = portal.signedInPage(MANAGER);
        portal.open(page, "portfolios/new");
        page.locator("#portfolio-dataset input").click();
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(PANEL)).click();
        assertThat(page.locator("#editor-factors")).containsText("Short-term reversal 5 days (REV_5)");
        assertThat(page.locator("#editor-factors")).not().containsText("(EP)");
        assertThat(page.locator("#editor-unavailable-factors")).containsText(
                "EP (Earnings yield (E/P)): missing fundamentals — needs earnings per share (or P/E)");
        assertThat(page.locator("#editor-unavailable-factors")).containsText("LOG_VOLUME (Log volume): missing "
                + "volume — needs daily volume");
        assertThat(page.locator("#editor-factor-warning")).hasCount(0);
        VaadinPage.fill(page, "portfolio-name", "Large caps on closes");
        VaadinPage.fill(page, "portfolio-units", "8");
        VaadinPage.fill(page, "portfolio-epochs", "2");
        page.locator("#editor-factor-card").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "newuser-04-editor-unavailable-factors");
        VaadinPage.click(page, "portfolio-save");
        page.waitForURL(PORTFOLIO_URL.asPredicate()::test);
        closeOnlyBook = idFromUrl(page);
        // the default candidates the close-only panel can supply: price-based ones, none that needs fundamentals
        assertThat(page.locator("#portfolio-factor-card")).containsText("(MOM_60)");
        assertThat(page.locator("#portfolio-factor-card")).containsText("(REV_5)");
        assertThat(page.locator("#portfolio-factor-card")).not().containsText("(EP)");
        assertThat(page.locator("#portfolio-factor-card")).not().containsText("(TURNOVER)");

        VaadinPage.click(page, "portfolio-factors-link");
        page.waitForURL("**/portfolios/" + closeOnlyBook + "/factors");
        assertThat(page.locator("#factors-unavailable")).containsText("Not available on this portfolio's data");
        assertThat(page.locator("#factors-unavailable-grid")).containsText("missing volume");
        assertThat(page.locator("#factors-unavailable-grid")).containsText("missing fundamentals");
        assertThat(page.locator("#factors-unavailable-used")).hasCount(0);
        VaadinPage.waitForGrid(page, "factors-grid", Duration.ofSeconds(90));
        assertThat(page.locator("#factors-grid")).containsText("Momentum 60 days");
        assertThat(page.locator("#factors-grid")).not().containsText("Earnings yield");
        Browser.screenshot(page, "newuser-05-factors-unavailable");

        portal.open(page, "portfolios/" + closeOnlyBook + "/runs");
        VaadinPage.click(page, "start-study");
        Locator state = page.locator("[id^=run-state-]").first();
        assertThat(state).isVisible();
        assertThat(state).hasText("Succeeded", new LocatorAssertions.HasTextOptions().setTimeout(420_000));
        Browser.screenshot(page, "newuser-06-close-only-study-succeeded");
        page.locator("[id^=run-report-]").first().click();
        page.waitForURL("**/reports/*");
        assertThat(page.locator("#report-risk-table")).containsText("Sharpe ratio");
        assertThat(page.locator("#report-settings-table")).containsText("MOM_60");
        assertThat(page.locator("#report-settings-table")).containsText("REV_5");
        assertThat(page.locator("#report-settings-table")).not().containsText("EP,");
        VaadinPage.waitForChart(page, "report-equity-chart");
        Browser.screenshot(page, "newuser-07-close-only-report");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(4)
    void a_portfolio_whose_factors_the_data_cannot_supply_is_refused_before_any_run_with_a_link_to_factors() {
        Page page = portal.signedInPage(MANAGER);
        portal.open(page, "portfolios/" + builtInBook + "/edit");
        page.locator("#portfolio-dataset input").click();
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(PANEL)).click();
        assertThat(page.locator("#editor-factor-warning")).containsText("This dataset cannot supply 6 of these "
                + "factors (EP, BP, SIZE, LOG_VOLUME, VOLUME_CHANGE_20, TURNOVER)");
        page.locator("#editor-factor-card").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "newuser-08-editor-warns-after-dataset-change");
        VaadinPage.click(page, "portfolio-save");
        page.waitForURL(PORTFOLIO_URL.asPredicate()::test);

        long runsBefore = portal.as(MANAGER, () -> portal.bean(JobService.class).listMine().size());
        portal.open(page, "portfolios/" + builtInBook + "/runs");
        VaadinPage.click(page, "start-study");
        Locator problems = page.locator("#start-problems");
        assertThat(problems).containsText("The study cannot start:");
        // one line per default candidate the close-only panel cannot supply
        assertThat(problems.locator("li")).hasCount(6);
        assertThat(problems).containsText("The dataset cannot supply EP (Earnings yield (E/P)): missing "
                + "fundamentals — needs earnings per share (or P/E), which the data does not have");
        assertThat(problems).containsText("VOLUME_CHANGE_20 (Volume vs 20-day mean): missing volume");
        assertThat(page.locator("#portfolio-runs-empty")).isVisible();
        Browser.screenshot(page, "newuser-09-start-refused");
        assertThat(portal.as(MANAGER, () -> portal.bean(JobService.class).listMine().size())).isEqualTo(runsBefore);

        VaadinPage.click(page, "start-problems-factors");
        page.waitForURL("**/portfolios/" + builtInBook + "/factors");
        assertThat(page.locator("#factors-unavailable-used")).containsText("This portfolio still uses 6 of them");
        VaadinPage.waitForGrid(page, "factors-grid", Duration.ofSeconds(90));
        Browser.screenshot(page, "newuser-10-factors-after-refusal");
        VaadinPage.click(page, "tick-saved");
        VaadinPage.click(page, "use-factors");
        assertThat(page.locator("vaadin-notification-card").last())
                .containsText(java.util.regex.Pattern.compile("now uses \\d+ factors"));
        assertThat(page.locator("#factors-unavailable-used")).hasCount(0);
        List<String> saved = portal.as(MANAGER, () -> portal.bean(PortfolioService.class).find(builtInBook)
                .settings().factorIds());
        assertThat(saved).isNotEmpty().doesNotContain("EP", "BP", "SIZE", "TURNOVER",
                "VOLUME_CHANGE_20", "LOG_VOLUME");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }

    @Test
    @Order(5)
    void iso_dates_are_read_in_a_german_browser_and_text_that_is_not_a_date_blocks_saving() {
        Page page = portal.newPage();
        page.context().close();
        var context = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("de-DE").setViewportSize(1366, 900));
        Page german = context.newPage();
        german.setDefaultTimeout(Browser.TIMEOUT_MILLIS);
        portal.signIn(german, MANAGER);
        portal.open(german, "portfolios/" + closeOnlyBook + "/edit");
        Locator start = german.locator("#portfolio-start input");
        start.fill("2011-01-03");
        start.press("Enter");
        assertThat(start).hasValue("2011-01-03");
        assertThat(german.locator("#portfolio-start")).not().hasAttribute("invalid", "");
        Browser.screenshot(german, "newuser-11-iso-date-in-german-browser");
        VaadinPage.click(german, "portfolio-save");
        german.waitForURL(PORTFOLIO_URL.asPredicate()::test);
        assertThat(german.locator("#portfolio-settings-card")).containsText("2011-01-03 – dataset end");
        assertThat(startDate()).isEqualTo(LocalDate.of(2011, 1, 3));

        portal.open(german, "portfolios/" + closeOnlyBook + "/edit");
        assertThat(start).hasValue("2011-01-03");
        start.fill("3. Januar 2011");
        start.press("Enter");
        VaadinPage.click(german, "portfolio-save");
        assertThat(german.locator("#form-problems")).containsText("nothing was saved");
        assertThat(german.locator("#portfolio-start")).hasAttribute("invalid", "");
        assertThat(german.locator("#portfolio-start")).containsText("Not a date: enter it as yyyy-mm-dd");
        Browser.screenshot(german, "newuser-12-unreadable-date-blocks-saving");
        assertThat(german.url()).endsWith("/edit");
        assertThat(startDate()).isEqualTo(LocalDate.of(2011, 1, 3));
        context.close();
    }

    private static LocalDate startDate() {
        return portal.as(MANAGER, () -> portal.bean(PortfolioService.class).find(closeOnlyBook).settings()
                .startDate());
    }
}
