package io.deskpulse.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The cluster's security rules (docs/security.md, "Cluster") as checks over rendered manifests. Each
 * check returns the violations it finds, one sentence each, so that a test can assert there are none
 * and, on a manifest broken on purpose, that the break is named.
 */
final class ClusterSecurity {

    static final List<String> SERVICES = List.of("ingestion-service", "scoring-service", "reporting-service");
    /** Kafka's ACL semantics: these operations imply Describe on the same resource. */
    private static final Set<String> IMPLY_DESCRIBE = Set.of("Read", "Write", "Delete", "Alter");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");

    private ClusterSecurity() {
    }

    /** The one Kafka cluster of an overlay. */
    static Map<String, Object> kafka(Manifests manifests) {
        List<Map<String, Object>> clusters = manifests.all("Kafka");
        if (clusters.size() != 1) {
            throw new IllegalStateException(manifests.overlay + ": expected one Kafka, found " + clusters.size());
        }
        return clusters.get(0);
    }

    /** Every listener encrypted and authenticated, reachable only from named peers; ACLs enforced. */
    static List<String> listenerViolations(Manifests manifests) {
        Map<String, Object> kafka = kafka(manifests);
        List<String> violations = new ArrayList<>();
        if (!"simple".equals(Maps.string(kafka, "spec", "kafka", "authorization", "type"))) {
            violations.add("Kafka " + Manifests.name(kafka) + ": no simple authorization, so ACLs are not enforced");
        }
        for (Object listener : Maps.list(kafka, "spec", "kafka", "listeners")) {
            String name = "listener " + Maps.string(listener, "name");
            if (!Boolean.TRUE.equals(Maps.at(listener, "tls").orElse(null))) {
                violations.add(name + ": no TLS");
            }
            String authentication = Maps.string(listener, "authentication", "type");
            if (!"scram-sha-512".equals(authentication) && !"tls".equals(authentication)) {
                violations.add(name + ": no authentication (scram-sha-512 or tls), found " + authentication);
            }
            List<Object> peers = Maps.list(listener, "networkPolicyPeers");
            if (peers.isEmpty()) {
                violations.add(name + ": no networkPolicyPeers, so any pod of the cluster reaches it");
            }
            for (Object peer : peers) {
                boolean pods = !Maps.map(peer, "podSelector").isEmpty();
                boolean namespaces = !Maps.map(peer, "namespaceSelector").isEmpty();
                if (Maps.at(peer, "ipBlock").isPresent() || (!pods && !namespaces)) {
                    violations.add(name + ": a peer that selects no pods or namespaces by label: " + peer);
                }
            }
        }
        return violations;
    }

    /** The KafkaUser a Deployment's Kafka client logs in as: the Secret its JAAS configuration comes from. */
    static String kafkaUser(Manifests manifests, String service) {
        Manifests.Source jaas = manifests.environment(service, service).get("KAFKA_SASL_JAAS_CONFIG");
        return jaas == null || !jaas.fromSecret() ? null : jaas.secret();
    }

    /**
     * The ACLs each client needs, from the settings the manifests give it: ingestion writes the event
     * topic; scoring reads it in its group and writes the dead-letter topic; KEDA describes the topic
     * and the group. Each entry is type:name:operation.
     */
    static Map<String, Set<String>> requiredAcls(Manifests manifests) {
        Map<String, String> ingestion = manifests.plainEnvironment("ingestion-service", "ingestion-service");
        Map<String, String> scoring = manifests.plainEnvironment("scoring-service", "scoring-service");
        String events = scoring.get("DESKPULSE_KAFKA_TOPIC");
        String deadLetters = scoring.get("DESKPULSE_KAFKA_DEAD_LETTER_TOPIC");
        String group = scoring.get("DESKPULSE_SCORING_CONSUMER_GROUP");
        Map<String, Set<String>> required = new LinkedHashMap<>();
        required.put(kafkaUser(manifests, "ingestion-service"), Set.of(
                "topic:" + ingestion.get("DESKPULSE_KAFKA_TOPIC") + ":Write",
                "topic:" + ingestion.get("DESKPULSE_KAFKA_TOPIC") + ":Describe"));
        required.put(kafkaUser(manifests, "scoring-service"), Set.of("topic:" + events + ":Read",
                "topic:" + events + ":Describe", "group:" + group + ":Read", "group:" + group + ":Describe", "topic:" + deadLetters + ":Write",
                "topic:" + deadLetters + ":Describe"));
        required.put(kedaUser(manifests), Set.of("topic:" + events + ":Describe", "group:" + group + ":Describe"));
        return required;
    }

    /** The user KEDA's trigger authenticates as: the username its TriggerAuthentication reads. */
    static String kedaUser(Manifests manifests) {
        Map<String, Object> trigger = Maps.cast(Maps.list(manifests.get("ScaledObject", "scoring-service"), "spec", "triggers").get(0));
        Map<String, Object> authentication = manifests.get("TriggerAuthentication",
                Maps.string(trigger, "authenticationRef", "name"));
        for (Object ref : Maps.list(authentication, "spec", "configMapTargetRef")) {
            if ("username".equals(Maps.string(ref, "parameter"))) {
                return Maps.string(manifests.get("ConfigMap", Maps.string(ref, "name")), "data", Maps.string(ref, "key"));
            }
        }
        return null;
    }

    /** A user's ACLs as type:name:operation, with what a rule may not do named as violations. */
    static Set<String> grants(Map<String, Object> user, List<String> violations) {
        Set<String> grants = new TreeSet<>();
        String name = "KafkaUser " + Manifests.name(user);
        if (!"simple".equals(Maps.string(user, "spec", "authorization", "type"))) {
            violations.add(name + ": no simple authorization");
        }
        for (Object acl : Maps.list(user, "spec", "authorization", "acls")) {
            String type = Maps.string(acl, "type");
            if (type != null && !type.equals("allow")) {
                continue; // a deny rule takes permissions away; it never adds one
            }
            String pattern = Maps.string(acl, "resource", "patternType");
            if (pattern != null && !pattern.equals("literal")) {
                violations.add(name + ": a " + pattern + " ACL covers more resources than it names: " + acl);
            }
            String host = Maps.string(acl, "host");
            if (host != null && !host.equals("*")) {
                violations.add(name + ": an ACL for one host only (pod addresses change): " + acl);
            }
            String resource = Maps.string(acl, "resource", "type") + ":" + Maps.string(acl, "resource", "name");
            for (Object operation : Maps.list(acl, "operations")) {
                grants.add(resource + ":" + operation);
                if (IMPLY_DESCRIBE.contains(operation)) {
                    grants.add(resource + ":Describe");
                }
            }
        }
        return grants;
    }

    /** Each client's KafkaUser grants exactly what it needs; no other user exists; authentication matches. */
    static List<String> aclViolations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> required = requiredAcls(manifests);
        String listenerAuthentication = Maps.string(Maps.list(kafka(manifests), "spec", "kafka", "listeners").get(0),
                "authentication", "type");
        Set<String> users = new LinkedHashSet<>();
        for (Map<String, Object> user : manifests.all("KafkaUser")) {
            String name = Manifests.name(user);
            users.add(name);
            if (!required.containsKey(name)) {
                violations.add("KafkaUser " + name + ": used by no DeskPulse client");
                continue;
            }
            if (!Objects.equals(listenerAuthentication, Maps.string(user, "spec", "authentication", "type"))) {
                violations.add("KafkaUser " + name + ": authentication " + Maps.string(user, "spec", "authentication", "type")
                        + ", the listener's is " + listenerAuthentication);
            }
            Set<String> granted = grants(user, violations);
            for (String grant : granted) {
                if (!required.get(name).contains(grant)) {
                    violations.add("KafkaUser " + name + ": extra permission " + grant);
                }
            }
            for (String grant : required.get(name)) {
                if (!granted.contains(grant)) {
                    violations.add("KafkaUser " + name + ": missing ACL " + grant);
                }
            }
        }
        required.keySet().stream().filter(u -> !users.contains(u))
                .forEach(u -> violations.add("no KafkaUser " + u + " for a client that logs in as it"));
        return violations;
    }

    /** The Pod Security "restricted" standard, for every container of every Deployment. */
    static List<String> podSecurityViolations(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.all("Deployment")) {
            Map<String, Object> pod = Maps.map(deployment, "spec", "template", "spec");
            String name = "Deployment " + Manifests.name(deployment);
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (Boolean.TRUE.equals(pod.get(host))) {
                    violations.add(name + ": " + host);
                }
            }
            for (Object volume : Maps.list(pod, "volumes")) {
                Set<String> types = new TreeSet<>(Maps.cast(volume).keySet());
                types.remove("name");
                if (!RESTRICTED_VOLUMES.containsAll(types)) {
                    violations.add(name + ": volume " + Maps.string(volume, "name") + " of type " + types);
                }
            }
            Map<String, Object> podContext = Maps.map(pod, "securityContext");
            List<Object> containers = new ArrayList<>(Maps.list(pod, "initContainers"));
            containers.addAll(Maps.list(pod, "containers"));
            for (Object container : containers) {
                String where = name + "/" + Maps.string(container, "name");
                Map<String, Object> context = Maps.map(container, "securityContext");
                Object nonRoot = context.containsKey("runAsNonRoot") ? context.get("runAsNonRoot") : podContext.get("runAsNonRoot");
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                Object user = context.containsKey("runAsUser") ? context.get("runAsUser") : podContext.get("runAsUser");
                if (Integer.valueOf(0).equals(user)) {
                    violations.add(where + ": runAsUser 0");
                }
                String seccomp = context.containsKey("seccompProfile") ? Maps.string(context, "seccompProfile", "type")
                        : Maps.string(podContext, "seccompProfile", "type");
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    violations.add(where + ": seccompProfile is not RuntimeDefault (found " + seccomp + ")");
                }
                if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (Boolean.TRUE.equals(context.get("privileged"))) {
                    violations.add(where + ": privileged");
                }
                if (!Maps.list(context, "capabilities", "drop").contains("ALL")) {
                    violations.add(where + ": capabilities do not drop ALL");
                }
                if (!Maps.list(context, "capabilities", "add").isEmpty()) {
                    violations.add(where + ": capabilities added " + Maps.list(context, "capabilities", "add"));
                }
                for (Object port : Maps.list(container, "ports")) {
                    if (Maps.at(port, "hostPort").isPresent()) {
                        violations.add(where + ": hostPort");
                    }
                }
            }
        }
        return violations;
    }

    /** The namespace enforces, audits and warns with the restricted standard. */
    static List<String> namespaceViolations(Map<String, Object> namespace) {
        List<String> violations = new ArrayList<>();
        for (String mode : List.of("enforce", "audit", "warn")) {
            String label = "pod-security.kubernetes.io/" + mode;
            String level = Maps.string(namespace, "metadata", "labels", label);
            if (!"restricted".equals(level)) {
                violations.add("Namespace " + Manifests.name(namespace) + ": " + label + " is " + level + ", not restricted");
            }
        }
        return violations;
    }

    static Map<String, Object> namespace() {
        return Yaml.loadMap(Manifests.directory().resolve("namespace.yaml"));
    }

    /**
     * Whether an image reference names one build: a digest, or a tag that is an exact version of at
     * least {@code components} numbers (17.0.20_8-jre-noble, 0.1.0, 15.19), never latest or 17-jre.
     */
    static boolean exact(String reference, int components) {
        if (DIGEST.matcher(reference).matches()) {
            return true;
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            return false;
        }
        String tag = reference.substring(colon + 1);
        return tag.matches("v?\\d+(\\.\\d+){" + (components - 1) + ",}([-_+.][0-9A-Za-z._-]+)?") && !tag.contains("latest");
    }

    /** Every image of an overlay, and Kafka's and PostgreSQL's versions, exact; no snapshot in production. */
    static List<String> imageViolations(Manifests manifests, boolean production) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.all("Deployment")) {
            Map<String, Object> pod = Maps.map(deployment, "spec", "template", "spec");
            List<Object> containers = new ArrayList<>(Maps.list(pod, "initContainers"));
            containers.addAll(Maps.list(pod, "containers"));
            for (Object container : containers) {
                String image = Maps.string(container, "image");
                String where = "Deployment " + Manifests.name(deployment) + "/" + Maps.string(container, "name");
                if (image == null || !exact(image, 3)) {
                    violations.add(where + ": image " + image + " is not an exact version or digest");
                } else if (production && image.contains("SNAPSHOT")) {
                    violations.add(where + ": image " + image + " is a snapshot, rebuilt under the same tag");
                }
            }
        }
        for (Map<String, Object> kafka : manifests.all("Kafka")) {
            String version = Maps.string(kafka, "spec", "kafka", "version");
            if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+")) {
                violations.add("Kafka " + Manifests.name(kafka) + ": version " + version + " is not exact"
                        + " (unset follows the operator's default)");
            }
            if (Maps.at(kafka, "spec", "kafka", "image").isPresent()) {
                violations.add("Kafka " + Manifests.name(kafka) + ": an image of its own instead of the operator release's");
            }
        }
        for (Map<String, Object> cluster : manifests.all("Cluster")) {
            String image = Maps.string(cluster, "spec", "imageName");
            // PostgreSQL's exact versions have two numbers (15.19).
            if (image == null || !exact(image, 2)) {
                violations.add("Cluster " + Manifests.name(cluster) + ": imageName " + image
                        + " is not an exact version or digest (unset follows the operator's default)");
            }
        }
        return violations;
    }

    /** The base image of a service's Dockerfile (its first FROM). */
    static String baseImage(String service) {
        try {
            return Files.readAllLines(Manifests.repository().resolve(service + "/src/main/docker/Dockerfile.jvm")).stream()
                    .filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow().substring("FROM ".length()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A NetworkPolicy for every pod of the namespace with no rule at all: everything refused, both ways. */
    static List<String> defaultDenyViolations(Manifests manifests) {
        boolean found = manifests.all("NetworkPolicy").stream().anyMatch(policy ->
                Maps.map(policy, "spec", "podSelector").values().stream().allMatch(v -> v instanceof Map<?, ?> m && m.isEmpty()
                        || v instanceof List<?> l && l.isEmpty())
                && Maps.list(policy, "spec", "policyTypes").containsAll(List.of("Ingress", "Egress"))
                && Maps.list(policy, "spec", "ingress").isEmpty() && Maps.list(policy, "spec", "egress").isEmpty());
        return found ? List.of() : List.of(manifests.overlay + ": no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");
    }
}
