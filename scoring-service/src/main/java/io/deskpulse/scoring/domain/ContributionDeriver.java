package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.TicketFact.Assigned;
import io.deskpulse.scoring.domain.TicketFact.Created;
import io.deskpulse.scoring.domain.TicketFact.Csat;
import io.deskpulse.scoring.domain.TicketFact.Message;
import io.deskpulse.scoring.domain.TicketFact.Nps;
import io.deskpulse.scoring.domain.TicketFact.StatusChanged;
import io.deskpulse.scoring.domain.TicketFact.Tagged;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a ticket's KPI contributions from its whole timeline (docs/kpis.md), and those of the interaction
 * that shares its id, if any ({@link InteractionDeriver}). A pure function of the
 * timeline and the tenant's settings: the same events, whatever order they arrived in, give the same
 * contributions, and a late event simply yields a different set, whose difference restates the periods
 * it touches.
 *
 * <p>Attribution is frozen at event time: each contribution is credited to the team and agent that
 * held the ticket when the completing event happened, as the timeline says at that point.
 */
public final class ContributionDeriver {

    private ContributionDeriver() {
    }

    public static List<Contribution> derive(TicketTimeline timeline, TenantSettings settings) {
        List<Contribution> contributions = new Walk(timeline, settings).run();
        contributions.addAll(InteractionDeriver.derive(timeline, settings));
        return contributions;
    }

    /** A ticket's contributions, and its facts as the same walk saw them. */
    public record Derivation(List<Contribution> contributions, TicketFacts facts) {
    }

    public static Derivation deriveWithFacts(TicketTimeline timeline, TenantSettings settings) {
        Walk walk = new Walk(timeline, settings);
        List<Contribution> contributions = walk.run();
        contributions.addAll(InteractionDeriver.derive(timeline, settings));
        return new Derivation(contributions, walk.facts());
    }

    /** One pass over the timeline in event-time order, tracking who holds the ticket. */
    private static final class Walk {

        private final List<TimelineEvent> events;
        private final TenantSettings settings;
        private final List<Contribution> out = new ArrayList<>();
        private final TimelineEvent creation;
        private final String channel;
        private final String priority;
        private final boolean everReopened;

        private String team = "";
        private String assignee = "";
        private TicketFact.Status status = TicketFact.Status.NEW;
        private boolean firstReplySeen;
        // Reply time: when the earliest customer message no public agent reply has answered yet arrived.
        private Long waitingSince;
        private boolean anyReplySeen;
        private boolean firstSolveSeen;
        private int repliesBeforeFirstSolve;
        private int transfersBeforeFirstSolve;
        private boolean complaintCounted;
        private Contribution lastSolve;
        private Contribution latestCsat;
        private Contribution latestCes;
        // Sentiment (docs/kpis.md): the latest conversation score if the ticket has one, else every scored customer message.
        private Contribution latestConversationSentiment;
        private final List<Contribution> messageSentiments = new ArrayList<>();
        private boolean negativeMessageSeen;
        // Churn-risk signals of this ticket as they stood after each event that changed them (RiskPoint).
        private final List<RiskPoint> riskHistory = new ArrayList<>();
        private RiskPoint risk = RiskPoint.NONE;
        // facts, recorded on the way
        private String createdTeam;
        private String createdAgent;
        private Long firstResponseAt;
        private String firstResponseTeam;
        private String firstResponder;
        private Long firstResponseMillis;
        private Long firstSolvedAt;
        private Long lastSolvedAt;
        private Boolean firstContact;
        private int solves;
        private int reopens;
        private int transfers;
        private int replies;
        private int latestCsatScore;
        private List<String> tags = List.of();

        Walk(TicketTimeline timeline, TenantSettings settings) {
            this.events = timeline.events();
            this.settings = settings;
            this.creation = events.stream().filter(e -> e.fact() instanceof Created).findFirst().orElse(null);
            Created created = creation == null ? null : (Created) creation.fact();
            this.channel = created == null ? "" : created.channel();
            this.priority = created == null || created.priority() == null ? "normal" : created.priority();
            this.everReopened = anyReopen(events);
        }

        List<Contribution> run() {
            for (TimelineEvent event : events) {
                switch (event.fact().kind()) {
                    case CREATED -> onCreated(event, (Created) event.fact());
                    case ASSIGNED -> {
                        Assigned a = (Assigned) event.fact();
                        reassign(event, a.agentGiven(), a.agentId(), a.teamGiven(), a.teamId());
                    }
                    case TAGGED -> onTagged(event, (Tagged) event.fact());
                    case MESSAGE -> onMessage(event, (Message) event.fact());
                    case STATUS_CHANGED -> onStatusChanged(event, (StatusChanged) event.fact());
                    case CSAT -> onCsat(event, (Csat) event.fact());
                    case NPS -> onNps(event, (Nps) event.fact());
                    case CES -> onCes(event, (TicketFact.Ces) event.fact());
                    case SENTIMENT -> onSentiment(event, (TicketFact.Sentiment) event.fact());
                    // an interaction's queue facts under the same id: InteractionDeriver's
                    case OFFERED, ANSWERED, ABANDONED -> {
                    }
                    default -> throw new IllegalStateException("unhandled kind " + event.fact().kind());
                }
                recordRisk(event);
            }
            if (latestCsat != null) {
                out.add(latestCsat);
            }
            if (latestCes != null) {
                out.add(latestCes);
            }
            if (latestConversationSentiment != null) {
                out.add(latestConversationSentiment);
            } else {
                out.addAll(messageSentiments);
            }
            return out;
        }

        private void onCreated(TimelineEvent event, Created created) {
            if (event == creation) {
                team = nonNull(created.teamId());
                assignee = nonNull(created.agentId());
                createdTeam = team;
                createdAgent = assignee;
                emit(event.epochMillis(), team, assignee, new Observation.TicketCreated());
            } else {
                // A resent creation under another id counts once; it still says who holds the ticket.
                reassign(event, true, created.agentId(), true, created.teamId());
            }
        }

        /**
         * An assignment changes only what it names. Handing the ticket from one agent to another, or from
         * one team to another, is a transfer credited to those handing over; a first assignment (from
         * nobody) and an unassignment (to nobody) are not.
         */
        private void reassign(TimelineEvent event, boolean agentGiven, String agentId, boolean teamGiven,
                String teamId) {
            String newAgent = agentGiven ? nonNull(agentId) : assignee;
            String newTeam = teamGiven ? nonNull(teamId) : team;
            boolean agentHandover = !assignee.isEmpty() && !newAgent.isEmpty() && !newAgent.equals(assignee);
            boolean teamHandover = !team.isEmpty() && !newTeam.isEmpty() && !newTeam.equals(team);
            if (agentHandover || teamHandover) {
                transfers++;
                emit(event.epochMillis(), team, assignee, new Observation.Transfer());
                if (!firstSolveSeen) {
                    transfersBeforeFirstSolve++;
                }
            }
            assignee = newAgent;
            team = newTeam;
        }

        private void onTagged(TimelineEvent event, Tagged tagged) {
            tags = tagged.tags();
            if (!complaintCounted && tagged.tags().stream().anyMatch(settings::isComplaintTag)) {
                complaintCounted = true;
                emit(event.epochMillis(), team, assignee, new Observation.Complaint());
            }
        }

        private void onMessage(TimelineEvent event, Message message) {
            if (message.isPublicAgentReply()) {
                replies++;
                emit(event.epochMillis(), team, message.agentId(), new Observation.AgentReply());
                reply(event, message);
                if (!firstSolveSeen) {
                    repliesBeforeFirstSolve++;
                }
                if (!firstReplySeen) {
                    firstReplySeen = true;
                    firstResponseAt = event.epochMillis();
                    firstResponseTeam = team;
                    firstResponder = message.agentId();
                    if (creation != null) {
                        long millis = sinceCreation(event);
                        long target = settings.firstResponseTargetMillis(channel, priority);
                        firstResponseMillis = millis;
                        emit(event.epochMillis(), team, message.agentId(),
                                new Observation.FirstResponse(millis, businessSinceCreation(event), millis <= target));
                    }
                }
            } else if (message.author() == TicketFact.Author.CUSTOMER) {
                emit(event.epochMillis(), team, "", new Observation.CustomerMessage());
                if (message.sentimentMilli() != null) {
                    // Credited to whoever holds the conversation the customer speaks in, like a rating.
                    messageSentiments.add(new Contribution(event.epochMillis(), team, assignee, channel,
                            new Observation.SentimentScore(message.sentimentMilli())));
                    negativeMessageSeen |= Observation.SentimentScore.isNegative(message.sentimentMilli());
                }
                // Before the first reply the wait runs from the creation; later ones start the next wait.
                if (waitingSince == null && (anyReplySeen || creation == null)) {
                    waitingSince = event.epochMillis();
                }
            }
        }

        /**
         * Reply time (docs/kpis.md): a public agent reply answers the customer's wait, which began at the creation
         * for the first reply, else at the earliest customer message since the last reply. Customer messages in a
         * row are one wait; a reply with nobody waiting (an agent's second reply in a row) is no new response.
         */
        private void reply(TimelineEvent event, Message message) {
            Long start = !anyReplySeen && creation != null ? Long.valueOf(creation.epochMillis()) : waitingSince;
            anyReplySeen = true;
            waitingSince = null;
            if (start == null) {
                return;
            }
            long millis = Math.max(0, event.epochMillis() - start);
            long business = event.epochMillis() <= start ? 0
                    : settings.calendarFor(team).businessMillis(start, event.epochMillis());
            emit(event.epochMillis(), team, message.agentId(), new Observation.Reply(millis, business));
        }

        private void onStatusChanged(TimelineEvent event, StatusChanged change) {
            boolean wasResolved = status.isResolved();
            boolean nowResolved = change.status().isResolved();
            if (!wasResolved && nowResolved) {
                String solver = change.agentId() != null ? change.agentId() : assignee;
                Observation.Solve solve = creation == null ? new Observation.Solve(null, null)
                        : new Observation.Solve(sinceCreation(event), businessSinceCreation(event));
                lastSolve = emit(event.epochMillis(), team, solver, solve);
                solves++;
                lastSolvedAt = event.epochMillis();
                if (!firstSolveSeen) {
                    firstSolveSeen = true;
                    firstSolvedAt = event.epochMillis();
                    // First contact: at most one public reply and no transfer before the solve, never reopened.
                    firstContact = repliesBeforeFirstSolve <= 1 && transfersBeforeFirstSolve == 0 && !everReopened;
                    emit(event.epochMillis(), team, solver, new Observation.FirstResolution(firstContact));
                }
            } else if (wasResolved && !nowResolved && lastSolve != null) {
                reopens++;
                // The reopen undoes the latest solve: restate that solve's period and attribution.
                emit(lastSolve.epochMillis(), lastSolve.teamId(), lastSolve.agentId(), new Observation.ReopenedSolve());
                lastSolve = null;
            }
            status = change.status();
        }

        private void onCsat(TimelineEvent event, Csat csat) {
            // Only the latest rating counts; an earlier one is simply not emitted, which retracts it.
            String agent = csat.agentId() != null ? csat.agentId() : assignee;
            latestCsatScore = csat.score();
            latestCsat = new Contribution(event.epochMillis(), team, agent, channel, new Observation.CsatScore(csat.score()));
        }

        private void onCes(TimelineEvent event, TicketFact.Ces ces) {
            // Credited like CSAT: only the latest answer counts, to the survey's agent, else the assignee.
            String agent = ces.agentId() != null ? ces.agentId() : assignee;
            latestCes = new Contribution(event.epochMillis(), team, agent, channel, new Observation.CesScore(ces.scoreMilli()));
        }

        private void onSentiment(TimelineEvent event, TicketFact.Sentiment sentiment) {
            String agent = sentiment.agentId() != null ? sentiment.agentId() : assignee;
            latestConversationSentiment = new Contribution(event.epochMillis(), team, agent, channel,
                    new Observation.SentimentScore(sentiment.sentimentMilli()));
        }

        /** The ticket's churn-risk state after this event; a new point only when it changed. */
        private void recordRisk(TimelineEvent event) {
            boolean complaint = tags.stream().anyMatch(settings::isComplaintTag);
            boolean lowCsat = latestCsat != null && latestCsatScore <= 2;
            boolean negative = latestConversationSentiment != null
                    ? Observation.SentimentScore.isNegative(
                            ((Observation.SentimentScore) latestConversationSentiment.observation()).sentimentMilli())
                    : negativeMessageSeen;
            RiskPoint next = new RiskPoint(event.epochMillis(), complaint, lowCsat, reopens, negative);
            if (next.sameSignals(risk)) {
                return;
            }
            if (!riskHistory.isEmpty() && riskHistory.get(riskHistory.size() - 1).epochMillis() == event.epochMillis()) {
                // Events of one instant: only the state after the last of them is ever seen.
                riskHistory.remove(riskHistory.size() - 1);
            }
            RiskPoint previous = riskHistory.isEmpty() ? RiskPoint.NONE : riskHistory.get(riskHistory.size() - 1);
            if (!next.sameSignals(previous)) {
                riskHistory.add(next);
            }
            risk = next;
        }

        private void onNps(TimelineEvent event, Nps nps) {
            String agent = nps.agentId() != null ? nps.agentId() : assignee;
            emit(event.epochMillis(), team, agent, new Observation.NpsScore(nps.score()));
        }

        /**
         * The facts as they stand at the end of the walk (call after {@link #run()}); null for the timeline of an
         * interaction that is no ticket (only queue facts), which has no ticket facts.
         */
        TicketFacts facts() {
            if (events.stream().allMatch(e -> e.fact().isInteraction())) {
                return null;
            }
            Created created = creation == null ? null : (Created) creation.fact();
            return new TicketFacts(created == null ? null : channel, created == null ? null : priority,
                    status.name().toLowerCase(java.util.Locale.ROOT), created == null ? null : created.customerId(),
                    creation == null ? null : creation.epochMillis(), blankToNull(createdTeam), blankToNull(createdAgent),
                    blankToNull(team), blankToNull(assignee),
                    firstResponseAt, firstResponseMillis, blankToNull(firstResponseTeam), firstResponder, firstSolvedAt, lastSolvedAt, solves, reopens,
                    transfers, replies, latestCsat == null ? null : latestCsatScore, firstContact, tags, risk.negativeSentiment(),
                    List.copyOf(riskHistory));
        }

        private static String blankToNull(String id) {
            return id == null || id.isEmpty() ? null : id;
        }

        private long sinceCreation(TimelineEvent event) {
            // Clock skew between helpdesk systems can put a reply "before" creation: count it as instant.
            return Math.max(0, event.epochMillis() - creation.epochMillis());
        }

        /** Business time since creation, in the hours of the team credited now (its own, else the tenant's). */
        private long businessSinceCreation(TimelineEvent event) {
            return settings.calendarFor(team).businessMillis(creation.epochMillis(), event.epochMillis());
        }

        private Contribution emit(long epochMillis, String teamId, String agentId, Observation observation) {
            Contribution contribution = new Contribution(epochMillis, teamId, agentId, channel, observation);
            out.add(contribution);
            return contribution;
        }

        private static boolean anyReopen(List<TimelineEvent> events) {
            TicketFact.Status status = TicketFact.Status.NEW;
            for (TimelineEvent event : events) {
                if (event.fact() instanceof StatusChanged change) {
                    if (status.isResolved() && !change.status().isResolved()) {
                        return true;
                    }
                    status = change.status();
                }
            }
            return false;
        }

        private static String nonNull(String id) {
            return id == null ? "" : id;
        }
    }
}
