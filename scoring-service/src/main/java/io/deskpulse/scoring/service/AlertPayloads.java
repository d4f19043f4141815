package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.repository.StoredAlert;

/**
 * The body of an alert webhook (docs/alerts.md#webhooks): the event, the tenant and the alert in the shape
 * {@code GET /v1/alerts} of reporting-service answers it.
 */
public final class AlertPayloads {

    public static final String RAISED = "alert.raised";
    public static final String RESOLVED = "alert.resolved";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AlertPayloads() {
    }

    public static String of(String event, String tenant, StoredAlert alert) {
        ObjectNode body = JSON.objectNode();
        body.put("event", event);
        body.put("tenant", tenant);
        ObjectNode a = body.putObject("alert");
        a.put("id", alert.id());
        a.put("state", alert.state());
        a.put("rule_id", alert.ruleId());
        a.put("rule_version", alert.ruleVersion());
        a.put("rule_name", alert.ruleName());
        a.put("metric", alert.metric());
        a.put("dimension", alert.dimension());
        a.put("member", alert.member().isEmpty() ? null : alert.member());
        a.put("channel", alert.channel());
        a.put("window_minutes", alert.windowMinutes());
        a.put("comparison", alert.comparison());
        a.set("threshold", Decimals.node(alert.threshold()));
        a.put("min_volume", alert.minVolume());
        a.put("raised_at", alert.raisedAt().toString());
        a.put("raised_value", alert.raisedValue());
        a.put("raised_volume", alert.raisedVolume());
        a.put("window_start", alert.windowStart().toString());
        a.put("window_end", alert.windowEnd().toString());
        a.put("resolved_at", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
        a.put("resolved_value", alert.resolvedValue());
        a.put("resolved_volume", alert.resolvedVolume());
        a.put("resolved_reason", alert.resolvedReason());
        return body.toString();
    }
}
