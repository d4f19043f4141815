package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.TenantSettings;
import java.util.Arrays;
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

    public static SettingsChange between(TenantSettings before, TenantSettings after) {
        List<Object> was = fields(SettingsDocument.of(before));
        List<Object> is = fields(SettingsDocument.of(after));
        List<String> changed = SettingsDocument.FIELDS.stream()
                .filter(field -> !Objects.equals(was.get(SettingsDocument.FIELDS.indexOf(field)),
                        is.get(SettingsDocument.FIELDS.indexOf(field))))
                .toList();
        return new SettingsChange(changed, !changed.isEmpty());
    }

    /** The values of {@link SettingsDocument#FIELDS}, in that order. */
    private static List<Object> fields(SettingsDocument d) {
        return Arrays.asList(d.timeZone(), d.businessHours(), d.teamBusinessHours(), d.firstResponseSlaS(),
                d.firstResponseSlaSByPriority(), d.qaPassMark(), d.complaintTag(), d.serviceLevelS(), d.shortAbandonS(),
                d.costRates(), d.keepContributions());
    }

    public boolean isEmpty() {
        return changedFields.isEmpty();
    }
}
