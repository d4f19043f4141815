package io.deskpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessPartsTest {

    @Test
    void prometheusCountersAreSummedOverLabels() {
        Map<String, Double> sums = ScoringMonitor.parse("""
                # TYPE deskpulse_scoring_events_applied_total counter
                deskpulse_scoring_events_applied_total 1234.0
                deskpulse_scoring_events_deadlettered_total{reason="poison"} 2.0
                deskpulse_scoring_events_deadlettered_total{reason="invalid"} 3.0
                deskpulse_scoring_consumer_lag 17.0
                jvm_memory_used_bytes{area="heap"} 1.0E8
                """);
        assertThat(sums).containsEntry("deskpulse_scoring_events_applied_total", 1234.0)
                .containsEntry("deskpulse_scoring_events_deadlettered_total", 5.0)
                .containsEntry("deskpulse_scoring_consumer_lag", 17.0)
                .doesNotContainKey("jvm_memory_used_bytes");
    }

    static ScoringMonitor.Sample sample(double seconds, double applied, double lag) {
        return new ScoringMonitor.Sample((long) (seconds * 1e9), applied, 0, lag, 0, 0);
    }

    @Test
    void theDrainWindowIsAfterTheLoadWhileTheLagLasts() {
        List<ScoringMonitor.Sample> samples = List.of(sample(0, 0, 0), sample(1, 1_000, 500), sample(2, 5_000, 900),
                sample(3, 9_000, 800), sample(5, 29_000, 600), sample(7, 49_000, 10), sample(8, 50_000, 0));
        ScoringPhase.Drain drain = ScoringPhase.drain(samples, 500_000_000L, 2_500_000_000L, samples.get(6));
        assertThat(drain.contended()).isFalse();
        assertThat(drain.seconds()).isEqualTo(4.0);
        assertThat(drain.appliedPerSecond()).isEqualTo(10_000.0);
    }

    @Test
    void scrapesThatStillShowTheLagFromBeforeThePauseDoNotEndTheWindow() {
        // scoring held still during the load (lag gauge frozen at 0), resumed at 2.5 s; its gauge moves at 4 s
        List<ScoringMonitor.Sample> samples = List.of(sample(0, 0, 0), sample(1, 0, 0), sample(2, 0, 0),
                sample(3, 2_000, 0), sample(3.5, 7_000, 0), sample(4, 12_000, 90_000), sample(6, 32_000, 70_000),
                sample(8, 52_000, 50),
                sample(9, 53_000, 0));
        ScoringPhase.Drain drain = ScoringPhase.drain(samples, 500_000_000L, 2_500_000_000L, samples.get(8));
        assertThat(drain.contended()).isFalse();
        assertThat(drain.seconds()).isEqualTo(4.0);
        assertThat(drain.appliedPerSecond()).isEqualTo(10_000.0);
    }

    @Test
    void withoutABacklogTheWholeLoadIsMeasuredAndMarkedContended() {
        List<ScoringMonitor.Sample> samples = List.of(sample(0, 0, 0), sample(1, 1_000, 0), sample(2, 2_000, 0));
        ScoringPhase.Drain drain = ScoringPhase.drain(samples, 500_000_000L, 1_500_000_000L,
                sample(2.5, 3_000, 0));
        assertThat(drain.contended()).isTrue();
        assertThat(drain.appliedPerSecond()).isEqualTo(1_500.0);
    }

    @Test
    void answersAreComparedCountsExactlyAveragesToTheMillisecondPercentilesWithinOnePercent() {
        Map<String, BiQueries.Row> api = Map.of(
                "2026-11-02|billing", new BiQueries.Row(10, 8, 95.0, 40.2, 100.0),
                "2026-11-02|", new BiQueries.Row(1, 0, null, null, null),
                "2026-11-03|billing", new BiQueries.Row(0, 0, null, null, null));
        Map<String, BiQueries.Row> same = Map.of(
                "2026-11-02|billing", new BiQueries.Row(10, 8, 95.0, 40.0, 99.5),
                "2026-11-02|", new BiQueries.Row(1, 0, null, null, null));
        Results.Comparison ok = BiQueries.compare(api, same);
        assertThat(ok.match).isTrue();
        assertThat(ok.rowsCompared).isEqualTo(2);

        Map<String, BiQueries.Row> other = Map.of(
                "2026-11-02|billing", new BiQueries.Row(10, 8, 95.002, 41.0, 99.5),
                "2026-11-04|sales", new BiQueries.Row(1, 0, null, null, null));
        Results.Comparison differ = BiQueries.compare(api, other);
        assertThat(differ.match).isFalse();
        assertThat(differ.mismatches).isEqualTo(3);
        assertThat(differ.examples).containsExactly("2026-11-02 (null): API vs SQL tickets_created 1 vs 0",
                "2026-11-02 billing: API vs SQL first_response_avg_s 95.0 vs 95.002, first_response_p50_s 40.2 vs 41.0",
                "2026-11-04 sales: API vs SQL tickets_created 0 vs 1");
    }

    @Test
    void theSqlBaselineGroupsByDayAndMember() {
        BiQueries.Query query = new BiQueries.Query("a", "a", BiQueries.Kind.AGENTS_OF_TEAM, "t", "billing",
                java.time.LocalDate.parse("2026-11-01"), java.time.LocalDate.parse("2026-11-30"), java.time.ZoneId.of("UTC"),
                "disc");
        assertThat(query.api()).isEqualTo("dimension=agent&team=billing&granularity=day&from=2026-11-01&to=2026-11-30");
        assertThat(query.sql()).contains("percentile_disc(0.5)").contains("FULL JOIN").contains("first_response_team_id = ?")
                .contains("coalesce(first_responder_id, '')");
    }

    @Test
    void theMarkdownSectionIsReplacedAndTheRestKept(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("performance.md");
        Files.writeString(page, "# Performance\n\nintro\n\n" + Tables.START + "\nold\n" + Tables.END
                + "\n\n## Limits\n\nhand-written\n");
        Results results = onTwoCores("tiny");
        results.machine.date = "2026-11-25T10:00:00Z";
        Targets.evaluate(results);
        ResultWriter.markdown(results, page);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).startsWith("# Performance\n\nintro\n\n" + Tables.START).doesNotContain("\nold\n")
                .endsWith(Tables.END + "\n\n## Limits\n\nhand-written\n").contains("#### Targets");
        ResultWriter.json(results, dir.resolve("r.json"));
        assertThat(ResultWriter.read(dir.resolve("r.json")).profile).isEqualTo("tiny");
    }

    @Test
    void theWholePipelineIsAFigureWithIngestionsRateBesideIt() {
        Results results = onTwoCores("quick");
        results.pipeline = new Results.Pipeline();
        results.pipeline.events = 300_000L;
        results.pipeline.clients = 16;
        results.pipeline.seconds = 34.5;
        results.pipeline.eventsPerS = 8_696.0;
        results.pipeline.ingestEventsPerS = 101_250.0;
        results.pipeline.ratioIngestToRaw = 0.291;
        assertThat(ReportTables.markdown(results)).contains("| **whole pipeline, sustained** | **8,696 events/s** | "
                + "300,000 events posted in batches by 16 clients while scoring ran, from the first request to all applied "
                + "(35 s); ingestion took them at 101,250 events/s (0.29 of the raw producer) |");
    }

    @Test
    void duckDbIsComparedWithTheApiAskedForTheSameFiveColumns() {
        Results results = onTwoCores("full");
        results.scale = new Results.Scale();
        results.scale.loadMethod = "ndjson";
        Results.Step step = new Results.Step();
        step.target = 1_000_000;
        step.storedEvents = 1_000_000L;
        step.stepEvents = 1_000_000L;
        step.scoringEventsPerS = 9_000.0;
        step.queryP50Ms = 30.0;
        step.queryP99Ms = 80.0; // every metric: the target's figure
        step.peerApiP99Ms = 40.0;
        step.duckdbP99Ms = 100.0;
        step.vsDuckdbP99 = 2.5;
        Results.StepQuery b = new Results.StepQuery();
        b.name = "agents_of_team_30d";
        b.apiP99Ms = 90.0;
        b.peerApiP99Ms = 50.0;
        b.duckdbP99Ms = 60.0;
        b.vsDuckdbP99 = 1.2;
        step.otherQueries.add(b);
        results.scale.steps.add(step);

        String markdown = ReportTables.markdown(results);

        assertThat(markdown).contains("| 30.0 / 80.0 |").contains("| 100.0 (x2.50) |")
                .contains("| 1,000,000 | 40.0 / 100.0 (x2.50) | 50.0 / 60.0 (x1.20) | - |");
    }

    @Test
    void optionsTakeEveryEndpointAndOverride() {
        Options o = Options.parse("--ingest-url", "http://h:1/", "--tenant", "e2e", "--tenant-b", "none", "--pid",
                "scoring-service=42", "--query-iterations", "3", "--profile", "tiny", "--skip", "scale,raw-producer");
        assertThat(o.ingestUrl).isEqualTo("http://h:1");
        assertThat(o.tenantB).isNull();
        assertThat(o.probesOnB).isFalse();
        assertThat(o.pids).containsEntry("scoring-service", 42L);
        assertThat(o.profile.name()).isEqualTo("tiny");
        assertThat(o.profile.queryIterations()).isEqualTo(3);
        assertThat(o.runs("scale")).isFalse();
        assertThat(o.runs("freshness")).isTrue();
        assertThatThrownBy(() -> Options.parse("--skip", "everything")).hasMessageContaining("unknown phase");
    }

    @Test
    void theNextPageIsTheLinkHeadersPathAndQuery() {
        assertThat(KpiClient.nextPath("<http://127.0.0.1:8083/v1/kpis?dimension=team&cursor=abc%3D>; rel=\"next\""))
                .isEqualTo("/v1/kpis?dimension=team&cursor=abc%3D");
        assertThat(KpiClient.nextPath(null)).isNull();
        assertThat(KpiClient.nextPath("<http://h/v1/kpis?x>; rel=\"prev\"")).isNull();
    }

    @Test
    void aPausedProcessIsStoppedUntilThePauseCloses() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "120").start();
        try {
            try (ScoringPause pause = ScoringPause.of(sleeper.pid())) {
                assertThat(pause.active()).isTrue();
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> state(sleeper.pid()) == 'T');
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> state(sleeper.pid()) == 'S');
            assertThat(ScoringPause.of(null).active()).isFalse();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** The state letter of /proc/<pid>/stat: S sleeping, T stopped. */
    private static char state(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private static Results onTwoCores(String profile) {
        Results results = new Results();
        results.profile = profile;
        results.machine.cores = 2;
        return results;
    }
}
