package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document of the manager endpoints: every path, parameter and response is there and
 * described, and every JSON example is JSON (an example that does not parse is served as a mere string).
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class ManagerOpenApiTest {

    static final List<String> PATHS = List.of("/v1/scorecards", "/v1/alerts", "/v1/reports", "/v1/reports/{id}",
            "/v1/reports/{id}/scorecards");

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointParameterAndResponseIsDocumentedWithJsonExamples() {
        Map<String, Object> document = Api.parse(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        for (String path : PATHS) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            assertThat(get).as(path).containsKeys("summary", "description", "parameters", "responses");
            for (Map<String, Object> parameter : (List<Map<String, Object>>) get.get("parameters")) {
                assertThat(parameter).as(path + " " + parameter.get("name")).containsKey("description");
            }
            Map<String, Object> responses = (Map<String, Object>) get.get("responses");
            assertThat(responses).as(path).containsKeys("200", "304", "400", "401", "403", "406", "503");
            responses.forEach((status, response) -> {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                if (content == null) {
                    return;
                }
                content.forEach((type, media) -> {
                    Map<String, Object> examples = (Map<String, Object>) ((Map<String, Object>) media).get("examples");
                    assertThat(examples).as(path + " " + status + " " + type).isNotEmpty();
                    if (type.contains("json")) {
                        examples.forEach((name, example) -> assertThat(((Map<String, Object>) example).get("value"))
                                .as(path + " " + status + " " + name).isInstanceOfAny(Map.class, List.class));
                    }
                });
            });
        }
        Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) paths.get("/v1/reports/{id}")).get("get");
        assertThat((Map<String, Object>) report.get("responses")).containsKey("404");
    }
}
