package io.deskpulse.fuzz;

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

/**
 * The public endpoints of a running service, read from its own OpenAPI document: so the suite aims at every endpoint
 * the service publishes, and an endpoint added later is fuzzed without touching the suite.
 */
final class OpenApi {

    record Param(String name, String in, List<String> values) {
    }

    record Endpoint(String service, String method, String path, List<Param> params, List<String> contentTypes,
                    String exampleBody) {

        String label() {
            return method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    static List<Endpoint> endpoints(String service, int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/openapi?format=json")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + " served no OpenAPI document: " + response.statusCode());
        }
        return parse(service, JSON.readTree(response.body()));
    }

    static List<Endpoint> parse(String service, JsonNode document) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode source : List.of(path.getValue().path("parameters"), op.getValue().path("parameters"))) {
                    for (JsonNode param : source) {
                        params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                                values(document, param)));
                    }
                }
                List<String> types = new ArrayList<>();
                String example = null;
                for (Iterator<Map.Entry<String, JsonNode>> content = op.getValue().path("requestBody").path("content")
                        .fields(); content.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = content.next();
                    types.add(type.getKey());
                    if (example == null) {
                        example = example(type.getValue());
                    }
                }
                endpoints.add(new Endpoint(service, method, path.getKey(), params, types, example));
            }
        }
        return endpoints;
    }

    private static String example(JsonNode content) {
        if (content.has("example")) {
            return text(content.get("example"));
        }
        for (JsonNode example : content.path("examples")) {
            if (example.has("value")) {
                return text(example.get("value"));
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The values a well-behaved client would send: the enum, else the example, else the default. */
    private static List<String> values(JsonNode document, JsonNode param) {
        JsonNode schema = param.path("schema");
        if (schema.has("$ref")) {
            String[] ref = schema.get("$ref").asText().split("/");
            schema = document.path("components").path("schemas").path(ref[ref.length - 1]);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : schema.path("enum")) {
            values.add(value.asText());
        }
        for (JsonNode source : List.of(param.path("example"), schema.path("example"), schema.path("default"))) {
            if (!source.isMissingNode() && !source.isNull()) {
                values.add(source.asText());
            }
        }
        for (JsonNode example : param.path("examples")) {
            if (example.has("value")) {
                values.add(example.get("value").asText());
            }
        }
        return values;
    }
}
