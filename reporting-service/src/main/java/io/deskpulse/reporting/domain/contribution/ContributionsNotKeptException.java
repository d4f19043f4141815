package io.deskpulse.reporting.domain.contribution;

/**
 * The tenant's active numbers were computed without contribution rows (its settings' keep_contributions is false):
 * a cell's items cannot be listed, and an empty page would wrongly say that it has none.
 */
public class ContributionsNotKeptException extends RuntimeException {

    public static final String DETAIL = "This tenant's settings keep no contribution rows (keep_contributions: false), so "
            + "the items behind a cell cannot be listed. An admin can set keep_contributions to true (PUT /v1/settings "
            + "on scoring-service); the recomputation that follows rebuilds them.";

    public ContributionsNotKeptException() {
        super(DETAIL);
    }
}
