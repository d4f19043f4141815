package io.deskpulse.scoring.domain;

import java.util.List;

/**
 * The essential content of one ticket event, as kept in the ticket's timeline. Only what KPI
 * derivation needs is kept; comments and unknown fields are dropped.
 *
 * <p>The declaration order of {@link Kind} orders events that share a timestamp: a ticket is created
 * before it is assigned, assigned before anyone replies, and a reply at the same second as a solve
 * happened before the solve; an interaction is offered before it is answered or abandoned.
 *
 * <p>The {@code interaction.*} facts (OFFERED, ANSWERED, ABANDONED) make an interaction's timeline, kept like a
 * ticket's under its interaction id (docs/storage.md). An interaction that shares its id with a ticket shares the
 * stored timeline but nothing else: {@link ContributionDeriver} reads only the ticket facts,
 * {@link InteractionDeriver} only the interaction facts. Ordinals are part of the stored format: new constants go
 * at the end.
 */
public sealed interface TicketFact {

    enum Kind { CREATED, ASSIGNED, TAGGED, MESSAGE, STATUS_CHANGED, CSAT, NPS, OFFERED, ANSWERED, ABANDONED, CES, SENTIMENT }

    /** True for the facts of an interaction's queue timeline rather than a ticket's. */
    default boolean isInteraction() {
        return kind() == Kind.OFFERED || kind() == Kind.ANSWERED || kind() == Kind.ABANDONED;
    }

    Kind kind();

    /** {@code ticket.created}; missing optional ids are null, priority defaults to normal. */
    record Created(String channel, String priority, String customerId, String teamId, String agentId)
            implements TicketFact {
        public Kind kind() {
            return Kind.CREATED;
        }
    }

    /**
     * {@code ticket.assigned}. A field that was absent leaves the current value alone; an explicit
     * null agent unassigns, so presence is kept apart from the value.
     */
    record Assigned(boolean agentGiven, String agentId, boolean teamGiven, String teamId) implements TicketFact {
        public Kind kind() {
            return Kind.ASSIGNED;
        }
    }

    record Tagged(List<String> tags) implements TicketFact {
        public Tagged {
            tags = List.copyOf(tags);
        }

        public Kind kind() {
            return Kind.TAGGED;
        }
    }

    enum Author { CUSTOMER, AGENT, BOT, SYSTEM }

    /**
     * {@code ticket.message}; {@code sentimentMilli} is the platform's sentiment score of the message in thousandths
     * (-1000..1000), null when it gave none. Only a customer's message keeps one (docs/events.md).
     */
    record Message(Author author, String agentId, boolean isPublic, Integer sentimentMilli) implements TicketFact {
        public Message(Author author, String agentId, boolean isPublic) {
            this(author, agentId, isPublic, null);
        }

        public Kind kind() {
            return Kind.MESSAGE;
        }

        public boolean isPublicAgentReply() {
            return author == Author.AGENT && isPublic;
        }
    }

    enum Status {
        NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

        public boolean isResolved() {
            return this == SOLVED || this == CLOSED;
        }
    }

    record StatusChanged(Status status, String agentId) implements TicketFact {
        public Kind kind() {
            return Kind.STATUS_CHANGED;
        }
    }

    record Csat(int score, String agentId) implements TicketFact {
        public Kind kind() {
            return Kind.CSAT;
        }
    }

    /** {@code survey.nps} naming this ticket. */
    record Nps(int score, String agentId) implements TicketFact {
        public Kind kind() {
            return Kind.NPS;
        }
    }

    /** {@code interaction.offered}: a call or chat enters a queue; queue and team may each be null, priority too. */
    record Offered(String channel, String queueId, String teamId, String priority) implements TicketFact {
        public Kind kind() {
            return Kind.OFFERED;
        }
    }

    /** {@code interaction.answered}: the agent who answered and how long the customer waited. */
    record Answered(String agentId, long waitMillis) implements TicketFact {
        public Kind kind() {
            return Kind.ANSWERED;
        }
    }

    /** {@code interaction.abandoned}: the customer gave up after waiting this long. */
    record Abandoned(long waitMillis) implements TicketFact {
        public Kind kind() {
            return Kind.ABANDONED;
        }
    }

    /**
     * {@code survey.ces}: the customer's effort score on the 1..7 scale, in thousandths (a 1..5 answer is mapped
     * onto it, docs/events.md), and the agent the survey names (null: the assignee).
     */
    record Ces(int scoreMilli, String agentId) implements TicketFact {
        public Kind kind() {
            return Kind.CES;
        }
    }

    /** {@code ticket.sentiment}: the platform's score of the whole conversation, in thousandths (-1000..1000). */
    record Sentiment(int sentimentMilli, String agentId) implements TicketFact {
        public Kind kind() {
            return Kind.SENTIMENT;
        }
    }
}
