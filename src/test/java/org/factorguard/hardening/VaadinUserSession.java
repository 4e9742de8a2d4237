package org.factorguard.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One signed-in user of the portal speaking Vaadin Flow's own client protocol over HTTP, as the browser's
 * {@code Flow.ts} does: the page's bootstrap HTML, the UI's init request ({@code ?v-r=init&location=...},
 * answered with the initial UIDL carrying the UI id, Vaadin's CSRF token and the sync id) and navigation as a
 * {@code ui-navigate} event on the root node in a UIDL POST ({@code ?v-r=uidl&v-uiId=N}). Sign-in is Spring
 * Security's form login with the CSRF token from the login page's {@code <meta name="_csrf">}. Cookies are kept
 * per user by hand (one shared {@link HttpClient}, so the test's own heap stays small).
 *
 * <p>Not simulated: the web socket of server push (changes pushed while no request is open arrive with the
 * next UIDL response instead), lazy data requests of grids and charts, and heartbeats.
 */
final class VaadinUserSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final LongConsumer roundTripNanos;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String uiId;
    private String securityKey;
    private long syncId;
    private long clientId;
    private int historyIndex;

    VaadinUserSession(HttpClient http, String baseUrl, LongConsumer roundTripNanos) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.roundTripNanos = roundTripNanos;
    }

    /** A problem the user would see: an HTTP error, a broken response, an application error or a lost session. */
    static final class ProtocolError extends RuntimeException {
        ProtocolError(String message) {
            super(message);
        }
    }

    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = send(get("login"));
        expectStatus(login, 200, "login page");
        Matcher token = CSRF_META.matcher(login.body());
        if (!token.find()) {
            throw new ProtocolError("login page without <meta name=\"_csrf\">");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> posted = send(request("login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            throw new ProtocolError("sign-in of " + username + " refused: " + posted.statusCode() + " -> " + location);
        }
    }

    /** Opens a page as a browser tab does: its bootstrap HTML, then the UI's init request. Returns the initial UIDL. */
    JsonNode open(String route) throws IOException, InterruptedException {
        HttpResponse<String> page = send(get(route));
        expectStatus(page, 200, "page " + route);
        if (!page.body().contains("<html") && !page.body().contains("<!doctype")) {
            throw new ProtocolError("page " + route + " is not HTML");
        }
        HttpResponse<String> init = send(get("?v-r=init&location=" + enc(route) + "&query="));
        expectStatus(init, 200, "init of " + route);
        JsonNode appConfig = JSON.readTree(init.body()).path("appConfig");
        JsonNode uidl = appConfig.path("uidl");
        if (!uidl.has("Vaadin-Security-Key") || !appConfig.has("v-uiId")) {
            throw new ProtocolError("init of " + route + " without a UI: " + abbreviate(init.body()));
        }
        checkMeta(uidl, "init of " + route);
        uiId = appConfig.get("v-uiId").asText();
        securityKey = uidl.get("Vaadin-Security-Key").asText();
        syncId = uidl.path("syncId").asLong(0);
        clientId = uidl.path("clientId").asLong(0);
        return uidl;
    }

    /** Navigates the open UI to another route as a click on a router link does; returns the UIDL answer. */
    JsonNode navigate(String route) throws IOException, InterruptedException {
        ObjectNode data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle",
                "FactorGuard")
                .put("trigger", "link");
        data.putObject("historyState").put("idx", ++historyIndex);
        ObjectNode rpc = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        rpc.set("data", data);
        ObjectNode message = JSON.createObjectNode().put("csrfToken", securityKey);
        message.putArray("rpc").add(rpc);
        message.put("syncId", syncId).put("clientId", clientId);
        HttpResponse<String> answer = send(request("?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
        expectStatus(answer, 200, "navigation to " + route);
        String body = answer.body();
        // Vaadin 25 answers a plain JSON object; older versions wrapped it in for(;;);[...]
        if (body.startsWith("for(;;);")) {
            body = body.substring("for(;;);".length());
        }
        JsonNode parsed = JSON.readTree(body);
        JsonNode uidl = parsed.isArray() ? parsed.path(0) : parsed;
        if (!uidl.has("syncId")) {
            throw new ProtocolError("navigation to " + route + ": not a UIDL answer: " + abbreviate(body));
        }
        checkMeta(uidl, "navigation to " + route);
        syncId = uidl.path("syncId").asLong(syncId);
        clientId = uidl.has("clientId") ? uidl.get("clientId").asLong() : clientId + 1;
        return uidl;
    }

    private static void checkMeta(JsonNode uidl, String what) {
        JsonNode meta = uidl.path("meta");
        for (String problem : List.of("appError", "sessionExpired")) {
            if (meta.has(problem)) {
                throw new ProtocolError(what + ": " + problem + " " + abbreviate(meta.toString()));
            }
        }
        if (uidl.has("resynchronize") || meta.has("resynchronize")) {
            throw new ProtocolError(what + ": the server asked the client to resynchronize");
        }
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            b.header("Cookie", String.join("; ",
                    cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        roundTripNanos.accept(System.nanoTime() - started);
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static void expectStatus(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new ProtocolError(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
