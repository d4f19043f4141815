package io.deskpulse.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes request number {@code i} of a run from the seed and {@code i} alone, so a run is repeatable and a failing
 * request can be made again by its number. Endpoints take turns; each request starts from what a well-behaved client
 * sends (the OpenAPI example, a valid event) and breaks one thing.
 */
final class Generator {

    static final List<String> KINDS = List.of("query-param", "path-segment", "extra-params", "json-mutation", "bad-json",
            "deep-nesting", "huge-value", "content-type", "header-flood", "authorization", "raw-target");

    static final List<String> INGEST_TYPES = List.of("application/cloudevents+json", "application/json",
            "application/cloudevents-batch+json", "application/x-ndjson");

    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json;;;", "*/*", "",
            "application/problem+json", "application/cloudevents+json; charset=latin1", "APPLICATION/JSON",
            "application/x-ndjson; q=0.1, text/plain", "text/csv", "application/json\u0000");

    private static final String HOLE = "\u0001HOLE\u0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final List<OpenApi.Endpoint> endpoints;
    private final Map<String, String> keys;
    private final Map<String, Integer> ports;

    /** {@code keys}: the fuzz tenant's key for each service (ingest, admin, read); {@code ports}: each service's. */
    Generator(long seed, List<OpenApi.Endpoint> endpoints, Map<String, String> keys, Map<String, Integer> ports) {
        this.seed = seed;
        this.endpoints = endpoints;
        this.keys = keys;
        this.ports = ports;
    }

    int port(Request request) {
        return ports.get(request.service());
    }

    Request request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        // ingestion's one endpoint takes four turns, one per content type it accepts
        int slots = endpoints.size() + 3;
        int slot = index % slots;
        OpenApi.Endpoint endpoint = endpoints.get(Math.max(0, slot - 3));
        if (endpoint.service().equals("ingestion") && random.nextInt(3) > 0) {
            return ingest(index, random);
        }
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        return build(endpoint, kind, index, random);
    }

    /** A slow body (slowloris): a valid-looking request whose body trickles in for at most {@code budgetMillis}. */
    Request slow(int index, long budgetMillis) {
        Random random = new Random(seed * 7_919L + index);
        OpenApi.Endpoint endpoint = endpoints.stream().filter(e -> !e.contentTypes().isEmpty()).toList()
                .get(index % (int) endpoints.stream().filter(e -> !e.contentTypes().isEmpty()).count());
        Request request = endpoint.service().equals("ingestion") ? ingest(index, random)
                : build(endpoint, "json-mutation", index, random);
        return new Request(request.service(), request.endpoint(), "slow-body", request.method(), request.target(),
                request.headers(), request.body(), request.writes(), 100, budgetMillis);
    }

    private Request build(OpenApi.Endpoint endpoint, String kind, int index, Random random) {
        List<OpenApi.Param> query = endpoint.params().stream().filter(p -> p.in().equals("query")).toList();
        List<OpenApi.Param> path = endpoint.params().stream().filter(p -> p.in().equals("path")).toList();
        boolean hasBody = !endpoint.contentTypes().isEmpty();
        // a kind that needs what the endpoint lacks falls back to one it has
        if (kind.equals("query-param") && query.isEmpty() || kind.equals("path-segment") && path.isEmpty()) {
            kind = hasBody ? "json-mutation" : "extra-params";
        }
        if (!hasBody && List.of("json-mutation", "bad-json", "deep-nesting", "huge-value", "content-type").contains(kind)) {
            kind = query.isEmpty() ? (path.isEmpty() ? "extra-params" : "path-segment") : "query-param";
        }
        String hostileParam = kind.equals("query-param") ? query.get(index / (endpoints.size() + 3) % query.size()).name()
                : null;
        String hostileSegment = kind.equals("path-segment") ? path.get(random.nextInt(path.size())).name() : null;

        ByteArrayOutputStream target = new ByteArrayOutputStream();
        for (String segment : endpoint.path().substring(1).split("/")) {
            target.write('/');
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                if (name.equals(hostileSegment)) {
                    target.writeBytes(Hostile.percent(Hostile.raw(random), random.nextInt(4) == 0));
                } else {
                    target.writeBytes(Hostile.percent(baseline(endpoint, name).getBytes(StandardCharsets.UTF_8), false));
                }
            } else {
                target.writeBytes(segment.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (kind.equals("raw-target")) {
            // bytes no client may put in a request line, unencoded
            target.writeBytes(random.nextBoolean() ? "/".getBytes(StandardCharsets.US_ASCII) : new byte[0]);
            target.writeBytes(Hostile.raw(random));
        }
        char separator = '?';
        for (OpenApi.Param param : query) {
            byte[] value;
            if (param.name().equals(hostileParam)) {
                value = Hostile.percent(Hostile.raw(random), random.nextInt(4) == 0);
            } else if (!param.values().isEmpty() && random.nextBoolean()) {
                value = Hostile.percent(param.values().get(random.nextInt(param.values().size()))
                        .getBytes(StandardCharsets.UTF_8), false);
            } else {
                continue;
            }
            target.write(separator);
            separator = '&';
            target.writeBytes(param.name().getBytes(StandardCharsets.US_ASCII));
            target.write('=');
            target.writeBytes(value);
        }
        if (kind.equals("extra-params")) {
            int extra = 1 + random.nextInt(random.nextBoolean() ? 5 : 300);
            for (int i = 0; i < extra; i++) {
                target.write(separator);
                separator = '&';
                String name = query.isEmpty() || random.nextBoolean() ? new String(Hostile.percent(Hostile.raw(random), false),
                        StandardCharsets.US_ASCII) : query.get(random.nextInt(query.size())).name();
                target.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
                if (random.nextInt(5) > 0) {
                    target.write('=');
                    target.writeBytes(Hostile.percent(Hostile.raw(random), false));
                }
            }
        }

        String contentType = hasBody ? endpoint.contentTypes().get(random.nextInt(endpoint.contentTypes().size())) : null;
        byte[] body = new byte[0];
        if (hasBody) {
            String example = endpoint.exampleBody() == null ? "{}" : endpoint.exampleBody();
            body = switch (kind) {
                case "json-mutation" -> mutate(example, random).getBytes(StandardCharsets.UTF_8);
                case "bad-json" -> badJson(random);
                case "deep-nesting" -> Hostile.nested(random).getBytes(StandardCharsets.UTF_8);
                case "huge-value" -> huge(example, random);
                default -> example.getBytes(StandardCharsets.UTF_8);
            };
            if (kind.equals("content-type")) {
                contentType = WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
            }
        }
        return Request.of(endpoint.service(), endpoint.label(), kind, endpoint.method(), target.toByteArray(),
                headers(endpoint.service(), kind, contentType, random), body, endpoint.writes());
    }

    private Request ingest(int index, Random random) {
        String contentType = INGEST_TYPES.get(random.nextInt(INGEST_TYPES.size()));
        String intended = contentType;
        int count = contentType.contains("batch") || contentType.contains("ndjson") ? 1 + random.nextInt(5) : 1;
        List<String> events = new ArrayList<>();
        int broken = random.nextInt(count);
        String kind = "event-" + List.of("field", "field", "field", "bad-json", "deep-nesting", "huge-value", "time",
                "content-type", "header-flood", "authorization").get(random.nextInt(10));
        for (int i = 0; i < count; i++) {
            String event = event(index, i, random);
            if (i == broken) {
                event = switch (kind) {
                    case "event-field" -> mutate(event, random);
                    case "event-bad-json" -> new String(badJson(random), StandardCharsets.UTF_8);
                    case "event-deep-nesting" -> event.replace("\"data\":{", "\"data\":{\"deep\":" + Hostile.nested(random)
                            + ",");
                    case "event-huge-value" -> new String(huge(event, random), StandardCharsets.UTF_8);
                    case "event-time" -> event.replaceFirst("\"time\":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(
                            "\"time\":" + Hostile.jsonString(new String(Hostile.raw(random), StandardCharsets.UTF_8))));
                    default -> event;
                };
            }
            events.add(event);
        }
        String body = contentType.contains("batch") ? "[" + String.join(",", events) + "]"
                : contentType.contains("ndjson") ? String.join("\n", events) + "\n" : events.get(0);
        if (kind.equals("event-content-type")) {
            contentType = WRONG_TYPES.get(random.nextInt(WRONG_TYPES.size()));
        }
        return Request.of("ingestion", "POST /v1/events (" + intended + ")", kind, "POST",
                "/v1/events".getBytes(StandardCharsets.US_ASCII),
                headers("ingestion", kind.substring(6), contentType, random), body.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A valid event of the fuzz tenant, deterministic from the run's seed and the request's number. */
    private String event(int index, int position, Random random) {
        String ticket = "fz-t" + random.nextInt(200);
        String time = java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30 * 86_400)).toString();
        String data = switch (random.nextInt(5)) {
            case 0 -> "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"email\",\"team_id\":\"fz-team" + random.nextInt(5)
                    + "\",\"agent_id\":\"fz-agent" + random.nextInt(20) + "\"}";
            case 1 -> "{\"ticket_id\":\"" + ticket + "\",\"author\":\"customer\"}";
            case 2 -> "{\"ticket_id\":\"" + ticket + "\",\"status\":\"solved\"}";
            case 3 -> "{\"ticket_id\":\"" + ticket + "\",\"score\":" + (1 + random.nextInt(5)) + "}";
            default -> "{\"customer_id\":\"fz-c" + random.nextInt(50) + "\",\"score\":" + random.nextInt(11) + "}";
        };
        String type = List.of("ticket.created", "ticket.message", "ticket.status_changed", "survey.csat", "survey.nps")
                .get(data.contains("channel") ? 0 : data.contains("author") ? 1 : data.contains("status") ? 2
                        : data.contains("ticket_id") ? 3 : 4);
        return "{\"specversion\":\"1.0\",\"id\":\"fz-" + seed + "-" + index + "-" + position
                + "\",\"source\":\"fuzz/helpdesk\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"data\":" + data + "}";
    }

    private List<byte[][]> headers(String service, String kind, String contentType, Random random) {
        List<byte[][]> headers = new ArrayList<>();
        String key = keys.get(service);
        if (kind.equals("authorization")) {
            byte[] hostile = Hostile.raw(random);
            byte[] value = switch (random.nextInt(6)) {
                case 0 -> hostile;
                case 1 -> concat("Bearer ", hostile);
                case 2 -> concat("Bearer " + key, hostile);
                case 3 -> ("Basic " + java.util.Base64.getEncoder().encodeToString((key + ":x").getBytes(StandardCharsets.UTF_8)))
                        .getBytes(StandardCharsets.US_ASCII);
                case 4 -> ("Bearer " + keys.get(otherService(service))).getBytes(StandardCharsets.US_ASCII);
                default -> "Bearer".getBytes(StandardCharsets.US_ASCII);
            };
            headers.add(new byte[][] {"Authorization".getBytes(StandardCharsets.US_ASCII), value});
        } else {
            headers.add(new byte[][] {"Authorization".getBytes(StandardCharsets.US_ASCII),
                ("Bearer " + key).getBytes(StandardCharsets.US_ASCII)});
        }
        if (contentType != null) {
            headers.add(new byte[][] {"Content-Type".getBytes(StandardCharsets.US_ASCII),
                contentType.getBytes(StandardCharsets.UTF_8)});
        }
        if (random.nextInt(8) == 0) {
            // headers the services read: the audit actor, optimistic locking, content negotiation
            String name = List.of("X-DeskPulse-Actor", "If-Match", "Accept", "If-None-Match", "Accept-Language")
                    .get(random.nextInt(5));
            headers.add(new byte[][] {name.getBytes(StandardCharsets.US_ASCII), strip(Hostile.raw(random))});
        }
        if (kind.equals("header-flood")) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    int count = 100 + random.nextInt(3_000);
                    for (int i = 0; i < count; i++) {
                        headers.add(new byte[][] {("X-Flood-" + i).getBytes(StandardCharsets.US_ASCII),
                            "x".repeat(1 + random.nextInt(40)).getBytes(StandardCharsets.US_ASCII)});
                    }
                }
                case 1 -> headers.add(new byte[][] {"X-Huge".getBytes(StandardCharsets.US_ASCII),
                    "h".repeat(8_000 + random.nextInt(100_000)).getBytes(StandardCharsets.US_ASCII)});
                default -> {
                    for (int i = 0; i < 50; i++) {
                        headers.add(new byte[][] {"X-DeskPulse-Actor".getBytes(StandardCharsets.US_ASCII),
                            strip(Hostile.raw(random))});
                    }
                }
            }
        }
        return headers;
    }

    private static String otherService(String service) {
        return service.equals("ingestion") ? "reporting" : "ingestion";
    }

    /** CR and LF would end the header: a hostile header value keeps everything else. */
    private static byte[] strip(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value) {
            if (b != '\r' && b != '\n') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(String prefix, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(strip(value));
        return out.toByteArray();
    }

    private static byte[] badJson(Random random) {
        List<String> docs = Hostile.badJsonDocuments();
        if (random.nextInt(4) == 0) {
            // invalid UTF-8 inside an otherwise well-formed document
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("{\"id\":\"".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(Hostile.raw(random));
            out.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
        return docs.get(random.nextInt(docs.size())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huge(String example, Random random) {
        String value = switch (random.nextInt(3)) {
            case 0 -> Hostile.jsonString("x".repeat(100_000 + random.nextInt(3_000_000)));
            case 1 -> "1" + "0".repeat(10_000 + random.nextInt(200_000));
            default -> "[" + "1,".repeat(10_000 + random.nextInt(200_000)) + "1]";
        };
        return replaceOne(example, value, random).getBytes(StandardCharsets.UTF_8);
    }

    private static String mutate(String document, Random random) {
        return replaceOne(document, Hostile.json(random), random);
    }

    /** The document with one value replaced (or one field added or removed), as text: fragments may not parse. */
    private static String replaceOne(String document, String fragment, Random random) {
        JsonNode tree;
        try {
            tree = JSON.readTree(document);
        } catch (Exception e) {
            return fragment;
        }
        if (tree == null || !tree.isContainerNode()) {
            return fragment;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        int action = random.nextInt(6);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || action == 0) {
                object.put(new String(Hostile.raw(random), StandardCharsets.UTF_8), HOLE);
            } else if (action == 1) {
                object.remove(names.get(random.nextInt(names.size())));
                return tree.toString();
            } else {
                object.put(names.get(random.nextInt(names.size())), HOLE);
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || action == 0) {
                array.add(HOLE);
            } else {
                array.set(random.nextInt(array.size()), JSON.getNodeFactory().textNode(HOLE));
            }
        }
        return tree.toString().replace(Hostile.jsonString(HOLE), fragment);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private String baseline(OpenApi.Endpoint endpoint, String name) {
        return endpoint.params().stream().filter(p -> p.name().equals(name) && !p.values().isEmpty())
                .map(p -> p.values().get(0)).findFirst().orElse(name.equals("id") ? "1" : "0");
    }
}
