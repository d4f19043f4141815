package io.deskpulse.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run is repeatable: request n depends on the seed and n alone, and every endpoint and generator gets its turn. */
class GeneratorTest {

    private static final String DOCUMENT = """
            {"paths": {
              "/v1/events": {"post": {"requestBody": {"content": {"application/json": {}}}}},
              "/v1/alert-rules/{id}": {"put": {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"example": {"name": "n", "threshold": 5}}}}}},
              "/v1/kpis": {"get": {"parameters": [{"name": "team", "in": "query", "schema": {"type": "string"}},
                {"name": "granularity", "in": "query", "schema": {"enum": ["day", "week"]}}]}},
              "/q/health": {"get": {}}
            }}""";

    private static Generator generator(long seed) throws Exception {
        List<OpenApi.Endpoint> endpoints = new java.util.ArrayList<>();
        for (OpenApi.Endpoint endpoint : OpenApi.parse("scoring", new ObjectMapper().readTree(DOCUMENT))) {
            endpoints.add(endpoint.path().equals("/v1/events") ? new OpenApi.Endpoint("ingestion", endpoint.method(),
                    endpoint.path(), endpoint.params(), endpoint.contentTypes(), null) : endpoint);
        }
        endpoints.sort((a, b) -> Boolean.compare(!a.service().equals("ingestion"), !b.service().equals("ingestion")));
        return new Generator(seed, endpoints, Map.of("ingestion", "i", "scoring", "s", "reporting", "r"),
                Map.of("ingestion", 1, "scoring", 2, "reporting", 3));
    }

    @Test
    void theOpenApiDocumentGivesTheV1OperationsOnly() throws Exception {
        assertThat(OpenApi.parse("scoring", new ObjectMapper().readTree(DOCUMENT))).extracting(OpenApi.Endpoint::label)
                .containsExactlyInAnyOrder("POST /v1/events", "PUT /v1/alert-rules/{id}", "GET /v1/kpis");
    }

    @Test
    void theSameSeedAndNumberMakeTheSameBytes() throws Exception {
        Generator one = generator(13);
        Generator two = generator(13);
        for (int i = 0; i < 300; i++) {
            Request a = one.request(i);
            Request b = two.request(i);
            assertThat(a.head()).as("request %d", i).isEqualTo(b.head());
            assertThat(a.body()).as("request %d", i).isEqualTo(b.body());
        }
        Generator other = generator(14);
        assertThat(java.util.stream.IntStream.range(0, 300).filter(i -> !java.util.Arrays.equals(
                other.request(i).head(), one.request(i).head())).count()).as("requests another seed changes").isPositive();
    }

    @Test
    void everyEndpointAndGeneratorTakesItsTurn() throws Exception {
        Generator generator = generator(13);
        Set<String> endpoints = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Request request = generator.request(i);
            endpoints.add(request.endpoint().replaceAll(" \\(.*", ""));
            kinds.add(request.generator());
        }
        assertThat(endpoints).containsExactlyInAnyOrder("POST /v1/events", "PUT /v1/alert-rules/{id}", "GET /v1/kpis");
        assertThat(kinds).containsAll(Generator.KINDS);
        assertThat(kinds).contains("event-field", "event-time", "event-bad-json", "event-header-flood");
    }
}
