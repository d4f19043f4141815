package io.deskpulse.ingestion.testing;

import io.deskpulse.testsupport.KafkaBrokerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A broker of the test's own (ports 39092 and 39093), which the test kills and starts again: the shared test
 * broker must never be touched. Its data starts empty on every run.
 */
public class OutageBrokerResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPIC = "deskpulse.events.outage-test";
    private static final Path DIR = Path.of("target", "outage-broker");

    private static volatile KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        delete(DIR);
        broker = KafkaBrokerProcess.start(DIR, 39092, 39093);
        Map<String, String> config = new HashMap<>(IngestionTestDatabase.start());
        config.putAll(Map.of("kafka.bootstrap.servers", broker.bootstrap(), "deskpulse.kafka.topic", TOPIC));
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    public static KafkaBrokerProcess broker() {
        return broker;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
