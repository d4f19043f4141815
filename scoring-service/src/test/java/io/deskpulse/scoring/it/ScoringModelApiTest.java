package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.UMBRELLA_READ;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.put;
import static io.deskpulse.scoring.support.SettingsApi.INITECH_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The scoring models API over HTTP on the real database: defaults, versions, If-Match, errors, keys, no recomputation. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ScoringModelApiTest {

    static final String PATH = "/v1/settings/scoring-models";
    static final String SOLO = json("""
            {'roles': {'solo': {'kpis': [{'metric': 'csat_avg', 'target': 4.5, 'weight': 60},
                                         {'metric': 'handle_avg_s', 'target': 300, 'weight': 40}],
                                'peer_review': {'share': 15, 'target': 4.5}}},
             'default_roles': {'agent': 'solo', 'team': 'solo'}, 'agent_roles': {'a-1': 'solo'}}""");

    @Inject
    DataSource dataSource;

    static int version() {
        return as(UMBRELLA_ADMIN).get(PATH).then().statusCode(200).extract().path("version");
    }

    @Test
    void aTenantThatNeverSavedModelsGetsTheCatalogsAtVersionZero() {
        as(INITECH_ADMIN).get(PATH).then().statusCode(200).contentType(ContentType.JSON).header("ETag", "\"0\"")
                .body("version", is(0)).body("changed_at", nullValue()).body("changed_by", nullValue())
                .body("default_roles.agent", is("frontline_agent")).body("default_roles.team", is("team_lead"))
                .body("roles.frontline_agent.kpis.metric", contains("csat_avg", "fcr_rate", "qa_avg",
                        "first_response_avg_s", "first_response_avg_s", "first_response_sla_rate", "handle_avg_s",
                        "occupancy", "cost_per_contact"))
                .body("roles.frontline_agent.kpis[3].channel", is("chat"))
                .body("roles.frontline_agent.kpis[3].target", is(30))
                .body("roles.frontline_agent.kpis[4].channel", is("phone"))
                .body("roles.frontline_agent.kpis[4].target", is(20))
                .body("roles.technical_support.kpis.weight", contains(12, 10, 8, 10, 10, 20, 10, 10, 10))
                .body("roles.frontline_agent.kpis.weight", contains(22, 22, 16, 7.5f, 7.5f, 15, 5, 2, 3))
                .body("streaks.min_score", is(80));
        as(INITECH_ADMIN).get(PATH + "/versions").then().statusCode(200).body("", hasSize(0));
        as(INITECH_ADMIN).get(PATH + "/versions/0").then().statusCode(200).header("ETag", "\"0\"")
                .body("version", is(0)).body("changed_fields", hasSize(0)).body("roles.team_lead.kpis", hasSize(10));
    }

    @Test
    void aPutIsANewVersionWithWhoAndWhatAndRecomputesNothing() throws SQLException {
        put(UMBRELLA_ADMIN, PATH, "{}").then().statusCode(200);
        int before = version();
        long recomputations = count("SELECT count(*) FROM recomputations WHERE tenant_id = 'umbrella'");
        long settingsVersions = count("SELECT count(*) FROM tenant_settings_versions WHERE tenant_id = 'umbrella'");

        as(UMBRELLA_ADMIN).header("X-DeskPulse-Actor", "jane.doe@example.com").header("If-Match", "\"" + before + "\"")
                .contentType(ContentType.JSON).body(SOLO).put(PATH)
                .then().statusCode(200).header("ETag", "\"" + (before + 1) + "\"")
                .body("version", is(before + 1)).body("changed_by", is("jane.doe@example.com"))
                .body("roles.solo.kpis[1].direction", is("lower"))
                .body("roles.solo.peer_review.share", is(15))
                .body("agent_roles.a-1", is("solo"));

        as(UMBRELLA_ADMIN).get(PATH + "/versions").then().statusCode(200)
                .body("[0].version", is(before + 1))
                .body("[0].changed_fields", contains("roles", "default_roles", "agent_roles"));
        as(UMBRELLA_ADMIN).get(PATH + "/versions/" + (before + 1)).then().statusCode(200)
                .body("roles.solo.kpis", hasSize(2)).body("changed_by", is("jane.doe@example.com"));
        // Scorecards are computed when read: a model change starts no recomputation, touches no settings.
        assertThat(count("SELECT count(*) FROM recomputations WHERE tenant_id = 'umbrella'")).isEqualTo(recomputations);
        assertThat(count("SELECT count(*) FROM tenant_settings_versions WHERE tenant_id = 'umbrella'"))
                .isEqualTo(settingsVersions);

        // The same document again changes nothing.
        put(UMBRELLA_ADMIN, PATH, SOLO).then().statusCode(200).body("version", is(before + 1));
        as(UMBRELLA_ADMIN).get(PATH + "/versions").then().body("[0].version", is(before + 1));
    }

    @Test
    void ifMatchWithAnotherVersionIs412WithTheCurrentETag() {
        int current = version();
        as(UMBRELLA_ADMIN).header("If-Match", "\"" + (current + 5) + "\"").contentType(ContentType.JSON)
                .body("{\"agent_roles\": {\"a-9\": \"team_lead\"}}").put(PATH)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"" + current + "\"")
                .body("type", endsWith("/version-conflict"))
                .body("detail", containsString("GET /v1/settings/scoring-models"));
        assertThat(version()).isEqualTo(current);
    }

    @Test
    void invalidModelsAre400ListingEveryFieldAndSaveNothing() {
        int current = version();
        put(UMBRELLA_ADMIN, PATH, json("""
                {'roles': {'solo': {'kpis': [{'metric': 'tickets_resolved', 'target': 10, 'weight': 50},
                                             {'metric': 'csat_avg', 'target': 4.5, 'weight': 45}]}},
                 'default_roles': {'agent': 'solo', 'team': 'solo'}, 'agent_role': {}}"""))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-settings"))
                .body("errors.field", contains("agent_role", "roles.solo.kpis[0].metric"));
        put(UMBRELLA_ADMIN, PATH, "{\"roles\": ").then().statusCode(400).body("type", endsWith("/unreadable-body"));
        as(UMBRELLA_ADMIN).contentType(ContentType.TEXT).body("{}").put(PATH).then().statusCode(415);
        as(UMBRELLA_ADMIN).header("X-DeskPulse-Actor", "x".repeat(201)).contentType(ContentType.JSON).body("{}").put(PATH)
                .then().statusCode(400).body("errors.field", contains("X-DeskPulse-Actor"));
        assertThat(version()).isEqualTo(current);
    }

    @Test
    void theStreakThresholdIsAVersionedFieldOfItsOwn() {
        put(UMBRELLA_ADMIN, PATH, "{}").then().statusCode(200).body("streaks.min_score", is(80));
        int before = version();
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': {'min_score': 92.50}}")).then().statusCode(200)
                .body("version", is(before + 1)).body("streaks.min_score", is(92.5f));
        as(UMBRELLA_ADMIN).get(PATH + "/versions").then().body("[0].changed_fields", contains("streaks"));
        // left out is the default again, like every other field of a PUT
        put(UMBRELLA_ADMIN, PATH, "{}").then().statusCode(200).body("version", is(before + 2))
                .body("streaks.min_score", is(80));
    }

    @Test
    void aBadStreakThresholdIs400NamingTheField() {
        int current = version();
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': {'min_score': 100.5, 'max_score': 3}}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/invalid-settings"))
                .body("errors.field", contains("streaks.max_score", "streaks.min_score"))
                .body("errors[1].reason", is("must be a number from 0 to 100, got 100.5"));
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': {'min_score': 80.0001}}")).then().statusCode(400)
                .body("errors.field", contains("streaks.min_score"))
                .body("errors[0].reason", containsString("at most 3 decimal places"));
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': {'min_score': -1}}")).then().statusCode(400)
                .body("errors.field", contains("streaks.min_score"));
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': {'min_score': '80'}}")).then().statusCode(400)
                .body("errors.field", contains("streaks.min_score"));
        put(UMBRELLA_ADMIN, PATH, json("{'streaks': 80}")).then().statusCode(400)
                .body("errors.field", contains("streaks"));
        assertThat(version()).isEqualTo(current);
    }

    @Test
    void unknownVersionsAre404() {
        as(UMBRELLA_ADMIN).get(PATH + "/versions/999").then().statusCode(404)
                .body("type", endsWith("/not-found")).body("detail", containsString(PATH + "/versions"));
        as(UMBRELLA_ADMIN).get(PATH + "/versions/abc").then().statusCode(404);
    }

    @Test
    void keysAndTenants() {
        as(UMBRELLA_READ).get(PATH).then().statusCode(403).body("type", endsWith("/forbidden"))
                .header("Cache-Control", "private, no-store");
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401).header("Cache-Control", "private, no-store");
        // umbrella's models are not initech's
        put(UMBRELLA_ADMIN, PATH, SOLO).then().statusCode(200);
        as(INITECH_ADMIN).get(PATH).then().statusCode(200).body("version", is(0)).body("roles.solo", nullValue())
                .header("Cache-Control", "private, no-store");
        as(UMBRELLA_ADMIN).delete(PATH).then().statusCode(405).body("type", endsWith("/method-not-allowed"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
