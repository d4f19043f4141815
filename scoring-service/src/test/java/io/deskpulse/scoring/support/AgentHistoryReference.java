package io.deskpulse.scoring.support;

import io.deskpulse.scoring.domain.AgentDayDeriver;
import io.deskpulse.scoring.domain.AgentEvent;
import io.deskpulse.scoring.domain.AgentFact;
import io.deskpulse.scoring.domain.AggregateKey;
import io.deskpulse.scoring.domain.Contribution;
import io.deskpulse.scoring.domain.Observation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent computation of what agents' whole histories credit, for order-independence tests: every
 * agent's events at once, in event-time order, with none of scoring's day timelines, carries or cascades.
 * Each status counts (if online or busy) until the next one, for 24 hours at most and up to {@code asOf}, split
 * into UTC hours and credited to the team the latest status change named; interactions are credited to that
 * team too.
 */
public final class AgentHistoryReference {

    private static final long HOUR = AggregateKey.HOUR_MILLIS;
    private static final Comparator<AgentEvent> EVENT_TIME = Comparator.comparingLong(AgentEvent::epochMillis)
            .thenComparingInt(AgentEvent::rank).thenComparingLong(AgentEvent::identity);

    /** One event of an agent, as sent (resent events have the same identity). */
    public record Sent(String agent, AgentEvent event) {
    }

    private AgentHistoryReference() {
    }

    /**
     * Agents whose status changes cluster around the midnights of the given zones on the given days (a quarter
     * fall anywhere in those days), with some interactions; no two events of an agent at the same millisecond.
     */
    public static List<Sent> randomHistory(Random random, LocalDate firstDay, int days, List<ZoneId> zones, int agents) {
        List<Sent> sent = new ArrayList<>();
        long identity = 1;
        AgentFact.Status[] statuses = AgentFact.Status.values();
        String[] teams = {null, "t-1", "t-2"};
        long from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        for (int a = 0; a < agents; a++) {
            String agent = "a-" + a;
            Set<Long> times = new HashSet<>();
            int changes = 4 + random.nextInt(14);
            int interactions = random.nextInt(6);
            for (int i = 0; i < changes + interactions; i++) {
                long time;
                do {
                    time = random.nextInt(4) == 0 ? from + (long) (random.nextDouble() * days * 24 * HOUR)
                            : nearAMidnight(random, firstDay, days, zones);
                } while (!times.add(time));
                AgentFact fact = i < changes
                        ? new AgentFact.StatusChanged(statuses[random.nextInt(statuses.length)], teams[random.nextInt(teams.length)])
                        : new AgentFact.Interaction("chat", 1_000L * (1 + random.nextInt(900)));
                sent.add(new Sent(agent, new AgentEvent(identity++, time, fact)));
            }
        }
        return sent;
    }

    private static long nearAMidnight(Random random, LocalDate firstDay, int days, List<ZoneId> zones) {
        ZoneId zone = zones.get(random.nextInt(zones.size()));
        long midnight = firstDay.plusDays(random.nextInt(days)).atStartOfDay(zone).toInstant().toEpochMilli();
        return midnight + (long) ((random.nextDouble() - 0.5) * 3 * HOUR);
    }

    /** Online time and handle time, as contributions at the start of each piece (each event identity once). */
    public static List<Contribution> contributions(List<Sent> history, long asOf) {
        Map<String, TreeMap<Long, AgentEvent>> byAgent = new TreeMap<>();
        for (Sent s : history) {
            byAgent.computeIfAbsent(s.agent(), a -> new TreeMap<>()).put(s.event().identity(), s.event());
        }
        List<Contribution> out = new ArrayList<>();
        byAgent.forEach((agent, unique) -> {
            List<AgentEvent> events = new ArrayList<>(unique.values());
            events.sort(EVENT_TIME);
            AgentFact.Status status = null;
            String team = "";
            long since = 0;
            for (int i = 0; i <= events.size(); i++) {
                AgentEvent event = i < events.size() ? events.get(i) : null;
                if (event != null && event.fact() instanceof AgentFact.Interaction interaction) {
                    out.add(new Contribution(event.epochMillis(), team, agent, interaction.channel(),
                            new Observation.Handle(interaction.handleMillis())));
                    continue;
                }
                long until = event == null ? asOf : Math.min(asOf, event.epochMillis());
                if (status != null && status.countsAsOnline()) {
                    long stop = Math.min(until, since + AgentDayDeriver.MAX_STATUS_MILLIS);
                    for (long start = since; start < stop; start = Math.floorDiv(start, HOUR) * HOUR + HOUR) {
                        long pieceEnd = Math.min(stop, Math.floorDiv(start, HOUR) * HOUR + HOUR);
                        out.add(new Contribution(start, team, agent, "", new Observation.OnlineTime(pieceEnd - start)));
                    }
                }
                if (event != null) {
                    AgentFact.StatusChanged change = (AgentFact.StatusChanged) event.fact();
                    status = change.status();
                    team = change.teamId() == null ? team : change.teamId();
                    since = event.epochMillis();
                }
            }
        });
        return out;
    }

    /** Online milliseconds by "UTC hour (epoch ms)|team|agent", rows with none left out. */
    public static Map<String, Long> onlineByHour(List<Sent> history, long asOf) {
        Map<String, Long> rows = new TreeMap<>();
        for (Contribution c : contributions(history, asOf)) {
            if (c.observation() instanceof Observation.OnlineTime online) {
                rows.merge(Math.floorDiv(c.epochMillis(), HOUR) * HOUR + "|" + c.teamId() + "|" + c.agentId(),
                        online.millis(), Long::sum);
            }
        }
        return rows;
    }

    /** The rows where two tables differ, as "expected x, got y", for failure messages that name only those. */
    public static <V> Map<String, String> differences(Map<String, V> expected, Map<String, V> actual) {
        Map<String, String> differences = new TreeMap<>();
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                differences.put(key, "expected " + value + ", got " + actual.get(key));
            }
        });
        actual.forEach((key, value) -> {
            if (!expected.containsKey(key)) {
                differences.put(key, "expected none, got " + value);
            }
        });
        return differences;
    }
}
