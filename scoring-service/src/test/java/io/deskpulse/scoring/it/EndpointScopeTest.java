package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.testsupport.ScopedEndpoints;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every /v1 operation of the served OpenAPI document (admin and operator ones alike) refuses a request without a
 * key, with an unknown key, and with a read key, which lacks both scopes: an endpoint without a scope fails the build.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class EndpointScopeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void noV1OperationAnswersWithoutItsScope() throws Exception {
        assertThat(ScopedEndpoints.requireScopes(base, KeyManagementApiTest.READ)).contains("POST /v1/tenants",
                "GET /v1/tenants", "POST /v1/tenants/{tenant}/keys", "POST /v1/keys", "GET /v1/keys", "POST /v1/keys/{id}/rotation", "DELETE /v1/keys/{id}",
                "PUT /v1/settings").hasSizeGreaterThan(20);
    }
}
