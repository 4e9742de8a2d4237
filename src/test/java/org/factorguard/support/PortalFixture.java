package org.factorguard.support;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.factorguard.identity.domain.AppUser;
import org.factorguard.identity.domain.Role;
import org.factorguard.identity.domain.UserRepository;
import org.factorguard.identity.service.FirstRunService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A real portal for one browser test class: started in-process on a free port with its own data folder, the
 * users the class declares seeded (the administrator through first-run setup, managers with real password
 * hashes), and a headless browser. Register it on a static field annotated {@code @RegisterExtension}:
 *
 * <pre>{@code
 * static final PortalFixture portal = PortalFixture.withAdmin("dora", "Dora Admin", "dataset-admin-42")
 *         .manager("max", "Max Manager", "dataset-manager-17");
 * }</pre>
 *
 * It starts before the class's own {@code @BeforeAll} methods (which can add data through {@link #bean}) and
 * stops after its {@code @AfterAll} methods; the data folder is deleted at the end.
 */
public final class PortalFixture implements BeforeAllCallback, AfterAllCallback {

    private record Seeded(String displayName, String password, Role role) {
    }

    private final Map<String, Seeded> users = new LinkedHashMap<>();
    private final List<Class<?>> extraSources = new ArrayList<>();
    private final String admin;
    private Path dataDir;
    private PortalInstance portal;
    private Browser browser;

    private PortalFixture(String admin) {
        this.admin = admin;
    }

    /** A portal as installed: no user at all, so every page leads to first-run setup. */
    public static PortalFixture freshInstall() {
        return new PortalFixture(null);
    }

    /** A portal whose first administrator was created through first-run setup. */
    public static PortalFixture withAdmin(String username, String displayName, String password) {
        PortalFixture fixture = new PortalFixture(username);
        fixture.users.put(username, new Seeded(displayName, password, Role.ADMIN));
        return fixture;
    }

    public PortalFixture manager(String username, String displayName, String password) {
        users.put(username, new Seeded(displayName, password, Role.MANAGER));
        return this;
    }

    /** Adds configuration classes (e.g. test-only beans) to the portal's application context. */
    public PortalFixture with(Class<?>... sources) {
        extraSources.addAll(List.of(sources));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("factorguard-portal-");
        start();
        seedUsers();
        browser = new Browser();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            stop();
            deleteDataDir();
        }
    }

    private void start() {
        portal = new PortalInstance(dataDir).with(extraSources.toArray(Class<?>[]::new)).start();
    }

    private void stop() {
        if (portal != null) {
            portal.close();
            portal = null;
        }
    }

    private void seedUsers() {
        PasswordEncoder encoder = bean(PasswordEncoder.class);
        users.forEach((username, user) -> {
            if (username.equals(admin)) {
                bean(FirstRunService.class).createFirstAdministrator(username, user.displayName(), user.password());
            } else {
                bean(UserRepository.class).save(new AppUser(username, user.displayName(),
                        encoder.encode(user.password()), user.role(), Instant.now()));
            }
        });
    }

    private void deleteDataDir() throws IOException {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Stops the portal and starts it again on the same data folder, as an operator's restart. */
    public void restart() {
        stop();
        start();
    }

    public String baseUrl() {
        return portal.baseUrl();
    }

    public <T> T bean(Class<T> type) {
        return portal.bean(type);
    }

    public long userId(String username) {
        return bean(UserRepository.class).findByUsernameIgnoreCase(username).orElseThrow().getId();
    }

    /** Calls services as a seeded user on the test thread (services check who is asking). */
    public <T> T as(String username, Supplier<T> call) {
        return TestUsers.as(username, seeded(username).role(), call);
    }

    public void as(String username, Runnable action) {
        TestUsers.as(username, seeded(username).role(), action);
    }

    /** A fresh browser context: its own cookies, i.e. a separate person at a separate computer. */
    public Page newPage() {
        return browser.newPage();
    }

    /** A fresh page signed in as a seeded user with that user's password. */
    public Page signedInPage(String username) {
        Page page = newPage();
        signIn(page, username);
        return page;
    }

    public void signIn(Page page, String username) {
        signIn(page, username, seeded(username).password());
    }

    public void signIn(Page page, String username, String password) {
        VaadinPage.signIn(page, baseUrl(), username, password);
    }

    /** Opens a path relative to the portal's root and waits until the view has rendered. */
    public void open(Page page, String path) {
        VaadinPage.open(page, baseUrl(), path);
    }

    /** JavaScript and console errors seen so far in any of this class's pages. */
    public List<String> browserErrors() {
        return browser.errors();
    }

    private Seeded seeded(String username) {
        Seeded user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no seeded user " + username + "; seeded: " + users.keySet());
        }
        return user;
    }
}
