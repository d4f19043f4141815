package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.service.GenerationCleaner;
import io.deskpulse.scoring.service.RecomputationWorker;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A settings change recomputes a tenant's aggregates from its timelines while events keep arriving:
 * reports (the active generation) stay consistent with the old settings throughout, then switch to
 * numbers that are exactly what the new settings give for every event, old and new.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class RecomputationTest {

    static final String TENANT = "wayne";
    static final String ADMIN_KEY = "wayne-admin-test-key-0001";
    static final String ADMIN_KEY_FINGERPRINT = io.deskpulse.platform.security.ApiKey.sha256Hex(ADMIN_KEY)
            .substring(0, 12);

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    RecomputationWorker worker;

    @Inject
    GenerationCleaner cleaner;

    /** A ticket created Friday 16:00 Berlin, answered Monday 10:00: 66 h, of which 2 business hours. */
    static List<String> fridayTicket(String ticket) {
        return List.of(
                event(TENANT, ticket + "-c", "ticket.created", "2026-11-06T15:00:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"email\",\"team_id\":\"t-1\",\"agent_id\":\"a-1\"}"),
                event(TENANT, ticket + "-r", "ticket.message", "2026-11-09T09:00:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"author\":\"agent\",\"agent_id\":\"a-1\"}"));
    }

    private long generation(Aggregates db) {
        return db.scalar("SELECT generation FROM tenant_reporting WHERE tenant_id = ?", TENANT);
    }

    private long active(Aggregates db, String column) {
        return db.scalar("SELECT coalesce(sum(" + column + "), 0) FROM kpi_hourly k JOIN tenant_reporting r"
                + " ON r.tenant_id = k.tenant_id AND r.generation = k.generation WHERE k.tenant_id = ?", TENANT);
    }

    private void send(List<String> events) {
        List<String[]> records = new ArrayList<>();
        events.forEach(e -> records.add(new String[] {TENANT + ":" + e.hashCode(), e}));
        EventTopic.send(records);
    }

    @Test
    void reportsStayConsistentWhileARecomputationRunsThenSwitchAtOnce() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        long generation = generation(db);
        List<String> first = new ArrayList<>();
        for (int i = 10; i < 40; i++) {
            first.addAll(fridayTicket("W-" + i));
        }
        send(first);
        db.awaitDrained(config.consumerGroup());
        assertThat(active(db, "first_response_count")).isEqualTo(30);
        assertThat(active(db, "first_response_bh_sum_ms")).isEqualTo(30 * 237_600_000L); // always open: calendar time

        // Business hours Monday to Friday 09:00-17:00 in Berlin: past numbers change, so a recomputation starts.
        String recomputation = given().auth().oauth2(ADMIN_KEY).contentType("application/json")
                .body("{\"time_zone\": \"Europe/Berlin\", \"business_hours\": {\"weekly\": {"
                        + "\"monday\": [\"09:00-17:00\"], \"tuesday\": [\"09:00-17:00\"], \"wednesday\": [\"09:00-17:00\"],"
                        + "\"thursday\": [\"09:00-17:00\"], \"friday\": [\"09:00-17:00\"]}}}")
                .put("/v1/settings").then().statusCode(200).extract().path("recomputation.id");

        step(); // the first chunk of ten tickets (W-10..W-19) is in the new generation
        assertThat(generation(db)).isEqualTo(generation);

        // Events keep coming: a ticket before the cursor, one after it, and a solve of a rebuilt ticket.
        List<String> meanwhile = new ArrayList<>(fridayTicket("W-05"));
        meanwhile.addAll(fridayTicket("W-99"));
        meanwhile.add(event(TENANT, "W-10-s", "ticket.status_changed", "2026-11-09T11:00:00Z",
                "{\"ticket_id\":\"W-10\",\"status\":\"solved\"}"));
        send(meanwhile);
        db.awaitDrained(config.consumerGroup());

        // Reports still read the old generation: everything so far, with the old settings.
        assertThat(generation(db)).isEqualTo(generation);
        assertThat(active(db, "first_response_count")).isEqualTo(32);
        assertThat(active(db, "first_response_bh_sum_ms")).isEqualTo(32 * 237_600_000L);
        assertThat(active(db, "resolution_bh_sum_ms")).isEqualTo(244_800_000L);

        while (step()) {
            boolean running = db.scalar("SELECT count(*) FROM recomputations WHERE id = ?::uuid AND status = 'running'",
                    recomputation) == 1;
            assertThat(generation(db)).as("reports switch only when the recomputation completes")
                    .isEqualTo(running ? generation : generation + 1);
        }

        // The new generation: every ticket, old and new, with the new settings: 2 business hours each.
        assertThat(generation(db)).isEqualTo(generation + 1);
        assertThat(active(db, "first_response_count")).isEqualTo(32);
        assertThat(active(db, "first_response_bh_sum_ms")).isEqualTo(32 * 7_200_000L);
        assertThat(active(db, "first_response_sum_ms")).isEqualTo(32 * 237_600_000L);
        // solved Monday 12:00 Berlin: Friday 16-17 and Monday 9-12
        assertThat(active(db, "resolution_bh_sum_ms")).isEqualTo(4 * 3_600_000L);
        given().auth().oauth2(ADMIN_KEY).get("/v1/recomputations/" + recomputation).then().statusCode(200)
                .body("status", is("completed")).body("progress", is(1.0f));

        // The generation reports no longer read is deleted in the background.
        assertThat(cleaner.clean()).isPositive();
        assertThat(db.scalar("SELECT count(*) FROM kpi_hourly WHERE tenant_id = ? AND generation = ?", TENANT,
                (int) generation)).isZero();
    }

    @Test
    void aRebuildOnRequestRunsOneAtATimeAndGivesTheSameNumbers() {
        Aggregates db = new Aggregates(dataSource);
        while (step()) {
            // finish whatever another test left running
        }
        long before = active(db, "first_response_bh_sum_ms");
        long count = active(db, "first_response_count");

        String id = given().auth().oauth2(ADMIN_KEY).post("/v1/recomputations").then().statusCode(202)
                .body("status", is("running")).extract().path("id");
        // asking again while it runs: one at a time, the answer names the running one
        given().auth().oauth2(ADMIN_KEY).header("X-DeskPulse-Actor", "ops@wayne.example").post("/v1/recomputations")
                .then().statusCode(409).contentType("application/problem+json")
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/recomputations/" + id))
                .body("type", is("https://deskpulse.io/problems/recomputation-running"))
                .body("title", is("Recomputation running"))
                .body("detail", is("Recomputation " + id + " of this tenant is queued or running; a tenant has one at"
                        + " a time: follow it at /v1/recomputations/" + id + " and ask again when it is done"));
        while (step()) {
            // to completion
        }

        assertThat(active(db, "first_response_bh_sum_ms")).isEqualTo(before);
        assertThat(active(db, "first_response_count")).isEqualTo(count);
        given().auth().oauth2(ADMIN_KEY).get("/v1/recomputations").then().statusCode(200)
                .body("[0].id", is(id)).body("[0].status", is("completed")).body("[0].reason", is("rebuild requested"))
                .body("[0].requested_by", is("key:" + ADMIN_KEY_FINGERPRINT));
    }

    @Test
    void queueThresholdsRestateTheServiceLevelAndTheShortAbandonsOfInteractions() {
        Aggregates db = new Aggregates(dataSource);
        while (step()) {
            // finish whatever another test left running
        }
        long met = active(db, "service_level_met");
        long shortAbandoned = active(db, "short_abandoned");
        long abandoned = active(db, "abandoned");
        EventTopic.send(List.of(
                new String[] {TENANT + ":Q-1", event(TENANT, "Q-1-o", "interaction.offered", "2026-11-10T09:00:00Z",
                        "{\"interaction_id\":\"Q-1\",\"channel\":\"phone\",\"queue_id\":\"billing\"}")},
                new String[] {TENANT + ":Q-1", event(TENANT, "Q-1-a", "interaction.answered", "2026-11-10T09:00:25Z",
                        "{\"interaction_id\":\"Q-1\",\"agent_id\":\"a-1\",\"wait_s\":25}")},
                new String[] {TENANT + ":Q-2", event(TENANT, "Q-2-o", "interaction.offered", "2026-11-10T09:05:00Z",
                        "{\"interaction_id\":\"Q-2\",\"channel\":\"phone\",\"queue_id\":\"billing\"}")},
                new String[] {TENANT + ":Q-2", event(TENANT, "Q-2-b", "interaction.abandoned", "2026-11-10T09:05:08Z",
                        "{\"interaction_id\":\"Q-2\",\"wait_s\":8}")}));
        db.awaitDrained(config.consumerGroup());
        // the catalog's thresholds: 25 s misses the phone's 20 s, 8 s is no short abandon
        assertThat(active(db, "service_level_met")).isEqualTo(met);
        assertThat(active(db, "abandoned")).isEqualTo(abandoned + 1);

        given().auth().oauth2(ADMIN_KEY).contentType("application/json")
                .body("{\"service_level_s\": {\"phone\": 30}, \"short_abandon_s\": 10}")
                .put("/v1/settings").then().statusCode(200).body("recomputation.status", is("running"))
                .body("service_level_s.phone", is(30)).body("short_abandon_s", is(10));
        while (step()) {
            // to completion
        }

        assertThat(active(db, "service_level_met")).isEqualTo(met + 1);
        assertThat(active(db, "short_abandoned")).isEqualTo(shortAbandoned + 1);
        assertThat(active(db, "abandoned")).isEqualTo(abandoned);
        assertThat(db.scalar("SELECT count(*) FROM ticket_facts WHERE tenant_id = ? AND ticket_id IN ('Q-1', 'Q-2')",
                TENANT)).as("interactions are no tickets, recomputed or not").isZero();
    }

    /**
     * Cost rates are settings: saving them, and changing one, recomputes the agent's past online time and calls at the
     * new rates (docs/settings.md, cost_rates). Events arrive out of order and one twice.
     */
    @Test
    void aCostRateChangeRecomputesTheCostsOfPastOnlineTimeAndCalls() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        while (step()) {
            // finish whatever another test left running
        }
        String online = event(TENANT, "cost-1", "agent.status_changed", "2026-11-10T09:00:00Z",
                "{\"agent_id\":\"cost-a\",\"status\":\"online\",\"team_id\":\"cost-t\"}");
        String call = event(TENANT, "cost-2", "interaction.completed", "2026-11-10T09:30:00Z",
                "{\"agent_id\":\"cost-a\",\"channel\":\"phone\",\"talk_s\":200}");
        String offline = event(TENANT, "cost-3", "agent.status_changed", "2026-11-10T10:00:00Z",
                "{\"agent_id\":\"cost-a\",\"status\":\"offline\"}");
        String key = TENANT + ":agent:cost-a";
        EventTopic.send(List.of(new String[] {key, offline}, new String[] {key, call}, new String[] {key, online},
                new String[] {key, call}));
        db.awaitDrained(config.consumerGroup());
        assertThat(agentSum(db, "online_ms")).isEqualTo(3_600_000L);
        assertThat(agentSum(db, "cost_milli")).as("no rates yet").isZero();

        // 30 an hour for team cost-t, 0.75 a phone call: 30.75
        putCostRates("{\"currency\": \"eur\", \"teams\": {\"cost-t\": {\"per_online_hour\": 30}},"
                + " \"channels\": {\"phone\": {\"per_contact\": 0.75}}}");
        while (step()) {
            // to completion
        }
        assertThat(agentSum(db, "cost_milli")).isEqualTo(30_750L);

        // the team's rate changes to 45.5: the same hour now costs 45.5, the call still 0.75
        putCostRates("{\"currency\": \"EUR\", \"teams\": {\"cost-t\": {\"per_online_hour\": 45.5}},"
                + " \"channels\": {\"phone\": {\"per_contact\": 0.75}}}");
        while (step()) {
            // to completion
        }
        assertThat(agentSum(db, "cost_milli")).isEqualTo(46_250L);
        assertThat(agentSum(db, "online_ms")).isEqualTo(3_600_000L);
        given().auth().oauth2(ADMIN_KEY).get("/v1/settings/versions").then().statusCode(200)
                .body("[0].changed_fields", org.hamcrest.Matchers.contains("cost_rates"));
    }

    /**
     * keep_contributions is a setting: false rebuilds the numbers without contribution rows (the same sums), events
     * that come later add none, and true rebuilds them, adding up to the sums again (docs/settings.md). An agent's
     * online time, so that the other tests' ticket counts stay as they are.
     */
    @Test
    void keepingNoContributionsRebuildsTheSameSumsWithoutRowsAndBack() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        while (step()) {
            // finish whatever another test left running
        }
        String key = TENANT + ":agent:kc-a";
        EventTopic.send(List.of(new String[] {key, event(TENANT, "kc-1", "agent.status_changed", "2026-11-11T09:00:00Z",
                "{\"agent_id\":\"kc-a\",\"status\":\"online\",\"team_id\":\"kc-t\"}")},
                new String[] {key, event(TENANT, "kc-2", "agent.status_changed", "2026-11-11T11:30:00Z",
                        "{\"agent_id\":\"kc-a\",\"status\":\"offline\"}")}));
        db.awaitDrained(config.consumerGroup());
        assertThat(onlineMillis(db)).isEqualTo(9_000_000L);
        assertThat(contributionRows(db)).as("kept by default: one per hour online").isEqualTo(3);

        putSetting("keep_contributions", "false");
        while (step()) {
            // to completion
        }
        assertThat(onlineMillis(db)).isEqualTo(9_000_000L);
        assertThat(contributionRows(db)).isZero();
        EventTopic.send(List.<String[]>of(new String[] {key, event(TENANT, "kc-3", "agent.status_changed",
                "2026-11-12T09:00:00Z", "{\"agent_id\":\"kc-a\",\"status\":\"online\",\"team_id\":\"kc-t\"}")},
                new String[] {key, event(TENANT, "kc-4", "agent.status_changed", "2026-11-12T09:45:00Z",
                        "{\"agent_id\":\"kc-a\",\"status\":\"offline\"}")}));
        db.awaitDrained(config.consumerGroup());
        assertThat(onlineMillis(db)).isEqualTo(11_700_000L);
        assertThat(contributionRows(db)).as("none for live events either").isZero();
        given().auth().oauth2(ADMIN_KEY).get("/v1/settings/versions").then().statusCode(200)
                .body("[0].changed_fields", org.hamcrest.Matchers.contains("keep_contributions"));

        putSetting("keep_contributions", "true");
        while (step()) {
            // to completion
        }
        assertThat(onlineMillis(db)).isEqualTo(11_700_000L);
        assertThat(contributionRows(db)).as("rebuilt with the numbers").isEqualTo(4);
        assertThat(db.scalar("SELECT coalesce(sum((c.parts ->> 'online_ms')::bigint * c.n), 0) FROM kpi_contributions c"
                + " JOIN tenant_reporting r ON r.tenant_id = c.tenant_id AND r.generation = c.generation"
                + " WHERE c.tenant_id = ? AND c.agent_id = 'kc-a'", TENANT)).isEqualTo(11_700_000L);
    }

    private static long onlineMillis(Aggregates db) {
        return db.scalar("SELECT coalesce(sum(online_ms), 0) FROM kpi_hourly k JOIN tenant_reporting r"
                + " ON r.tenant_id = k.tenant_id AND r.generation = k.generation WHERE k.tenant_id = ?"
                + " AND k.agent_id = 'kc-a'", TENANT);
    }

    private static long contributionRows(Aggregates db) {
        return db.scalar("SELECT count(*) FROM kpi_contributions c JOIN tenant_reporting r ON r.tenant_id = c.tenant_id"
                + " AND r.generation = c.generation WHERE c.tenant_id = ? AND c.agent_id = 'kc-a'", TENANT);
    }

    /** PUTs the current settings with one field changed, so that the other tests' fields stay. */
    private static void putSetting(String field, String json) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode current = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
                .readTree(given().auth().oauth2(ADMIN_KEY).get("/v1/settings").then().statusCode(200).extract().asString());
        current.set(field, mapper.readTree(json));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body(mapper.writeValueAsString(current))
                .put("/v1/settings").then().statusCode(200).body("recomputation.status", is("running"));
    }

    /** PUTs the current settings with {@code costRates} as cost_rates, so that the other tests' fields stay. */
    private static void putCostRates(String costRates) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode current = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
                .readTree(given().auth().oauth2(ADMIN_KEY).get("/v1/settings").then().statusCode(200).extract().asString());
        current.set("cost_rates", mapper.readTree(costRates));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body(mapper.writeValueAsString(current))
                .put("/v1/settings").then().statusCode(200).body("recomputation.status", is("running"))
                .body("cost_rates.currency", is("EUR"));
    }

    private static long agentSum(Aggregates db, String column) {
        return db.scalar("SELECT coalesce(sum(" + column + "), 0) FROM kpi_hourly k JOIN tenant_reporting r"
                + " ON r.tenant_id = k.tenant_id AND r.generation = k.generation WHERE k.tenant_id = ?"
                + " AND k.agent_id = 'cost-a'", TENANT);
    }

    @Test
    void recomputationsOfOtherTenantsAreInvisibleAndUnknownIdsAre404() {
        given().auth().oauth2(ADMIN_KEY).get("/v1/recomputations/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN_KEY).get("/v1/recomputations/not-a-uuid").then().statusCode(404);
        given().get("/v1/recomputations").then().statusCode(401);
        given().auth().oauth2("acme-read-test-key-0001").post("/v1/recomputations").then().statusCode(403);
    }

    private boolean step() {
        try {
            return worker.step();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
