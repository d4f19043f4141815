package io.deskpulse.reporting.domain.alert;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.util.List;

/**
 * A validated {@code GET /v1/alerts}: {@code state} null for both, {@code rules} empty for all, {@code since} null
 * for any time (else alerts raised or resolved at or after it); {@code afterId} the last id of the previous page.
 */
public record AlertQuery(String tenant, String state, List<Long> rules, Instant since, int limit, Long afterId) {

    public AlertQuery after(long id) {
        return new AlertQuery(tenant, state, rules, since, limit, id);
    }

    public String fingerprint() {
        return Cursors.fingerprint("alerts", tenant, String.valueOf(state),
                String.join(",", rules.stream().sorted().map(String::valueOf).toList()), String.valueOf(since));
    }
}
