package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetCatalog;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.MarketData;
import org.factorguard.quant.models.sequence.CancellationToken;
import org.factorguard.quant.study.Study;
import org.factorguard.quant.study.StudyProgressListener;
import org.factorguard.quant.study.StudyResult;
import org.factorguard.quant.study.StudyResultJson;
import org.factorguard.reports.domain.Report;
import org.factorguard.reports.domain.ReportRepository;
import org.factorguard.reports.domain.ReportResultStore;
import org.factorguard.support.Browser;
import org.factorguard.support.PortalFixture;
import org.factorguard.support.SmallPortfolios;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tear sheets in a real browser: a report of a small study on the built-in market shows returns by quintile,
 * what drives the models and where the return came from, with their CSVs; the Factors page shows each factor's
 * returns by quintile. Screenshots of every new chart go to target/screenshots/tearsheet-*.png.
 */
class TearSheetBrowserTest {

    private static final String PASSWORD = "tear-sheet-journey-42";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin("root", "Root Admin", "correct-horse-battery-42")
            .manager("ada", "Ada Analyst", PASSWORD);

    static long portfolioId;
    static long reportId;
    static String firstImportanceFactor;

    @BeforeAll
    static void seed() {
        long dataset = portal.bean(BuiltInMarket.class).ensurePresent();
        MarketData data = portal.bean(DatasetCatalog.class).load(dataset);
        PortfolioSettings small = SmallPortfolios.settings(SmallPortfolios.firstTickers(data, 30));
        portfolioId = portal.as("ada", () -> portal.bean(PortfolioService.class)
                .create(new PortfolioDraft("Ada's tear sheets", dataset, small)));
        StudyResult result = Study.standard().run(data, small.toStudyConfig(), StudyProgressListener.NONE,
                CancellationToken.NEVER);
        assertThat(result.tearSheet()).isNotNull();
        firstImportanceFactor = result.tearSheet().importanceOf(StudyResult.LINEAR).factors().getFirst().name();
        String json = StudyResultJson.write(result);
        reportId = portal.as("ada", () -> {
            Report report = portal.bean(ReportRepository.class).save(new Report(portal.userId("ada"), portfolioId, 1,
                    "Ada's tear sheets", "Ada's tear sheets", dataset, "Built-in", result.datasetHash(), true,
                    result.seed(), Instant.now(), json.length(), 0.5, 0.4, 0.05, -0.1));
            portal.bean(ReportResultStore.class).write(report.getId(), json);
            return report.getId();
        });
    }

    @Test
    void a_report_shows_quintiles_importance_and_attribution_and_the_factors_page_shows_quintiles() throws Exception {
        Page page = portal.signedInPage("ada");
        portal.open(page, "reports/" + reportId);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        for (String chart : List.of("report-quintile-chart", "report-quintile-cumulative-lstm",
                "report-quintile-cumulative-linear", "report-importance-chart", "report-lookback-chart",
                "report-attribution-chart")) {
            VaadinPage.waitForChart(page, chart);
        }
        assertThat(page.locator("#report-quintile-table")).containsText("all test days");
        // the factors the folds screened in, as the study chose them
        assertThat(page.locator("#report-importance-table"))
                .containsText(firstImportanceFactor);
        assertThat(page.locator("#report-attribution-table")).containsText("whole backtest");
        assertThat(page.locator("#report-attribution-exposures")).containsText("Beta");
        page.locator("#report-quintile-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-01-report-quintiles");
        page.locator("#report-quintile-cumulative-lstm").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-02-report-quintile-curves");
        page.locator("#report-importance-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-03-report-importance");
        page.locator("#report-lookback-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-04-report-lookback");
        page.locator("#report-attribution-chart").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-05-report-attribution");

        Download csv = page.waitForDownload(() -> page.locator("#report-export-returns-by-quintile").click());
        assertThat(Files.readString(csv.path())).startsWith("model,period,from,to,days,mean_return_q1")
                .contains("LSTM,overall,").contains("Linear,fold 1,");
        Download importance = page.waitForDownload(() -> page.locator("#report-export-model-importance").click());
        assertThat(Files.readString(importance.path())).contains("LSTM,look-back block,days 1–5,");

        portal.open(page, "portfolios/" + portfolioId + "/factors");
        VaadinPage.waitForGrid(page, "factors-grid", Duration.ofSeconds(90));
        assertThat(page.locator("#factors-grid")).containsText("Monotonicity");
        VaadinPage.waitForChart(page, "quintile-chart");
        VaadinPage.waitForChart(page, "quintile-cumulative-chart");
        page.locator("#quintile-card").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "tearsheet-06-factor-quintiles");
        Download factorCsv = page.waitForDownload(() -> page.locator("#quintile-csv").click());
        assertThat(Files.readString(factorCsv.path())).startsWith("factor,horizon_days,from,to,days,mean_return_q1")
                .contains("EP,20,");
        assertThat(portal.browserErrors()).isEmpty();
        page.context().close();
    }
}
