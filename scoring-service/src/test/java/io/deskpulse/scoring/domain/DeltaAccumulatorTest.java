package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.storage.DurationHistogram;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaAccumulatorTest {

    private static final Target TARGET = new Target("acme", 0, TenantSettings.DEFAULTS);
    private static final long NINE_OCLOCK = Instant.parse("2026-11-02T09:00:00Z").toEpochMilli();

    @Test
    void retractingWhatWasAddedLeavesNoChange() {
        DeltaAccumulator deltas = new DeltaAccumulator();
        List<Contribution> contributions = List.of(
                new Contribution(NINE_OCLOCK + 60_000, "t-1", "a-1", "email", new Observation.FirstResponse(95_000, 95_000, false)),
                new Contribution(NINE_OCLOCK + 120_000, "t-1", "a-1", "email", new Observation.CsatScore(4)));
        deltas.add(TARGET, contributions);
        deltas.retract(TARGET, contributions);
        assertThat(deltas.changes()).isEmpty();
    }

    @Test
    void contributionsOfOneHourTeamAgentAndChannelShareARow() {
        DeltaAccumulator deltas = new DeltaAccumulator();
        deltas.add(TARGET, List.of(
                new Contribution(NINE_OCLOCK + 1_000, "t-1", "a-1", "email", new Observation.FirstResponse(60_000, 60_000, false)),
                new Contribution(NINE_OCLOCK + 3_599_999, "t-1", "a-1", "email", new Observation.FirstResponse(120_000, 120_000, false)),
                new Contribution(NINE_OCLOCK + 3_600_000, "t-1", "a-1", "email", new Observation.AgentReply())));

        var changes = deltas.changes();

        assertThat(changes).hasSize(2);
        KpiDelta nine = changes.get(new AggregateKey("acme", 0, NINE_OCLOCK, "t-1", "a-1", "email"));
        assertThat(nine.get(Measure.FIRST_RESPONSE_COUNT)).isEqualTo(2);
        assertThat(nine.get(Measure.FIRST_RESPONSE_SUM_MS)).isEqualTo(180_000);
        assertThat(nine.histogramPairs(HistogramMeasure.FIRST_RESPONSE)).containsExactly(
                DurationHistogram.binOf(60_000), 1, DurationHistogram.binOf(120_000), 1);
    }

    @Test
    void aMovedContributionRetractsFromTheOldRowAndAddsToTheNew() {
        DeltaAccumulator deltas = new DeltaAccumulator();
        deltas.retract(TARGET, List.of(new Contribution(NINE_OCLOCK, "t-1", "a-1", "chat", new Observation.CsatScore(2))));
        deltas.add(TARGET, List.of(new Contribution(NINE_OCLOCK + 86_400_000L, "t-1", "a-1", "chat",
                new Observation.CsatScore(5))));

        var changes = deltas.changes();

        KpiDelta old = changes.get(new AggregateKey("acme", 0, NINE_OCLOCK, "t-1", "a-1", "chat"));
        assertThat(old.get(Measure.CSAT_COUNT)).isEqualTo(-1);
        assertThat(old.get(Measure.CSAT_SUM)).isEqualTo(-2);
        assertThat(old.get(Measure.CSAT_SATISFIED)).isZero();
        KpiDelta next = changes.get(new AggregateKey("acme", 0, NINE_OCLOCK + 86_400_000L, "t-1", "a-1", "chat"));
        assertThat(next.get(Measure.CSAT_SATISFIED)).isEqualTo(1);
        // rows come out in one global order, so concurrent writers never deadlock
        assertThat(changes.firstKey().hourEpochMillis()).isEqualTo(NINE_OCLOCK);
    }

    @Test
    void dailyRowsAreTheLocalDaysOfTheGenerationsZone() {
        TenantSettings berlin = new TenantSettings(java.time.ZoneId.of("Europe/Berlin"), null, java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of(), 80, "complaint");
        DeltaAccumulator deltas = new DeltaAccumulator();
        long lateEvening = Instant.parse("2026-11-02T23:30:00Z").toEpochMilli();
        deltas.add(new Target("acme", 3, berlin), List.of(
                new Contribution(lateEvening, "t-1", "a-1", "chat", new Observation.TicketCreated())));
        deltas.add(TARGET, List.of(new Contribution(lateEvening, "t-1", "a-1", "chat", new Observation.TicketCreated())));

        // 23:30 UTC is already 3 November in Berlin; in UTC it is still the 2nd
        assertThat(deltas.dailyChanges().keySet()).containsExactly(
                new DailyKey("acme", 0, java.time.LocalDate.parse("2026-11-02"), "t-1", "a-1", "chat"),
                new DailyKey("acme", 3, java.time.LocalDate.parse("2026-11-03"), "t-1", "a-1", "chat"));
        assertThat(deltas.changes()).hasSize(2);
    }

    @Test
    void teamDaysSumTheDaysOfEveryAgentAndChannelOfTheTeam() {
        DeltaAccumulator deltas = new DeltaAccumulator();
        deltas.add(TARGET, List.of(
                new Contribution(NINE_OCLOCK, "t-1", "a-1", "chat", new Observation.FirstResponse(60_000, 60_000, false)),
                new Contribution(NINE_OCLOCK + 7_200_000, "t-1", "a-2", "email", new Observation.FirstResponse(120_000, 120_000, false)),
                new Contribution(NINE_OCLOCK, "t-2", "a-3", "chat", new Observation.CsatScore(5))));
        // a retraction in the same team-day cancels what it retracts, nothing else
        deltas.retract(TARGET, List.of(new Contribution(NINE_OCLOCK + 60_000, "t-1", "a-1", "chat",
                new Observation.FirstResponse(60_000, 60_000, false))));

        var teamDays = deltas.teamDailyChanges();

        java.time.LocalDate day = java.time.LocalDate.parse("2026-11-02");
        assertThat(teamDays.keySet()).containsExactly(new TeamDayKey("acme", 0, day, "t-1"),
                new TeamDayKey("acme", 0, day, "t-2"));
        KpiDelta team1 = teamDays.get(new TeamDayKey("acme", 0, day, "t-1"));
        assertThat(team1.get(Measure.FIRST_RESPONSE_COUNT)).isEqualTo(1);
        assertThat(team1.get(Measure.FIRST_RESPONSE_SUM_MS)).isEqualTo(120_000);
        assertThat(team1.histogramPairs(HistogramMeasure.FIRST_RESPONSE)).containsExactly(DurationHistogram.binOf(120_000), 1);
        assertThat(teamDays.get(new TeamDayKey("acme", 0, day, "t-2")).get(Measure.CSAT_SUM)).isEqualTo(5);
    }

    @Test
    void agentDaysSumTheDaysOfEveryChannelAndQueueOfAnAgentInATeam() {
        DeltaAccumulator deltas = new DeltaAccumulator();
        deltas.add(TARGET, List.of(
                new Contribution(NINE_OCLOCK, "t-1", "a-1", "chat", new Observation.FirstResponse(60_000, 60_000, false)),
                new Contribution(NINE_OCLOCK + 7_200_000, "t-1", "a-1", "email",
                        new Observation.FirstResponse(120_000, 120_000, false)),
                new Contribution(NINE_OCLOCK, "t-2", "a-1", "chat", new Observation.CsatScore(4)),
                new Contribution(NINE_OCLOCK, "t-1", "a-2", "chat", new Observation.CsatScore(5))));
        // a retraction of one channel's reply leaves the agent-day with the other's
        deltas.retract(TARGET, List.of(new Contribution(NINE_OCLOCK, "t-1", "a-1", "chat",
                new Observation.FirstResponse(60_000, 60_000, false))));

        var agentDays = deltas.agentDailyChanges();

        java.time.LocalDate day = java.time.LocalDate.parse("2026-11-02");
        // an agent credited in two teams (moved that day) has a row in each
        assertThat(agentDays.keySet()).containsExactly(new AgentDayKey("acme", 0, day, "t-1", "a-1"),
                new AgentDayKey("acme", 0, day, "t-1", "a-2"), new AgentDayKey("acme", 0, day, "t-2", "a-1"));
        KpiDelta a1 = agentDays.get(new AgentDayKey("acme", 0, day, "t-1", "a-1"));
        assertThat(a1.get(Measure.FIRST_RESPONSE_COUNT)).isEqualTo(1);
        assertThat(a1.get(Measure.FIRST_RESPONSE_SUM_MS)).isEqualTo(120_000);
        assertThat(a1.histogramPairs(HistogramMeasure.FIRST_RESPONSE)).containsExactly(DurationHistogram.binOf(120_000), 1);
        assertThat(agentDays.get(new AgentDayKey("acme", 0, day, "t-2", "a-1")).get(Measure.CSAT_SUM)).isEqualTo(4);
        assertThat(snapshot(deltas.rows().agentDaily())).isEqualTo(snapshot(agentDays));
    }

    @Test
    void replacingKeepsToWhatDiffersAndGivesWhatRetractingThenAddingGives() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 200; round++) {
            List<Contribution> before = randomContributions(random);
            List<Contribution> after = new java.util.ArrayList<>(before.subList(0, random.nextInt(before.size() + 1)));
            after.addAll(randomContributions(random));
            DeltaAccumulator replaced = new DeltaAccumulator();
            replaced.replace(TARGET, before, after);
            DeltaAccumulator twice = new DeltaAccumulator();
            twice.retract(TARGET, before);
            twice.add(TARGET, after);
            assertThat(snapshot(replaced.changes())).isEqualTo(snapshot(twice.changes()));
            assertThat(snapshot(replaced.dailyChanges())).isEqualTo(snapshot(twice.dailyChanges()));
            assertThat(snapshot(replaced.teamDailyChanges())).isEqualTo(snapshot(twice.teamDailyChanges()));
            assertThat(snapshot(replaced.agentDailyChanges())).isEqualTo(snapshot(twice.agentDailyChanges()));
        }
    }

    private static List<Contribution> randomContributions(java.util.Random random) {
        List<Contribution> list = new java.util.ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            long time = NINE_OCLOCK + random.nextInt(3) * 3_600_000L;
            String agent = "a-" + random.nextInt(2);
            Observation observation = switch (random.nextInt(3)) {
                case 0 -> new Observation.FirstResponse(1_000L * (1 + random.nextInt(3)), 1_000L, random.nextBoolean());
                case 1 -> new Observation.CsatScore(1 + random.nextInt(5));
                default -> new Observation.AgentReply();
            };
            list.add(new Contribution(time, "t-1", agent, "chat", observation));
        }
        return list;
    }

    /** A delta map as comparable text: every key with its measures and histograms. */
    private static <K> java.util.Map<String, String> snapshot(java.util.Map<K, KpiDelta> changes) {
        java.util.Map<String, String> text = new java.util.TreeMap<>();
        changes.forEach((key, delta) -> {
            StringBuilder values = new StringBuilder();
            for (Measure m : Measure.values()) {
                values.append(m).append('=').append(delta.get(m)).append(' ');
            }
            for (HistogramMeasure h : HistogramMeasure.values()) {
                values.append(h).append('=').append(java.util.Arrays.toString(delta.histogramPairs(h))).append(' ');
            }
            text.put(key.toString(), values.toString());
        });
        return text;
    }
}
