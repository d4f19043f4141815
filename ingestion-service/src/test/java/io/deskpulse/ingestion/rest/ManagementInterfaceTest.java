package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.given;

import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service as Kubernetes runs it: with the kube profile's own settings (every {@code %kube.} entry of
 * application.properties, so this test follows them), /q — health, metrics, OpenAPI, Swagger UI — answers on the
 * management port only, and the API port serves none of it. ManifestsMatchServicesTest (deploy/kubernetes) checks that
 * the Deployments select that profile and probe, scrape and admit the management port.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Kube.class)
@WithTestResource(IngestionKafkaResource.class)
class ManagementInterfaceTest {

    static final List<String> MANAGEMENT_PATHS = List.of("/q/health/ready", "/q/health/live", "/q/health/started",
            "/q/metrics", "/q/openapi", "/q/swagger-ui/");

    public static class Kube implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            Properties properties = new Properties();
            // the module's own file (tests run in the module's directory), not whichever copy the class path has first
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("%kube."))
                    .forEach(k -> overrides.put(k.substring("%kube.".length()), properties.getProperty(k)));
            if (!"true".equals(overrides.get("quarkus.management.enabled"))) {
                throw new IllegalStateException("the kube profile no longer enables the management interface");
            }
            // A free port of this machine instead of the fixed 9001 of test mode: other suites run side by side.
            try (ServerSocket socket = new ServerSocket(0)) {
                overrides.put("quarkus.management.test-port", Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return overrides;
        }
    }

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void managementEndpointsAnswerOnTheManagementPortOnly() {
        for (String path : MANAGEMENT_PATHS) {
            given().port(managementPort).get(path).then().statusCode(200);
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theApiStaysOnTheApiPortAndIsNotOnTheManagementPort() {
        given().contentType("application/cloudevents+json").body("{}").post("/v1/events").then().statusCode(401);
        given().port(managementPort).contentType("application/cloudevents+json").body("{}").post("/v1/events")
                .then().statusCode(404);
    }
}
