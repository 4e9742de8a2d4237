package org.factorguard.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium when it is installed ({@code /usr/bin/chromium}, or the path in
 * {@code FACTORGUARD_CHROMIUM}), else Playwright's own browser. Collects page errors so tests can
 * assert that none happened, and saves screenshots under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** How long page actions and assertions wait: a view can take seconds to render on a busy machine. */
    public static final int TIMEOUT_MILLIS = 30_000;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final List<String> errors = new ArrayList<>();

    public Browser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        Path chromium = chromium();
        Map<String, String> env = chromium != null ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--disable-dev-shm-usage"));
        if (chromium != null) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
    }

    private static Path chromium() {
        String configured = System.getenv("FACTORGUARD_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path debian = Paths.get("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }

    /** A fresh browser context (own cookies, i.e. a separate user) with error collection. */
    public Page newPage() {
        Page page = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 900)).newPage();
        page.setDefaultTimeout(TIMEOUT_MILLIS);
        page.onPageError(error -> errors.add("page error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains("favicon")) {
                errors.add("console error: " + message.text());
            }
        });
        return page;
    }

    /** JavaScript errors and console errors seen so far, in any page. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
