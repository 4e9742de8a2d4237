package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.factorguard.datasets.DatasetTestFiles;
import org.factorguard.datasets.service.BuiltInMarket;
import org.factorguard.datasets.service.DatasetAdministrationService;
import org.factorguard.datasets.service.ImportRequest;
import org.factorguard.identity.SecurityConfiguration;
import org.factorguard.identity.service.UserAdministrationService;
import org.factorguard.portfolios.service.PortfolioDraft;
import org.factorguard.portfolios.service.PortfolioService;
import org.factorguard.portfolios.service.PortfolioSettings;
import org.factorguard.quant.data.CleaningSettings;
import org.factorguard.reports.domain.Report;
import org.factorguard.reports.domain.ReportRepository;
import org.factorguard.reports.domain.ReportResultStore;
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
 * The portal's security in a real browser and over plain HTTP, on one portal: another manager opening a
 * manager's objects by URL sees "Not found", signed-out visitors land on the login page, the response headers
 * (CSP, frame options, no-sniff, referrer policy), session fixation protection, CSRF on the login form, error
 * pages without stack traces, lockout after five wrong passwords and a disabled manager thrown out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningBrowserTest {

    private static final String ADMIN = "hana";
    private static final String ADMIN_PASSWORD = "hardening-admin-42";
    private static final String ANN = "ann";
    private static final String ANN_PASSWORD = "hardening-ann-1717";
    private static final String BOB = "bob";
    private static final String BOB_PASSWORD = "hardening-bob-2323";
    private static final String CARL = "carl";
    private static final String CARL_PASSWORD = "hardening-carl-99";
    private static final String LOU = "lou";
    private static final String LOU_PASSWORD = "hardening-lou-5050";
    private static final String SECRET = "Ann's secret book";

    @RegisterExtension
    static final PortalFixture portal = PortalFixture.withAdmin(ADMIN, "Hana Admin", ADMIN_PASSWORD)
            .manager(ANN, "ANN", ANN_PASSWORD).manager(BOB, "BOB", BOB_PASSWORD)
            .manager(CARL, "CARL", CARL_PASSWORD).manager(LOU, "LOU", LOU_PASSWORD);

    static long portfolioId;
    static long reportId;
    static long retiredDataset;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void seed() {
        long builtIn = portal.bean(BuiltInMarket.class).ensurePresent();
        byte[] csv = DatasetTestFiles.longCsv(6, 300, 4040).getBytes(StandardCharsets.UTF_8);
        portal.as(ADMIN, () -> {
            DatasetAdministrationService admin = portal.bean(DatasetAdministrationService.class);
            retiredDataset = admin.importLongCsv(new ImportRequest("Retired for hardening", "", "old.csv", csv.length,
                    CleaningSettings.defaults()), new ByteArrayInputStream(csv), null).id();
            admin.retire(retiredDataset);
        });
        portal.as(ANN, () -> {
            portfolioId = portal.bean(PortfolioService.class).create(new PortfolioDraft(SECRET, builtIn,
                    PortfolioSettings.defaults().toBuilder().dates(LocalDate.of(2015, 1, 1), LocalDate.of(2020, 12, 31))
                            .build()));
            Report report = portal.bean(ReportRepository.class).save(new Report(portal.userId(ANN), portfolioId, 1,
                    "Ann's report", SECRET, builtIn, "Built-in", "0".repeat(64), true, 7, Instant.now(), 2, 1.5, 1.0,
                    0.2, -0.1));
            portal.bean(ReportResultStore.class).write(report.getId(), "{}");
            reportId = report.getId();
        });
    }

    private static List<String> annsRoutes() {
        return List.of("portfolios/" + portfolioId, "portfolios/" + portfolioId + "/edit",
                "portfolios/" + portfolioId + "/factors", "portfolios/" + portfolioId + "/runs",
                "reports/" + reportId, "datasets/" + retiredDataset,
                "portfolios/" + (portfolioId + 1), "reports/" + (reportId + 1), "reports/999999",
                "portfolios/9223372036854775807", "reports/0");
    }

    @Test
    @Order(1)
    void another_manager_opening_anns_ids_in_urls_sees_not_found_and_no_data() {
        Page ann = portal.newPage();
        portal.signIn(ann, ANN);
        portal.open(ann, "portfolios/" + portfolioId);
        assertThat(ann.locator("#portfolio-title")).hasText(SECRET);

        Page bob = portal.newPage();
        portal.signIn(bob, BOB);
        for (String route : annsRoutes()) {
            portal.open(bob, route);
            assertThat(bob.locator("#not-found")).isVisible();
            assertThat(bob.locator("body")).not().containsText(SECRET);
            assertThat(bob.content()).as(route).doesNotContain(SECRET).doesNotContain("Retired for hardening");
        }
        Browser.screenshot(bob, "hardening-01-not-found-by-url");
        // query parameters are read only by the login view (?error); ids there change nothing
        portal.open(bob, "portfolios?id=" + portfolioId);
        assertThat(bob.content()).doesNotContain(SECRET);
    }

    @Test
    @Order(2)
    void a_signed_out_visitor_lands_on_the_login_page_for_every_route() {
        Page visitor = portal.newPage();
        for (String route : List.of("", "portfolios", "portfolios/new", "portfolios/" + portfolioId,
                "portfolios/" + portfolioId + "/edit", "portfolios/" + portfolioId + "/factors",
                "portfolios/" + portfolioId + "/runs", "reports/" + reportId, "datasets", "datasets/" + retiredDataset,
                "runs", "admin/users", "shared/not-a-token")) {
            portal.open(visitor, route);
            visitor.waitForURL("**/login");
            assertThat(visitor.locator("vaadin-login-form")).isVisible();
            assertThat(visitor.content()).as(route).doesNotContain(SECRET);
        }
        Browser.screenshot(visitor, "hardening-02-login-for-signed-out");
    }

    @Test
    @Order(3)
    void responses_carry_the_security_headers() throws Exception {
        for (String path : List.of("login", "", "VAADIN/does-not-exist.js")) {
            HttpResponse<String> response = get(path, null);
            var headers = response.headers();
            System.out.println("headers of /" + path + ": " + response.statusCode() + " " + headers.map());
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("Location").orElse("")).as("session id in a URL").doesNotContainIgnoringCase(
                    "jsessionid");
        }
        String csp = SecurityConfiguration.CONTENT_SECURITY_POLICY;
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'self'");
    }

    @Test
    @Order(4)
    void the_session_id_changes_at_sign_in() {
        Page page = portal.newPage();
        portal.open(page, "login");
        String before = sessionCookie(page).orElseThrow();
        portal.signIn(page, BOB);
        assertThat(page.locator("#user-menu")).isVisible();
        String after = sessionCookie(page).orElseThrow();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    @Order(5)
    void a_login_post_without_the_csrf_token_is_refused() throws Exception {
        HttpResponse<String> login = get("login", null);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + BOB + "&password=" + BOB_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("login without csrf: " + post.statusCode() + " " + post.headers().map());
        // refused: 403, or back to the login page -- never the signed-in redirect to the home page
        assertThat(post.statusCode() == 403
                || post.headers().firstValue("Location").orElse("").contains("/login")).as("refused").isTrue();
        assertThat(post.headers().firstValue("Location")).isNotEqualTo(Optional.of(portal.baseUrl()));
        assertNoInternals(post.body());
    }

    @Test
    @Order(6)
    void error_pages_show_no_stack_trace_or_internals() throws Exception {
        for (String path : List.of("VAADIN/static/no-such-file.js", "styles/../../../etc/passwd",
                "webjars/nothing/here.js", "%E0%A4", "login?v-r=uidl&v-uiId=99")) {
            HttpResponse<String> response = get(path, null);
            assertNoInternals(response.body());
        }
        HttpResponse<String> broken =
                http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertNoInternals(broken.body());
    }

    @Test
    @Order(7)
    void five_wrong_passwords_lock_the_account() {
        Page page = portal.newPage();
        for (int i = 0; i < 5; i++) {
            portal.signIn(page, LOU, "wrong-password-" + i);
        }
        portal.signIn(page, LOU);
        assertThat(page.locator("vaadin-login-form")).containsText("Account locked");
        Browser.screenshot(page, "hardening-07-account-locked");
    }

    @Test
    @Order(8)
    void a_manager_disabled_by_an_administrator_is_thrown_out_on_the_next_navigation() {
        Page carl = portal.newPage();
        portal.signIn(carl, CARL);
        assertThat(carl.locator("#user-menu")).isVisible();
        portal.open(carl, "portfolios");
        assertThat(carl).hasURL(portal.baseUrl() + "portfolios");
        Locator datasetsLink = carl.locator(
                "vaadin-side-nav-item[path='datasets'], vaadin-side-nav-item[path='/datasets']").first();
        assertThat(datasetsLink).isVisible();

        portal.as(ADMIN, () -> {
            portal.bean(UserAdministrationService.class).setEnabled(portal.userId(CARL), false);
        });
        // the server pushes the open page to the login page; an in-app navigation (a Vaadin request in the old
        // session) lands there too, unless the push has already taken the page away on a slow machine ...
        try {
            datasetsLink.click(new Locator.ClickOptions().setTimeout(5_000));
        } catch (PlaywrightException pushedAwayFirst) {
            // the link was gone: the page is on its way to the login page, which the next line checks
        }
        carl.waitForURL("**/login", new Page.WaitForURLOptions().setTimeout(15_000));
        carl.locator("vaadin-login-form").waitFor();
        Browser.screenshot(carl, "hardening-08-disabled-thrown-out");
        // ... and a fresh page load both land on the login page
        portal.open(carl, "portfolios");
        carl.waitForURL("**/login");
        assertThat(carl.locator("vaadin-login-form")).isVisible();
        portal.signIn(carl, CARL);
        assertThat(carl.locator("vaadin-login-form")).containsText("Account disabled");
    }

    @Test
    @Order(9)
    void the_csp_breaks_nothing_the_browser_ran() {
        assertThat(portal.browserErrors())
                .noneMatch(e -> e.contains("Content Security Policy") || e.contains("Refused to"));
    }

    private static Optional<String> sessionCookie(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("jdbc:");
    }
}
