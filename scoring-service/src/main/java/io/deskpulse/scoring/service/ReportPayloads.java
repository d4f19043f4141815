package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.domain.ReportSummary;

/**
 * The body of a report webhook (docs/report-webhooks.md#payload): the event, the tenant, the report's fields with its
 * links on the reporting API, a short summary, and {@code text}, one line that chat tools' incoming webhooks (Slack,
 * Mattermost, Rocket.Chat read a top-level {@code text}) show as it is.
 */
public final class ReportPayloads {

    public static final String CREATED = "period_report.created";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ReportPayloads() {
    }

    /** {@code reportingUrl}: the public base of the reporting API, without a trailing slash. */
    public static String of(String tenant, long reportId, ReportPeriod period, String timeZone, int modelVersion,
            ReportSummary summary, String reportingUrl) {
        String link = reportingUrl + "/v1/reports/" + reportId;
        ObjectNode body = JSON.objectNode();
        body.put("event", CREATED);
        body.put("tenant", tenant);
        ObjectNode report = body.putObject("report");
        report.put("id", reportId);
        report.put("granularity", period.length().label());
        report.put("period_start", period.start().toString());
        report.put("period_end", period.end().toString());
        report.put("time_zone", timeZone);
        report.put("model_version", modelVersion);
        report.put("url", link);
        report.put("scorecards_url", link + "/scorecards");
        ObjectNode totals = body.putObject("summary");
        totals.put("teams", summary.teams());
        totals.put("tickets_created", summary.ticketsCreated());
        totals.put("tickets_resolved", summary.ticketsResolved());
        totals.put("first_responses", summary.firstResponseCount());
        totals.put("first_response_avg_s", summary.firstResponseAvgS());
        totals.put("csat_ratings", summary.csatCount());
        totals.put("csat_avg", summary.csatAvg());
        body.put("text", summary.text(tenant, period, link));
        return body.toString();
    }
}
