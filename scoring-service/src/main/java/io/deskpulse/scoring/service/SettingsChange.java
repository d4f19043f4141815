package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.TenantSettings;
import java.util.List;
import java.util.Objects;

/**
 * What a new settings document changes: the top-level fields whose effective value differs, and whether
 * that can alter numbers already computed (then the tenant's aggregates are recomputed).
 *
 * <p>Every field feeds the KPIs, {@code time_zone} included: besides being the zone of business hours that
 * name none, it is the zone of the daily rollups (kpi_daily), which a change of zone must rebuild.
 */
public record SettingsChange(List<String> changedFields, boolean recomputes) {

    public static SettingsChange between(TenantSettings before, TenantSettings after, SettingsCodec codec) {
        ObjectNode was = codec.encode(before);
        ObjectNode is = codec.encode(after);
        List<String> changed = SettingsCodec.FIELDS.stream()
                .filter(field -> !Objects.equals(was.get(field), is.get(field)))
                .toList();
        return new SettingsChange(changed, !changed.isEmpty());
    }

    public boolean isEmpty() {
        return changedFields.isEmpty();
    }
}
