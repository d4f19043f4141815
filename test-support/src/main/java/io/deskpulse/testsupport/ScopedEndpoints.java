package io.deskpulse.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves from a running service's own OpenAPI document that no {@code /v1} operation answers without a scope:
 * every operation, called without a key, with an unknown key, and with a key that lacks its scope, is refused (401,
 * 401, 403). An endpoint added later is covered without touching the tests that call this; one that forgets
 * {@code @RequiresScope} fails the build.
 *
 * <p>The one exception is an operation that authenticates its callers otherwise and says so in its document with
 * the extension {@code x-deskpulse-authentication} (the helpdesk hooks: the connector's signature). It is still
 * called without any credential, and must refuse: 401, or 404 for the probe's unknown path id.
 */
public final class ScopedEndpoints {

    /** The extension by which an operation says it does not take API keys but authenticates otherwise. */
    public static final String OWN_AUTHENTICATION = "x-deskpulse-authentication";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One refusal that did not happen. */
    public record Hole(String method, String path, String as, int status) {
        @Override
        public String toString() {
            return method + " " + path + " " + as + " answered " + status;
        }
    }

    private ScopedEndpoints() {
    }

    /**
     * Checks every operation under /v1 of the service at {@code base}; fails listing each one that answered otherwise
     * than refused, else answers the operations checked (as {@code METHOD /path}), so that a test can tell "all
     * refused" from "none found".
     */
    public static List<String> requireScopes(URI base, String keyLackingTheScope) throws IOException, InterruptedException {
        List<String> operations = new ArrayList<>();
        List<Hole> holes = holes(base, keyLackingTheScope, operations);
        if (!holes.isEmpty()) {
            throw new AssertionError("operations answered without their scope: " + holes);
        }
        return operations;
    }

    private static List<Hole> holes(URI base, String keyLackingTheScope, List<String> operations)
            throws IOException, InterruptedException {
        JsonNode document = new ObjectMapper().readTree(send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .GET().build()).body());
        List<Hole> holes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = ops.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                operations.add(method + " " + path.getKey());
                URI uri = base.resolve(path.getKey().replaceAll("\\{[^}]+}", "scope-probe"));
                String contentType = contentType(operation.getValue());
                if (operation.getValue().has(OWN_AUTHENTICATION)) {
                    checkRefused(holes, method, path.getKey(), uri, contentType);
                    continue;
                }
                check(holes, method, path.getKey(), uri, contentType, null, "without a key", 401);
                check(holes, method, path.getKey(), uri, contentType, "not-a-key-of-anyone", "with an unknown key", 401);
                check(holes, method, path.getKey(), uri, contentType, keyLackingTheScope, "with a key lacking the scope",
                        403);
            }
        }
        return holes;
    }

    private static void check(List<Hole> holes, String method, String path, URI uri, String contentType, String key,
            String as, int expected) throws IOException, InterruptedException {
        int status = send(request(uri, method, contentType, key).build()).statusCode();
        if (status != expected) {
            holes.add(new Hole(method, path, as, status));
        }
    }

    private static void checkRefused(List<Hole> holes, String method, String path, URI uri, String contentType)
            throws IOException, InterruptedException {
        int status = send(request(uri, method, contentType, null).build()).statusCode();
        if (status != 401 && status != 404) {
            holes.add(new Hole(method, path, "without its own credential", status));
        }
    }

    private static String contentType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    private static HttpRequest.Builder request(URI uri, String method, String contentType, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
