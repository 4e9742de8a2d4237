package org.factorguard.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real FactorGuard portal started in-process on a free port, with its own data folder (embedded H2
 * file database), as a user would run it. Stopping and starting again on the same folder is a
 * restart.
 */
public final class PortalInstance implements AutoCloseable {

    private final Path dataDir;
    private final List<String> extraArgs;
    private final List<Class<?>> extraSources = new ArrayList<>();
    private ConfigurableApplicationContext context;

    public PortalInstance(Path dataDir, String... extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = List.of(extraArgs);
    }

    /** Adds configuration classes (e.g. test-only beans) to the portal's application context. */
    public PortalInstance with(Class<?>... sources) {
        extraSources.addAll(List.of(sources));
        return this;
    }

    public PortalInstance start() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--factorguard.data-dir=" + dataDir.toAbsolutePath());
        args.add("--vaadin.launch-browser=false");
        args.addAll(extraArgs);
        List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
        sources.addAll(extraSources);
        context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
        return this;
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port + "/";
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
