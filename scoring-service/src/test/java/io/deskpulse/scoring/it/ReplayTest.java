package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.service.ReplayRunner;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Replaying the topic from a point in time applies exactly what is missing: after a tenant's state is
 * lost (as with a database restored from an older backup), a replay brings every number back, and a
 * second replay changes nothing.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ReplayTest {

    static final String TENANT = "gotham";
    static final String ADMIN_KEY = "gotham-admin-test-key-0001";

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    ReplayRunner runner;

    private static final String[] COLUMNS = {"tickets_created", "tickets_resolved", "first_response_sum_ms",
            "first_resolutions", "fcr_count", "csat_sum", "handle_sum_ms", "online_ms", "qa_sum_milli"};

    private Map<String, Long> totals(Aggregates db) {
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        for (String column : COLUMNS) {
            totals.put(column, db.scalar("SELECT coalesce(sum(" + column + "), 0) FROM kpi_hourly WHERE tenant_id = ?",
                    TENANT));
        }
        return totals;
    }

    @Test
    void aReplayRestoresWhatWasLostAndASecondOneChangesNothing() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String ticket = "G-" + i;
            for (String[] e : List.of(
                    new String[] {ticket + "-c", "ticket.created", "2026-11-02T09:00:00Z",
                            "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"chat\",\"team_id\":\"t-1\",\"agent_id\":\"a-1\"}"},
                    new String[] {ticket + "-r", "ticket.message", "2026-11-02T09:00:" + (10 + i) + "Z",
                            "{\"ticket_id\":\"" + ticket + "\",\"author\":\"agent\",\"agent_id\":\"a-1\"}"},
                    new String[] {ticket + "-s", "ticket.status_changed", "2026-11-02T09:05:00Z",
                            "{\"ticket_id\":\"" + ticket + "\",\"status\":\"solved\"}"},
                    new String[] {ticket + "-v", "survey.csat", "2026-11-02T09:10:00Z",
                            "{\"ticket_id\":\"" + ticket + "\",\"score\":" + (1 + i) + "}"})) {
                ids.add(e[0]);
                records.add(new String[] {TENANT + ":" + ticket, event(TENANT, e[0], e[1], e[2], e[3])});
            }
        }
        for (String[] e : List.of(
                new String[] {"g-on", "agent.status_changed", "2026-11-02T08:00:00Z", "{\"agent_id\":\"a-1\",\"status\":\"online\",\"team_id\":\"t-1\"}"},
                new String[] {"g-call", "interaction.completed", "2026-11-02T08:30:00Z", "{\"agent_id\":\"a-1\",\"channel\":\"chat\",\"talk_s\":95}"},
                new String[] {"g-qa", "qa.review", "2026-11-02T09:30:00Z", "{\"agent_id\":\"a-1\",\"score\":91.5}"},
                new String[] {"g-off", "agent.status_changed", "2026-11-02T10:00:00Z", "{\"agent_id\":\"a-1\",\"status\":\"offline\"}"})) {
            ids.add(e[0]);
            records.add(new String[] {TENANT + ":agent:a-1", event(TENANT, e[0], e[1], e[2], e[3])});
        }
        EventTopic.send(records);
        db.awaitDrained(config.consumerGroup());
        Map<String, Long> applied = totals(db);
        assertThat(applied).containsEntry("tickets_created", 5L).containsEntry("fcr_count", 5L)
                .containsEntry("online_ms", 7_200_000L).containsEntry("qa_sum_milli", 91_500L);

        // Lose everything the tenant had, as a restore of an older backup would.
        db.execute("DELETE FROM kpi_hourly WHERE tenant_id = '" + TENANT + "'");
        db.execute("DELETE FROM ticket_timelines WHERE tenant_id = '" + TENANT + "'");
        db.execute("DELETE FROM agent_timelines WHERE tenant_id = '" + TENANT + "'");
        for (String id : ids) {
            db.execute("DELETE FROM seen_events WHERE event_key = '"
                    + CloudEventDecoder.eventKey(TENANT, "test/" + TENANT, id) + "'");
        }
        assertThat(totals(db)).containsEntry("tickets_created", 0L);

        String first = given().auth().oauth2(ADMIN_KEY).contentType("application/json")
                .body("{\"from\": \"" + before + "\"}").post("/v1/replays")
                .then().statusCode(202).body("status", is("running")).extract().path("id");
        // asked again while it is queued, with the same instant or another: one at a time, the answer names it
        for (String from : List.of(before.toString(), before.minusSeconds(3600).toString())) {
            given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{\"from\": \"" + from + "\"}")
                    .post("/v1/replays").then().statusCode(409).contentType("application/problem+json")
                    .header("Location", org.hamcrest.Matchers.endsWith("/v1/replays/" + first))
                    .body("type", is("https://deskpulse.io/problems/replay-running"))
                    .body("title", is("Replay running"))
                    .body("detail", is("Replay " + first + " of this tenant is queued or running; a tenant has one at"
                            + " a time: follow it at /v1/replays/" + first + " and ask again when it is done"));
        }
        given().auth().oauth2(ADMIN_KEY).get("/v1/replays").then().statusCode(200)
                .body("findAll { it.status == 'running' }.id", contains(first));
        assertThat(runner.runNext()).isTrue();

        assertThat(totals(db)).isEqualTo(applied);
        given().auth().oauth2(ADMIN_KEY).get("/v1/replays/" + first).then().statusCode(200)
                .body("status", is("completed")).body("events_applied", is(ids.size()));

        // Replaying again: everything is there already, nothing changes.
        String second = given().auth().oauth2(ADMIN_KEY).contentType("application/json")
                .body("{\"from\": \"" + before + "\"}").post("/v1/replays").then().statusCode(202).extract().path("id");
        assertThat(second).isNotEqualTo(first);
        assertThat(runner.runNext()).isTrue();
        assertThat(totals(db)).isEqualTo(applied);
        given().auth().oauth2(ADMIN_KEY).get("/v1/replays/" + second).then().statusCode(200)
                .body("status", is("completed")).body("events_applied", is(0));
        given().auth().oauth2(ADMIN_KEY).get("/v1/replays").then().statusCode(200).body("id", hasItem(first));
    }

    @Test
    void aReplayNeedsAPointInTheCurrentOrPastAsRfc3339() {
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{}").post("/v1/replays")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("from"));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json").body("{\"from\": \"yesterday\"}")
                .post("/v1/replays").then().statusCode(400).body("errors[0].field", is("from"));
        given().auth().oauth2(ADMIN_KEY).contentType("application/json")
                .body("{\"from\": \"" + Instant.now().plusSeconds(3600) + "\"}").post("/v1/replays")
                .then().statusCode(400).body("errors[0].reason", is("is in the future"));
        given().auth().oauth2(ADMIN_KEY).get("/v1/replays/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
