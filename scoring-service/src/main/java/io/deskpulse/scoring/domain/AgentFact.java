package io.deskpulse.scoring.domain;

/**
 * The essential content of an event about an agent rather than a ticket, as kept in the agent's day
 * timeline. The declaration order of {@link Kind} orders events of the same instant: a status change
 * first, so that an interaction completed in the same millisecond is credited to the new team.
 * Ordinals are part of the stored format: new constants go at the end.
 */
public sealed interface AgentFact {

    enum Kind { STATUS, INTERACTION, QA_REVIEW, SALE, PEER_REVIEW, NPS }

    Kind kind();

    enum Status {
        ONLINE, BUSY, AWAY, OFFLINE;

        /** Online and busy are the time an agent is available for work (online_s). */
        public boolean countsAsOnline() {
            return this == ONLINE || this == BUSY;
        }
    }

    /** {@code agent.status_changed}; a team given here becomes the agent's team from then on. */
    record StatusChanged(Status status, String teamId) implements AgentFact {
        public Kind kind() {
            return Kind.STATUS;
        }
    }

    /** {@code interaction.completed}: handle time is talk + hold + wrap. */
    record Interaction(String channel, long handleMillis) implements AgentFact {
        public Kind kind() {
            return Kind.INTERACTION;
        }
    }

    /** {@code qa.review}; {@code passed} null when the review did not say (the pass mark decides). */
    record QaReview(long scoreMilli, Boolean passed) implements AgentFact {
        public Kind kind() {
            return Kind.QA_REVIEW;
        }
    }

    record Sale(long amountMilli) implements AgentFact {
        public Kind kind() {
            return Kind.SALE;
        }
    }

    record PeerReview(int score) implements AgentFact {
        public Kind kind() {
            return Kind.PEER_REVIEW;
        }
    }

    /** {@code survey.nps} naming no ticket (with a ticket it belongs to the ticket's timeline). */
    record Nps(int score) implements AgentFact {
        public Kind kind() {
            return Kind.NPS;
        }
    }
}
