package io.deskpulse.scoring.domain;

/**
 * What a contribution belongs to, for the drill-down from a KPI cell to its items ({@code kpi_contributions},
 * docs/storage.md): a ticket, or one agent event (an interaction, a QA or peer review, a sale, an NPS response
 * naming no ticket, identified by the event's identity), or an agent's online time.
 */
public record ContributionItem(String type, String id) {

    public static final String TICKET = "ticket";

    public static ContributionItem ticket(String ticketId) {
        return new ContributionItem(TICKET, ticketId);
    }

    /** An agent event's item: the event identity as 16 hex digits, as stable as the timeline that keeps it. */
    public static ContributionItem event(String type, long identity) {
        return new ContributionItem(type, String.format("%016x", identity));
    }
}
