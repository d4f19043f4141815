package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of a tenant's settings: who changed which fields, when, and the stored document (the
 * canonical JSON of the settings or scoring models document; null where only the history was read).
 */
public record DocumentVersion(int version, Instant changedAt, String changedBy, List<String> changedFields,
        String document) {

    /** A tenant that never saved settings: version 0, the defaults. */
    public static final DocumentVersion NONE = new DocumentVersion(0, null, null, List.of(), null);
}
