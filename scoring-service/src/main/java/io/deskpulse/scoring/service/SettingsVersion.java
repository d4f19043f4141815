package io.deskpulse.scoring.service;

import java.time.Instant;
import java.util.List;

/**
 * One saved version of a tenant's settings: who changed which fields, when, and the stored document (the
 * canonical JSON of {@link SettingsCodec}; null where only the history was read).
 */
public record SettingsVersion(int version, Instant changedAt, String changedBy, List<String> changedFields,
        String document) {

    /** A tenant that never saved settings: version 0, the defaults. */
    public static final SettingsVersion NONE = new SettingsVersion(0, null, null, List.of(), null);
}
