package io.deskpulse.reporting.service;

import java.time.Instant;
import java.util.List;

/**
 * A validated {@code GET /v1/alerts}: {@code state} null for both, {@code rules} empty for all, {@code since} null
 * for any time (else alerts raised or resolved at or after it); {@code afterId} the last id of the previous page.
 */
public record AlertQuery(String tenant, String state, List<Long> rules, Instant since, int limit, Long afterId) {

    public String fingerprint() {
        return SequenceCursors.fingerprint(tenant, String.valueOf(state),
                String.join(",", rules.stream().sorted().map(String::valueOf).toList()), String.valueOf(since));
    }
}
