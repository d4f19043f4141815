package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests against the services' own configuration (ServiceSettings reads it from their
 * sources), so that neither can change without the other: ports, health and metrics paths, every
 * environment variable, the settings without a safe default, topics, consumer group, the backends
 * each service may reach, and migrations done by the init container only.
 */
class ManifestsMatchServicesTest {

    private static final List<String> SERVICES = List.of("ingestion-service", "scoring-service", "reporting-service");

    private static ServiceSettings settings(String service) {
        return new ServiceSettings(Manifests.repository(), service);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void portsAndProbesAreTheServicesOwn(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : SERVICES) {
            ServiceSettings settings = settings(service);
            Map<String, Object> container = manifests.container(service, service);
            int management = settings.managementPort(profile(manifests, service));
            assertThat(Maps.list(container, "ports")).as(service).containsExactly(
                    Map.of("name", "http", "containerPort", settings.httpPort(), "protocol", "TCP"),
                    Map.of("name", "management", "containerPort", management, "protocol", "TCP"));
            // The probes ask the management interface: the API port serves no /q in Kubernetes.
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Maps.string(container, probe, "httpGet", "port")).as(service + " " + probe)
                        .isEqualTo("management");
            }
            assertThat(manifests.probePath(service, "startupProbe")).isEqualTo(settings.healthPath("startup"));
            assertThat(manifests.probePath(service, "livenessProbe")).isEqualTo(settings.healthPath("liveness"));
            assertThat(manifests.probePath(service, "readinessProbe")).isEqualTo(settings.healthPath("readiness"));
            assertThat(Maps.list(manifests.get("Service", service), "spec", "ports")).containsExactly(
                    Map.of("name", "http", "port", settings.httpPort(), "targetPort", "http", "protocol", "TCP"),
                    Map.of("name", "management", "port", management, "targetPort", "management", "protocol", "TCP"));
        }
    }

    /**
     * The profile the Deployments select is one in which the service moves /q (health, metrics, OpenAPI, Swagger UI)
     * to the management interface, on a port of its own: so /q is never on the API port in Kubernetes.
     * ManagementInterfaceTest (ingestion-service) shows that a service so configured answers /q on the management
     * port and 404 on the API port.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void managementEndpointsAreNotOnTheApiPort(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : SERVICES) {
            ServiceSettings settings = settings(service);
            String profile = profile(manifests, service);
            assertThat(profile).as(service + ": QUARKUS_PROFILE").isNotNull().isNotEqualTo("prod");
            assertThat(settings.property(profile, "quarkus.management.enabled", "false")).as(service).isEqualTo("true");
            assertThat(settings.managementPort(profile)).as(service).isNotEqualTo(settings.httpPort());
            // the local stack's default profile keeps /q on the API port
            assertThat(settings.managementPort("prod")).as(service).isEqualTo(-1);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Maps.string(manifests.container(service, service), probe, "httpGet", "port"))
                        .isNotEqualTo("http");
            }
        }
        if (!overlay.equals("base")) {
            Map<String, Object> endpoint = Maps.map(Maps.list(manifests.get("ServiceMonitor", "deskpulse"), "spec",
                    "endpoints").get(0));
            assertThat(endpoint.get("port")).isEqualTo("management");
        }
    }

    private static String profile(Manifests manifests, String service) {
        return manifests.plainEnvironment(service, service).get("QUARKUS_PROFILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyVariableIsOneTheServiceReadsAndEveryRequiredOneIsSet(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : SERVICES) {
            ServiceSettings settings = settings(service);
            List<String> containers = Maps.list(manifests.get("Deployment", service), "spec", "template", "spec", "initContainers")
                    .stream().map(c -> Maps.string(c, "name")).collect(java.util.stream.Collectors.toList());
            containers.add(service);
            for (String container : containers) {
                Map<String, Manifests.Source> environment = manifests.environment(service, container);
                assertThat(environment.keySet().stream().filter(v -> !settings.reads(v)).toList())
                        .as(service + "/" + container + ": variables the service does not read").isEmpty();
                // The init container only migrates: of the settings without a safe default it needs the database's.
                Set<String> required = new HashSet<>(settings.requiredVariables());
                if (!container.equals(service)) {
                    required.removeIf(v -> !v.startsWith("QUARKUS_DATASOURCE_"));
                }
                assertThat(environment.keySet()).as(service + "/" + container + " sets every setting without a safe default")
                        .containsAll(required);
                assertThat(environment.values()).as("settings come from ConfigMaps and Secrets, never literals")
                        .allSatisfy(source -> assertThat(source.configMap() != null || source.fromSecret()).isTrue());
                environment.forEach((variable, source) -> {
                    if (variable.contains("PASSWORD") || variable.equals("DESKPULSE_AUTH_API_KEYS")
                            || variable.endsWith("_KEY") || variable.endsWith("_KEYS")) {
                        assertThat(source.fromSecret()).as(variable + " comes from a Secret").isTrue();
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void onlyTheInitContainerOfTheSchemaOwnerMigrates(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : SERVICES) {
            ServiceSettings settings = settings(service);
            Map<String, String> main = manifests.plainEnvironment(service, service);
            List<Object> init = Maps.list(manifests.get("Deployment", service), "spec", "template", "spec", "initContainers");
            if (!settings.ownsSchema()) {
                assertThat(init).as(service).isEmpty();
                assertThat(main.keySet()).noneMatch(v -> v.startsWith("QUARKUS_FLYWAY"));
                continue;
            }
            // The service's default migrates at start (the local stack): the replicas must turn it off.
            assertThat(settings.property("quarkus.flyway.migrate-at-start", "false")).isEqualTo("true");
            assertThat(main).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false")
                    .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "true").doesNotContainKey("QUARKUS_INIT_AND_EXIT");
            assertThat(init).hasSize(1);
            String migrate = Maps.string(init.get(0), "name");
            Map<String, String> migration = manifests.plainEnvironment(service, migrate);
            assertThat(migration).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true")
                    .containsEntry("QUARKUS_FLYWAY_VALIDATE_AT_START", "false")
                    .containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", main.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertThat(manifests.environment(service, migrate).get("QUARKUS_DATASOURCE_PASSWORD"))
                    .isEqualTo(manifests.environment(service, service).get("QUARKUS_DATASOURCE_PASSWORD"));
            assertThat(Maps.string(init.get(0), "image")).isEqualTo(Maps.string(manifests.container(service, service), "image"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void kafkaTopicsConsumerGroupAndScalingAgree(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> kafka = manifests.all("Kafka").get(0);
        String namespace = Maps.string(kafka, "metadata", "namespace");
        // The one listener (ClusterSecurityTest: TLS and SCRAM-SHA-512).
        Map<String, Object> listener = Maps.cast(Maps.list(kafka, "spec", "kafka", "listeners").get(0));
        String bootstrap = Manifests.name(kafka) + "-kafka-bootstrap:" + listener.get("port");
        Map<String, String> scoring = manifests.plainEnvironment("scoring-service", "scoring-service");
        Map<String, String> ingestion = manifests.plainEnvironment("ingestion-service", "ingestion-service");
        assertThat(scoring).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        assertThat(ingestion).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                .containsEntry("DESKPULSE_KAFKA_TOPIC", scoring.get("DESKPULSE_KAFKA_TOPIC"))
                .containsEntry("DESKPULSE_KAFKA_CREATE_TOPIC", "false");
        assertThat(scoring).containsEntry("DESKPULSE_KAFKA_CREATE_TOPIC", "false");
        Map<String, Object> events = manifests.get("KafkaTopic", scoring.get("DESKPULSE_KAFKA_TOPIC"));
        manifests.get("KafkaTopic", scoring.get("DESKPULSE_KAFKA_DEAD_LETTER_TOPIC"));
        for (Map<String, Object> topic : manifests.all("KafkaTopic")) {
            assertThat(Maps.string(topic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(Manifests.name(kafka));
        }

        Map<String, Object> scaledObject = manifests.get("ScaledObject", "scoring-service");
        assertThat(Maps.string(scaledObject, "spec", "scaleTargetRef", "name")).isEqualTo("scoring-service");
        Map<String, Object> trigger = Maps.map(Maps.list(scaledObject, "spec", "triggers").get(0));
        assertThat(Maps.string(trigger, "type")).isEqualTo("kafka");
        Map<String, Object> metadata = Maps.map(trigger, "metadata");
        assertThat(metadata).containsEntry("topic", scoring.get("DESKPULSE_KAFKA_TOPIC"))
                .containsEntry("consumerGroup", scoring.get("DESKPULSE_SCORING_CONSUMER_GROUP"))
                .containsEntry("bootstrapServers", Manifests.name(kafka) + "-kafka-bootstrap." + namespace + ".svc:"
                        + listener.get("port"))
                .containsEntry("allowIdleConsumers", "false");
        // Never more scoring replicas than partitions: an extra consumer would sit idle.
        assertThat(((Number) Maps.at(scaledObject, "spec", "maxReplicaCount").orElseThrow()).intValue())
                .isLessThanOrEqualTo(((Number) Maps.at(events, "spec", "partitions").orElseThrow()).intValue());
        assertThat(Maps.at(manifests.get("Deployment", "scoring-service"), "spec", "replicas")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void scoringWritesThePrimaryIngestionReadsTheKeysThereAndReportingReadsTheReplicas(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> cluster = manifests.all("Cluster").get(0);
        String name = Manifests.name(cluster);
        String database = Maps.string(cluster, "spec", "bootstrap", "initdb", "database");
        assertThat(((Number) Maps.at(cluster, "spec", "instances").orElseThrow()).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(manifests.plainEnvironment("scoring-service", "scoring-service"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + name + "-rw:5432/" + database);
        // a revoked key must not wait for replication
        assertThat(manifests.plainEnvironment("ingestion-service", "ingestion-service"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + name + "-rw:5432/" + database);
        assertThat(manifests.plainEnvironment("reporting-service", "reporting-service"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + name + "-ro:5432/" + database);
        for (String service : List.of("ingestion-service", "scoring-service", "reporting-service")) {
            assertThat(manifests.environment(service, service).get("QUARKUS_DATASOURCE_PASSWORD"))
                    .isEqualTo(new Manifests.Source(null, null, name + "-app", "password"));
            assertThat(manifests.environment(service, service).get("QUARKUS_DATASOURCE_USERNAME"))
                    .isEqualTo(new Manifests.Source(null, null, name + "-app", "username"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void eachServiceReachesOnlyItsOwnBackends(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> pool = manifests.all("KafkaNodePool").get(0);
        Map<String, Object> cluster = manifests.all("Cluster").get(0);
        assertThat(Maps.string(pool, "spec", "template", "pod", "metadata", "labels", "deskpulse.io/backend")).isEqualTo("kafka");
        assertThat(Maps.string(cluster, "spec", "inheritedMetadata", "labels", "deskpulse.io/backend")).isEqualTo("postgresql");
        for (String service : SERVICES) {
            ServiceSettings settings = settings(service);
            Map<String, Object> policy = manifests.get("NetworkPolicy", service);
            assertThat(Maps.map(policy, "spec", "podSelector", "matchLabels"))
                    .isEqualTo(Maps.map(manifests.get("Deployment", service), "spec", "selector", "matchLabels"));
            assertThat(Maps.list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
            Map<String, String> environment = manifests.plainEnvironment(service, service);
            Set<String> reached = new HashSet<>();
            for (Object rule : Maps.list(policy, "spec", "egress")) {
                List<Object> ports = Maps.list(rule, "ports");
                if (ports.stream().allMatch(p -> Integer.valueOf(53).equals(Maps.at(p, "port").orElse(null)))) {
                    continue; // cluster DNS
                }
                String backend = Maps.string(Maps.list(rule, "to").get(0), "podSelector", "matchLabels", "deskpulse.io/backend");
                reached.add(backend);
                int expectedPort = backend.equals("kafka")
                        ? Integer.parseInt(environment.get("KAFKA_BOOTSTRAP_SERVERS").replaceAll(".*:", ""))
                        : URI.create(environment.get("QUARKUS_DATASOURCE_JDBC_URL").substring(5)).getPort();
                assertThat(ports).as(service + " -> " + backend).containsExactly(Map.of("port", expectedPort, "protocol", "TCP"));
            }
            assertThat(reached).as(service).containsExactlyInAnyOrderElementsOf(settings.backends());
            // The API port from the ingress controller's namespace only, the management port (metrics) from
            // Prometheus' only; never from anywhere.
            int management = settings.managementPort(profile(manifests, service));
            assertThat(Maps.list(policy, "spec", "ingress")).containsExactly(
                    Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels",
                                    Map.of("kubernetes.io/metadata.name", "ingress-nginx")))),
                            "ports", List.of(Map.of("port", settings.httpPort(), "protocol", "TCP"))),
                    Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels",
                                    Map.of("kubernetes.io/metadata.name", "monitoring")))),
                            "ports", List.of(Map.of("port", management, "protocol", "TCP"))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void selectorsTargetsAndResourcesHoldTogether(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (String service : SERVICES) {
            Map<String, Object> deployment = manifests.get("Deployment", service);
            Map<String, Object> podLabels = Maps.map(deployment, "spec", "template", "metadata", "labels");
            assertThat(podLabels).containsAllEntriesOf(Maps.map(deployment, "spec", "selector", "matchLabels"));
            assertThat(podLabels).containsAllEntriesOf(Maps.map(manifests.get("Service", service), "spec", "selector"));
            assertThat(podLabels).containsAllEntriesOf(
                    Maps.map(manifests.get("PodDisruptionBudget", service), "spec", "selector", "matchLabels"));
            assertThat(Maps.at(deployment, "spec", "replicas")).as("the autoscaler owns the replica count").isEmpty();
            for (String list : List.of("containers", "initContainers")) {
                for (Object container : Maps.list(deployment, "spec", "template", "spec", list)) {
                    assertThat(Maps.map(container, "resources", "requests")).containsKeys("cpu", "memory");
                    assertThat(Maps.map(container, "resources", "limits")).containsKeys("cpu", "memory");
                    assertThat(Maps.string(container, "image")).contains("/" + service);
                }
            }
        }
        for (String service : List.of("ingestion-service", "reporting-service")) {
            assertThat(Maps.string(manifests.get("HorizontalPodAutoscaler", service), "spec", "scaleTargetRef", "name"))
                    .isEqualTo(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void prometheusScrapesEveryServiceWhereItServesMetrics(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> monitor = manifests.get("ServiceMonitor", "deskpulse");
        Map<String, Object> selector = Maps.map(monitor, "spec", "selector", "matchLabels");
        Map<String, Object> endpoint = Maps.map(Maps.list(monitor, "spec", "endpoints").get(0));
        for (String service : SERVICES) {
            assertThat(Maps.map(manifests.get("Service", service), "metadata", "labels")).containsAllEntriesOf(selector);
            assertThat(endpoint).containsEntry("port", "management").containsEntry("path", settings(service).metricsPath());
        }
    }
}
