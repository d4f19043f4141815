package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ReconciliationApi.ADMIN;
import static io.deskpulse.scoring.support.ReconciliationApi.as;
import static io.deskpulse.scoring.support.ReconciliationApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.service.ReconciliationWorker;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.scoring.support.SettingsApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reconciliations API: what a request may say (every bad field named, 422), who may see which reconciliation
 * (404 across tenants), one queued or running per tenant (409), keys and scopes.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ReconciliationApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ReconciliationWorker worker;

    private void finishAll() throws Exception {
        while (worker.runNext()) {
            // every queued reconciliation, whichever test queued it
        }
    }

    @Test
    void aRequestIsQueuedWithItsLocationThenDoneAndListedNewestFirst() throws Exception {
        finishAll();
        Response queued = post(ADMIN, "{'from': '2025-01-01T00:00:00Z', 'to': '2025-01-02T00:00:00+01:00', 'repair': false}");
        queued.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", is("running")).body("from", is("2025-01-01T00:00:00Z"))
                .body("to", is("2025-01-01T23:00:00Z")).body("repair", is(false)).body("finished_at", nullValue())
                .body("differences", empty()).body("difference_count", is(0)).body("repaired", is(false))
                .body("error", nullValue()).body("checked_until", nullValue()).body("requested_by", is("key:d7d74245cbf8"));
        String id = queued.path("id");
        assertThat(queued.header("Location")).endsWith("/v1/reconciliations/" + id);
        as(ADMIN).get("/v1/reconciliations/" + id).then().statusCode(200).body("status", is("running"));

        finishAll();
        as(ADMIN).get("/v1/reconciliations/" + id).then().statusCode(200).body("status", is("done"))
                .body("difference_count", is(0)).body("differences", empty()).body("checked_until", is("2025-01-01T23:00:00Z"))
                .body("timelines_checked", is(0)).body("finished_at", notNullValue()).body("repaired", is(false));

        String second = as(ADMIN).header("X-DeskPulse-Actor", "ops@oscorp.example").contentType(ContentType.JSON)
                .body("{\"from\": \"2025-02-01T00:00:00Z\", \"to\": \"2025-02-01T01:00:00Z\", \"repair\": true}")
                .post("/v1/reconciliations").then().statusCode(202).body("repair", is(true))
                .body("requested_by", is("ops@oscorp.example")).extract().path("id");
        finishAll();
        as(ADMIN).get("/v1/reconciliations").then().statusCode(200).body("[0].id", is(second)).body("[1].id", is(id))
                .body("[0].repaired", is(true)).body("[0].status", is("done"));
    }

    @Test
    void aSecondRequestWhileOneIsQueuedIsAConflict() throws Exception {
        finishAll();
        String first = post(ADMIN, "{'from': '2025-03-01T00:00:00Z', 'to': '2025-03-02T00:00:00Z'}").then().statusCode(202)
                .extract().path("id");
        post(ADMIN, "{'from': '2025-04-01T00:00:00Z', 'to': '2025-04-02T00:00:00Z', 'repair': true}").then()
                .statusCode(409).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/reconciliation-running"))
                .body("detail", containsString(first));
        finishAll();
        post(ADMIN, "{'from': '2025-04-01T00:00:00Z', 'to': '2025-04-02T00:00:00Z'}").then().statusCode(202);
        finishAll();
    }

    @Test
    void everyBadFieldIsNamedWith422AndNothingIsQueued() throws Exception {
        finishAll();
        long before = count();
        invalid("{'from': '2025-01-02T00:00:00Z', 'to': '2025-01-02T00:00:00Z'}", "to", "must be after from");
        invalid("{'from': '2025-01-03T00:00:00Z', 'to': '2025-01-02T00:00:00Z'}", "to", "must be after from");
        invalid("{'from': '2024-01-01T00:00:00Z', 'to': '2025-02-05T00:00:00Z'}", "to", "at most 400 days");
        invalid("{'from': 'yesterday', 'to': '2025-01-02T00:00:00Z'}", "from", "ISO-8601 instant");
        invalid("{'from': '-5000-01-01T00:00:00Z', 'to': '2025-01-02T00:00:00Z'}", "from", "must be between");
        invalid("{'from': '2025-01-01T00:00:00Z', 'to': '2025-01-02T00:00:00Z', 'repair': 'perhaps'}", "repair",
                "true or false");
        invalid("{'from': '2025-01-01T00:00:00Z', 'to': '2025-01-02T00:00:00Z', 'repiar': true}", "repiar",
                "is not a field");
        post(ADMIN, "{'repiar': true}").then().statusCode(422).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/invalid-request")).body("status", is(422))
                .body("detail", is("3 fields are invalid; nothing was started"))
                .body("errors.field", contains("from", "repiar", "to"))
                .body("errors[0].reason", is("is required: an ISO-8601 instant such as 2026-11-02T00:00:00Z"));
        // exactly 400 days is allowed
        post(ADMIN, "{'from': '2024-01-01T00:00:00Z', 'to': '2025-02-04T00:00:00Z'}").then().statusCode(202);
        finishAll();
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aBodyThatIsNotAReconciliationRequestIsRefused() {
        as(ADMIN).contentType(ContentType.JSON).body("{\"from\": ").post("/v1/reconciliations").then().statusCode(400)
                .contentType(PROBLEM).body("type", is("https://deskpulse.io/problems/unreadable-body"));
        as(ADMIN).contentType(ContentType.JSON).body("[1, 2]").post("/v1/reconciliations").then().statusCode(400)
                .contentType(PROBLEM).body("type", is("https://deskpulse.io/problems/unreadable-body"));
        as(ADMIN).contentType(ContentType.JSON).post("/v1/reconciliations").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].reason", containsString("is required"));
        as(ADMIN).contentType(ContentType.TEXT).body("from=yesterday").post("/v1/reconciliations").then().statusCode(415)
                .contentType(PROBLEM);
        as(ADMIN).header("X-DeskPulse-Actor", "x".repeat(201)).contentType(ContentType.JSON)
                .body("{\"from\": \"2025-01-01T00:00:00Z\", \"to\": \"2025-01-02T00:00:00Z\"}").post("/v1/reconciliations")
                .then().statusCode(400).body("errors[0].field", is("X-DeskPulse-Actor"));
    }

    @Test
    void reconciliationsOfOtherTenantsAreInvisibleAndKeysAreChecked() throws Exception {
        finishAll();
        String id = post(ADMIN, "{'from': '2025-05-01T00:00:00Z', 'to': '2025-05-01T02:00:00Z'}").then().statusCode(202)
                .extract().path("id");
        as(SettingsApi.INITECH_ADMIN).get("/v1/reconciliations/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/not-found"));
        as(SettingsApi.INITECH_ADMIN).get("/v1/reconciliations").then().statusCode(200)
                .body("id", not(hasItem(id)));
        as(ADMIN).get("/v1/reconciliations/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        as(ADMIN).get("/v1/reconciliations/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        RestAssured.given().get("/v1/reconciliations").then().statusCode(401).contentType(PROBLEM);
        as(SettingsApi.ACME_READ).get("/v1/reconciliations").then().statusCode(403).contentType(PROBLEM);
        post(SettingsApi.ACME_READ, "{'from': '2025-05-01T00:00:00Z', 'to': '2025-05-01T02:00:00Z'}").then()
                .statusCode(403);
        finishAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentNamesTheOperationsAndShowsTheRequestAndItsErrors() throws Exception {
        Map<String, Object> paths = (Map<String, Object>) new ObjectMapper().readValue(RestAssured.given()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString(), Map.class).get("paths");
        Map<String, Object> collection = (Map<String, Object>) paths.get("/v1/reconciliations");
        Map<String, Object> create = (Map<String, Object>) collection.get("post");
        assertThat(create.get("operationId")).isEqualTo("createReconciliation");
        assertThat(((Map<String, Object>) collection.get("get")).get("operationId")).isEqualTo("listReconciliations");
        assertThat(((Map<String, Object>) ((Map<String, Object>) paths.get("/v1/reconciliations/{id}")).get("get"))
                .get("operationId")).isEqualTo("getReconciliation");
        assertThat((Map<String, Object>) create.get("responses")).containsKeys("202", "400", "409", "415", "422");
        String body = new ObjectMapper().writeValueAsString(create.get("requestBody"));
        assertThat(body).contains("ReconciliationRequest", "repair after an incident").doesNotContain("unknownFields");
    }

    private static void invalid(String body, String field, String reason) {
        post(ADMIN, body).then().statusCode(422).contentType(PROBLEM)
                .body("type", is("https://deskpulse.io/problems/invalid-request"))
                .body("errors.size()", is(1)).body("errors[0].field", is(field))
                .body("errors[0].reason", containsString(reason));
    }

    private static long count() {
        return as(ADMIN).get("/v1/reconciliations").then().statusCode(200).extract().jsonPath().getList("id").size();
    }
}
