package io.deskpulse.scoring.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class HealthAndMetricsTest {

    @Test
    void readyWhenDatabaseBrokerAndConsumerAreUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("scoring-consumer", "Database connections health check",
                        "kafka"));
    }

    @Test
    void liveness() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetricsIncludeTheScoringMeters() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("deskpulse_scoring_events_applied_total"))
                .body(containsString("deskpulse_scoring_consumer_lag"))
                .body(containsString("deskpulse_scoring_batch_apply_seconds"));
    }
}
