package io.deskpulse.scoring.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the contributions of one agent's UTC day: handle time, QA reviews, sales, peer reviews and
 * ticketless NPS responses at their event times, and online time split by the clock into hours; online time and
 * handled interactions carry their cost at the tenant's cost rates.
 * Everything is credited to the agent and to the agent's team at that moment: the team named by the
 * agent's latest status change that named one.
 *
 * <p>A day depends on its own events and on what was carried in from the previous day: the agent's
 * status, since when, and team. Online (or busy) time runs from a status change until the next one,
 * but never longer than {@link #MAX_STATUS_MILLIS} (an agent who never logs off is not online for days),
 * and for today never beyond {@code asOf}, the instant up to which it is counted.
 */
public final class AgentDayDeriver {

    public static final long MAX_STATUS_MILLIS = 24 * AggregateKey.HOUR_MILLIS;
    public static final long DAY_MILLIS = 24 * AggregateKey.HOUR_MILLIS;

    private AgentDayDeriver() {
    }

    /** The agent's status (since when) and team, as a day ends and the next begins. */
    public record Carry(AgentFact.Status status, String teamId, long sinceMillis) {
    }

    /** A day's contributions, and what it carries into the next day (null: nothing known yet). */
    public record Result(List<Contribution> contributions, Carry carryOut) {
    }

    public static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    public static LocalDate dayOf(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY_MILLIS));
    }

    public static Result derive(String agentId, LocalDate day, AgentDayTimeline timeline, Carry carryIn,
            TenantSettings settings, long asOfMillis) {
        return new Walk(agentId, startOf(day), carryIn, settings, asOfMillis).run(timeline);
    }

    private static final class Walk {

        private final String agent;
        private final long dayStart;
        private final long dayEnd;
        private final TenantSettings settings;
        private final long asOf;
        private final List<Contribution> out = new ArrayList<>();

        private AgentFact.Status status;
        private String team;
        private long since;

        Walk(String agent, long dayStart, Carry carryIn, TenantSettings settings, long asOf) {
            this.agent = agent;
            this.dayStart = dayStart;
            this.dayEnd = dayStart + DAY_MILLIS;
            this.settings = settings;
            this.asOf = asOf;
            this.status = carryIn == null ? null : carryIn.status();
            this.team = carryIn == null || carryIn.teamId() == null ? "" : carryIn.teamId();
            this.since = carryIn == null ? dayStart : carryIn.sinceMillis();
        }

        Result run(AgentDayTimeline timeline) {
            for (AgentEvent event : timeline.events()) {
                long at = event.epochMillis();
                switch (event.fact().kind()) {
                    case STATUS -> {
                        AgentFact.StatusChanged change = (AgentFact.StatusChanged) event.fact();
                        countOnline(at);
                        status = change.status();
                        if (change.teamId() != null) {
                            team = change.teamId();
                        }
                        since = at;
                    }
                    case INTERACTION -> {
                        AgentFact.Interaction interaction = (AgentFact.Interaction) event.fact();
                        long cost = settings.costRates().contactCostMilli(agent, team, interaction.channel());
                        emit(at, interaction.channel(), new Observation.Handle(interaction.handleMillis(), cost),
                                ContributionItem.event("interaction", event.identity()));
                    }
                    case QA_REVIEW -> {
                        AgentFact.QaReview review = (AgentFact.QaReview) event.fact();
                        emit(at, "", new Observation.QaScore(review.scoreMilli(),
                                settings.qaPassed(review.passed(), review.scoreMilli())),
                                ContributionItem.event("qa_review", event.identity()));
                    }
                    case SALE -> emit(at, "", new Observation.Conversion(((AgentFact.Sale) event.fact()).amountMilli()),
                            ContributionItem.event("sale", event.identity()));
                    case PEER_REVIEW -> emit(at, "", new Observation.PeerScore(((AgentFact.PeerReview) event.fact()).score()),
                            ContributionItem.event("peer_review", event.identity()));
                    case NPS -> emit(at, "", new Observation.NpsScore(((AgentFact.Nps) event.fact()).score()),
                            ContributionItem.event("nps_response", event.identity()));
                    default -> throw new IllegalStateException("unhandled kind " + event.fact().kind());
                }
            }
            countOnline(Math.min(dayEnd, asOf));
            return new Result(out, status == null ? null : new Carry(status, team, since));
        }

        /** Counts the current status's online time within this day, up to {@code until}, hour by hour. */
        private void countOnline(long until) {
            if (status == null || !status.countsAsOnline()) {
                return;
            }
            long end = Math.min(Math.min(until, since + MAX_STATUS_MILLIS), dayEnd);
            long start = Math.max(since, dayStart);
            while (start < end) {
                long hourEnd = Math.floorDiv(start, AggregateKey.HOUR_MILLIS) * AggregateKey.HOUR_MILLIS
                        + AggregateKey.HOUR_MILLIS;
                long pieceEnd = Math.min(end, hourEnd);
                // Online time is the agent's, not one event's: its item is the agent, one piece per hour.
                long cost = settings.costRates().onlineCostMilli(agent, team, pieceEnd - start);
                emit(start, "", new Observation.OnlineTime(pieceEnd - start, cost), new ContributionItem("online_time", agent));
                start = pieceEnd;
            }
        }

        private void emit(long epochMillis, String channel, Observation observation, ContributionItem item) {
            out.add(new Contribution(epochMillis, team, agent, channel, observation, item));
        }
    }
}
