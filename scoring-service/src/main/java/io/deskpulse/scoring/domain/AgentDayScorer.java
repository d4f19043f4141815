package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.AgentDayDeriver.Carry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Scores one agent: folds new events into the agent's day timelines and records how their
 * contributions change, for every target. A day whose carry-out changes (a late status change, say)
 * changes the next stored day's carry-in, so the change cascades forward until a day's carry-out is as
 * before; a session still running at midnight continues into the next day, which is created if it has
 * no events of its own.
 */
public final class AgentDayScorer {

    private AgentDayScorer() {
    }

    /** A stored day timeline, with the carry-in and {@code asOf} it was derived with, and its carry-out. */
    public record StoredDay(LocalDate day, AgentDayTimeline timeline, Carry carryIn, long asOfMillis, Carry carryOut) {
    }

    /** Access to the agent's stored days (all for update: the caller holds them until it commits). */
    public interface StoredDays {
        StoredDay at(LocalDate day);

        StoredDay latestBefore(LocalDate day);

        StoredDay nextAfter(LocalDate day);
    }

    /**
     * Returns the days to store (created or changed).
     *
     * @param newEvents the agent's new events, any days
     * @param targets per day, where its contributions go
     * @param nowMillis the instant up to which open sessions are counted
     */
    public static List<StoredDay> score(String agentId, Collection<AgentEvent> newEvents, StoredDays stored,
            Function<LocalDate, List<Target>> targets, long nowMillis, DeltaAccumulator deltas) {
        TreeMap<LocalDate, List<AgentEvent>> byDay = new TreeMap<>();
        for (AgentEvent event : newEvents) {
            byDay.computeIfAbsent(AgentDayDeriver.dayOf(event.epochMillis()), d -> new ArrayList<>()).add(event);
        }
        return walk(agentId, byDay, new TreeSet<>(), stored, targets, nowMillis, deltas);
    }

    /**
     * Re-derives stored days up to {@code nowMillis} (open sessions grew), each of them and what they carry
     * into, cascading as needed: a session may now reach into the next day even if its own day did not change.
     */
    public static List<StoredDay> refresh(String agentId, Collection<LocalDate> openDays, StoredDays stored,
            Function<LocalDate, List<Target>> targets, long nowMillis, DeltaAccumulator deltas) {
        return walk(agentId, new TreeMap<>(), new TreeSet<>(openDays), stored, targets, nowMillis, deltas);
    }

    /**
     * Visits, in day order, every day with new events and every day to follow, and whatever a changed carry
     * reaches; a day to follow is treated as if its carry-out had changed.
     */
    private static List<StoredDay> walk(String agentId, TreeMap<LocalDate, List<AgentEvent>> byDay, TreeSet<LocalDate> follow,
            StoredDays stored, Function<LocalDate, List<Target>> targets, long nowMillis, DeltaAccumulator deltas) {
        List<StoredDay> written = new ArrayList<>();
        LocalDate first = earliest(byDay.isEmpty() ? null : byDay.firstKey(), follow.isEmpty() ? null : follow.first());
        if (first == null) {
            return written;
        }
        LocalDate today = AgentDayDeriver.dayOf(nowMillis);
        StoredDay previous = stored.latestBefore(first);
        Carry carry = previous == null ? null : previous.carryOut();
        LocalDate current = first;
        while (current != null) {
            StoredDay before = stored.at(current);
            StoredDay after = rescore(agentId, current, before, byDay.getOrDefault(current, List.of()), carry,
                    targets.apply(current), nowMillis, deltas);
            if (after != null) {
                written.add(after);
            }
            StoredDay now = after != null ? after : before;
            boolean carryChanged = before == null || !Objects.equals(before.carryOut(), now.carryOut())
                    || follow.contains(current);
            carry = now.carryOut();
            LocalDate next = nextDay(current, earliest(byDay.higherKey(current), follow.higher(current)), carryChanged,
                    carry, stored, today);
            if (next != null && next.isAfter(current.plusDays(1))) {
                // Days skipped on the way to the next day to visit kept their carry-out, and the last of them,
                // not the day just scored, is what that day carries in.
                StoredDay skipped = stored.latestBefore(next);
                if (skipped != null && skipped.day().isAfter(current)) {
                    carry = skipped.carryOut();
                }
            }
            current = next;
        }
        return written;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Derives the day again if anything it depends on moved; returns the new stored day, or null if unchanged. */
    private static StoredDay rescore(String agentId, LocalDate day, StoredDay before, List<AgentEvent> events, Carry carryIn,
            List<Target> targets, long nowMillis, DeltaAccumulator deltas) {
        AgentDayTimeline timeline = before == null ? new AgentDayTimeline() : before.timeline().copy();
        boolean grew = false;
        for (AgentEvent event : events) {
            grew |= timeline.add(event);
        }
        long dayEnd = AgentDayDeriver.startOf(day) + AgentDayDeriver.DAY_MILLIS;
        // Past days are counted to their end once and for all; today moves with the clock.
        boolean clockMoved = before != null && before.asOfMillis() < dayEnd && nowMillis > before.asOfMillis();
        if (before != null && !grew && Objects.equals(before.carryIn(), carryIn) && !clockMoved) {
            return null;
        }
        Carry carryOut = null;
        for (Target target : targets) {
            AgentDayDeriver.Result result = AgentDayDeriver.derive(agentId, day, timeline, carryIn, target.settings(),
                    nowMillis);
            deltas.replace(target, before == null ? List.of() : AgentDayDeriver.derive(agentId, day, before.timeline(),
                    before.carryIn(), target.settings(), before.asOfMillis()).contributions(), result.contributions());
            carryOut = result.carryOut();
        }
        if (targets.isEmpty()) {
            carryOut = AgentDayDeriver.derive(agentId, day, timeline, carryIn, TenantSettings.DEFAULTS, nowMillis)
                    .carryOut();
        }
        return new StoredDay(day, timeline, carryIn, nowMillis, carryOut);
    }

    private static LocalDate nextDay(LocalDate current, LocalDate nextToVisit, boolean carryChanged, Carry carry,
            StoredDays stored, LocalDate today) {
        LocalDate cascade = null;
        if (carryChanged) {
            LocalDate following = current.plusDays(1);
            boolean sessionReachesFollowing = carry != null && carry.status().countsAsOnline()
                    && carry.sinceMillis() + AgentDayDeriver.MAX_STATUS_MILLIS > AgentDayDeriver.startOf(following)
                    && !following.isAfter(today);
            StoredDay nextStored = stored.nextAfter(current);
            if (sessionReachesFollowing) {
                cascade = following;
            } else if (nextStored != null) {
                cascade = nextStored.day();
            }
        }
        return earliest(nextToVisit, cascade);
    }

    /** Stored days held in memory, e.g. for tests or a batch that preloaded them. */
    public static StoredDays inMemory(Map<LocalDate, StoredDay> days) {
        TreeMap<LocalDate, StoredDay> sorted = new TreeMap<>(days);
        return new StoredDays() {
            public StoredDay at(LocalDate day) {
                return sorted.get(day);
            }

            public StoredDay latestBefore(LocalDate day) {
                var entry = sorted.lowerEntry(day);
                return entry == null ? null : entry.getValue();
            }

            public StoredDay nextAfter(LocalDate day) {
                var entry = sorted.higherEntry(day);
                return entry == null ? null : entry.getValue();
            }
        };
    }
}
