package io.deskpulse.scoring.service;

import java.util.UUID;

/**
 * A replay or a recomputation was asked for while the tenant has one queued or running: a 409 naming it. At most one
 * of each per tenant, so one tenant cannot queue work without bound on an instance every tenant shares.
 */
public class JobRunningException extends RuntimeException {

    /** The kinds of job a tenant has at most one of: its problem type, its title and its resource. */
    public enum Kind {
        REPLAY("replay-running", "Replay running", "Replay", "/v1/replays/"),
        RECOMPUTATION("recomputation-running", "Recomputation running", "Recomputation", "/v1/recomputations/");

        public final String type;
        public final String title;
        final String noun;
        public final String resource;

        Kind(String type, String title, String noun, String resource) {
            this.type = type;
            this.title = title;
            this.noun = noun;
            this.resource = resource;
        }
    }

    private final Kind kind;
    private final UUID running;

    public JobRunningException(Kind kind, UUID running) {
        super(kind.noun + " " + running + " of this tenant is queued or running; a tenant has one at a time: follow it at "
                + kind.resource + running + " and ask again when it is done");
        this.kind = kind;
        this.running = running;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the running one is followed. */
    public String location() {
        return kind.resource + running;
    }
}
