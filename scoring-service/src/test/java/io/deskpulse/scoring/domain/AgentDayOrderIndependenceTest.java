package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.support.AgentHistoryReference;
import io.deskpulse.scoring.support.AgentHistoryReference.Sent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Agents' status histories that cross midnight — UTC's and that of zones on both sides of it — scored
 * in random arrival orders, random batches (one batch being what one partition's consumer applies at
 * once), with duplicates, while the clock moves and the online refresher runs in between: online time
 * and everything credited through the day carry (the team) must equal an independent computation
 * over the whole history, hour by hour and per local day in every zone.
 */
class AgentDayOrderIndependenceTest {

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Tokyo"), ZoneId.of("Pacific/Auckland"));
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-26");
    private static final int DAYS = 5;
    private static final long HOUR = AggregateKey.HOUR_MILLIS;

    @Test
    void theIssuesExampleKeepsTheMinutesAfterMidnight() {
        // team-3-agent-1 of the report: busy 23:42:55, online 23:54:23, busy 00:55:49, online 01:12:57, offline 02:14:32
        List<Sent> history = List.of(
                sent("team-3-agent-1", 1, "2026-10-28T23:42:55Z", AgentFact.Status.BUSY, "team-3"),
                sent("team-3-agent-1", 2, "2026-10-28T23:54:23Z", AgentFact.Status.ONLINE, null),
                sent("team-3-agent-1", 3, "2026-10-29T00:55:49Z", AgentFact.Status.BUSY, null),
                sent("team-3-agent-1", 4, "2026-10-29T01:12:57Z", AgentFact.Status.ONLINE, null),
                sent("team-3-agent-1", 5, "2026-10-29T02:14:32Z", AgentFact.Status.OFFLINE, null),
                // the day before, already stored, and a late interaction of it
                sent("team-3-agent-1", 6, "2026-10-27T10:00:00Z", AgentFact.Status.ONLINE, "team-3"),
                sent("team-3-agent-1", 7, "2026-10-27T11:00:00Z", AgentFact.Status.OFFLINE, null),
                new Sent("team-3-agent-1", new AgentEvent(8, Instant.parse("2026-10-27T10:30:00Z").toEpochMilli(),
                        new AgentFact.Interaction("chat", 120_000))));
        long now = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        InMemoryScoring scoring = new InMemoryScoring(TenantSettings.DEFAULTS, now);
        scoring.apply(List.of(delivery(history.get(5)), delivery(history.get(6)), delivery(history.get(0)),
                delivery(history.get(1))));
        // The late interaction leaves the 27th's carry as it was; the walk then skips the 28th to the 29th.
        scoring.apply(List.of(delivery(history.get(7)), delivery(history.get(2)), delivery(history.get(3)),
                delivery(history.get(4))));

        assertSameRows(scoring.table, reference(history, now), "the example");
        long day29 = onlineMillis(scoring.table.kpis(k -> k.hourEpochMillis() >= Instant.parse("2026-10-29T00:00:00Z")
                .toEpochMilli() && k.hourEpochMillis() < Instant.parse("2026-10-30T00:00:00Z").toEpochMilli()));
        // 00:00:00-00:55:49 online, 00:55:49-01:12:57 busy, 01:12:57-02:14:32 online
        assertThat(day29).isEqualTo((2 * 3600 + 14 * 60 + 32) * 1000L);
    }

    @RepeatedTest(400)
    void shuffledBatchedDuplicatedAndRefreshedGivesTheReference(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<Sent> history = AgentHistoryReference.randomHistory(random, FIRST_DAY, DAYS, ZONES, 3);
        long firstEvent = history.stream().mapToLong(s -> s.event().epochMillis()).min().orElseThrow();
        long lastEvent = history.stream().mapToLong(s -> s.event().epochMillis()).max().orElseThrow();

        List<Sent> arriving = new ArrayList<>(history);
        int resends = random.nextInt(1 + arriving.size() / 3);
        for (int i = 0; i < resends; i++) {
            arriving.add(arriving.get(random.nextInt(arriving.size())));
        }
        Collections.shuffle(arriving, random);

        // The clock starts anywhere in the history and moves on; events may arrive before their own time.
        long clock = firstEvent + (long) (random.nextDouble() * (lastEvent - firstEvent));
        long end = lastEvent + (long) (random.nextDouble() * 30 * HOUR);
        InMemoryScoring scoring = new InMemoryScoring(TenantSettings.DEFAULTS, clock);
        int at = 0;
        while (at < arriving.size()) {
            int size = 1 + random.nextInt(6);
            scoring.applyAt(arriving.subList(at, Math.min(arriving.size(), at + size)).stream()
                    .map(AgentDayOrderIndependenceTest::delivery).toList(), clock);
            at += size;
            clock = Math.min(end, clock + (long) (random.nextDouble() * 3 * HOUR));
            if (random.nextInt(3) == 0) {
                scoring.refreshOpenSessions(clock);
            }
        }
        scoring.refreshOpenSessions(end);

        AggregateTable expected = reference(history, end);
        assertSameRows(scoring.table, expected, "seed " + repetition.getCurrentRepetition());
        for (ZoneId zone : ZONES) {
            for (int d = -1; d <= DAYS + 1; d++) {
                LocalDate day = FIRST_DAY.plusDays(d);
                long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
                long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                assertThat(onlineMillis(scoring.table.kpis(k -> k.hourEpochMillis() >= from && k.hourEpochMillis() < to)))
                        .as("seed %d, online time of %s in %s", repetition.getCurrentRepetition(), day, zone)
                        .isEqualTo(onlineMillis(expected.kpis(k -> k.hourEpochMillis() >= from && k.hourEpochMillis() < to)));
            }
        }
    }

    /** The independent computation, as the aggregate rows it would make. */
    private static AggregateTable reference(List<Sent> history, long asOf) {
        DeltaAccumulator deltas = new DeltaAccumulator();
        deltas.replace(new Target(InMemoryScoring.TENANT, 0, TenantSettings.DEFAULTS), List.of(),
                AgentHistoryReference.contributions(history, asOf));
        AggregateTable table = new AggregateTable();
        table.apply(deltas.changes());
        return table;
    }

    /** Fails with the rows that differ only (the whole table is hundreds of rows). */
    private static void assertSameRows(AggregateTable actual, AggregateTable expected, String what) {
        assertThat(AgentHistoryReference.differences(expected.snapshot(), actual.snapshot()))
                .as("%s: rows that differ from the reference", what).isEmpty();
    }

    private static long onlineMillis(Map<String, Object> kpis) {
        return Math.round((Double) kpis.get("online_s") * 1000);
    }

    private static Sent sent(String agent, long identity, String time, AgentFact.Status status, String team) {
        return new Sent(agent, new AgentEvent(identity, Instant.parse(time).toEpochMilli(),
                new AgentFact.StatusChanged(status, team)));
    }

    private static InMemoryScoring.Delivery delivery(Sent sent) {
        return InMemoryScoring.Delivery.agent(sent.agent(), sent.event());
    }
}
