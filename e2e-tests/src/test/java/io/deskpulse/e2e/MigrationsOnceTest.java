package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.kubernetes.Manifests;
import io.deskpulse.testsupport.KafkaTestTopics;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migrations once per rollout, as deploy/kubernetes runs them: the packaged scoring-service with the
 * environment the rendered dev overlay gives its init container "migrate" and its main container,
 * on a real PostgreSQL. Only the connection settings (database, credentials, broker and its TLS and
 * SASL settings, topic, group) are replaced by the test's; every flag comes from the manifests.
 */
class MigrationsOnceTest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> CONNECTION = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "DESKPULSE_KAFKA_TOPIC",
            "DESKPULSE_KAFKA_DEAD_LETTER_TOPIC", "DESKPULSE_SCORING_CONSUMER_GROUP");

    private static Manifests dev;
    private static String topic;

    @BeforeAll
    static void render() {
        dev = Manifests.render("overlays/dev");
        topic = KafkaTestTopics.create("k8s.events", 2);
    }

    private static Map<String, String> environment(String container, String jdbcUrl) {
        Map<String, String> environment = new HashMap<>(dev.plainEnvironment("scoring-service", container));
        assertThat(dev.environment("scoring-service", container).keySet())
                .as("the test replaces only settings the manifests set").containsAll(CONNECTION.stream()
                        .filter(v -> !container.equals("migrate") || v.startsWith("QUARKUS_DATASOURCE")).toList());
        // The test broker is plaintext and unauthenticated: the cluster listener's security settings are not its.
        environment.keySet().removeIf(v -> v.equals("KAFKA_SECURITY_PROTOCOL") || v.startsWith("KAFKA_SASL_")
                || v.startsWith("KAFKA_SSL_"));
        // The jar here is the local build (default profile); the kube profile the images are built with only moves /q
        // to the management port (ManagementInterfaceTest, ManifestsMatchServicesTest), which this test does not use.
        environment.remove("QUARKUS_PROFILE");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", TestInfrastructure.postgresUser());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", TestInfrastructure.postgresPassword());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        environment.put("DESKPULSE_KAFKA_TOPIC", topic);
        environment.put("DESKPULSE_KAFKA_DEAD_LETTER_TOPIC", topic + ".dlq");
        environment.put("DESKPULSE_SCORING_CONSUMER_GROUP", "k8s-" + UUID.randomUUID());
        return environment;
    }

    private static ServiceProcess migrate(String jdbcUrl) throws Exception {
        ServiceProcess process = new ServiceProcess("scoring-service", environment("migrate", jdbcUrl));
        process.start();
        return process;
    }

    private static ServiceProcess replica(String jdbcUrl) throws Exception {
        ServiceProcess process = new ServiceProcess("scoring-service", environment("scoring-service", jdbcUrl));
        process.start();
        return process;
    }

    /** The versions of the storage contract's migrations, from their file names (V4__ticket_facts... is 4). */
    private static List<String> migrationVersions() throws Exception {
        try (Stream<Path> files = Files.list(Manifests.repository().resolve("storage-contract/src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    private static List<String> query(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static final String APPLIED = "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
            + " ORDER BY installed_rank";
    private static final String TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";

    @Test
    void theInitContainerAppliesEveryMigrationAndExits() throws Exception {
        String jdbcUrl = PostgresTestDatabase.recreate("deskpulse_test_k8s_migrate");

        assertThat(migrate(jdbcUrl).awaitExit(EXIT_TIMEOUT)).isZero();

        assertThat(query(jdbcUrl, APPLIED)).containsExactlyElementsOf(migrationVersions());
        assertThat(query(jdbcUrl, TABLES)).contains("kpi_hourly", "scoring_offsets", "flyway_schema_history");
    }

    @Test
    void aReplicaRefusesAnUnmigratedDatabaseAndStartsOnceTheInitContainerHasRun() throws Exception {
        String jdbcUrl = PostgresTestDatabase.recreate("deskpulse_test_k8s_replica");

        ServiceProcess early = replica(jdbcUrl);
        assertThat(early.awaitExit(EXIT_TIMEOUT)).as("a replica on an unmigrated schema exits").isEqualTo(1);
        assertThat(query(jdbcUrl, TABLES)).as("and migrates nothing").isEmpty();

        assertThat(migrate(jdbcUrl).awaitExit(EXIT_TIMEOUT)).isZero();
        ServiceProcess replica = replica(jdbcUrl);
        try {
            replica.awaitReady();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(replica.status(dev.probePath("scoring-service", probe))).as(probe).isEqualTo(200);
            }
            String metricsPath = io.deskpulse.kubernetes.Maps.string(
                    io.deskpulse.kubernetes.Maps.list(dev.get("ServiceMonitor", "deskpulse"), "spec", "endpoints").get(0), "path");
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + metricsPath))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("deskpulse_scoring_consumer_lag", "deskpulse_scoring_batch_apply_seconds_bucket");
        } finally {
            replica.stop();
        }
        assertThat(query(jdbcUrl, APPLIED)).containsExactlyElementsOf(migrationVersions());
    }

    @Test
    void initContainersOfARolloutStartingTogetherApplyEachMigrationOnce() throws Exception {
        String jdbcUrl = PostgresTestDatabase.recreate("deskpulse_test_k8s_rollout");

        ServiceProcess first = migrate(jdbcUrl);
        ServiceProcess second = migrate(jdbcUrl);
        assertThat(first.awaitExit(EXIT_TIMEOUT)).isZero();
        assertThat(second.awaitExit(EXIT_TIMEOUT)).isZero();

        // Flyway's lock serialised them: one applied the versions, the other found nothing left to do.
        assertThat(query(jdbcUrl, APPLIED)).containsExactlyElementsOf(migrationVersions());
        assertThat(query(jdbcUrl, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).containsExactly("0");
    }
}
