package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.testsupport.OpenApiLint;
import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's served OpenAPI document (/q/openapi) passes the real Redocly CLI with its recommended rules: no error,
 * and no warning but info-license (the project has no license file yet). What clients are generated from must be
 * valid and named (operationIds), with examples that fit their schemas.
 */
class OpenApiLintTest {

    /** Allowed: the project has not chosen a license, so the documents name none. */
    private static final String NO_LICENSE = "info-license";

    private static DeskPulseStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new DeskPulseStack("deskpulse_test_e2e_openapi");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestion-service", "scoring-service", "reporting-service"})
    void theServedDocumentPassesRedoclysRecommendedRules(String service) throws Exception {
        ServiceProcess process = switch (service) {
            case "ingestion-service" -> stack.ingestion;
            case "scoring-service" -> stack.scoring;
            default -> stack.reporting;
        };
        String document = RestAssured.given().get(process.baseUrl() + "/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        List<OpenApiLint.Problem> problems = OpenApiLint.lint(document, Path.of("target", "openapi", service + ".json"))
                .stream().filter(p -> !p.rule().equals(NO_LICENSE)).toList();
        assertThat(problems).as(service + "'s OpenAPI document, linted by Redocly " + OpenApiLint.REDOCLY_VERSION)
                .isEmpty();
    }
}
