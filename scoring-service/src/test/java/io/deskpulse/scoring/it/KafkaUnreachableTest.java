package io.deskpulse.scoring.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no broker to talk to, scoring says it is not ready (and says why), instead of hanging the probe. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
@TestProfile(KafkaUnreachableTest.NoBroker.class)
class KafkaUnreachableTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1: nothing listens there. The suite's resources would point back at the real broker.
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                    "deskpulse.scoring.consumer-enabled", "false",
                    "deskpulse.kafka.create-topic", "false",
                    "quarkus.datasource.jdbc.url", PostgresTestDatabase.recreate("deskpulse_test_scoring_nokafka"),
                    "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                    "quarkus.datasource.password", TestInfrastructure.postgresPassword());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void notReadyWhenKafkaDoesNotAnswer() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'kafka' }.status", is("DOWN"))
                .body("checks.status", hasItem("UP"));
    }

    @Test
    void stillAlive() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
