package io.deskpulse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.benchmark.DemoTraffic;
import io.deskpulse.benchmark.TrafficGenerator;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manager's dashboard in a real browser (issue 17): Debian's chromium driven by playwright-core (both installed by
 * deploy/local/test.sh) runs src/test/browser/dashboard.mjs against the real stack with the demo's generated week. The
 * script signs in, opens every page, drills down, downloads a CSV and tries a wrong key; it writes what the pages show
 * and screenshots of every page to target/dashboard/. This test compares what was shown with the API's answers.
 */
class DashboardBrowserTest {

    private static final Path OUT = Path.of("target", "dashboard");
    private static final String CHROMIUM = "/usr/bin/chromium";

    /** The views' range: the 7 days before today (UTC), closed days whose numbers no longer move. */
    private static final java.time.LocalDate TO = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
    private static final java.time.LocalDate FROM = TO.minusDays(6);

    private static DeskPulseStack stack;
    private static JsonNode shown;

    @BeforeAll
    static void start() throws Exception {
        // Period reports looked for every second (not 5 min): the demo week's closed days get theirs at once.
        stack = new DeskPulseStack("deskpulse_test_e2e_dashboard", Map.of("DESKPULSE_REPORTS_INTERVAL", "1s",
                "DESKPULSE_ALERTS_INTERVAL", "1s"));
        // A week's window: the demo's nights have no tickets, so an hour's window fired or not by the time of day
        // the suite ran (at 03:56 UTC the last hour held none, and the alerts page had nothing to show).
        given().baseUri(stack.scoring.baseUrl()).auth().oauth2(DeskPulseStack.ADMIN_KEY).contentType("application/json")
                .body("""
                        {"name": "Any ticket in the last week", "metric": "tickets_created", "window_minutes": 10080,
                         "comparison": ">", "threshold": 0, "min_volume": 1}""")
                .post("/v1/alert-rules").then().statusCode(201);
        Instant now = Instant.now();
        TrafficGenerator.Counts counts = DemoTraffic.post(stack.ingestion.baseUrl(), DeskPulseStack.INGEST_KEY, 7, 120,
                17, now, System.out);
        // scoring has applied the week when every generated ticket is counted
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            List<Map<String, Object>> rows = read("/v1/kpis", Map.of("granularity", "total", "metrics", "tickets_created"))
                    .getList("rows");
            return !rows.isEmpty() && ((Number) rows.get(0).get("tickets_created")).longValue() == counts.tickets();
        });
        await().atMost(Duration.ofMinutes(3)).until(() -> !read("/v1/reports", Map.of()).getList("rows").isEmpty()
                && !read("/v1/alerts", Map.of()).getList("rows").isEmpty());
        shown = runBrowser();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonPath read(String path, Map<String, ?> query) {
        return given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY).queryParams(query)
                .get(path).then().statusCode(200).extract().jsonPath()
                // exact numbers: the default (float) would round 61.0451306350427 to 61.04513
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** A read over the views' range. */
    private static JsonPath ranged(String path, Map<String, ?> query) {
        Map<String, Object> withRange = new HashMap<>(query);
        withRange.put("from", FROM.toString());
        withRange.put("to", TO.toString());
        return read(path, withRange);
    }

    private static JsonNode runBrowser() throws IOException, InterruptedException {
        assertThat(Path.of(CHROMIUM)).as("Debian's chromium (deploy/local/test.sh installs it: dp_browser_ensure)")
                .isExecutable();
        Path tools = nodeTools();
        assertThat(tools.resolve("node_modules/playwright-core/package.json"))
                .as("playwright-core (deploy/local/test.sh installs it: dp_node_ensure_tools)").exists();
        Files.createDirectories(OUT);
        Path script = Path.of(System.getProperty("deskpulse.e2e.root", "..")).resolve("e2e-tests/src/test/browser/dashboard.mjs");
        ProcessBuilder builder = new ProcessBuilder("node", script.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(OUT.resolve("browser.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("DASHBOARD_URL", stack.reporting.baseUrl());
        env.put("READ_KEY", DeskPulseStack.READ_KEY);
        env.put("RANGE_QUERY", "from=" + FROM + "&to=" + TO);
        env.put("WRONG_KEY", "not-a-key-of-this-tenant");
        env.put("INGEST_ONLY_KEY", DeskPulseStack.INGEST_KEY);
        env.put("OUT_DIR", OUT.toAbsolutePath().toString());
        env.put("NODE_TOOLS", tools.toAbsolutePath().toString());
        env.put("CHROMIUM", CHROMIUM);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the browser script did not finish in 5 minutes (" + OUT.resolve("browser.log") + ")");
        }
        JsonNode result = new ObjectMapper().readTree(OUT.resolve("shown.json").toFile());
        assertThat(result.path("failure").asText(null)).as("the browser script's failure (see target/dashboard/browser.log)")
                .isNull();
        assertThat(process.exitValue()).isZero();
        return result;
    }

    private static Path nodeTools() {
        String set = System.getenv("DESKPULSE_NODE_TOOLS");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "deskpulse", "node");
    }

    /** The same number: the API's JSON value and the page's data-value (null shown as ''). */
    private static void assertSame(String what, Object api, String page) {
        if (api == null) {
            assertThat(page).as(what).isEmpty();
        } else {
            assertThat(new BigDecimal(page)).as(what).isEqualByComparingTo(new BigDecimal(api.toString()));
        }
    }

    @Test
    void aWrongKeyAKeyWithoutReadScopeAndABadParameterAreExplainedAndTheSignInLinkLeavesNoKeyInTheAddress() {
        assertThat(shown.path("wrongKeyMessage").asText()).contains("This key was not accepted");
        assertThat(shown.path("ingestKeyMessage").asText()).contains("This key may not read reports: it needs the read scope");
        assertThat(shown.path("rateLimitedMessage").asText())
                .contains("Too many requests for this tenant right now. Wait 30 seconds and try again.");
        assertThat(shown.path("badParameterMessage").asText()).contains("The report cannot be made with these settings")
                .contains("tz: ").contains("Mars/Olympus");
        assertThat(shown.path("urlAfterSignIn").asText()).doesNotContain("key=").contains("#/overview");
        assertThat(shown.path("keyInSessionStorage").asBoolean()).isTrue();
        assertThat(shown.path("consoleErrors").toString()).as("script errors, CSP violations").doesNotContain("Content Security Policy");
    }

    @Test
    void theOverviewShowsTheApisNumbersForThisAndThePreviousPeriod() {
        JsonNode overview = shown.path("pages").path("overview");
        Map<String, Object> current = ranged("/v1/kpis", Map.of("granularity", "total")).getMap("rows[0]");
        assertThat(overview.path("current")).hasSize(11);
        for (JsonNode v : overview.path("current")) {
            assertSame("overview " + v.path("metric").asText(), current.get(v.path("metric").asText()), v.path("value").asText());
        }
        JsonPath period = ranged("/v1/kpis", Map.of("granularity", "total"));
        java.time.LocalDate from = java.time.LocalDate.parse(period.getString("from"));
        List<Map<String, Object>> previousRows = read("/v1/kpis", Map.of("granularity", "total",
                "from", from.minusDays(7).toString(), "to", from.minusDays(1).toString())).getList("rows");
        Map<String, Object> previous = previousRows.isEmpty() ? Map.of() : previousRows.get(0);
        for (JsonNode v : overview.path("previous")) {
            String metric = v.path("metric").asText();
            Object api = previous.get(metric);
            if (api == null && previousRows.isEmpty()) {
                // no row: counts are 0 where there was nothing
                assertThat(v.path("value").asText()).as("previous " + metric).isIn("", "0");
            } else {
                assertSame("previous " + metric, api, v.path("value").asText());
            }
        }
        assertThat(overview.path("charts").asInt()).isEqualTo(11);
        assertThat(shown.path("tabletOverflow").asInt()).as("horizontal overflow at tablet width").isLessThanOrEqualTo(0);
    }

    @Test
    void theTeamsTableShowsTheApisNumbersSortsAndDrillsDownToATicket() throws IOException {
        List<Map<String, Object>> teams = ranged("/v1/kpis", Map.of("dimension", "team", "granularity", "total")).getList("rows");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        teams.forEach(r -> byId.put(String.valueOf(r.get("id") == null ? "" : r.get("id")), r));
        JsonNode rows = shown.path("pages").path("teams").path("rows");
        assertThat(rows).hasSize(teams.size());
        for (JsonNode row : rows) {
            Map<String, Object> api = byId.get(row.path("member").asText());
            assertThat(api).as("team " + row.path("member").asText()).isNotNull();
            assertThat(row.path("cells")).hasSize(8);
            for (JsonNode cell : row.path("cells")) {
                assertSame("team " + row.path("member").asText() + " " + cell.path("metric").asText(),
                        api.get(cell.path("metric").asText()), cell.path("value").asText());
            }
            assertThat(row.path("sparkline").asBoolean()).isTrue();
        }
        // sorted by CSAT, best first, teams without a CSAT last
        List<String> expected = teams.stream().sorted((a, b) -> {
            Number x = (Number) a.get("csat_avg"), y = (Number) b.get("csat_avg");
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return Double.compare(y.doubleValue(), x.doubleValue());
        }).map(r -> r.get("id") == null ? "" : (String) r.get("id")).toList();
        List<String> sorted = new ArrayList<>();
        shown.path("pages").path("teams").path("sortedByCsat").forEach(n -> sorted.add(n.asText()));
        assertThat(sorted).isEqualTo(expected);
        assertThat(shown.path("pages").path("teams").path("sortedUrl").asText()).contains("sort=csat_avg");

        // the team's agents
        JsonNode agents = shown.path("pages").path("agents");
        String team = agents.path("team").asText();
        List<Map<String, Object>> apiAgents = ranged("/v1/kpis", Map.of("dimension", "agent", "team", team,
                "granularity", "total")).getList("rows");
        assertThat(agents.path("rows")).hasSize(apiAgents.size());
        assertThat(agents.path("heading").asText()).contains(team);

        // the contributions behind the first agent's tickets_resolved add up to it, and list the API's items
        JsonNode contributions = shown.path("pages").path("contributions");
        Map<String, String> cell = query(contributions.path("url").asText());
        assertThat(cell).containsEntry("metric", "tickets_resolved").containsEntry("dimension", "agent")
                .containsEntry("team", team);
        List<Map<String, Object>> items = read("/v1/kpis/contributions", cell).getList("rows");
        assertThat(contributions.path("items").asInt()).isEqualTo(items.size()).isPositive();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode v : contributions.path("values")) {
            sum = sum.add(new BigDecimal(v.asText()));
        }
        assertThat(sum).isEqualByComparingTo(contributions.path("cellValue").asText());
        Map<String, Object> agentRow = apiAgents.stream().filter(r -> cell.get("id").equals(r.get("id"))).findFirst().orElseThrow();
        assertSame("the agent's tickets_resolved", agentRow.get("tickets_resolved"), contributions.path("cellValue").asText());

        // the ticket of the first item
        String ticketId = (String) items.get(0).get("item_id");
        JsonNode facts = shown.path("pages").path("ticket").path("facts");
        assertThat(facts.path("ticket_id").asText()).isEqualTo(ticketId);
        assertThat(shown.path("pages").path("ticket").path("url").asText()).contains("id=" + ticketId);

        // the CSV downloaded is the API's CSV of the teams shown
        String csv = Files.readString(OUT.resolve("teams.csv"), StandardCharsets.UTF_8);
        JsonPath range = ranged("/v1/kpis", Map.of());
        String apiCsv = given().baseUri(stack.reporting.baseUrl()).auth().oauth2(DeskPulseStack.READ_KEY)
                .queryParams(Map.of("dimension", "team", "granularity", "total", "format", "csv",
                        "from", range.getString("from"), "to", range.getString("to"), "tz", range.getString("tz"),
                        "metrics", "tickets_resolved,first_response_p50_s,first_response_p90_s,resolution_p50_s,fcr_rate,"
                                + "csat_avg,first_response_sla_rate,occupancy"))
                .get("/v1/kpis").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("period,id,tickets_resolved,").isEqualTo(apiCsv);
    }

    @Test
    void scorecardsLeaderboardsAlertsCustomersAndReportsShowTheApisRows() {
        List<Map<String, Object>> cards = ranged("/v1/scorecards", Map.of("granularity", "total")).getList("rows");
        JsonNode shownCards = shown.path("pages").path("scorecards");
        assertThat(shownCards).hasSize(cards.size()).isNotEmpty();
        for (int i = 0; i < cards.size(); i++) {
            assertThat(shownCards.get(i).path("id").asText()).isEqualTo(cards.get(i).get("id"));
            assertSame("score of " + cards.get(i).get("id"), cards.get(i).get("score"), shownCards.get(i).path("score").asText());
            assertThat(shownCards.get(i).path("kpis").asInt()).isEqualTo(((List<?>) cards.get(i).get("kpis")).size());
        }

        List<Map<String, Object>> board = ranged("/v1/leaderboards/csat_avg", Map.of("dimension", "agent")).getList("rows");
        JsonNode ranked = shown.path("pages").path("leaderboard").path("ranked");
        JsonNode apart = shown.path("pages").path("leaderboard").path("apart");
        assertThat(ranked.size()).isEqualTo(board.stream().filter(r -> Boolean.TRUE.equals(r.get("eligible"))).count());
        assertThat(apart.size()).isEqualTo(board.stream().filter(r -> !Boolean.TRUE.equals(r.get("eligible"))).count());
        for (int i = 0; i < ranked.size(); i++) {
            assertThat(ranked.get(i).get(0).asText()).isEqualTo(String.valueOf(board.get(i).get("rank")));
            assertThat(ranked.get(i).get(1).asText()).isEqualTo(board.get(i).get("id"));
        }

        List<Map<String, Object>> alerts = read("/v1/alerts", Map.of("limit", 50)).getList("rows");
        assertThat(shown.path("pages").path("alerts").path("recent")).hasSize(alerts.size()).isNotEmpty();
        assertThat(shown.path("pages").path("alerts").path("recent").get(0).get(0).asText()).isEqualTo("#" + alerts.get(0).get("id"));

        List<Map<String, Object>> risk = read("/v1/customers/at-risk", Map.of("min_score", 1)).getList("rows");
        JsonNode shownRisk = shown.path("pages").path("atRisk");
        assertThat(shownRisk).hasSize(risk.size());
        for (int i = 0; i < risk.size(); i++) {
            assertThat(shownRisk.get(i).path("customer").asText()).isEqualTo(risk.get(i).get("customer_id"));
            assertThat(shownRisk.get(i).path("score").asInt()).isEqualTo(((Number) risk.get(i).get("score")).intValue());
            assertThat(shownRisk.get(i).path("signals")).hasSize(((List<?>) risk.get(i).get("signals")).size());
        }

        List<Map<String, Object>> reports = read("/v1/reports", Map.of()).getList("rows");
        assertThat(shown.path("pages").path("reports").path("ids")).hasSize(reports.size());
        JsonNode report = shown.path("pages").path("report");
        // the script opens the report with the most teams
        Map<String, Object> fullest = reports.stream().max(java.util.Comparator.comparingInt(r -> ((Number) r.get("teams"))
                .intValue())).orElseThrow();
        Object id = fullest.get("id");
        assertThat(query(report.path("url").asText())).containsEntry("id", String.valueOf(id));
        assertThat(report.path("teams").asInt()).isEqualTo(((Number) fullest.get("teams")).intValue()).isPositive();
        List<Map<String, Object>> reportCards = read("/v1/reports/" + id + "/scorecards", Map.of()).getList("rows");
        assertThat(report.path("scorecards")).hasSize(reportCards.size());
    }

    @Test
    void everyPageHasAScreenshot() {
        for (String name : List.of("sign-in-wrong-key", "overview", "teams", "agents", "contributions", "ticket",
                "scorecards", "leaderboards", "alerts", "customers-at-risk", "reports", "report", "overview-tablet")) {
            assertThat(OUT.resolve(name + ".png")).as(name).isNotEmptyFile();
        }
    }

    private static Map<String, String> query(String url) {
        String fragment = url.substring(url.indexOf('#'));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : fragment.substring(fragment.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
