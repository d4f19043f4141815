package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.benchmark.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results section of docs/faults.md, and the options that decide what a run does. */
class ResultTablesTest {

    private static SuiteResults results() {
        SuiteResults r = new SuiteResults();
        r.profile = "full";
        r.seed = 7;
        r.finishedAt = "2026-12-07T06:00:00Z";
        r.durationS = 900.0;
        r.machine = "2 cores";
        r.stack = "DeskPulse abc1234";
        r.settings.freshnessBoundS = 1.2;
        r.settings.lockTimeout = "2s";
        r.control = phase("control", null);
        r.faults.add(phase("scoring-kill", "SIGKILL of scoring-service"));
        SuiteResults.Phase broken = phase("broker-kill", "SIGKILL of the broker");
        broken.lost = 3;
        broken.recoverS = null;
        broken.refusals = Map.of("503", 4L);
        broken.refusedFromS = 10.1;
        broken.refusedUntilS = 10.3;
        broken.failures.add("counts: 3 lost, 0 doubled, totals off by 0 thousandths");
        r.faults.add(broken);
        r.failures.add("broker-kill: counts: 3 lost, 0 doubled, totals off by 0 thousandths");
        return r;
    }

    private static SuiteResults.Phase phase(String name, String injection) {
        SuiteResults.Phase p = new SuiteResults.Phase();
        p.name = name;
        p.injection = injection;
        p.recoverS = injection == null ? null : 12.5;
        p.accepted = 30_000;
        p.applied = 30_000;
        p.refusals = Map.of();
        SuiteResults.MetricCheck count = new SuiteResults.MetricCheck();
        count.metric = "tickets_created";
        count.expected = 3_000;
        count.actual = 3_000;
        p.counts.add(count);
        SuiteResults.Diff export = new SuiteResults.Diff();
        export.table = PhaseRunner.EXPORT_COPY;
        export.cells = 100;
        p.differential.add(export);
        p.reconciliation = new SuiteResults.Check();
        p.reconciliation.status = "skipped";
        p.reconciliation.passed = true;
        return p;
    }

    @Test
    void aFailedPhaseIsMarkedAndItsFailuresListed(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("faults.md");
        Files.writeString(page, "# Faults\n\nhand-written\n\n" + Tables.START + "\nold\n" + Tables.END + "\n\n## After\n");

        Tables.replaceSection(page, ResultTables.markdown(results()));

        String text = Files.readString(page);
        assertThat(text).startsWith("# Faults\n\nhand-written\n\n" + Tables.START).endsWith(Tables.END + "\n\n## After\n")
                .doesNotContain("\nold\n")
                .contains("| scoring-kill | 12.5 s |", "| passed |", "**not recovered**", "**FAILED**", "**3**",
                        "4 × 503 (+10.1 to +10.3 s)", "skipped (404)", "#### Failures of this run",
                        "- broker-kill: counts: 3 lost");
        assertThat(ResultTables.text(results())).contains("FAILED").doesNotContain("**");
    }

    @Test
    void optionsChooseTheProfileTheFaultsAndTheOverrides() {
        Options options = Options.parse("--faults", "partition-cut,broker-kill", "--events", "500", "--profile", "full",
                "--idle-transaction-timeout", "0", "--ports", "free");

        assertThat(options.profile.name()).isEqualTo("full");
        assertThat(options.profile.events()).isEqualTo(500);
        assertThat(options.profile.idleTransactionTimeout()).isEqualTo("0");
        assertThat(options.profile.rate()).isEqualTo(Profile.named("full").rate());
        assertThat(options.faults).extracting(Fault::name).containsExactly("partition-cut", "broker-kill");
        assertThat(options.freePorts).isTrue();
        assertThat(Options.parse().faults).extracting(Fault::name).containsExactly("scoring-kill", "ingestion-kill",
                "broker-kill", "postgres-crash", "rebalance", "partition", "partition-cut");
        assertThatThrownBy(() -> Options.parse("--faults", "meteor")).hasMessageContaining("unknown fault 'meteor'");
        assertThatThrownBy(() -> Options.parse("--ports", "some")).hasMessageContaining("fixed or free");
        assertThat(List.of(PostgresCrash.lostCommits(Map.of(0, 10L, 1, 5L), Map.of(0, 7L, 1, 5L)),
                PostgresCrash.lostCommits(Map.of(0, 10L), Map.of(0, 10L)), PostgresCrash.reusedIds(726, 724)))
                .containsExactly("the crash took commits with it: the stored offsets of 1 partition(s) went back by 3 "
                                + "records, which scoring had to apply again",
                        "no commit was lost (the stored offsets came back as they were)",
                        "; the next transaction id went back from 726 to 724: 2 ids are handed out again");
    }
}
