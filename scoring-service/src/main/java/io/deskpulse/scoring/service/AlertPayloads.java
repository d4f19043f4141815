package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.StoredAlert;
import io.deskpulse.storage.AlertDocument;
import io.deskpulse.storage.StoredJson;
import java.math.BigDecimal;

/**
 * The body of an alert webhook (docs/alerts.md#webhooks): the event, the tenant and the alert as {@code GET /v1/alerts}
 * of reporting-service answers it (the storage contract's {@link AlertDocument}).
 */
public final class AlertPayloads {

    public static final String RAISED = "alert.raised";
    public static final String RESOLVED = "alert.resolved";

    private AlertPayloads() {
    }

    record Body(String event, String tenant, AlertDocument alert) {
    }

    public static String of(String event, String tenant, StoredAlert a) {
        return StoredJson.write(new Body(event, tenant, new AlertDocument(a.id(), a.state(), a.ruleId(), a.ruleVersion(),
                a.ruleName(), a.metric(), a.dimension(), a.member().isEmpty() ? null : a.member(), a.channel(),
                a.windowMinutes(), a.comparison(), new BigDecimal(Decimals.plain(a.threshold()).toString()),
                a.minVolume(), a.raisedAt(), a.raisedValue(), a.raisedVolume(), a.windowStart(), a.windowEnd(),
                a.resolvedAt(), a.resolvedValue(), a.resolvedVolume(), a.resolvedReason())));
    }
}
