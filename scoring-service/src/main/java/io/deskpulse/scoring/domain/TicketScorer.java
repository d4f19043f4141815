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

    /**
     * Returns the new timeline, or null when every event was already in it (nothing changes).
     *
     * @param before the stored timeline, or null for a ticket seen for the first time
     */
    public static TicketTimeline score(TicketTimeline before, Collection<TimelineEvent> events, List<Target> targets,
            DeltaAccumulator deltas) {
        TicketTimeline after = before == null ? new TicketTimeline() : before.copy();
        boolean grew = false;
        for (TimelineEvent event : events) {
            grew |= after.add(event);
        }
        if (!grew) {
            return null;
        }
        for (Target target : targets) {
            if (before != null) {
                deltas.retract(target, ContributionDeriver.derive(before, target.settings()));
            }
            deltas.add(target, ContributionDeriver.derive(after, target.settings()));
        }
        return after;
    }
}
