package io.deskpulse.scoring.domain;

import java.util.List;

/**
 * The essential content of one ticket event, as kept in the ticket's timeline. Only what KPI
 * derivation needs is kept; comments and unknown fields are dropped.
 *
 * <p>The declaration order of {@link Kind} orders events that share a timestamp: a ticket is created
 * before it is assigned, assigned before anyone replies, and a reply at the same second as a solve
 * happened before the solve.
 */
public sealed interface TicketFact {

    enum Kind { CREATED, ASSIGNED, TAGGED, MESSAGE, STATUS_CHANGED, CSAT, NPS }

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

    record Message(Author author, String agentId, boolean isPublic) implements TicketFact {
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
}
