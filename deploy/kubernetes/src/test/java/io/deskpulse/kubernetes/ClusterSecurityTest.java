package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster's security (docs/security.md, "Cluster"): Kafka reachable only over TLS, as a KafkaUser
 * whose ACLs are exactly what its client needs, by DeskPulse's pods only; a namespace that refuses
 * everything not allowed and every pod short of the restricted standard; images that name one build.
 * Each rule is checked on the overlays, and on a copy broken on purpose to show the check catches it.
 */
class ClusterSecurityTest {

    private static final List<String> KAFKA_CLIENTS = List.of("ingestion-service", "scoring-service");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theOverlaysMeetEveryRule(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        assertThat(ClusterSecurity.listenerViolations(manifests)).isEmpty();
        assertThat(ClusterSecurity.aclViolations(manifests)).isEmpty();
        assertThat(ClusterSecurity.podSecurityViolations(manifests)).isEmpty();
        assertThat(ClusterSecurity.imageViolations(manifests, overlay.equals("overlays/prod"))).isEmpty();
        assertThat(ClusterSecurity.defaultDenyViolations(manifests)).isEmpty();
    }

    @Test
    void theBaseAloneDeniesByDefaultAndRunsOnlyRestrictedPods() {
        Manifests base = Manifests.render("base");
        assertThat(ClusterSecurity.defaultDenyViolations(base)).isEmpty();
        assertThat(ClusterSecurity.podSecurityViolations(base)).isEmpty();
        assertThat(ClusterSecurity.imageViolations(base, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void eachKafkaClientLogsInAsItsOwnUserOverTheOnlyListener(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Object> kafka = ClusterSecurity.kafka(manifests);
        String cluster = Manifests.name(kafka);
        List<Object> listeners = Maps.list(kafka, "spec", "kafka", "listeners");
        assertThat(listeners).as("one listener: a second, weaker one would be the way around the first").hasSize(1);
        Map<String, Object> listener = Maps.cast(listeners.get(0));
        assertThat(Maps.string(listener, "authentication", "type")).isEqualTo("scram-sha-512");
        Manifests.Source caCertificate = new Manifests.Source(null, null, cluster + "-cluster-ca-cert", "ca.crt");
        List<String> users = new ArrayList<>();
        for (String service : KAFKA_CLIENTS) {
            Map<String, String> plain = manifests.plainEnvironment(service, service);
            assertThat(plain).as(service).containsEntry("KAFKA_BOOTSTRAP_SERVERS", cluster + "-kafka-bootstrap:" + listener.get("port"))
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    // No user may create topics: the KafkaTopics do, and a service trying would only be refused.
                    .containsEntry("DESKPULSE_KAFKA_CREATE_TOPIC", "false");
            Map<String, Manifests.Source> environment = manifests.environment(service, service);
            String user = ClusterSecurity.kafkaUser(manifests, service);
            assertThat(environment.get("KAFKA_SASL_JAAS_CONFIG")).as(service)
                    .isEqualTo(new Manifests.Source(null, null, user, "sasl.jaas.config"));
            assertThat(environment.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES")).as(service).isEqualTo(caCertificate);
            // Strimzi's user operator writes the Secret under the user's name.
            assertThat(Maps.string(manifests.get("KafkaUser", user), "metadata", "labels", "strimzi.io/cluster")).isEqualTo(cluster);
            users.add(user);
            Map<String, Object> pod = Maps.map(manifests.get("Deployment", service), "spec", "template", "metadata", "labels");
            assertThat(Maps.list(listener, "networkPolicyPeers")).as(service + " reaches the listener")
                    .anySatisfy(peer -> assertThat(pod).containsAllEntriesOf(Maps.map(peer, "podSelector", "matchLabels")));
        }
        assertThat(users).doesNotHaveDuplicates();

        Map<String, Object> reportingPod = Maps.map(manifests.get("Deployment", "reporting-service"), "spec", "template",
                "metadata", "labels");
        assertThat(Maps.list(listener, "networkPolicyPeers")).as("reporting never talks to Kafka")
                .filteredOn(peer -> Maps.at(peer, "podSelector").isPresent()).noneSatisfy(peer ->
                assertThat(reportingPod).containsAllEntriesOf(Maps.map(peer, "podSelector", "matchLabels")));
        assertThat(manifests.environment("reporting-service", "reporting-service").keySet()).noneMatch(v -> v.startsWith("KAFKA_"));

        // The init container migrates and exits: no consumer, no Kafka credentials.
        assertThat(manifests.plainEnvironment("scoring-service", "migrate")).containsEntry("DESKPULSE_SCORING_CONSUMER_ENABLED", "false");
        assertThat(manifests.environment("scoring-service", "migrate")).doesNotContainKey("KAFKA_SASL_JAAS_CONFIG");

        Map<String, Object> trigger = Maps.cast(Maps.list(manifests.get("ScaledObject", "scoring-service"), "spec", "triggers").get(0));
        assertThat(Maps.map(trigger, "metadata")).containsEntry("sasl", "scram_sha512").containsEntry("tls", "enable");
        Map<String, Object> authentication = manifests.get("TriggerAuthentication", Maps.string(trigger, "authenticationRef", "name"));
        String keda = ClusterSecurity.kedaUser(manifests);
        assertThat(manifests.find("KafkaUser", keda)).isPresent();
        assertThat(Maps.list(authentication, "spec", "secretTargetRef")).containsExactlyInAnyOrder(
                Map.of("parameter", "password", "name", keda, "key", "password"),
                Map.of("parameter", "ca", "name", caCertificate.secret(), "key", caCertificate.key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theOperatorsPodsKeepWhatTheyNeedUnderDefaultDeny(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        String kafka = Manifests.name(ClusterSecurity.kafka(manifests));
        Map<String, Object> brokers = Map.of("strimzi.io/cluster", kafka, "strimzi.io/name", kafka + "-kafka");
        // Brokers: each other for KRaft (9090) and replication (9091). Their ingress is Strimzi's own policy.
        assertThat(egress(manifests, brokers)).contains(
                rule(brokers, Map.of("port", 9090, "protocol", "TCP"), Map.of("port", 9091, "protocol", "TCP")));
        // The entity operator: the brokers' replication port (its admin connection) and the API server.
        Map<String, Object> entityOperator = Map.of("strimzi.io/cluster", kafka, "strimzi.io/name", kafka + "-entity-operator");
        assertThat(egress(manifests, entityOperator)).contains(rule(brokers, Map.of("port", 9091, "protocol", "TCP")),
                API_SERVER);

        Map<String, Object> cluster = manifests.all("Cluster").get(0);
        Map<String, Object> instances = Map.of("cnpg.io/cluster", Manifests.name(cluster));
        Map<String, Object> policy = manifests.all("NetworkPolicy").stream()
                .filter(p -> Maps.map(p, "spec", "podSelector", "matchLabels").equals(instances)).findFirst().orElseThrow();
        assertThat(Maps.list(policy, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Maps.list(policy, "spec", "egress")).contains(Map.of("to", List.of(Map.of("podSelector",
                Map.of("matchLabels", instances)))), API_SERVER);
        List<Object> ingress = Maps.list(policy, "spec", "ingress");
        assertThat(ingress).contains(Map.of("from", List.of(Map.of("podSelector", Map.of("matchLabels", instances)))));
        // The services that connect to PostgreSQL, and no other, on its port.
        List<String> clients = ClusterSecurity.SERVICES.stream()
                .filter(s -> manifests.plainEnvironment(s, s).containsKey("QUARKUS_DATASOURCE_JDBC_URL")).toList();
        assertThat(ingress).anySatisfy(rule -> {
            assertThat(Maps.list(rule, "ports")).containsExactly(Map.of("port", 5432, "protocol", "TCP"));
            assertThat(Maps.list(Maps.list(rule, "from").get(0), "podSelector", "matchExpressions")).containsExactly(
                    Map.of("key", "app.kubernetes.io/name", "operator", "In", "values", clients));
        });
        // CloudNativePG's operator: the instance manager's status (8000) and PostgreSQL.
        assertThat(ingress).anySatisfy(rule -> assertThat(Maps.list(rule, "ports")).containsExactly(
                Map.of("port", 8000, "protocol", "TCP"), Map.of("port", 5432, "protocol", "TCP")));
        for (Map<String, Object> pods : List.of(brokers, entityOperator, instances)) {
            assertThat(egress(manifests, pods)).as(pods + " resolve names").contains(DNS);
        }
    }

    private static final Map<String, Object> API_SERVER = Map.of("ports", List.of(Map.of("port", 443, "protocol", "TCP"),
            Map.of("port", 6443, "protocol", "TCP")));
    private static final Map<String, Object> DNS = Map.of("to", List.of(Map.of("namespaceSelector", Map.of(),
            "podSelector", Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))), "ports", List.of(
            Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP")));

    /** The egress rules of the policies that select exactly these pods. */
    private static List<Object> egress(Manifests manifests, Map<String, Object> pods) {
        List<Object> rules = new ArrayList<>();
        manifests.all("NetworkPolicy").stream()
                .filter(p -> Maps.map(p, "spec", "podSelector", "matchLabels").equals(pods))
                .forEach(p -> rules.addAll(Maps.list(p, "spec", "egress")));
        assertThat(rules).as("egress allowed to " + pods).isNotEmpty();
        return rules;
    }

    @SafeVarargs
    private static Map<String, Object> rule(Map<String, Object> to, Map<String, Object>... ports) {
        return Map.of("to", List.of(Map.of("podSelector", Map.of("matchLabels", to))), "ports", List.of(ports));
    }

    @Test
    void theNamespaceEnforcesTheRestrictedStandard() {
        Map<String, Object> namespace = ClusterSecurity.namespace();
        assertThat(KubernetesSchemas.validate(namespace)).isEmpty();
        assertThat(ClusterSecurity.namespaceViolations(namespace)).isEmpty();
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            assertThat(Manifests.render(overlay).objects).allSatisfy(o ->
                    assertThat(Maps.string(o, "metadata", "namespace")).isEqualTo(Manifests.name(namespace)));
        }
    }

    @Test
    void theServicesImagesStartFromOneExactRelease() {
        List<String> bases = ClusterSecurity.SERVICES.stream().map(ClusterSecurity::baseImage).toList();
        assertThat(bases).allSatisfy(image -> assertThat(ClusterSecurity.exact(image, 3)).as(image).isTrue());
        assertThat(bases).as("one base image for the three services").containsOnly(bases.get(0));
    }

    @Test
    void theOptionalWebhookEgressAllowsHttpsToPublicAddressesOnly() {
        Manifests webhooks = Manifests.render("webhook-egress");
        assertThat(webhooks.objects).hasSize(1);
        Map<String, Object> policy = webhooks.get("NetworkPolicy", "scoring-service-webhooks");
        assertThat(Maps.map(policy, "spec", "podSelector", "matchLabels"))
                .isEqualTo(Maps.map(Manifests.render("base").get("Deployment", "scoring-service"), "spec", "selector", "matchLabels"));
        assertThat(Maps.list(policy, "spec", "policyTypes")).containsExactly("Egress");
        List<Object> rules = Maps.list(policy, "spec", "egress");
        assertThat(rules).hasSize(1);
        assertThat(Maps.list(rules.get(0), "ports")).containsExactly(Map.of("port", 443, "protocol", "TCP"));
        List<Object> blocks = Maps.list(rules.get(0), "to");
        assertThat(blocks).extracting(b -> Maps.string(b, "ipBlock", "cidr")).containsExactly("0.0.0.0/0", "::/0");
        assertThat(Maps.list(blocks.get(0), "ipBlock", "except")).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "198.18.0.0/15", "240.0.0.0/4", "0.0.0.0/8");
        assertThat(Maps.list(blocks.get(1), "ipBlock", "except")).contains("::1/128", "fc00::/7", "fe80::/10",
                "64:ff9b::/96", "2002::/16", "::ffff:0:0/96");
        // Optional: the overlays leave scoring without webhook egress until an operator adds it.
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            assertThat(Manifests.render(overlay).find("NetworkPolicy", "scoring-service-webhooks")).isEmpty();
        }
    }

    @Test
    void aListenerWithoutTlsAuthenticationOrPeersIsRefused() {
        Manifests dev = Manifests.render("overlays/dev");
        Map<String, Object> kafka = ClusterSecurity.kafka(dev);
        Map<String, Object> listener = Maps.cast(Maps.list(kafka, "spec", "kafka", "listeners").get(0));
        listener.put("tls", false);
        listener.remove("authentication");
        listener.remove("networkPolicyPeers");
        Maps.map(kafka, "spec", "kafka").remove("authorization");
        assertThat(ClusterSecurity.listenerViolations(dev)).containsExactlyInAnyOrder(
                "Kafka deskpulse: no simple authorization, so ACLs are not enforced",
                "listener tls: no TLS",
                "listener tls: no authentication (scram-sha-512 or tls), found null",
                "listener tls: no networkPolicyPeers, so any pod of the cluster reaches it");

        Manifests open = Manifests.render("overlays/dev");
        Map<String, Object> openListener = Maps.cast(Maps.list(ClusterSecurity.kafka(open), "spec", "kafka", "listeners").get(0));
        Maps.list(openListener, "networkPolicyPeers").add(new java.util.LinkedHashMap<>(Map.of("podSelector", Map.of())));
        assertThat(ClusterSecurity.listenerViolations(open)).singleElement().asString()
                .contains("a peer that selects no pods or namespaces");
    }

    @Test
    void aMissingAclOrAnExtraPermissionIsRefused() {
        Manifests missing = Manifests.render("overlays/dev");
        Map<String, Object> scoring = missing.get("KafkaUser", "deskpulse-scoring");
        Maps.list(scoring, "spec", "authorization", "acls").removeIf(acl -> "group".equals(Maps.string(acl, "resource", "type")));
        assertThat(ClusterSecurity.aclViolations(missing)).containsExactlyInAnyOrder(
                "KafkaUser deskpulse-scoring: missing ACL group:deskpulse-scoring:Read",
                "KafkaUser deskpulse-scoring: missing ACL group:deskpulse-scoring:Describe");

        Manifests extra = Manifests.render("overlays/dev");
        Map<String, Object> ingestionAcl = Maps.cast(Maps.list(extra.get("KafkaUser", "deskpulse-ingestion"), "spec",
                "authorization", "acls").get(0));
        ingestionAcl.put("operations", List.of("Write", "Describe", "Read"));
        Map<String, Object> scoringAcl = Maps.cast(Maps.list(extra.get("KafkaUser", "deskpulse-scoring"), "spec",
                "authorization", "acls").get(0));
        scoringAcl.put("operations", List.of("Read", "Describe", "Write"));
        assertThat(ClusterSecurity.aclViolations(extra)).containsExactlyInAnyOrder(
                "KafkaUser deskpulse-ingestion: extra permission topic:deskpulse.events.v1:Read",
                "KafkaUser deskpulse-scoring: extra permission topic:deskpulse.events.v1:Write");

        Manifests prefixed = Manifests.render("overlays/dev");
        Map<String, Object> kedaAcl = Maps.cast(Maps.list(prefixed.get("KafkaUser", "deskpulse-keda"), "spec",
                "authorization", "acls").get(0));
        Maps.map(kedaAcl, "resource").put("patternType", "prefix");
        assertThat(ClusterSecurity.aclViolations(prefixed)).singleElement().asString()
                .startsWith("KafkaUser deskpulse-keda: a prefix ACL covers more resources than it names");

        Manifests stranger = Manifests.render("overlays/dev");
        Map<String, Object> other = Yaml.copy(stranger.get("KafkaUser", "deskpulse-keda"));
        Maps.map(other, "metadata").put("name", "someone-else");
        stranger.objects.add(other);
        stranger.objects.removeIf(o -> "KafkaUser".equals(o.get("kind")) && "deskpulse-ingestion".equals(Manifests.name(o)));
        assertThat(ClusterSecurity.aclViolations(stranger)).containsExactlyInAnyOrder(
                "KafkaUser someone-else: used by no DeskPulse client",
                "no KafkaUser deskpulse-ingestion for a client that logs in as it");
    }

    @Test
    void aContainerWithoutTheRestrictedContextIsRefused() {
        Manifests dev = Manifests.render("overlays/dev");
        Map<String, Object> pod = Maps.map(dev.get("Deployment", "scoring-service"), "spec", "template", "spec");
        Map<String, Object> migrate = Maps.cast(Maps.list(pod, "initContainers").get(0));
        Maps.map(migrate, "securityContext").put("allowPrivilegeEscalation", true);
        Maps.map(migrate, "securityContext").remove("capabilities");
        Map<String, Object> main = Maps.cast(Maps.list(pod, "containers").get(0));
        Maps.map(main, "securityContext").put("runAsNonRoot", false);
        Maps.map(main, "securityContext").put("seccompProfile", new java.util.LinkedHashMap<>(Map.of("type", "Unconfined")));
        Maps.list(pod, "volumes").add(Map.of("name", "host", "hostPath", Map.of("path", "/var/run")));
        assertThat(ClusterSecurity.podSecurityViolations(dev)).containsExactlyInAnyOrder(
                "Deployment scoring-service: volume host of type [hostPath]",
                "Deployment scoring-service/migrate: allowPrivilegeEscalation is not false",
                "Deployment scoring-service/migrate: capabilities do not drop ALL",
                "Deployment scoring-service/scoring-service: runAsNonRoot is not true",
                "Deployment scoring-service/scoring-service: seccompProfile is not RuntimeDefault (found Unconfined)");
    }

    @Test
    void aNamespaceWithoutPodSecurityLabelsIsRefused() {
        Map<String, Object> namespace = Yaml.copy(ClusterSecurity.namespace());
        Map<String, Object> labels = Maps.map(namespace, "metadata", "labels");
        labels.remove("pod-security.kubernetes.io/enforce");
        labels.put("pod-security.kubernetes.io/warn", "baseline");
        assertThat(ClusterSecurity.namespaceViolations(namespace)).containsExactlyInAnyOrder(
                "Namespace deskpulse: pod-security.kubernetes.io/enforce is null, not restricted",
                "Namespace deskpulse: pod-security.kubernetes.io/warn is baseline, not restricted");
    }

    @Test
    void aFloatingImageOrVersionIsRefused() {
        for (String floating : List.of("eclipse-temurin:17-jre", "eclipse-temurin:17", "eclipse-temurin:latest",
                "eclipse-temurin", "registry.example.com:5000/deskpulse/scoring-service", "deskpulse/scoring-service:0.1",
                "deskpulse/scoring-service:latest-0.1.0", "ghcr.io/cloudnative-pg/postgresql:17")) {
            assertThat(ClusterSecurity.exact(floating, floating.contains("postgresql") ? 2 : 3)).as(floating).isFalse();
        }
        for (String exact : List.of("eclipse-temurin:17.0.20_8-jre-noble", "deskpulse/scoring-service:0.1.0-SNAPSHOT",
                "registry.example.com:5000/deskpulse/scoring-service:0.1.0",
                "eclipse-temurin@sha256:" + "0123456789abcdef".repeat(4))) {
            assertThat(ClusterSecurity.exact(exact, 3)).as(exact).isTrue();
        }
        assertThat(ClusterSecurity.exact("ghcr.io/cloudnative-pg/postgresql:15.19-system-trixie", 2)).isTrue();

        Manifests prod = Manifests.render("overlays/prod");
        Maps.cast(Maps.list(prod.get("Deployment", "reporting-service"), "spec", "template", "spec", "containers").get(0))
                .put("image", "registry.example.com/deskpulse/reporting-service:latest");
        Maps.map(prod.all("Kafka").get(0), "spec", "kafka").remove("version");
        Maps.map(prod.all("Cluster").get(0), "spec").put("imageName", "ghcr.io/cloudnative-pg/postgresql:17");
        assertThat(ClusterSecurity.imageViolations(prod, true)).containsExactlyInAnyOrder(
                "Deployment reporting-service/reporting-service: image registry.example.com/deskpulse/reporting-service:latest"
                        + " is not an exact version or digest",
                "Kafka deskpulse: version null is not exact (unset follows the operator's default)",
                "Cluster deskpulse-db: imageName ghcr.io/cloudnative-pg/postgresql:17 is not an exact version or digest"
                        + " (unset follows the operator's default)");
        assertThat(ClusterSecurity.imageViolations(Manifests.render("overlays/dev"), true)).as("a snapshot in production")
                .anySatisfy(v -> assertThat(v).contains("is a snapshot"));
    }

    @Test
    void withoutADefaultDenyPolicyTheNamespaceIsRefused() {
        Manifests dev = Manifests.render("overlays/dev");
        dev.objects.removeIf(o -> "NetworkPolicy".equals(o.get("kind")) && "default-deny".equals(Manifests.name(o)));
        assertThat(ClusterSecurity.defaultDenyViolations(dev)).containsExactly(
                "overlays/dev: no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");

        Manifests ingressOnly = Manifests.render("overlays/dev");
        Maps.map(ingressOnly.get("NetworkPolicy", "default-deny"), "spec").put("policyTypes", List.of("Ingress"));
        assertThat(ClusterSecurity.defaultDenyViolations(ingressOnly)).hasSize(1);
    }
}
