package io.deskpulse.reporting.contract;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests built at run time from the OpenAPI model, for any operation the document has (so that an endpoint added
 * later is exercised without a change here): a request whose path and query parameters are the document's own
 * examples (else the default, else the first enumerated value), serialised as each parameter's style says (form,
 * exploded or comma-joined), sent to the document's server (its path, on the service under test). The typed client
 * that openapi-generator makes from the same document is exercised by {@code ReportingClientIT}.
 */
public final class ExampleRequests {

    /** Parameters these requests leave out unless asked: they are exercised one by one. */
    public static final Set<String> PAGING_AND_FORMAT = Set.of("cursor", "format");

    private final OpenAPI api;

    public ExampleRequests(OpenAPI api) {
        this.api = api;
    }

    /** The request path: the server's path, then the operation's path with its path parameters' examples. */
    public String path(String template, Operation operation) {
        String path = template;
        for (Parameter p : parameters(operation)) {
            if ("path".equals(p.getIn())) {
                path = path.replace("{" + p.getName() + "}", encode(String.valueOf(example(p))));
            }
        }
        return serverPath() + path;
    }

    /** The request path with values no data has for the path parameters (integers: a huge id; else a made-up name). */
    public String pathWithoutData(String template, Operation operation) {
        String path = template;
        for (Parameter p : parameters(operation)) {
            if ("path".equals(p.getIn())) {
                boolean integer = p.getSchema() != null && ("integer".equals(p.getSchema().getType())
                        || (p.getSchema().getTypes() != null && p.getSchema().getTypes().contains("integer")));
                path = path.replace("{" + p.getName() + "}", integer ? "999999999999999999" : "no-such-" + p.getName());
            }
        }
        return serverPath() + path;
    }

    /**
     * A day no data has for every date query parameter: 5 January 1970, a Monday (so it is the first day of a week, as a
     * kept week report's {@code period} must be), long before any test data.
     */
    public Map<String, String> datesWithoutData(Operation operation) {
        Map<String, String> dates = new java.util.TreeMap<>();
        for (Parameter p : parameters(operation)) {
            if ("query".equals(p.getIn()) && p.getSchema() != null && "date".equals(p.getSchema().getFormat())) {
                dates.put(p.getName(), "1970-01-05");
            }
        }
        return dates;
    }

    /** The query string from the examples of every query parameter but those in {@code leftOut}, plus {@code extra}. */
    public String query(Operation operation, Set<String> leftOut, Map<String, String> extra) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : parameters(operation)) {
            if (!"query".equals(p.getIn()) || leftOut.contains(p.getName()) || extra.containsKey(p.getName())) {
                continue;
            }
            Object example = example(p);
            if (example instanceof List<?> values) {
                if (Boolean.FALSE.equals(p.getExplode())) {
                    pairs.add(p.getName() + "=" + encode(String.join(",", values.stream().map(String::valueOf).toList())));
                } else {
                    values.forEach(v -> pairs.add(p.getName() + "=" + encode(String.valueOf(v))));
                }
            } else {
                pairs.add(p.getName() + "=" + encode(String.valueOf(example)));
            }
        }
        extra.forEach((name, value) -> pairs.add(name + "=" + encode(value)));
        return String.join("&", pairs);
    }

    public Response get(String path, String query, String key, Map<String, String> headers) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return request.get(path + (query.isEmpty() ? "" : "?" + query));
    }

    /** The example of a parameter (its own, else its schema's default, else the first enumerated value); null: none. */
    public static Object example(Parameter p) {
        if (p.getExample() != null) {
            return plain(p.getExample());
        }
        if (p.getExamples() != null && !p.getExamples().isEmpty()) {
            return plain(p.getExamples().values().iterator().next().getValue());
        }
        if (p.getSchema() != null && p.getSchema().getDefault() != null) {
            return plain(p.getSchema().getDefault());
        }
        if (p.getSchema() != null && p.getSchema().getEnum() != null && !p.getSchema().getEnum().isEmpty()) {
            return plain(p.getSchema().getEnum().get(0));
        }
        return null;
    }

    /** A value of the model as plain Java (swagger-parser keeps some as Jackson nodes). */
    private static Object plain(Object value) {
        return value instanceof com.fasterxml.jackson.databind.JsonNode node
                ? new com.fasterxml.jackson.databind.ObjectMapper().convertValue(node, Object.class) : value;
    }

    public static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private String serverPath() {
        List<Server> servers = api.getServers();
        if (servers == null || servers.isEmpty()) {
            return "";
        }
        String path = URI.create(servers.get(0).getUrl()).getPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
