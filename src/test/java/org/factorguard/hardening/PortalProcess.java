package org.factorguard.hardening;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.factorguard.Application;

/**
 * The portal as a separate operating-system process (a child JVM on the test's class path), so that a test
 * can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux) as a power cut or {@code kill -9}
 * would. Its output goes to {@code portal.log} in the data folder.
 */
final class PortalProcess implements AutoCloseable {

    private final Path dataDir;
    private final List<String> extraArgs;
    private final int port;
    private final Path log;
    private Process process;

    PortalProcess(Path dataDir, String... extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = List.of(extraArgs);
        this.port = freePort();
        this.log = dataDir.resolve("portal-" + port + ".log");
    }

    PortalProcess start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseParallelGC",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--server.port=" + port, "--factorguard.data-dir=" + dataDir.toAbsolutePath(),
                "--vaadin.launch-browser=false"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).directory(Path.of(System.getProperty("user.dir")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP. */
    PortalProcess awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal process ended with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try {
                HttpResponse<String> health =
                        http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the portal did not start within " + timeout + ":\n" + logTail());
    }

    String baseUrl() {
        return "http://localhost:" + port + "/";
    }

    /** SIGKILL: no shutdown hooks, no flush, no closing of the database. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
