package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every kustomization under deploy/kubernetes renders, and every object it yields is valid. */
class OverlaysTest {

    private static final CrdSchemas CRDS = new CrdSchemas(Path.of("src/test/resources/crd-schemas"));

    @TestFactory
    Stream<DynamicTest> everyObjectOfEveryKustomizationIsValid() {
        Map<String, Path> kustomizations = Kustomize.kustomizations(Manifests.directory());
        assertThat(kustomizations).containsKeys("base", "strimzi", "cloudnative-pg", "monitoring", "webhook-egress",
                "overlays/dev", "overlays/prod");
        return kustomizations.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Manifests manifests = Manifests.render(name);
            assertThat(manifests.objects).isNotEmpty();
            List<String> errors = new ArrayList<>();
            for (Map<String, Object> object : manifests.objects) {
                List<String> found = KubernetesSchemas.covers(object) ? KubernetesSchemas.validate(object)
                        : CRDS.validate(object);
                found.forEach(e -> errors.add(Kustomize.id(object) + ": " + e));
            }
            assertThat(errors).isEmpty();
        }));
    }

    @Test
    void theOverlaysHoldEveryPieceTheIssueAsksFor() {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            Manifests manifests = Manifests.render(overlay);
            assertThat(manifests.objects).extracting(o -> o.get("kind") + "/" + Manifests.name(o)).contains(
                    "Deployment/ingestion-service", "Deployment/scoring-service", "Deployment/reporting-service",
                    "Service/ingestion-service", "Service/scoring-service", "Service/reporting-service",
                    "PodDisruptionBudget/ingestion-service", "PodDisruptionBudget/scoring-service",
                    "PodDisruptionBudget/reporting-service", "NetworkPolicy/ingestion-service",
                    "NetworkPolicy/scoring-service", "NetworkPolicy/reporting-service",
                    "HorizontalPodAutoscaler/ingestion-service", "HorizontalPodAutoscaler/reporting-service",
                    "ScaledObject/scoring-service", "Kafka/deskpulse", "KafkaNodePool/dual-role",
                    "KafkaTopic/deskpulse.events.v1", "KafkaTopic/deskpulse.events.v1.dlq", "Cluster/deskpulse-db",
                    "ServiceMonitor/deskpulse", "PrometheusRule/deskpulse", "NetworkPolicy/default-deny",
                    "KafkaUser/deskpulse-ingestion", "KafkaUser/deskpulse-scoring", "KafkaUser/deskpulse-keda",
                    "TriggerAuthentication/scoring-service-kafka", "NetworkPolicy/deskpulse-kafka-egress",
                    "NetworkPolicy/deskpulse-entity-operator-egress", "NetworkPolicy/deskpulse-db");
            assertThat(manifests.objects).allSatisfy(o -> assertThat(Maps.string(o, "metadata", "namespace"))
                    .isEqualTo("deskpulse"));
        }
    }

    @Test
    void theValidatorsRefuseWhatTheApiServerWould() {
        Manifests dev = Manifests.render("overlays/dev");
        Map<String, Object> deployment = Yaml.copy(dev.get("Deployment", "scoring-service"));
        Maps.cast(Maps.list(deployment, "spec", "template", "spec", "containers").get(0)).put("imagePullPolicyy", "Always");
        assertThat(KubernetesSchemas.validate(deployment)).singleElement().asString().contains("imagePullPolicyy");

        Map<String, Object> wrongType = Yaml.copy(dev.get("Deployment", "scoring-service"));
        Maps.map(Maps.list(wrongType, "spec", "template", "spec", "containers").get(0), "startupProbe")
                .put("failureThreshold", "sixty");
        assertThat(KubernetesSchemas.validate(wrongType)).singleElement().asString()
                .contains("startupProbe.failureThreshold", "expected an integer");

        Map<String, Object> topic = Yaml.copy(dev.get("KafkaTopic", "deskpulse.events.v1"));
        Maps.map(topic, "spec").put("partitions", 0);
        Maps.map(topic, "spec").put("retention", "30d");
        assertThat(CRDS.validate(topic)).hasSize(2).anySatisfy(e -> assertThat(e).contains("partitions"))
                .anySatisfy(e -> assertThat(e).contains("retention"));

        Map<String, Object> scaledObject = Yaml.copy(dev.get("ScaledObject", "scoring-service"));
        Maps.map(Maps.list(scaledObject, "spec", "triggers").get(0), "metadata").put("lagThreshold", 20000);
        assertThat(CRDS.validate(scaledObject)).singleElement().asString().contains("lagThreshold");

        Map<String, Object> rules = Yaml.copy(dev.get("PrometheusRule", "deskpulse"));
        Map<String, Object> rule = Maps.cast(Maps.list(Maps.cast(Maps.list(rules, "spec", "groups").get(0)), "rules").get(0));
        rule.remove("expr");
        rule.put("for", "five minutes");
        assertThat(CRDS.validate(rules)).hasSize(2).anySatisfy(e -> assertThat(e).contains("expr"))
                .anySatisfy(e -> assertThat(e).contains("for"));

        assertThat(KubernetesSchemas.validate(Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "x"))))
                .containsExactly("no schema for v1 Pod");
    }

    @Test
    void onlyTheEntityOperatorIsNotExcerpted() {
        assertThat(CRDS.notExcerpted()).containsExactly("kafka.strimzi.io/v1/Kafka.spec.entityOperator");
    }
}
