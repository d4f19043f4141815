package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services share no main-scope code (a shared "common" module couples every deployable to every
 * other), so the few pieces the HTTP services need — API-key authentication and the problem+json
 * body — exist once per service. This keeps the copies identical but for their package: a fix to one
 * that is not made to the others fails the build. ingestion-service's copy is the reference.
 */
class SharedCodeCopiesTest {

    static List<String> sharedFiles() {
        return List.of("security/ApiKey.java", "security/ApiKeyFilter.java", "security/ApiKeyRegistry.java",
                "security/Caller.java", "security/RequiresScope.java", "security/Scope.java", "rest/Problem.java",
                "config/AuthConfig.java");
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void reportingHoldsTheSameCopyAsIngestion(String file) throws IOException {
        String ingestion = read("ingestion-service", "ingestion", file);
        String reporting = read("reporting-service", "reporting", file);
        assertThat(reporting).as(file + ": reporting-service's copy differs from ingestion-service's").isEqualTo(ingestion);
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void scoringHoldsTheSameCopyAsIngestion(String file) throws IOException {
        String ingestion = read("ingestion-service", "ingestion", file);
        String scoring = read("scoring-service", "scoring", file);
        assertThat(scoring).as(file + ": scoring-service's copy differs from ingestion-service's").isEqualTo(ingestion);
    }

    private static String read(String module, String service, String file) throws IOException {
        Path path = Path.of("..", module, "src", "main", "java", "io", "deskpulse", service, file);
        return Files.readString(path).replace("io.deskpulse." + service, "io.deskpulse.SERVICE");
    }
}
