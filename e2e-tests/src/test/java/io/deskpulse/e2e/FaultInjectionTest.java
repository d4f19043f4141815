package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.faults.FaultSuite;
import io.deskpulse.faults.SuiteResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, whatever fails (issue 11): the fault suite's CI variant (docs/faults.md). On a stack of its own — its
 * own PostgreSQL cluster, Kafka broker and the three packaged services on free ports, never the test broker or the
 * machine's PostgreSQL — a retrying client posts the same traffic for a control tenant, then for one tenant per fault
 * while the fault is injected mid-stream: scoring killed in a batch, ingestion killed with requests in flight, the
 * broker killed, PostgreSQL crashed after a commit, a second scoring instance joining and leaving, and scoring cut from
 * PostgreSQL for longer than its lock timeout (the connections surviving, or given up while the server keeps the
 * sessions). Every KPI of every day, team, agent and queue, every ticket and every day's churn must equal the control
 * tenant's; the counts, sums and averages the oracles compute from the accepted events (queues, reply time, effort,
 * sentiment, online time and cost at the saved rates, churn and its revenue included) must equal the reported ones;
 * and a copy kept by incremental export must equal the listing.
 */
class FaultInjectionTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void everyFaultLosesNothingAndCountsNothingTwice(@TempDir Path dir) throws Exception {
        SuiteResults results = FaultSuite.run("--profile", "ci", "--root", ServiceProcess.root().toString(),
                "--ports", "free", "--work-dir", dir.resolve("work").toString(),
                "--json", dir.resolve("faults.json").toString());

        assertThat(results.failures).as("the suite's verdicts").isEmpty();
        assertThat(results.control.accepted).isEqualTo(results.settings.distinctEvents);
        assertThat(results.faults).extracting(phase -> phase.name).containsExactly("scoring-kill", "ingestion-kill",
                "broker-kill", "postgres-crash", "rebalance", "partition", "partition-cut");
        assertThat(results.faults).allSatisfy(phase -> {
            assertThat(phase.injection).as(phase.name).isNotNull();
            assertThat(phase.accepted).as(phase.name + " accepted").isEqualTo(results.settings.distinctEvents);
            assertThat(phase.applied).as(phase.name + " applied").isEqualTo(phase.accepted);
            assertThat(phase.lost).as(phase.name + " lost").isZero();
            assertThat(phase.doubled).as(phase.name + " doubled").isZero();
            assertThat(phase.totalsOffThousandths).as(phase.name).isZero();
            assertThat(phase.differential).as(phase.name).hasSize(7)
                    .allSatisfy(diff -> assertThat(diff.mismatches).as(phase.name + " " + diff.table + " " + diff.examples)
                            .isZero());
            assertThat(phase.recoverS).as(phase.name + " recovered").isNotNull();
            assertThat(phase.deadLetters).as(phase.name).isZero();
            assertThat(phase.reconciliation.passed).as(phase.name + " " + phase.reconciliation.note).isTrue();
        });
        // the faults did break something: ingestion refused while it was down
        assertThat(results.faults.get(1).refusals).as("ingestion-kill").isNotEmpty();
        assertThat(Files.readString(dir.resolve("faults.json"))).contains("\"profile\" : \"ci\"");
    }
}
