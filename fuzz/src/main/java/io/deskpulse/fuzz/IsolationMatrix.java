package io.deskpulse.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tenant-isolation matrix (issue 13, docs/security.md "Tenant isolation"). Tenant B gets events, an alert rule,
 * an exemption, a scoring model, a recomputation, a reconciliation and a replay, all named with a marker; then every
 * endpoint of the three services is called with tenant A's keys against each of B's ids (in every path parameter and
 * in every id filter). No answer may carry B's marker, no request naming one of B's ids may succeed in changing
 * anything, and every answer B gets, and every row B has, must be the same afterwards.
 */
public final class IsolationMatrix {

    static final String A = "iso-a";
    static final String B = "iso-b";
    static final String MARKER = "isob-secret";

    /** What the matrix found; {@code violations} is empty when isolation held. */
    public static final class Results {
        public long checks;
        public int endpoints;
        public List<String> victimIds = new ArrayList<>();
        public Map<String, Map<Integer, Long>> byEndpoint = new TreeMap<>();
        public List<String> violations = new ArrayList<>();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FuzzStack stack;
    private final Results results = new Results();

    IsolationMatrix(FuzzStack stack) {
        this.stack = stack;
    }

    Results run() throws Exception {
        List<OpenApi.Endpoint> endpoints = new ArrayList<>();
        for (String service : FuzzStack.SERVICES) {
            endpoints.addAll(OpenApi.endpoints(service, stack.ports.get(service)));
        }
        results.endpoints = endpoints.size();
        Set<String> ids = seedVictim(endpoints);
        Map<String, Long> rowsBefore = settled(endpoints);
        Map<String, String> first = snapshot(endpoints, ids);
        Map<String, String> second = snapshot(endpoints, ids);
        // the endpoints that name an id first: A must own nothing yet, so that any success on an id is on B's; A's
        // events naming B's ticket last, so that A's own ticket of that name is in none of A's reads
        List<OpenApi.Endpoint> order = new ArrayList<>(endpoints);
        order.sort(java.util.Comparator.comparingInt(e -> e.service().equals("ingestion") ? 2 : e.path().contains("{") ? 0 : 1));
        for (OpenApi.Endpoint endpoint : order) {
            attack(endpoint, ids);
        }
        Map<String, String> after = snapshot(endpoints, ids);
        for (Map.Entry<String, String> answer : second.entrySet()) {
            // an answer that changed on its own between two looks before the attack (a job finishing) proves nothing
            if (answer.getValue().equals(first.get(answer.getKey())) && !answer.getValue().equals(after.get(answer.getKey()))) {
                results.violations.add("B's answer to " + answer.getKey() + " changed during the attack");
            }
        }
        Map<String, Long> rowsAfter = rows(B);
        if (!rowsAfter.equals(rowsBefore)) {
            results.violations.add("B's rows changed during the attack: " + rowsBefore + " -> " + rowsAfter);
        }
        results.victimIds.addAll(ids);
        FuzzSuite.log("isolation: %d endpoints, %d requests with A's keys against B's ids %s, %d violations",
                results.endpoints, results.checks, ids, results.violations.size());
        results.violations.forEach(v -> FuzzSuite.log("ISOLATION %s", v));
        return results;
    }

    /** Gives B data through every write endpoint and returns B's ids: those the answers name, and B's marker ids. */
    private Set<String> seedVictim(List<OpenApi.Endpoint> endpoints) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        String day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).toString();
        String t0 = day.replace("T00:00:00Z", "T10:00:00Z");
        String t1 = day.replace("T00:00:00Z", "T10:05:00Z");
        String ticket = MARKER + "-ticket";
        String events = "[" + event("b1", "ticket.created", t0, "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"email\","
                + "\"team_id\":\"" + MARKER + "-team\",\"agent_id\":\"" + MARKER + "-agent\",\"customer_id\":\"" + MARKER
                + "-customer\"}") + "," + event("b2", "ticket.message", t1, "{\"ticket_id\":\"" + ticket
                + "\",\"author\":\"agent\",\"agent_id\":\"" + MARKER + "-agent\",\"public\":true}") + "," + event("b3",
                "survey.csat", t1, "{\"ticket_id\":\"" + ticket + "\",\"score\":5}") + "," + event("b4", "survey.nps", t1,
                "{\"customer_id\":\"" + MARKER + "-customer\",\"score\":2}") + "]";
        RawHttp.Answer ingested = call(B, "ingestion", "POST", "/v1/events", "application/cloudevents-batch+json", events);
        if (ingested.status() != 202) {
            throw new IllegalStateException("B's events were refused: " + ingested.status() + " " + ingested.text());
        }
        List.of(ticket, MARKER + "-team", MARKER + "-agent", MARKER + "-customer").forEach(ids::add);
        for (OpenApi.Endpoint endpoint : endpoints) {
            if (endpoint.service().equals("ingestion") || !endpoint.writes() || endpoint.path().contains("{")) {
                continue;
            }
            RawHttp.Answer answer = call(B, endpoint.service(), endpoint.method(), endpoint.path(), "application/json",
                    marked(endpoint.exampleBody()));
            if (answer.status() >= 200 && answer.status() < 300) {
                collectIds(answer.text(), ids);
            }
        }
        // B's events reach reporting through Kafka and scoring
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!call(B, "reporting", "GET", "/v1/tickets?from=" + day.substring(0, 10), null, null).text().contains(ticket)) {
            if (System.nanoTime() > deadline) {
                results.violations.add("setup: B's ticket never reached reporting; the matrix ran without B's KPIs");
                break;
            }
            Thread.sleep(250);
        }
        for (OpenApi.Endpoint endpoint : endpoints) {
            if (endpoint.method().equals("GET") && !endpoint.path().contains("{")) {
                collectIds(call(B, endpoint.service(), "GET", endpoint.path(), null, null).text(), ids);
            }
        }
        return ids;
    }

    private static String event(String id, String type, String time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + MARKER + "-" + id + "\",\"source\":\"iso/helpdesk\",\"type\":\"" + type
                + "\",\"time\":\"" + time + "\",\"data\":" + data + "}";
    }

    /** The example body with its names, descriptions and webhook address carrying B's marker. */
    private static String marked(String example) {
        if (example == null) {
            return "{}";
        }
        try {
            JsonNode tree = JSON.readTree(example);
            if (tree instanceof ObjectNode object) {
                for (String field : List.of("name", "description", "reason", "note", "comment")) {
                    if (object.path(field).isTextual()) {
                        object.put(field, MARKER + "-" + field);
                    }
                }
                if (object.path("webhook_url").isTextual()) {
                    object.put("webhook_url", "https://hooks.example.com/" + MARKER);
                }
            }
            return tree.toString();
        } catch (Exception e) {
            return example;
        }
    }

    private static void collectIds(String body, Set<String> ids) {
        try {
            collect(JSON.readTree(body), ids);
        } catch (Exception notJson) {
            // CSV or an empty answer names no ids
        }
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ((field.getKey().equals("id") || field.getKey().equals("version") || field.getKey().equals("name"))
                        && field.getValue().isValueNode() && !field.getValue().isNull()) {
                    ids.add(field.getValue().asText());
                }
                collect(field.getValue(), ids);
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, ids));
        }
    }

    /** Every endpoint with A's keys, once per B id in each path parameter and each id filter. */
    private void attack(OpenApi.Endpoint endpoint, Set<String> ids) throws Exception {
        List<OpenApi.Param> path = endpoint.params().stream().filter(p -> p.in().equals("path")).toList();
        List<OpenApi.Param> filters = endpoint.params().stream().filter(p -> p.in().equals("query")
                && (p.name().contains("id") || List.of("ticket", "agent", "team", "customer", "member", "rule",
                "dimension_id", "key").contains(p.name()))).toList();
        List<String> targets = new ArrayList<>();
        if (path.isEmpty()) {
            targets.add(endpoint.path());
        } else {
            for (String id : ids) {
                String target = endpoint.path();
                for (OpenApi.Param param : path) {
                    target = target.replace("{" + param.name() + "}", URLEncoder.encode(id, StandardCharsets.UTF_8));
                }
                targets.add(target);
            }
        }
        List<String> withFilters = new ArrayList<>(targets);
        for (OpenApi.Param filter : filters) {
            for (String id : ids) {
                for (String target : targets) {
                    withFilters.add(target + "?" + filter.name() + "=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                }
            }
        }
        for (String target : withFilters) {
            String body = endpoint.service().equals("ingestion")
                    ? "{\"specversion\":\"1.0\",\"id\":\"a-" + results.checks + "\",\"source\":\"iso/a\",\"type\":\"ticket.message\","
                    + "\"time\":\"" + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    + "\",\"data\":{\"ticket_id\":\"" + MARKER + "-ticket\",\"author\":\"customer\"}}"
                    : endpoint.exampleBody();
            String type = endpoint.contentTypes().isEmpty() ? null : endpoint.contentTypes().get(0);
            RawHttp.Answer answer = call(A, endpoint.service(), endpoint.method(), target, type,
                    endpoint.writes() ? (body == null ? "{}" : body) : null);
            results.checks++;
            results.byEndpoint.computeIfAbsent(endpoint.service() + " " + endpoint.label(), k -> new TreeMap<>())
                    .merge(answer.status(), 1L, Long::sum);
            String request = "A: " + endpoint.method() + " " + target;
            if (answer.status() >= 500 || answer.status() < 0) {
                results.violations.add(request + " answered " + answer.status() + " " + answer.text());
            }
            if (withoutEcho(answer.text(), target, ids).contains(MARKER) && !endpoint.service().equals("ingestion")) {
                results.violations.add(request + " answered with B's data: " + Request.printable(answer.body(), 300));
            }
            boolean namesBInPath = !path.isEmpty();
            if (namesBInPath && answer.status() >= 200 && answer.status() < 300 && !ownedByA(endpoint, target)) {
                results.violations.add(request + " succeeded (" + answer.status() + ") on B's id: "
                        + Request.printable(answer.body(), 300));
            }
        }
    }

    /** The answer without the ids the request itself named: a 404 may say which id it did not find. */
    private static String withoutEcho(String answer, String target, Set<String> ids) {
        String text = answer;
        for (String id : ids) {
            if (target.contains(URLEncoder.encode(id, StandardCharsets.UTF_8))) {
                text = text.replace(id, "");
            }
        }
        return text;
    }

    /**
     * Path ids that are not B's alone: settings and scoring-model versions are numbered per tenant, and leaderboard
     * metrics are names every tenant shares, so A reading its own version 1 is no leak (the marker check covers it).
     */
    private static boolean ownedByA(OpenApi.Endpoint endpoint, String target) {
        return endpoint.path().contains("{version}") || endpoint.path().contains("{metric}");
    }

    private Map<String, String> snapshot(List<OpenApi.Endpoint> endpoints, Set<String> ids) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (OpenApi.Endpoint endpoint : endpoints) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            if (endpoint.path().contains("{")) {
                for (String id : ids) {
                    targets.add(endpoint.path().replaceAll("\\{[^}]+}", URLEncoder.encode(id, StandardCharsets.UTF_8)));
                }
            } else {
                targets.add(endpoint.path());
            }
            for (String target : targets) {
                RawHttp.Answer answer = call(B, endpoint.service(), "GET", target, null, null);
                answers.put(endpoint.service() + " GET " + target, answer.status() + " " + answer.text());
            }
        }
        return answers;
    }

    /**
     * B's rows once B's own jobs are over: a finished recomputation retires the old generation's aggregates, which
     * would look like rows lost to the attack, and scoring's schedule makes B's period reports and alerts (every 2 s
     * here). Polls until no job of B runs and B's rows stayed the same for five seconds.
     */
    private Map<String, Long> settled(List<OpenApi.Endpoint> endpoints) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Map<String, Long> last = null;
        long sameSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            boolean running = false;
            for (String jobs : List.of("/v1/recomputations", "/v1/replays", "/v1/reconciliations")) {
                running |= call(B, "scoring", "GET", jobs, null, null).text().contains("\"running\"");
            }
            Map<String, Long> rows = rows(B);
            if (running || !rows.equals(last)) {
                sameSince = System.nanoTime();
            } else if (System.nanoTime() - sameSince > 5_000_000_000L) {
                return rows;
            }
            last = rows;
            Thread.sleep(1_000);
        }
        results.violations.add("setup: B's jobs did not settle within 120 s; B's rows were compared as they were");
        return rows(B);
    }

    private Map<String, Long> rows(String tenant) throws Exception {
        return TenantCounts.rows(stack.options.jdbcUrl, stack.options.pgUser, stack.options.pgPassword, tenant);
    }

    private RawHttp.Answer call(String tenant, String service, String method, String target, String contentType,
            String body) throws Exception {
        List<byte[][]> headers = Request.headers("Authorization", "Bearer " + stack.key(tenant, FuzzStack.SCOPE.get(service)));
        if (contentType != null && body != null) {
            headers.addAll(Request.headers("Content-Type", contentType));
        }
        Request request = Request.of(service, target, "isolation", method, target.getBytes(StandardCharsets.UTF_8), headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), !method.equals("GET"));
        return RawHttp.send(stack.ports.get(service), request, 60_000);
    }
}
