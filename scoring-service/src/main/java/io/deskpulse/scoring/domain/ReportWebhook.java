package io.deskpulse.scoring.domain;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's report webhook as stored, without its secret (docs/report-webhooks.md): where the period reports of the
 * listed lengths are posted. A disabled one gets no new report.
 */
public record ReportWebhook(long id, String tenantId, String name, String url, List<ReportPeriod.Length> granularities,
        Instant disabledAt, String createdBy, Instant createdAt, Instant updatedAt) {

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean wants(ReportPeriod.Length length) {
        return !disabled() && granularities.contains(length);
    }
}
