package io.deskpulse.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health, metrics, and the read-only datasource. */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class PlatformTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String KEY = TestTenant.PLATFORM.readKey();

    @Inject
    DataSource dataSource;

    @Test
    void openApiDocumentsTheEndpointItsParametersAndExamples() {
        String document = RestAssured.given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("/v1/kpis");
        for (String parameter : new String[] {"dimension", "id", "team", "channel", "from", "to", "granularity", "tz",
                "metrics", "limit", "cursor", "format", "If-None-Match"}) {
            assertThat(document).contains("name: " + parameter);
        }
        assertThat(document).contains("text/csv").contains("application/problem+json").contains("scheme: bearer")
                .contains("invalid-parameters").contains("not-acceptable").contains("\"406\"").contains("\"304\"")
                .contains("next_cursor").contains("period,id,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiListsEveryMetricInTheParameterAndTheRowSchema() {
        Map<String, Object> document = Api.parse(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Map<String, Object> kpis = (Map<String, Object>) ((Map<String, Object>) document.get("paths")).get("/v1/kpis");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) kpis.get("get"))
                .get("parameters");
        Map<String, Object> metrics = parameters.stream().filter(p -> "metrics".equals(p.get("name"))).findFirst()
                .orElseThrow();
        assertThat(metrics).containsEntry("style", "form").containsEntry("explode", false);
        Map<String, Object> items = (Map<String, Object>) ((Map<String, Object>) metrics.get("schema")).get("items");
        assertThat((List<Object>) items.get("enum")).containsExactlyElementsOf(MetricCatalog.names());
        assertThat((String) metrics.get("description")).contains(String.join(", ", MetricCatalog.names()));

        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        Map<String, Object> row = (Map<String, Object>) schemas.get("KpiRow");
        Map<String, Object> properties = (Map<String, Object>) row.get("properties");
        List<String> expected = new ArrayList<>(List.of("period", "id"));
        expected.addAll(MetricCatalog.names());
        assertThat(properties.keySet()).containsExactlyElementsOf(expected);
        assertThat((Map<String, Object>) properties.get("nps")).containsEntry("type", List.of("number", "null"));
        assertThat((Map<String, Object>) properties.get("handle_count")).containsEntry("type", "integer");
        assertThat((Map<String, Object>) properties.get("online_s")).containsEntry("type", "number");
        Map<String, Object> rows = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas
                .get("KpiPage")).get("properties")).get("rows");
        assertThat((Map<String, Object>) rows.get("items")).containsEntry("$ref", "#/components/schemas/KpiRow");
        // every column has an example, and the page's example asks for some metrics
        MetricCatalog.names().forEach(metric -> assertThat((Map<String, Object>) properties.get(metric))
                .as(metric).containsKey("examples"));
        String yaml = RestAssured.given().get("/q/openapi").then().extract().asString();
        assertThat(yaml).contains("occupancy: 0.6128").contains("metrics=tickets_resolved,fcr_rate,nps,occupancy");
    }

    @Test
    void swaggerUiIsServed() {
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readyWhenTheDatabaseAnswersAndTheSchemaIsThere() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "kpi schema"));
    }

    /** Authentication is not proactive: only resources that require a scope look at the key. */
    @Test
    void probesMetricsAndTheDocumentIgnoreAnUnknownKey() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi"}) {
            RestAssured.given().header("Authorization", "Bearer not-a-key").get(path).then().statusCode(200);
        }
        Api.as("not-a-key").get("/v1/kpis").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", equalTo("The API key is not valid."));
    }

    @Test
    void queryTimerIsExported() {
        Api.as(KEY).get("/v1/kpis").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("deskpulse_reporting_query_seconds_count{endpoint=\"kpis\""));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        Api.as(KEY).get("/v1/nothing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://deskpulse.io/problems/not-found"));
        Api.as(KEY).post("/v1/kpis").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"));
    }

    @Test
    void connectionsAreReadOnly() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "INSERT INTO kpi_hourly (tenant_id, bucket, team_id, agent_id, channel) VALUES ('x', now(), '', '', '')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void sessionsRunWithoutJit() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SHOW jit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("off");
        }
    }
}
