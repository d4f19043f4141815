package io.deskpulse.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile (images cannot be built here) against its configuration and the manifests. */
class DockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingestion-service", "scoring-service", "reporting-service"})
    void theImageRunsThePackagedServiceAsTheManifestsExpect(String service) throws IOException {
        ServiceSettings settings = new ServiceSettings(Manifests.repository(), service);
        Manifests base = Manifests.render("base");
        Path dockerfile = settings.module.resolve("src/main/docker/Dockerfile.jvm");
        List<String> instructions = Files.readAllLines(dockerfile).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ")).toList();
        // Java 17's JRE, an exact Temurin release (ClusterSecurityTest: never a moving tag), optionally with its digest.
        assertThat(instructions.get(0)).matches("FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?");
        // The Quarkus fast-jar layout that ./mvnw package writes (no quarkus.package.jar.type is set).
        assertThat(settings.properties).doesNotContainKey("quarkus.package.jar.type");
        assertThat(instructions).filteredOn(i -> i.startsWith("COPY")).containsExactly(
                "COPY --chown=185:185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185:185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185:185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185:185 target/quarkus-app/quarkus/ /deployments/quarkus/");
        // The image is built with the profile the manifests run it with: /q on the management port only.
        String profile = base.plainEnvironment(service, service).get("QUARKUS_PROFILE");
        assertThat(Files.readString(dockerfile)).contains("./mvnw -B package -DskipTests -Dquarkus.profile=" + profile);
        assertThat(instructions).contains("EXPOSE " + settings.httpPort() + " " + settings.managementPort(profile),
                        "WORKDIR /deployments")
                .last().asString().contains("\"-jar\", \"/deployments/quarkus-run.jar\"").startsWith("ENTRYPOINT [");

        Map<String, Object> pod = Maps.map(base.get("Deployment", service), "spec", "template", "spec");
        assertThat(instructions).contains("USER " + Maps.at(pod, "securityContext", "runAsUser").orElseThrow());
        assertThat(Maps.at(pod, "securityContext", "runAsNonRoot")).contains(true);
        String version = Files.readString(Manifests.repository().resolve("pom.xml"))
                .replaceAll("(?s).*?<artifactId>deskpulse-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        String image = "deskpulse/" + service + ":" + version;
        assertThat(Maps.string(base.container(service, service), "image")).isEqualTo(image);
        assertThat(Files.readString(dockerfile)).contains("docker build -f " + service + "/src/main/docker/Dockerfile.jvm -t "
                + image + " " + service);
    }
}
