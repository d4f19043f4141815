package io.deskpulse.reporting.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestTenant;
import io.deskpulse.testsupport.ScopedEndpoints;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every /v1 operation of the served OpenAPI document refuses a request without a key, with an unknown key, and with
 * an ingest-only key: an endpoint without a scope fails the build (OpenApiContractTest checks the answers' bodies).
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class EndpointScopeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void noV1OperationAnswersWithoutItsScope() throws Exception {
        assertThat(ScopedEndpoints.requireScopes(base, TestTenant.INGEST_ONLY_KEY)).contains("GET /v1/kpis",
                "GET /v1/tickets", "GET /v1/reports/{id}", "GET /v1/alerts");
    }
}
