package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.risk.AtRiskPage;
import io.deskpulse.reporting.domain.risk.AtRiskQuery;
import io.deskpulse.reporting.domain.risk.ChurnSignal;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/customers/at-risk}: the window, then customers by churn-risk score with its signals. */
@Schema(name = "AtRiskPage", requiredProperties = {"as_of", "tz", "window_from", "window_to", "complaint_tag",
    "min_score", "rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record AtRiskBody(
        @JsonProperty("as_of") @Schema(description = "The window's last day", example = "2026-11-30") LocalDate asOf,
        @Schema(description = "The IANA zone of the window's days", example = "UTC") String tz,
        @JsonProperty("window_from") @Schema(description = "The window's first day (as_of minus 29)",
                example = "2026-11-01") LocalDate windowFrom,
        @JsonProperty("window_to") @Schema(description = "The window's last day (as_of)", example = "2026-11-30")
        LocalDate windowTo,
        @JsonProperty("complaint_tag") @Schema(description = "The tag counted as a complaint (tenant settings)",
                example = "complaint") String complaintTag,
        @JsonProperty("min_score") @Schema(description = "Only customers scoring at least this", example = "1") int minScore,
        List<Row> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor)
        implements ReportBody {

    public static AtRiskBody of(AtRiskPage page) {
        AtRiskQuery q = page.query();
        return new AtRiskBody(q.asOf(), q.zone().getId(), q.windowFrom(), q.asOf(), page.complaintTag(), q.minScore(),
                page.rows().stream().map(Row::of).toList(), page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(Row.class, rows);
    }

    @Schema(name = "AtRiskRow", description = "A customer with a churn-risk score from 0 to 100 and the signals that "
            + "made it (docs/kpis.md, Churn risk): each signal's count over the window and the points it gave",
            requiredProperties = {"customer_id", "score", "signals", "tickets", "repeat_contacts_points", "complaints",
                "complaints_points", "low_csat", "low_csat_points", "nps_score", "nps_at", "nps_detractor_points",
                "reopens", "reopens_points", "negative_sentiment", "negative_sentiment_points"},
            additionalProperties = Schema.False.class)
    public record Row(
            @JsonProperty("customer_id") @Schema(example = "c-881") String customerId,
            @Schema(minimum = "0", maximum = "100", description = "Sum of the signals' points, at most 100",
                    example = "100") int score,
            @Schema(description = "The signals that gave points: repeat_contacts, complaints, low_csat, nps_detractor, "
                    + "reopens, negative_sentiment; in CSV the JSON array's text", example = "[\"repeat_contacts\", \"complaints\"]")
            List<String> signals,
            @Schema(description = "Tickets created in the window", example = "4") long tickets,
            @JsonProperty("repeat_contacts_points") @Schema(description = "3 or more tickets: 20, +5 per ticket beyond 3, "
                    + "at most 30", example = "25") int repeatContactsPoints,
            @Schema(description = "Tickets of the window tagged with complaint_tag", example = "1") long complaints,
            @JsonProperty("complaints_points") @Schema(description = "25 each, at most 50", example = "25")
            int complaintsPoints,
            @JsonProperty("low_csat") @Schema(description = "Tickets of the window whose latest CSAT is 1 or 2",
                    example = "1") long lowCsat,
            @JsonProperty("low_csat_points") @Schema(description = "20 each, at most 40", example = "20") int lowCsatPoints,
            @JsonProperty("nps_score") @Schema(nullable = true, minimum = "0", maximum = "10",
                    description = "The customer's latest NPS response in the window; null when none", example = "3")
            Integer npsScore,
            @JsonProperty("nps_at") @Schema(nullable = true, description = "When it was given",
                    example = "2026-11-20T14:02:00Z") Instant npsAt,
            @JsonProperty("nps_detractor_points") @Schema(description = "25 when nps_score is 0 to 6", example = "25")
            int npsDetractorPoints,
            @Schema(description = "Reopens of the window's tickets", example = "2") long reopens,
            @JsonProperty("reopens_points") @Schema(description = "10 each, at most 30", example = "20") int reopensPoints,
            @JsonProperty("negative_sentiment") @Schema(description = "Tickets of the window with negative sentiment "
                    + "(their latest conversation score, else any scored customer message, at or below -0.25)",
                    example = "1") long negativeSentiment,
            @JsonProperty("negative_sentiment_points") @Schema(description = "15 for the first, +10 for each further "
                    + "one, at most 25", example = "15") int negativeSentimentPoints) {

        static Row of(CustomerRisk c) {
            Map<ChurnSignal, Integer> points = c.points();
            return new Row(c.customerId(), c.score(), c.signals(), c.tickets(), points.get(ChurnSignal.REPEAT_CONTACTS),
                    c.complaints(), points.get(ChurnSignal.COMPLAINTS), c.lowCsat(), points.get(ChurnSignal.LOW_CSAT),
                    c.npsScore(), c.npsAt(), points.get(ChurnSignal.NPS_DETRACTOR), c.reopens(),
                    points.get(ChurnSignal.REOPENS), c.negativeSentiment(), points.get(ChurnSignal.NEGATIVE_SENTIMENT));
        }
    }
}
