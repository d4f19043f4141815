package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.TicketFact.Author;
import io.deskpulse.scoring.domain.TicketFact.Status;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Builds timeline events for tests; each gets a fresh identity, so a test can resend the very same one. */
final class Events {

    private static final AtomicLong IDENTITIES = new AtomicLong(1);

    private Events() {
    }

    static TimelineEvent at(String isoTime, TicketFact fact) {
        return new TimelineEvent(IDENTITIES.getAndIncrement(), Instant.parse(isoTime).toEpochMilli(), fact);
    }

    static TicketFact created(String channel, String team, String agent) {
        return new TicketFact.Created(channel, "normal", "c-1", team, agent);
    }

    static TicketFact assigned(String agent, String team) {
        return new TicketFact.Assigned(true, agent, true, team);
    }

    static TicketFact assignedTeamOnly(String team) {
        return new TicketFact.Assigned(false, null, true, team);
    }

    static TicketFact unassigned() {
        return new TicketFact.Assigned(true, null, false, null);
    }

    static TicketFact customer() {
        return new TicketFact.Message(Author.CUSTOMER, null, true);
    }

    static TicketFact reply(String agent) {
        return new TicketFact.Message(Author.AGENT, agent, true);
    }

    static TicketFact note(String agent) {
        return new TicketFact.Message(Author.AGENT, agent, false);
    }

    static TicketFact bot() {
        return new TicketFact.Message(Author.BOT, null, true);
    }

    static TicketFact system() {
        return new TicketFact.Message(Author.SYSTEM, null, true);
    }

    static TicketFact status(Status status, String agent) {
        return new TicketFact.StatusChanged(status, agent);
    }

    static TicketFact solved(String agent) {
        return status(Status.SOLVED, agent);
    }

    static TicketFact csat(int score, String agent) {
        return new TicketFact.Csat(score, agent);
    }

    static TicketFact nps(int score, String agent) {
        return new TicketFact.Nps(score, agent);
    }

    static TicketFact tagged(String... tags) {
        return new TicketFact.Tagged(java.util.List.of(tags));
    }

    static TicketFact createdWithPriority(String channel, String priority, String team, String agent) {
        return new TicketFact.Created(channel, priority, "c-1", team, agent);
    }

    static AgentEvent agentAt(String isoTime, AgentFact fact) {
        return new AgentEvent(IDENTITIES.getAndIncrement(), Instant.parse(isoTime).toEpochMilli(), fact);
    }

    static AgentFact online(String team) {
        return new AgentFact.StatusChanged(AgentFact.Status.ONLINE, team);
    }

    static AgentFact busy() {
        return new AgentFact.StatusChanged(AgentFact.Status.BUSY, null);
    }

    static AgentFact away() {
        return new AgentFact.StatusChanged(AgentFact.Status.AWAY, null);
    }

    static AgentFact offline() {
        return new AgentFact.StatusChanged(AgentFact.Status.OFFLINE, null);
    }

    static AgentFact interaction(String channel, double talkHoldWrapSeconds) {
        return new AgentFact.Interaction(channel, Math.round(talkHoldWrapSeconds * 1000));
    }

    static AgentFact qa(double score, Boolean passed) {
        return new AgentFact.QaReview(Math.round(score * 1000), passed);
    }

    static AgentFact sale(double amount) {
        return new AgentFact.Sale(Math.round(amount * 1000));
    }

    static AgentFact peer(int score) {
        return new AgentFact.PeerReview(score);
    }

    static AgentFact agentNps(int score) {
        return new AgentFact.Nps(score);
    }

    static TicketFact offered(String channel, String queue, String team) {
        return new TicketFact.Offered(channel, queue, team, null);
    }

    static TicketFact answered(String agent, double waitSeconds) {
        return new TicketFact.Answered(agent, Math.round(waitSeconds * 1000));
    }

    static TicketFact abandoned(double waitSeconds) {
        return new TicketFact.Abandoned(Math.round(waitSeconds * 1000));
    }

    /** A 1..7 effort answer. */
    static TicketFact ces(int score, String agent) {
        return new TicketFact.Ces(score * 1000, agent);
    }

    /** A 1..5 effort answer, mapped as the decoder maps it. */
    static TicketFact ces5(int score, String agent) {
        return new TicketFact.Ces(1000 + (score - 1) * 1500, agent);
    }

    /** A public customer message the platform scored. */
    static TicketFact customerFeeling(double sentiment) {
        return new TicketFact.Message(Author.CUSTOMER, null, true, (int) Math.round(sentiment * 1000));
    }

    /** A conversation score. */
    static TicketFact sentiment(double sentiment, String agent) {
        return new TicketFact.Sentiment((int) Math.round(sentiment * 1000), agent);
    }
}
