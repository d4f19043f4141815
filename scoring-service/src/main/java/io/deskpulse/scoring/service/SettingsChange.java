package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.BusinessHours;
import io.deskpulse.scoring.domain.TenantSettings;
import java.util.List;
import java.util.Objects;

/**
 * What a new settings document changes: the top-level fields whose effective value differs, and whether
 * that can alter numbers already computed (then the tenant's aggregates are recomputed).
 *
 * <p>Every field feeds the KPI derivation but {@code time_zone}: aggregates are kept per UTC hour, and the
 * tenant's zone is only the reports' default. It matters to the derivation only through business hours
 * that name no zone of their own and so take the tenant's.
 */
public record SettingsChange(List<String> changedFields, boolean recomputes) {

    public static SettingsChange between(TenantSettings before, TenantSettings after, SettingsCodec codec) {
        ObjectNode was = codec.encode(before);
        ObjectNode is = codec.encode(after);
        List<String> changed = SettingsCodec.FIELDS.stream()
                .filter(field -> !Objects.equals(was.get(field), is.get(field)))
                .toList();
        boolean recomputes = changed.stream().anyMatch(field -> !field.equals("time_zone"))
                || (changed.contains("time_zone") && (takesTenantZone(before) || takesTenantZone(after)));
        return new SettingsChange(changed, recomputes);
    }

    public boolean isEmpty() {
        return changedFields.isEmpty();
    }

    /** Whether some business hours of these settings are in the tenant's zone, for want of their own. */
    static boolean takesTenantZone(TenantSettings settings) {
        return takesTenantZone(settings.businessHours())
                || settings.teamBusinessHours().values().stream().anyMatch(SettingsChange::takesTenantZone);
    }

    private static boolean takesTenantZone(BusinessHours hours) {
        return hours != null && hours.timeZone() == null;
    }
}
