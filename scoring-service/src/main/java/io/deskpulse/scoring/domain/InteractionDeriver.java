package io.deskpulse.scoring.domain;

import io.deskpulse.scoring.domain.TicketFact.Abandoned;
import io.deskpulse.scoring.domain.TicketFact.Answered;
import io.deskpulse.scoring.domain.TicketFact.Offered;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives an interaction's queue KPIs from the {@code interaction.*} facts of its timeline (docs/kpis.md, "Queues").
 * Like {@link ContributionDeriver}, a pure function of the timeline and the settings: whatever order the events
 * arrived in, and however often, the contributions are the same, and a late event restates through their difference.
 *
 * <ul>
 *   <li>The earliest offer counts (a resent offer under another id counts once) and says the channel, queue and team.</li>
 *   <li>The outcome is the earliest answer, else the earliest abandonment: an interaction answered at all counts as
 *       answered, whatever else was reported about it.</li>
 *   <li>Nothing counts before the offer is known: an answer or abandonment alone waits for it, as a first response
 *       waits for the ticket's creation.</li>
 *   <li>Everything is credited at the offer's time (the interval the interaction entered the queue in, as contact
 *       centres report queues), so in any period {@code answered + abandoned + short_abandoned <= offered}. The answer
 *       is credited to the answering agent, the rest to no agent; all to the offer's team, channel and queue.</li>
 * </ul>
 */
public final class InteractionDeriver {

    private InteractionDeriver() {
    }

    public static List<Contribution> derive(TicketTimeline timeline, TenantSettings settings) {
        TimelineEvent offer = null;
        Answered answer = null;
        Abandoned abandonment = null;
        for (TimelineEvent event : timeline.events()) {
            TicketFact fact = event.fact();
            if (fact instanceof Offered && offer == null) {
                offer = event;
            } else if (fact instanceof Answered a && answer == null) {
                answer = a;
            } else if (fact instanceof Abandoned a && abandonment == null) {
                abandonment = a;
            }
        }
        if (offer == null) {
            return List.of();
        }
        Offered offered = (Offered) offer.fact();
        long at = offer.epochMillis();
        String channel = offered.channel();
        List<Contribution> out = new ArrayList<>(2);
        out.add(new Contribution(at, offered.teamId(), "", channel, new Observation.Offered(), offered.queueId()));
        if (answer != null) {
            boolean met = answer.waitMillis() <= settings.serviceLevelThresholdMillis(channel);
            out.add(new Contribution(at, offered.teamId(), answer.agentId(), channel,
                    new Observation.Answered(answer.waitMillis(), met), offered.queueId()));
        } else if (abandonment != null) {
            boolean isShort = abandonment.waitMillis() < settings.shortAbandonMillis();
            out.add(new Contribution(at, offered.teamId(), "", channel, new Observation.Abandoned(isShort),
                    offered.queueId()));
        }
        return out;
    }
}
