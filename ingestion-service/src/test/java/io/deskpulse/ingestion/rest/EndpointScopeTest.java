package io.deskpulse.ingestion.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TestEvents;
import io.deskpulse.testsupport.ScopedEndpoints;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every /v1 operation of the served OpenAPI document refuses a request without a key, with an unknown key, and with
 * a read-only key: an endpoint without a scope fails the build. The hook endpoint, which authenticates by the
 * connector's signature (HookEndpointTest), must still refuse a request without one.
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class EndpointScopeTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void noV1OperationAnswersWithoutItsScope() throws Exception {
        assertThat(ScopedEndpoints.requireScopes(base, TestEvents.READ_ONLY_KEY))
                .contains("POST /v1/events", "POST /v1/connectors/{connector_id}/remaps", "POST /v1/hooks/{connector_id}");
    }
}
