package io.deskpulse.reporting.domain.contribution;

import io.deskpulse.reporting.domain.kpi.Metric;
import java.time.Instant;

/**
 * One item's contribution to a cell: what it is ({@code itemType}, {@code itemId}, {@code kind}: what it did), when,
 * whom it was credited to (null: no team, no agent, unknown channel) and its share of the metric.
 */
public record ContributionRow(String itemType, String itemId, String kind, Instant at, String teamId, String agentId,
        String channel, Metric.Share share, ContributionQuery.PageKey key) {
}
