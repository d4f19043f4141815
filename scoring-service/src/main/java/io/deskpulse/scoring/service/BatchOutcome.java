package io.deskpulse.scoring.service;

import java.util.Map;

/** How a batch ended: applied, or refused because the stored offsets are not the ones expected. */
public sealed interface BatchOutcome {

    /** Committed: events applied, events recognised as duplicates, aggregate rows changed. */
    record Applied(int applied, int duplicates, int aggregateRows) implements BatchOutcome {
    }

    /**
     * Another consumer moved these partitions' offsets since this one loaded them (it lost them in a
     * rebalance): nothing was written, and consumption must resume from {@code storedOffsets}.
     */
    record Fenced(Map<Integer, Long> storedOffsets) implements BatchOutcome {
    }
}
