package io.deskpulse.reporting.domain.contribution;

import java.util.List;

/** A page of a cell's contributions, and the cursor to the next (null on the last page). */
public record ContributionPage(ContributionQuery query, List<ContributionRow> rows, String nextCursor) {
}
