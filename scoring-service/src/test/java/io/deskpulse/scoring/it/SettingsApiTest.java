package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.SettingsApi.ACME_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.ACME_ADMIN_FINGERPRINT;
import static io.deskpulse.scoring.support.SettingsApi.ACME_READ;
import static io.deskpulse.scoring.support.SettingsApi.INITECH_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.SOYLENT_ADMIN;
import static io.deskpulse.scoring.support.SettingsApi.as;
import static io.deskpulse.scoring.support.SettingsApi.get;
import static io.deskpulse.scoring.support.SettingsApi.json;
import static io.deskpulse.scoring.support.SettingsApi.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings API over HTTP, on the real database: documents, versions, preconditions, errors, keys. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class SettingsApiTest {

    static final String PROBLEM = "application/problem+json";

    static int currentVersion(String key) {
        return get(key, "/v1/settings").then().statusCode(200).extract().path("version");
    }

    @Test
    void aTenantThatNeverSavedSettingsGetsEveryDefaultAtVersionZero() {
        get(INITECH_ADMIN, "/v1/settings").then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("version", is(0))
                .body("changed_at", nullValue())
                .body("changed_by", nullValue())
                .body("pending_recomputation", nullValue())
                .body("time_zone", is("UTC"))
                .body("business_hours", nullValue())
                .body("team_business_hours", is(Map.of()))
                .body("first_response_sla_s", is(Map.of("email", 14400, "chat", 30, "phone", 20, "web", 14400,
                        "social", 3600, "messaging", 60, "other", 14400)))
                .body("first_response_sla_s_by_priority", is(Map.of()))
                .body("qa_pass_mark", is(80))
                .body("complaint_tag", is("complaint"));
        get(INITECH_ADMIN, "/v1/settings/versions").then().statusCode(200).body("", hasSize(0));
        get(INITECH_ADMIN, "/v1/settings/versions/0").then().statusCode(200).header("ETag", "\"0\"")
                .body("version", is(0)).body("qa_pass_mark", is(80)).body("changed_fields", hasSize(0));
    }

    @Test
    void aPutIsANewVersionThatGetReturnsWithDefaultsFilledIn() {
        int before = currentVersion(ACME_ADMIN);

        JsonPath saved = as(ACME_ADMIN).header("X-DeskPulse-Actor", "jane.doe@example.com")
                .contentType(ContentType.JSON)
                .body(json("""
                        {'time_zone': 'Europe/Berlin',
                         'business_hours': {'weekly': {'tuesday': ['13:00-17:00', '09:00-12:00'], 'monday': ['09:00-17:00']},
                                            'holidays': ['2026-12-25', '2026-12-24']},
                         'team_business_hours': {'us-support': {'time_zone': 'America/New_York',
                                                                'weekly': {'monday': ['08:00-20:00']}}},
                         'first_response_sla_s': {'chat': 45},
                         'first_response_sla_s_by_priority': {'urgent': {'email': 3600}},
                         'qa_pass_mark': 75.5, 'complaint_tag': 'Angry-%d'}""".formatted(before)))
                .put("/v1/settings")
                .then().statusCode(200).header("ETag", "\"" + (before + 1) + "\"")
                .body("version", is(before + 1))
                .body("changed_by", is("jane.doe@example.com"))
                .body("changed_at", notNullValue())
                .extract().jsonPath();

        JsonPath read = get(ACME_ADMIN, "/v1/settings").then().statusCode(200)
                .header("ETag", "\"" + (before + 1) + "\"")
                .body("version", is(before + 1))
                .body("time_zone", is("Europe/Berlin"))
                .body("business_hours.time_zone", nullValue())
                .body("business_hours.weekly.tuesday", contains("09:00-12:00", "13:00-17:00"))
                .body("business_hours.weekly.sunday", hasSize(0))
                .body("business_hours.holidays", contains("2026-12-24", "2026-12-25"))
                .body("team_business_hours.us-support.time_zone", is("America/New_York"))
                .body("first_response_sla_s.chat", is(45))
                .body("first_response_sla_s.phone", is(20))
                .body("first_response_sla_s_by_priority.urgent.email", is(3600))
                .body("qa_pass_mark", is(75.5f))
                .body("complaint_tag", is("angry-" + before))
                .extract().jsonPath();
        assertThat(read.getMap("business_hours")).isEqualTo(saved.getMap("business_hours"));
        assertThat(read.getString("changed_at")).isEqualTo(saved.getString("changed_at"));
        get(ACME_ADMIN, "/v1/settings/versions/" + (before + 1)).then().statusCode(200)
                .header("ETag", "\"" + (before + 1) + "\"")
                .body("complaint_tag", is("angry-" + before))
                .body("changed_by", is("jane.doe@example.com"));
    }

    @Test
    void theHistoryTellsWhoChangedWhichFieldsNewestFirst() {
        int before = currentVersion(ACME_ADMIN);
        put(ACME_ADMIN, json("{'qa_pass_mark': 61, 'complaint_tag': 'history-a-%d'}".formatted(before)))
                .then().statusCode(200).body("changed_by", is("key:" + ACME_ADMIN_FINGERPRINT));
        as(ACME_ADMIN).header("X-DeskPulse-Actor", "  ops-bot  ").contentType(ContentType.JSON)
                .body(json("{'qa_pass_mark': 61, 'complaint_tag': 'history-a-%d', 'time_zone': 'Asia/Tokyo'}"
                        .formatted(before)))
                .put("/v1/settings").then().statusCode(200).body("changed_by", is("ops-bot"));

        List<Map<String, Object>> history = get(ACME_ADMIN, "/v1/settings/versions").then().statusCode(200)
                .extract().jsonPath().getList("");

        assertThat(history).hasSize(before + 2);
        assertThat(history).extracting(v -> v.get("version")).isSortedAccordingTo((a, b) -> (int) b - (int) a);
        Map<String, Object> newest = history.get(0);
        Map<String, Object> previous = history.get(1);
        assertThat(newest).containsEntry("version", before + 2).containsEntry("changed_by", "ops-bot")
                .containsEntry("changed_fields", List.of("time_zone"));
        assertThat(newest.get("changed_at")).isNotNull();
        assertThat(newest).doesNotContainKeys("qa_pass_mark", "time_zone");
        assertThat(previous).containsEntry("version", before + 1)
                .containsEntry("changed_by", "key:" + ACME_ADMIN_FINGERPRINT);
        assertThat(previous.get("changed_fields")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("complaint_tag");
        get(ACME_ADMIN, "/v1/settings/versions/" + (before + 1)).then().statusCode(200)
                .body("changed_fields", hasSize(((List<?>) previous.get("changed_fields")).size()))
                .body("time_zone", not(is("Asia/Tokyo")));
    }

    @Test
    void aPutThatChangesNothingCreatesNoVersion() {
        String tag = "noop-" + System.nanoTime();
        int version = put(ACME_ADMIN, json("{'qa_pass_mark': 66, 'complaint_tag': '%s'}".formatted(tag)))
                .then().statusCode(200).extract().path("version");
        int historySize = get(ACME_ADMIN, "/v1/settings/versions").then().extract().jsonPath().getList("").size();

        // The same meaning written differently: defaults spelled out, another case, another number form.
        put(ACME_ADMIN, json("{'complaint_tag': '%s', 'qa_pass_mark': 66.0, 'first_response_sla_s': {'chat': 30},"
                + " 'business_hours': null, 'time_zone': 'UTC'}").formatted(tag.toUpperCase()))
                .then().statusCode(200).header("ETag", "\"" + version + "\"")
                .body("version", is(version)).body("recomputation", nullValue());
        // A GET's body sent back as it is (its read-only fields are ignored).
        String document = get(ACME_ADMIN, "/v1/settings").then().statusCode(200).extract().asString();
        put(ACME_ADMIN, document).then().statusCode(200).body("version", is(version));

        assertThat(get(ACME_ADMIN, "/v1/settings/versions").then().extract().jsonPath().getList("")).hasSize(historySize);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        int version = currentVersion(ACME_ADMIN);

        as(ACME_ADMIN).header("If-Match", "\"" + (version + 5) + "\"").contentType(ContentType.JSON)
                .body("{\"qa_pass_mark\": 12}").put("/v1/settings")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", "\"" + version + "\"")
                .body("type", is("https://deskpulse.io/problems/version-conflict"))
                .body("detail", containsString("current settings version is " + version));
        assertThat(currentVersion(ACME_ADMIN)).as("nothing saved").isEqualTo(version);

        as(ACME_ADMIN).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"qa_pass_mark\": 12, \"complaint_tag\": \"if-match-" + version + "\"}").put("/v1/settings")
                .then().statusCode(200).body("version", is(version + 1));
        as(ACME_ADMIN).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"qa_pass_mark\": 13}").put("/v1/settings")
                .then().statusCode(412).header("ETag", "\"" + (version + 1) + "\"");
        // A no-op under a stale tag is refused too: the caller's picture of the settings is out of date.
        as(ACME_ADMIN).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"qa_pass_mark\": 12, \"complaint_tag\": \"if-match-" + version + "\"}").put("/v1/settings")
                .then().statusCode(412);
    }

    @Test
    void everyBadFieldIsListedByPathWithItsReason() {
        int version = currentVersion(ACME_ADMIN);

        put(ACME_ADMIN, json("""
                {'time_zone': 'Europe/Berln', 'qa_pass_mak': 70, 'qa_pass_mark': 101, 'complaint_tag': '',
                 'business_hours': {'weekly': {'monday': ['09:00-17:00', '16:00-18:00'], 'tuesday': ['18:00-09:00']},
                                    'holidays': ['2026-02-30']},
                 'first_response_sla_s': {'chat': 0, 'fax': 10},
                 'first_response_sla_s_by_priority': {'critical': {'email': 60}}}"""))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/invalid-settings"))
                .body("title", is("Invalid settings"))
                .body("status", is(400))
                .body("detail", is("10 fields are invalid; nothing was saved"))
                .body("errors.field", containsInAnyOrder("time_zone", "qa_pass_mak", "qa_pass_mark", "complaint_tag",
                        "business_hours.weekly.monday[1]", "business_hours.weekly.tuesday[0]",
                        "business_hours.holidays[0]", "first_response_sla_s.chat", "first_response_sla_s.fax",
                        "first_response_sla_s_by_priority.critical"))
                .body("errors.find { it.field == 'business_hours.weekly.monday[1]' }.reason",
                        is("overlaps monday[0] (09:00-17:00)"))
                .body("errors.find { it.field == 'qa_pass_mak' }.reason", startsWith("is not a settings field"));
        assertThat(currentVersion(ACME_ADMIN)).isEqualTo(version);
    }

    @Test
    void bodiesThatAreNoDocumentAndBadHeadersAreProblems() {
        put(ACME_ADMIN, "{\"qa_pass_mark\": ").then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/unreadable-body"))
                .body("detail", startsWith("The body is not valid JSON"));
        put(ACME_ADMIN, "").then().statusCode(400).body("type", is("https://deskpulse.io/problems/unreadable-body"));
        put(ACME_ADMIN, "[1]").then().statusCode(400).body("type", is("https://deskpulse.io/problems/invalid-settings"))
                .body("errors[0].reason", is("must be a JSON object: the settings document"));
        as(ACME_ADMIN).contentType(ContentType.TEXT).body("{}").put("/v1/settings").then().statusCode(415)
                .contentType(PROBLEM).body("type", is("https://deskpulse.io/problems/unsupported-media-type"));
        as(ACME_ADMIN).header("X-DeskPulse-Actor", "x".repeat(201)).contentType(ContentType.JSON).body("{}")
                .put("/v1/settings").then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/invalid-parameters"))
                .body("errors[0].field", is("X-DeskPulse-Actor"))
                .body("errors[0].reason", startsWith("must be at most 200 characters"));
    }

    @Test
    void unknownVersionsMethodsAndRepresentationsAreProblems() {
        get(ACME_ADMIN, "/v1/settings/versions/999999").then().statusCode(404).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/not-found"))
                .body("detail", containsString("'999999'"));
        get(ACME_ADMIN, "/v1/settings/versions/latest").then().statusCode(404).contentType(PROBLEM);
        get(ACME_ADMIN, "/v1/settings/versions/-1").then().statusCode(404).contentType(PROBLEM);
        as(ACME_ADMIN).delete("/v1/settings").then().statusCode(405).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/method-not-allowed"));
        as(ACME_ADMIN).accept("application/xml").get("/v1/settings").then().statusCode(406).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/not-acceptable"));
        get(ACME_ADMIN, "/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void keysWithoutTheAdminScopeAreRefused() {
        given().get("/v1/settings").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", is("https://deskpulse.io/problems/unauthorized"));
        get("not-a-configured-key-at-all", "/v1/settings").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body("{}").put("/v1/settings").then().statusCode(401);
        get(ACME_READ, "/v1/settings").then().statusCode(403).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/forbidden"))
                .body("detail", is("This API key lacks the 'admin' scope."));
        put(ACME_READ, "{\"qa_pass_mark\": 1}").then().statusCode(403);
        get(ACME_READ, "/v1/settings/versions").then().statusCode(403);
        get(ACME_READ, "/v1/settings/versions/1").then().statusCode(403);
    }

    @Test
    void aKeySeesAndChangesOnlyItsOwnTenant() {
        int soylentBefore = currentVersion(SOYLENT_ADMIN);
        String tag = "acme-only-" + System.nanoTime();
        int acmeVersion = put(ACME_ADMIN, "{\"complaint_tag\": \"" + tag + "\"}").then().statusCode(200)
                .extract().path("version");

        get(SOYLENT_ADMIN, "/v1/settings").then().statusCode(200)
                .body("version", is(soylentBefore))
                .body("complaint_tag", not(is(tag)));
        assertThat(get(SOYLENT_ADMIN, "/v1/settings/versions").then().statusCode(200).extract().asString())
                .doesNotContain(tag).doesNotContain(ACME_ADMIN_FINGERPRINT);
        if (acmeVersion > soylentBefore) {
            get(SOYLENT_ADMIN, "/v1/settings/versions/" + acmeVersion).then().statusCode(404);
        }

        int soylentVersion = put(SOYLENT_ADMIN, "{\"complaint_tag\": \"soylent-" + tag + "\"}").then().statusCode(200)
                .extract().path("version");
        assertThat(soylentVersion).isEqualTo(soylentBefore + 1);
        get(ACME_ADMIN, "/v1/settings").then().body("complaint_tag", is(tag)).body("version", is(acmeVersion));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointBehindTheBearerScheme() {
        JsonPath openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        assertThat(openapi.getMap("paths")).containsKeys("/v1/settings", "/v1/settings/versions",
                "/v1/settings/versions/{version}");
        assertThat(openapi.getMap("paths.'/v1/settings'")).containsKeys("get", "put");
        assertThat(openapi.getMap("paths.'/v1/settings'.put.responses")).containsKeys("200", "400", "401", "403",
                "409", "412", "415");
        assertThat(openapi.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(openapi.getList("paths.'/v1/settings'.get.security")).isNotEmpty();
    }
}
