package io.deskpulse.ingestion.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.service.EventValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every payload example under test resources webhooks/&lt;platform&gt;/ maps either to events that /v1/events accepts
 * as they are, or to a {@link MappingException} naming a field: never to anything else (an exception of another
 * kind, an invalid event).
 */
class ReferencePayloadsTest {

    @Test
    void everyExampleMapsToValidEventsOrNamesWhatIsWrong() throws IOException, URISyntaxException {
        Path root = Path.of(ReferencePayloadsTest.class.getClassLoader().getResource("webhooks").toURI());
        List<Path> examples;
        try (Stream<Path> files = Files.walk(root)) {
            examples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThan(20);
        int events = 0;
        for (Path example : examples) {
            Platform platform = Platform.fromJson(example.getParent().getFileName().toString().toUpperCase(Locale.ROOT));
            HookRequest request = Hooks.request(Files.readAllBytes(example), java.util.Map.of());
            try {
                events += Hooks.mapValid(PayloadMapper.forPlatform(platform), request).events().size();
            } catch (MappingException e) {
                assertThat(e.field()).as(example.toString()).isNotBlank();
                assertThat(e.reason()).as(example.toString()).isNotBlank();
            }
        }
        assertThat(events).isGreaterThan(20);
    }

    @Test
    void theValidatorTheTestsUseRefusesWhatTheContractRefuses() {
        ObjectNode event = PayloadMapper.forPlatform(Platform.ZAMMAD)
                .map(Hooks.fromResource("zammad/docs-default-payload.json"), Hooks.CONNECTOR).events().get(1);
        ((ObjectNode) event.get("data")).put("author", "agent");
        assertThat(EventValidator.fromClasspath(new ObjectMapper()).normaliseAndValidate(event)).isNotEmpty();
        assertThatThrownBy(() -> Hooks.mapValid((request, connector) -> new Mapped(List.of(event), List.of()),
                Hooks.fromResource("zammad/docs-default-payload.json"))).isInstanceOf(AssertionError.class);
    }
}
