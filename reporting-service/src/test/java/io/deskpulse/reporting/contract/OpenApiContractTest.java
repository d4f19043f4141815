package io.deskpulse.reporting.contract;

import static io.deskpulse.reporting.support.KpiRows.row;
import static io.deskpulse.reporting.support.TicketFactRows.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.support.AlertRows;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.PeriodReportRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.deskpulse.reporting.support.TicketFactRows;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document (/q/openapi) against the running service, generically: every endpoint the
 * code serves is in the document and the other way round; every parameter, response and column is
 * documented with an example that fits its schema; and requests built from the document ({@link ExampleRequests})
 * call every operation (its examples as parameters, JSON and CSV, If-None-Match, the next page, a bad parameter, no
 * key, a key without the read scope, an unacceptable Accept) and finds every answer as documented: a
 * declared status, content type and headers, and a body valid against the declared schema with no field
 * the schema lacks. Endpoints added later are covered without touching this test; data matching the
 * documented examples makes the rows of the endpoints below non-empty, so their row schemas are checked too.
 * Every CSV names the schema of one record ({@code contentSchema}); where the records are not the JSON rows, the CSV
 * is checked against that schema. Where an endpoint documents more, it is exercised too: an operation that documents a
 * 404 is called with values no data has (its path parameters, else its date parameters).
 */
@QuarkusTest
@WithTestResource(OpenApiContractTest.OwnDatabase.class)
class OpenApiContractTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.CONTRACT.id();
    private static final String KEY = TestTenant.CONTRACT.readKey();

    /** Endpoints whose example request this test's data answers with rows (others are checked with what they return). */
    private static final Set<String> SEEDED = Set.of("/v1/kpis", "/v1/tickets", "/v1/leaderboards/{metric}",
            "/v1/customers/at-risk", "/v1/scorecards", "/v1/alerts", "/v1/reports", "/v1/reports/{id}",
            "/v1/reports/{id}/scorecards", "/v1/kpis/contributions", "/v1/leaderboards/streak_current",
            "/v1/leaderboards/streak_best");
    /** What every report endpoint answers (reporting-api.md, common rules); 503 cannot be provoked here. */
    private static final List<String> COMMON_STATUSES = List.of("200", "304", "400", "401", "403", "406", "503");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The documented examples name period report 12: ids no other class's reports may take. */
    public static class OwnDatabase extends ReportingTestDatabase {
        @Override
        protected String name() {
            return "deskpulse_test_reporting_contract";
        }
    }

    private OpenApiDocument doc;
    private ExampleRequests requests;

    @BeforeEach
    void load() {
        seed();
        doc = new OpenApiDocument(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
        requests = new ExampleRequests(doc.model());
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(doc.parseMessages()).isEmpty();
        assertThat(doc.model().getOpenapi()).startsWith("3.1");
        assertThat(doc.model().getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void everyServedEndpointIsDocumentedAndEveryDocumentedOneIsServed() throws Exception {
        Set<String> documented = new TreeSet<>();
        doc.model().getPaths().forEach((path, item) -> {
            if (item.getGet() != null && path.startsWith("/v1/")) {
                documented.add(path);
            }
        });
        assertThat(servedGetPaths()).isEqualTo(documented);
        assertThat(documented).containsAll(SEEDED);
    }

    @Test
    void everyParameterResponseAndColumnIsDocumentedWithAnExampleThatFits() {
        SoftAssertions soft = new SoftAssertions();
        operations().forEach((path, get) -> {
            JsonNode operation = doc.tree().at("/paths/" + pointer(path) + "/get");
            soft.assertThat(text(operation, "summary")).as(path + " summary").isNotBlank();
            soft.assertThat(text(operation, "description")).as(path + " description").isNotBlank();
            for (JsonNode parameter : operation.path("parameters")) {
                String name = path + " parameter " + parameter.path("name").asText();
                soft.assertThat(text(parameter, "description")).as(name + " description").isNotBlank();
                JsonNode example = parameter.has("example") ? parameter.get("example")
                        : parameter.path("examples").elements().hasNext()
                                ? parameter.path("examples").elements().next().path("value") : null;
                soft.assertThat(example).as(name + " example").isNotNull();
                if (example != null) {
                    soft.assertThat(doc.validate(parameter.path("schema"), example)).as(name + " example fits").isEmpty();
                }
            }
            JsonNode responses = operation.path("responses");
            soft.assertThat(iterable(responses.fieldNames())).as(path + " responses").containsAll(COMMON_STATUSES);
            responses.fields().forEachRemaining(response -> checkResponseExamples(soft, path, response.getKey(),
                    response.getValue()));
            JsonNode row = rowSchema(path);
            soft.assertThat(row).as(path + " has a row schema").isNotNull();
            soft.assertThat(csvRecordSchema(path)).as(path + " CSV names the schema of a record (contentSchema)").isNotNull();
            for (JsonNode columns : new JsonNode[] {row, csvRecordSchema(path)}) {
                if (columns != null) {
                    columns.path("properties").fields().forEachRemaining(column -> soft.assertThat(
                            column.getValue().has("description") || column.getValue().has("examples"))
                            .as(path + " column " + column.getKey() + " is described").isTrue());
                }
            }
        });
        soft.assertAll();
    }

    @Test
    void requestsBuiltFromTheDocumentFindEveryAnswerAsDocumented() {
        SoftAssertions soft = new SoftAssertions();
        operations().forEach((path, get) -> exercise(soft, path, get));
        soft.assertAll();
    }

    private void exercise(SoftAssertions soft, String template, Operation get) {
        String path = requests.path(template, get);
        String query = requests.query(get, ExampleRequests.PAGING_AND_FORMAT, Map.of());
        Response[] holder = new Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            holder[0] = requests.get(path, query, KEY, Map.of("Accept", "application/json"));
            return holder[0].statusCode() != 200 || !SEEDED.contains(template) || !rows(holder[0]).isEmpty();
        });
        Response json = holder[0];
        String what = template + "?" + query;
        soft.assertThat(json.statusCode()).as(what + " with the document's examples: " + json.asString()).isEqualTo(200);
        check(soft, template, json, what);

        Response csv = requests.get(path, query.isEmpty() ? "format=csv" : query + "&format=csv", KEY, Map.of());
        check(soft, template, csv, what + " format=csv");
        Response accepted = requests.get(path, query, KEY, Map.of("Accept", "text/csv"));
        check(soft, template, accepted, what + " Accept: text/csv");
        soft.assertThat(accepted.asString()).as(what + " CSV by Accept = by format").isEqualTo(csv.asString());
        checkCsvColumns(soft, template, csv, json, what);

        Response notModified = requests.get(path, query, KEY, Map.of("If-None-Match", String.valueOf(json.header("ETag"))));
        soft.assertThat(notModified.statusCode()).as(what + " If-None-Match").isEqualTo(304);
        check(soft, template, notModified, what + " If-None-Match");

        Response first = requests.get(path, requests.query(get, ExampleRequests.PAGING_AND_FORMAT, Map.of("limit", "1")),
                KEY, Map.of());
        check(soft, template, first, what + " limit=1");
        String link = first.header("Link");
        if (link != null) {
            Response next = requests.get(link.substring(link.indexOf('/', link.indexOf("//") + 2), link.indexOf('?')),
                    link.substring(link.indexOf('?') + 1, link.indexOf('>')), KEY, Map.of());
            soft.assertThat(next.statusCode()).as(what + " next page").isEqualTo(200);
            check(soft, template, next, what + " next page");
        }

        Response invalid = requests.get(path, query.isEmpty() ? "no_such_parameter=1" : query + "&no_such_parameter=1",
                KEY, Map.of());
        soft.assertThat(invalid.statusCode()).as(what + " unknown parameter").isEqualTo(400);
        soft.assertThat(invalid.asString()).as(what + " names the parameter").contains("no_such_parameter");
        check(soft, template, invalid, what + " unknown parameter");
        Response anonymous = requests.get(path, query, null, Map.of());
        soft.assertThat(anonymous.statusCode()).as(what + " without a key").isEqualTo(401);
        check(soft, template, anonymous, what + " without a key");
        Response ingestOnly = requests.get(path, query, TestTenant.INGEST_ONLY_KEY, Map.of());
        soft.assertThat(ingestOnly.statusCode()).as(what + " ingest key").isEqualTo(403);
        check(soft, template, ingestOnly, what + " ingest key");
        Response xml = requests.get(path, query, KEY, Map.of("Accept", "application/xml"));
        soft.assertThat(xml.statusCode()).as(what + " Accept: application/xml").isEqualTo(406);
        check(soft, template, xml, what + " Accept: application/xml");

        if (!doc.tree().at("/paths/" + pointer(template) + "/get/responses/404").isMissingNode()) {
            String missing = requests.pathWithoutData(template, get);
            String missingQuery = query;
            if (missing.equals(path)) {
                // no path parameter: a query parameter names the data (a streak board's kept report, by its period)
                missingQuery = requests.query(get, ExampleRequests.PAGING_AND_FORMAT, requests.datesWithoutData(get));
            }
            soft.assertThat(!missing.equals(path) || !missingQuery.equals(query))
                    .as(what + " documents a 404, so a path or date parameter names its data").isTrue();
            Response notFound = requests.get(missing, missingQuery, KEY, Map.of());
            soft.assertThat(notFound.statusCode()).as(missing + " (no such data)").isEqualTo(404);
            check(soft, template, notFound, missing + " (no such data)");
        }
    }

    /** A response against its operation's document: status, content type, headers, body. */
    private void check(SoftAssertions soft, String template, Response response, String what) {
        String status = Integer.toString(response.statusCode());
        JsonNode declared = doc.tree().at("/paths/" + pointer(template) + "/get/responses/" + status);
        soft.assertThat(declared.isMissingNode()).as(what + ": status " + status + " is documented").isFalse();
        if (declared.isMissingNode()) {
            return;
        }
        Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        declared.path("headers").fieldNames().forEachRemaining(headers::add);
        response.headers().forEach(h -> {
            if (h.getName().toLowerCase().startsWith("deskpulse-") || h.getName().equalsIgnoreCase("Link")
                    || h.getName().equalsIgnoreCase("ETag")) {
                soft.assertThat(headers).as(what + ": header " + h.getName() + " is documented").contains(h.getName());
            }
        });
        if (status.equals("304")) {
            soft.assertThat(response.asString()).as(what + ": 304 has no body").isEmpty();
            soft.assertThat(response.header("ETag")).as(what + ": 304 has the ETag").isNotNull();
            return;
        }
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content").path(type);
        soft.assertThat(content.isMissingNode()).as(what + ": content type " + type + " is documented for " + status)
                .isFalse();
        if (content.isMissingNode()) {
            return;
        }
        if (type.endsWith("json")) {
            soft.assertThat(doc.validate(content.path("schema"), response.asString()))
                    .as(what + ": the body fits the documented schema: " + response.asString()).isEmpty();
        } else if (type.equals("text/csv")) {
            try {
                List<List<String>> records = Csv.parse(response.asString());
                soft.assertThat(records).as(what + ": CSV has a header row").isNotEmpty();
                records.forEach(r -> soft.assertThat(r).as(what + ": every record has every column")
                        .hasSameSizeAs(records.get(0)));
            } catch (IllegalArgumentException e) {
                soft.fail(what + ": not RFC 4180 CSV: " + e.getMessage());
            }
        }
        if (status.equals("200")) {
            soft.assertThat(response.header("ETag")).as(what + ": ETag").isNotNull();
            soft.assertThat(response.header("Vary")).as(what + ": Vary").isEqualTo("Accept");
            if (type.equals("application/json")) {
                Object next = parse(response.asString()).get("next_cursor");
                soft.assertThat(response.header("Link") != null).as(what + ": a Link header exactly when next_cursor is set")
                        .isEqualTo(next != null);
            }
        }
    }

    /**
     * The CSV header is the JSON rows' keys, in order, and every column is in the row schema; or, where the CSV
     * documents its own records (a contentSchema that is not the rows'), exactly the columns of that schema, and it has a record when the
     * JSON has a row.
     */
    private void checkCsvColumns(SoftAssertions soft, String template, Response csv, Response json, String what) {
        List<Map<String, Object>> rows = rows(json);
        if (csv.statusCode() != 200 || rows.isEmpty()) {
            return;
        }
        List<List<String>> records = Csv.parse(csv.asString());
        List<String> header = records.get(0);
        JsonNode record = doc.resolve(ownCsvRecords(template));
        if (record != null) {
            soft.assertThat(header).as(what + ": CSV columns = the documented CSV record's")
                    .containsExactlyInAnyOrderElementsOf(iterable(record.path("properties").fieldNames()));
            soft.assertThat(records).as(what + ": a CSV record for the JSON rows").hasSizeGreaterThan(1);
            return;
        }
        soft.assertThat(header).as(what + ": CSV columns = JSON row keys").containsExactlyElementsOf(rows.get(0).keySet());
        JsonNode row = rowSchema(template);
        if (row != null) {
            soft.assertThat(iterable(row.path("properties").fieldNames())).as(what + ": CSV columns are documented")
                    .containsAll(header);
        }
    }

    private void checkResponseExamples(SoftAssertions soft, String path, String status, JsonNode response) {
        String what = path + " " + status;
        soft.assertThat(text(response, "description")).as(what + " description").isNotBlank();
        response.path("content").fields().forEachRemaining(media -> {
            JsonNode examples = media.getValue().path("examples");
            soft.assertThat(examples.size() > 0 || media.getValue().has("example"))
                    .as(what + " " + media.getKey() + " has an example").isTrue();
            examples.fields().forEachRemaining(example -> {
                JsonNode value = example.getValue().path("value");
                String name = what + " " + media.getKey() + " example '" + example.getKey() + "'";
                if (media.getKey().endsWith("json")) {
                    soft.assertThat(doc.validate(media.getValue().path("schema"), value)).as(name + " fits").isEmpty();
                } else if (media.getKey().equals("text/csv")) {
                    soft.assertThat(value.isTextual()).as(name + " is text").isTrue();
                    try {
                        List<String> header = Csv.parse(value.asText()).get(0);
                        JsonNode row = csvRecordSchema(path);
                        if (row != null) {
                            soft.assertThat(iterable(row.path("properties").fieldNames())).as(name + " columns")
                                    .containsAll(header);
                        }
                    } catch (IllegalArgumentException e) {
                        soft.fail(name + " is not RFC 4180 CSV: " + e.getMessage());
                    }
                }
            });
        });
    }

    /** The schema of a row: items of the 200 JSON body's rows. */
    private JsonNode rowSchema(String path) {
        JsonNode page = doc.resolve(doc.tree().at("/paths/" + pointer(path) + "/get/responses/200/content/"
                + "application~1json/schema"));
        if (page == null || page.isMissingNode()) {
            return null;
        }
        JsonNode items = page.path("properties").path("rows").path("items");
        return items.isMissingNode() ? null : doc.resolve(items);
    }

    /** The contentSchema of the 200 CSV: the schema of one record. */
    private JsonNode csvContentSchema(String path) {
        return doc.tree().at("/paths/" + pointer(path) + "/get/responses/200/content/text~1csv/schema/contentSchema");
    }

    /** The contentSchema of the 200 CSV where its records are not the JSON rows; else null. */
    private JsonNode ownCsvRecords(String path) {
        JsonNode record = csvContentSchema(path);
        JsonNode rows = doc.resolve(doc.tree().at("/paths/" + pointer(path) + "/get/responses/200/content/"
                + "application~1json/schema")).path("properties").path("rows").path("items");
        return record.isMissingNode() || record.path("$ref").equals(rows.path("$ref")) ? null : record;
    }

    /** The schema of a CSV record: the documented contentSchema. */
    private JsonNode csvRecordSchema(String path) {
        JsonNode record = csvContentSchema(path);
        return record.isMissingNode() ? null : doc.resolve(record);
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        for (Map.Entry<String, PathItem> path : doc.model().getPaths().entrySet()) {
            if (path.getKey().startsWith("/v1/") && path.getValue().getGet() != null) {
                operations.put(path.getKey(), path.getValue().getGet());
            }
        }
        return operations;
    }

    /** The GET endpoints of this service's JAX-RS resources, found in its compiled classes. */
    private static Set<String> servedGetPaths() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get(io.deskpulse.reporting.rest.KpiResource.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        Set<String> paths = new TreeSet<>();
        List<java.nio.file.Path> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            classes = files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList();
        }
        for (java.nio.file.Path file : classes) {
            String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    paths.add(base.value() + (sub == null ? "" : "/" + sub.value().replaceAll("^/", "")));
                }
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Response response) {
        if (response.statusCode() != 200) {
            return List.of();
        }
        Object rows = parse(response.asString()).get("rows");
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** A path as a JSON pointer token ("/v1/kpis" -> "~1v1~1kpis"). */
    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** Data that the documented examples find (see the parameters' examples in the resources). */
    private static void seed() {
        TestData.reset(TestTenant.CONTRACT);
        // two open alerts of rule 3, so that limit=1 has a next page
        AlertRows.alert(TENANT, 3, "t-2", "2026-11-02T10:25:00Z", null);
        AlertRows.alert(TENANT, 3, "", "2026-11-03T08:00:00Z", null);
        // the example report 12 (a week of two teams: the no-team row and t-2) and an earlier one
        PeriodReportRows.report(11, TENANT, "week", "2026-10-26", "2026-11-01", 0, "[]");
        PeriodReportRows.report(12, TENANT, "week", "2026-11-02", "2026-11-08", 0, "[]");
        PeriodReportRows.row(12, "t-2", "chat", 0).set("csat_count", 2).set("csat_sum", 9).firstResponses(20_000, 30_000)
                .insert();
        PeriodReportRows.row(12, "", "", 0).set("tickets_created", 3).insert();
        // its agents (dimension=agent, the example of its page and of the streak leaderboards)
        PeriodReportRows.agentRow(12, "a-17", "t-2", "chat", 0).set("csat_count", 2).set("csat_sum", 9).insert();
        row(TENANT, "2026-11-02T15:00:00Z").team("t-2").agent("a-17").channel("chat").created(3).csat(5, 5, 4, 5, 5)
                .firstResponses(60_000, 90_000).nps(9, 10, 3).onlineMs(3_600_000).handles(300_000).insert();
        row(TENANT, "2026-11-03T15:00:00Z").team("t-2").agent("a-18").channel("chat").csat(4, 4, 4, 5, 5).insert();
        ticket(TENANT, "T-1001").created("2026-11-02T09:00:00Z").set("channel", "email").set("priority", "normal")
                .set("status", "solved").set("team_id", "t-2").set("agent_id", "a-17").set("customer_id", "c-881")
                .set("first_response_at", "2026-11-02T09:01:35Z").set("first_response_ms", 95_000L)
                .set("first_responder_id", "a-17").set("first_solved_at", "2026-11-02T10:00:00Z")
                .set("last_solved_at", "2026-11-02T10:00:00Z").set("resolutions", 1).set("agent_replies", 1)
                .set("csat_score", (short) 5).set("fcr", true).set("tags", List.of("complaint", "vip")).insert();
        ticket(TENANT, "T-1002").created("2026-11-03T09:00:00Z").set("channel", "email").set("status", "solved")
                .set("team_id", "t-2").set("agent_id", "a-17").set("customer_id", "c-881").set("csat_score", (short) 2)
                .insert();
        ticket(TENANT, "T-1003").created("2026-11-20T09:00:00Z").set("channel", "chat").set("status", "open")
                .set("customer_id", "c-881").set("reopens", 1).insert();
        ticket(TENANT, "T-1004").created("2026-11-21T09:00:00Z").set("customer_id", "c-882")
                .set("tags", List.of("complaint")).insert();
        ticket(TENANT, "T-1005").created("2026-11-22T09:00:00Z").set("customer_id", "c-882")
                .set("tags", List.of("Complaint")).insert();
        TicketFactRows.npsResponse(TENANT, "T-1003", 1, "", "2026-11-21T09:00:00Z", 3);
        // T-1001's first response (target met) and solve, as scoring keeps them: the contributions' and the tickets'
        // filter examples find them
        KpiRows.execute("INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id,"
                + " channel, kind, parts, n) VALUES ('" + TENANT + "', 0, 'ticket', 'T-1001', '2026-11-02T09:01:35Z', 't-2',"
                + " 'a-17', 'email', 'first_response', '{\"first_response_count\": 1, \"first_response_sum_ms\": 95000,"
                + " \"first_response_sla_met\": 1, \"first_response_hist\": 95000}', 1), ('" + TENANT + "', 0, 'ticket',"
                + " 'T-1001', '2026-11-02T10:00:00Z', 't-2', 'a-17', 'email', 'solve', '{\"tickets_resolved\": 1}', 1)");
    }
}
