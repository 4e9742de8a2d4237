package org.factorguard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factorguard.support.Browser;
import org.factorguard.support.VaadinPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke check of the production jar as an operator runs it ({@code java -jar}): first-run setup,
 * sign-in, the home page with its chart. Not part of the default test run (it needs the jar built by
 * {@code mvn -Pproduction package}); CI runs it explicitly:
 * {@code mvn surefire:test -Dtest=ProductionJarSmokeCheck -Dfactorguard.smoke.jar=target/factorguard.jar}.
 */
class ProductionJarSmokeCheck {

    @TempDir
    Path dataDir;

    @Test
    void the_production_jar_starts_and_a_user_signs_in_and_sees_the_home_page() throws Exception {
        String jarProperty = System.getProperty("factorguard.smoke.jar");
        assertThat(jarProperty).as("system property factorguard.smoke.jar (path of the production jar)").isNotBlank();
        Path jar = Paths.get(jarProperty).toAbsolutePath();
        assertThat(jar).exists();
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = dataDir.resolve("portal.log");
        Process portal = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + port, "--factorguard.data-dir=" + dataDir.resolve("data")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://localhost:" + port + "/";
            waitForHealth(base, portal, log);
            assertThat(Files.readString(log)).contains("Vaadin is running in production mode")
                    .doesNotContain("development mode bundle");
            try (Browser browser = new Browser()) {
                Page page = browser.newPage();
                VaadinPage.open(page, base, "");
                page.waitForURL("**/setup");
                VaadinPage.fill(page, "setup-username", "ops");
                VaadinPage.fill(page, "setup-display-name", "Operations");
                VaadinPage.fill(page, "setup-password", "prod-smoke-pass-1");
                VaadinPage.fill(page, "setup-confirm", "prod-smoke-pass-1");
                VaadinPage.click(page, "setup-create");
                page.waitForURL("**/login");
                VaadinPage.signIn(page, base, "ops", "prod-smoke-pass-1");
                assertThat(page.locator("#home-title")).hasText("Welcome, Operations");
                VaadinPage.waitForChart(page, "home-market-chart");
                Browser.screenshot(page, "prod-01-home");
                assertThat(browser.errors()).isEmpty();
            }
        } finally {
            portal.destroy();
            if (!portal.waitFor(20, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    private static void waitForHealth(String base, Process portal, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!portal.isAlive()) {
                throw new AssertionError("the portal exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the portal did not become healthy in 3 minutes:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
