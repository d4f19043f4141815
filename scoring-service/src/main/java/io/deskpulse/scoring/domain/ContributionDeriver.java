package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.TicketFact.Assigned;
import io.deskpulse.scoring.domain.TicketFact.Created;
import io.deskpulse.scoring.domain.TicketFact.Csat;
import io.deskpulse.scoring.domain.TicketFact.Message;
import io.deskpulse.scoring.domain.TicketFact.StatusChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a ticket's KPI contributions from its whole timeline (docs/kpis.md). A pure function of
 * the timeline: the same events, whatever order they arrived in, give the same contributions, and a
 * late event simply yields a different set, whose difference restates the periods it touches.
 *
 * <p>Attribution is frozen at event time: each contribution is credited to the team and agent that
 * held the ticket when the completing event happened, as the timeline says at that point.
 */
public final class ContributionDeriver {

    private ContributionDeriver() {
    }

    public static List<Contribution> derive(TicketTimeline timeline) {
        return new Walk(timeline).run();
    }

    /** One pass over the timeline in event-time order, tracking who holds the ticket. */
    private static final class Walk {

        private final List<TimelineEvent> events;
        private final List<Contribution> out = new ArrayList<>();
        private final TimelineEvent creation;
        private final String channel;

        private String team = "";
        private String assignee = "";
        private TicketFact.Status status = TicketFact.Status.NEW;
        private boolean firstReplySeen;
        private Contribution lastSolve;
        private Contribution latestCsat;

        Walk(TicketTimeline timeline) {
            this.events = timeline.events();
            this.creation = events.stream().filter(e -> e.fact() instanceof Created).findFirst().orElse(null);
            this.channel = creation == null ? "" : ((Created) creation.fact()).channel();
        }

        List<Contribution> run() {
            for (TimelineEvent event : events) {
                switch (event.fact().kind()) {
                    case CREATED -> onCreated(event, (Created) event.fact());
                    case ASSIGNED -> onAssigned((Assigned) event.fact());
                    case MESSAGE -> onMessage(event, (Message) event.fact());
                    case STATUS_CHANGED -> onStatusChanged(event, (StatusChanged) event.fact());
                    case CSAT -> onCsat(event, (Csat) event.fact());
                    case TAGGED -> { }
                    default -> throw new IllegalStateException("unhandled kind " + event.fact().kind());
                }
            }
            if (latestCsat != null) {
                out.add(latestCsat);
            }
            return out;
        }

        private void onCreated(TimelineEvent event, Created created) {
            // A resent creation under another id counts once; it still says who holds the ticket.
            team = nonNull(created.teamId());
            assignee = nonNull(created.agentId());
            if (event == creation) {
                emit(event.epochMillis(), team, assignee, new Observation.TicketCreated());
            }
        }

        private void onAssigned(Assigned assigned) {
            if (assigned.agentGiven()) {
                assignee = nonNull(assigned.agentId());
            }
            if (assigned.teamGiven()) {
                team = nonNull(assigned.teamId());
            }
        }

        private void onMessage(TimelineEvent event, Message message) {
            if (message.isPublicAgentReply()) {
                emit(event.epochMillis(), team, message.agentId(), new Observation.AgentReply());
                if (!firstReplySeen) {
                    firstReplySeen = true;
                    if (creation != null) {
                        emit(event.epochMillis(), team, message.agentId(),
                                new Observation.FirstResponse(sinceCreation(event)));
                    }
                }
            } else if (message.author() == TicketFact.Author.CUSTOMER) {
                emit(event.epochMillis(), team, "", new Observation.CustomerMessage());
            }
        }

        private void onStatusChanged(TimelineEvent event, StatusChanged change) {
            boolean wasResolved = status.isResolved();
            boolean nowResolved = change.status().isResolved();
            if (!wasResolved && nowResolved) {
                String solver = change.agentId() != null ? change.agentId() : assignee;
                Long millis = creation == null ? null : sinceCreation(event);
                lastSolve = emit(event.epochMillis(), team, solver, new Observation.Solve(millis));
            } else if (wasResolved && !nowResolved && lastSolve != null) {
                // The reopen undoes the latest solve: restate that solve's period and attribution.
                emit(lastSolve.epochMillis(), lastSolve.teamId(), lastSolve.agentId(), new Observation.ReopenedSolve());
                lastSolve = null;
            }
            status = change.status();
        }

        private void onCsat(TimelineEvent event, Csat csat) {
            // Only the latest rating counts; an earlier one is simply not emitted, which retracts it.
            String agent = csat.agentId() != null ? csat.agentId() : assignee;
            latestCsat = new Contribution(event.epochMillis(), team, agent, channel, new Observation.CsatScore(csat.score()));
        }

        private long sinceCreation(TimelineEvent event) {
            // Clock skew between helpdesk systems can put a reply "before" creation: count it as instant.
            return Math.max(0, event.epochMillis() - creation.epochMillis());
        }

        private Contribution emit(long epochMillis, String teamId, String agentId, Observation observation) {
            Contribution contribution = new Contribution(epochMillis, teamId, agentId, channel, observation);
            out.add(contribution);
            return contribution;
        }

        private static String nonNull(String id) {
            return id == null ? "" : id;
        }
    }
}
