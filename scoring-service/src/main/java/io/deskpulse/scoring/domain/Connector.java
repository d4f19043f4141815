package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tenant's helpdesk connector as stored, without its secrets (they never leave the service that decrypts them for
 * verification). {@code options} are the platform's: chatwoot {@code allow_unsigned}; freshdesk {@code auth}.
 */
public record Connector(String id, String tenantId, String platform, String name, Map<String, Object> options,
        Instant previousSecretValidUntil, Instant disabledAt, String createdBy, Instant createdAt, Instant updatedAt) {

    public static final List<String> PLATFORMS = List.of("zendesk", "chatwoot", "freshdesk", "intercom", "zammad");

    public boolean disabled() {
        return disabledAt != null;
    }
}
