package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.benchmark.Benchmark;
import io.deskpulse.benchmark.Results;
import io.deskpulse.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark harness working (issue 4: CI runs at most a tiny smoke run of it): the tiny profile against
 * the three packaged services, every phase but the scale steps. Its figures mean little at this size and on a
 * machine running the test suite; what is asserted is that every phase ran, measured something, and that the
 * API's answers equal the SQL baseline's and DuckDB's.
 */
class BenchmarkSmokeTest {

    private static DeskPulseStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new DeskPulseStack("deskpulse_e2e_benchmark");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theTinyProfileRunsEveryPhaseAndTheAnswersMatchTheBaseline(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("--profile", "tiny",
                "--ingest-url", stack.ingestion.baseUrl(), "--scoring-url", stack.scoring.baseUrl(),
                "--reporting-url", stack.reporting.baseUrl(),
                "--tenant", DeskPulseStack.TENANT, "--ingest-key", DeskPulseStack.INGEST_KEY,
                "--read-key", DeskPulseStack.READ_KEY, "--admin-key", DeskPulseStack.ADMIN_KEY, "--tenant-b", "none",
                "--jdbc-url", stack.jdbcUrl, "--db-user", TestInfrastructure.postgresUser(),
                "--db-password", TestInfrastructure.postgresPassword(),
                "--bootstrap", TestInfrastructure.kafkaBootstrapServers(), "--topic", stack.topic,
                "--scoring-group", stack.consumerGroup,
                "--pid", "ingestion-service=" + stack.ingestion.pid(), "--pid", "scoring-service=" + stack.scoring.pid(),
                "--pid", "reporting-service=" + stack.reporting.pid(),
                "--json", dir.resolve("results.json").toString(), "--work-dir", dir.resolve("work").toString()));
        String kafkaLibs = System.getenv("DESKPULSE_KAFKA_LIBS");
        if (kafkaLibs != null && Files.isDirectory(Path.of(kafkaLibs))) {
            args.addAll(List.of("--kafka-libs", kafkaLibs));
        } else {
            args.addAll(List.of("--skip", "raw-producer"));
        }

        Results results = Benchmark.run(args.toArray(String[]::new));

        assertThat(results.warnings).as("warnings").noneMatch(w -> w.contains("failed"));
        assertThat(results.ingestion.batches.eventsAccepted).isPositive();
        assertThat(results.ingestion.batches.eventsPerS).isPositive();
        assertThat(results.ingestion.batches.scoringPaused).as("scoring held still while the batches were timed").isTrue();
        assertThat(results.ingestion.singles.events).isPositive();
        assertThat(results.ingestion.webhooks.deliveries).isPositive();
        assertThat(results.ingestion.webhooks.eventsAccepted).isEqualTo(results.ingestion.webhooks.deliveries);
        assertThat(results.ingestion.singleSweep).extracting(level -> level.clients).containsExactly(1, 4);
        assertThat(results.ingestion.singleSweep).allSatisfy(level -> {
            assertThat(level.requests).isPositive();
            assertThat(level.eventsPerS).isPositive();
            assertThat(level.latencyP99Ms).isGreaterThanOrEqualTo(level.latencyP50Ms);
        });
        assertThat(results.ingestion.webhookSweep).extracting(level -> level.clients).containsExactly(1, 4);
        assertThat(results.ingestion.webhookSweep).allSatisfy(
                level -> assertThat(level.eventsAccepted).isPositive().isEqualTo(level.requests));
        assertThat(results.ingestion.ndjson.events).isPositive();
        if (kafkaLibs != null) {
            assertThat(results.ingestion.rawProducer.runs).isNotEmpty().allSatisfy(run -> assertThat(run.recordsPerS).isPositive());
        }
        assertThat(results.scoring.eventsApplied).isPositive();
        assertThat(results.freshness.probes).isPositive();
        assertThat(results.freshness.probesUnseen).isZero();
        assertThat(results.reporting.queries).hasSize(3).allSatisfy(query -> {
            assertThat(query.failure).as(query.name).isNull();
            assertThat(query.api.samples).as(query.name).isPositive();
            assertThat(query.answers.match).as(query.name + ": " + query.answers.examples).isTrue();
            // The DuckDB baseline: the same facts loaded once, the same SQL timed, the same answers.
            assertThat(query.duckdb.samples).as(query.name + " in DuckDB").isPositive();
            assertThat(query.vsDuckdbP99).as(query.name).isPositive();
            assertThat(query.duckdbAnswers.match).as(query.name + " in DuckDB: " + query.duckdbAnswers.examples).isTrue();
        });
        assertThat(results.reporting.duckdbRows).isEqualTo(results.reporting.ticketFactsRows);
        assertThat(results.memory.services).hasSize(3).allSatisfy(service -> assertThat(service.peakRssMb).isPositive());
        assertThat(results.targets).isNotEmpty();
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"profile\" : \"tiny\"");
    }
}
