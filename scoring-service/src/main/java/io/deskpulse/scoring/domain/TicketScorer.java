package io.deskpulse.scoring.domain;

import java.util.Collection;
import java.util.List;

/**
 * Folds new events into one ticket's timeline and records how its contributions change, for every
 * target: the old ones retracted, the new ones added. This is the whole of scoring for a ticket; the
 * caller only loads and stores timelines and applies the accumulated deltas.
 */
public final class TicketScorer {

    private TicketScorer() {
    }

    /** The new timeline and the facts derived from it. */
    public record Scored(TicketTimeline timeline, TicketFacts facts) {
    }

    /**
     * Returns the new timeline and its facts, or null when every event was already in it (nothing changes).
     *
     * @param ticketId the ticket, the item its contributions are kept under
     * @param before the stored timeline, or null for a ticket seen for the first time
     * @param targets the first is the active generation
     */
    public static Scored score(String ticketId, TicketTimeline before, Collection<TimelineEvent> events,
            List<Target> targets, DeltaAccumulator deltas) {
        TicketTimeline after = before == null ? new TicketTimeline() : before.copy();
        boolean grew = false;
        for (TimelineEvent event : events) {
            grew |= after.add(event);
        }
        if (!grew) {
            return null;
        }
        TicketFacts facts = null;
        for (Target target : targets) {
            ContributionDeriver.Derivation derived = ContributionDeriver.deriveWithFacts(after, target.settings());
            deltas.replace(target, ContributionItem.ticket(ticketId), before == null ? List.of() : ContributionDeriver.derive(before, target.settings()),
                    derived.contributions());
            if (facts == null) {
                facts = derived.facts();
            }
        }
        return new Scored(after, facts);
    }
}
