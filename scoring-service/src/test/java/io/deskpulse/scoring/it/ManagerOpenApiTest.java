package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document of the scoring models, exemptions, alert rules, reconciliations, keys and tenants APIs:
 * every operation described, every response with an example, and every JSON example JSON (one that does not parse is served as a string).
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ManagerOpenApiTest {

    static final List<String> PATHS = List.of("/v1/settings/scoring-models", "/v1/settings/scoring-models/versions",
            "/v1/settings/scoring-models/versions/{version}", "/v1/settings/exemptions", "/v1/settings/exemptions/{id}",
            "/v1/alert-rules", "/v1/alert-rules/{id}", "/v1/alert-rules/{id}/deliveries", "/v1/reconciliations",
            "/v1/reconciliations/{id}", "/v1/keys", "/v1/keys/{id}", "/v1/keys/{id}/rotation", "/v1/tenants",
            "/v1/tenants/{tenant}/keys", "/v1/tenants/{tenant}/keys/{id}", "/v1/report-webhooks", "/v1/report-webhooks/{webhook_id}",
            "/v1/report-webhooks/{webhook_id}/rotate", "/v1/report-webhooks/{webhook_id}/disable",
            "/v1/report-webhooks/{webhook_id}/deliveries");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedWithJsonExamples() throws Exception {
        Map<String, Object> document = new ObjectMapper().readValue(RestAssured.given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString(), new TypeReference<>() { });
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (String path : PATHS) {
            Map<String, Object> item = (Map<String, Object>) paths.get(path);
            assertThat(item).as(path).isNotNull();
            item.forEach((method, operation) -> {
                Map<String, Object> op = (Map<String, Object>) operation;
                assertThat(op).as(method + " " + path).containsKeys("summary", "responses");
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                assertThat(responses).as(method + " " + path).containsKeys("401", "403", "503");
                responses.forEach((status, response) -> {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                    if (content == null) {
                        return;
                    }
                    content.forEach((type, media) -> {
                        Map<String, Object> examples = (Map<String, Object>) ((Map<String, Object>) media).get("examples");
                        assertThat(examples).as(method + " " + path + " " + status).isNotEmpty();
                        examples.forEach((name, example) -> assertThat(((Map<String, Object>) example).get("value"))
                                .as(method + " " + path + " " + status + " " + name).isInstanceOfAny(Map.class, List.class));
                    });
                });
            });
        }
    }
}
