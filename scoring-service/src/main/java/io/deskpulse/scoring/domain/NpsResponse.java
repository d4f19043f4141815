package io.deskpulse.scoring.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One NPS response as the per-customer store keeps it ({@code customer_nps_responses}): the ticket it
 * names ({@code ""} for none), its identity (as in the timelines), the customer it names ({@code ""} when
 * none: then the ticket's customer is meant), its event time and score. The churn-risk signal "NPS
 * detractor" reads each customer's latest response by event time, so order and lateness do not matter.
 */
public record NpsResponse(String tenantId, String ticketId, long responseId, String customerId, long epochMillis,
        int score) {

    /** The responses of a ticket's timeline; their customer is the ticket's (the timeline does not keep the survey's). */
    public static List<NpsResponse> ofTimeline(String tenantId, String ticketId, TicketTimeline timeline) {
        List<NpsResponse> responses = new ArrayList<>();
        for (TimelineEvent event : timeline.events()) {
            if (event.fact() instanceof TicketFact.Nps nps) {
                responses.add(new NpsResponse(tenantId, ticketId, event.identity(), "", event.epochMillis(), nps.score()));
            }
        }
        return responses;
    }
}
