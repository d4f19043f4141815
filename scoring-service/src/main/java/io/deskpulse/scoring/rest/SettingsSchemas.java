package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the settings API, for the OpenAPI document only ({@link SettingsJson} and the codec write
 * the real ones). Classes rather than records so that the answers can extend the document.
 */
final class SettingsSchemas {

    private SettingsSchemas() {
    }

    @Schema(name = "BusinessHours", description = "Weekly openings and holidays, in a time zone")
    static class BusinessHours {
        @JsonProperty("time_zone")
        @Schema(description = "IANA zone of these hours; null: the tenant's time_zone", nullable = true,
                example = "Europe/Berlin")
        public String timeZone;
        @Schema(required = true, description = "Per day (monday ... sunday, lower case), openings \"HH:MM-HH:MM\": "
                + "start before end, 24:00 only as an end, not overlapping; a day left out or [] is closed; at least "
                + "one opening in the week. Answers list all seven days, openings sorted.",
                example = "{\"monday\": [\"09:00-12:00\", \"13:00-17:00\"], \"tuesday\": [\"09:00-17:00\"]}")
        public Map<String, List<String>> weekly;
        @Schema(description = "Dates YYYY-MM-DD closed all day, in the hours' zone (answers: sorted, no repeats)",
                example = "[\"2026-12-24\", \"2026-12-25\"]")
        public List<String> holidays;
    }

    @Schema(name = "SettingsDocument", description = "A tenant's settings (docs/settings.md). In a PUT every field is "
            + "optional and a field left out (or null) takes its default; unknown fields are refused.")
    static class Document {
        @JsonProperty("time_zone")
        @Schema(description = "IANA zone: reports' default tz, and the zone of business hours that name none",
                defaultValue = "UTC", example = "Europe/Berlin")
        public String timeZone;
        @JsonProperty("business_hours")
        @Schema(description = "The tenant's business hours; null: always open", nullable = true)
        public BusinessHours businessHours;
        @JsonProperty("team_business_hours")
        @Schema(description = "Per team id (1 to 128 characters, at most 1000 teams), hours that replace the tenant's "
                + "for contributions credited to that team")
        public Map<String, BusinessHours> teamBusinessHours;
        @JsonProperty("first_response_sla_s")
        @Schema(description = "First-response targets in seconds (1 to 2592000) per channel (email, chat, phone, web, "
                + "social, messaging, other); channels left out keep the catalog's default. Answers list all seven.",
                example = "{\"chat\": 30, \"phone\": 20, \"messaging\": 60, \"web\": 14400, \"email\": 14400, "
                        + "\"social\": 3600, \"other\": 14400}")
        public Map<String, Long> firstResponseSlaS;
        @JsonProperty("first_response_sla_s_by_priority")
        @Schema(description = "Per priority (low, normal, high, urgent), per channel, targets in seconds that take "
                + "precedence", example = "{\"urgent\": {\"email\": 3600, \"web\": 3600}}")
        public Map<String, Map<String, Long>> firstResponseSlaSByPriority;
        @JsonProperty("qa_pass_mark")
        @Schema(description = "A QA review without 'passed' passes when its score is at least this; 0 to 100, at most "
                + "3 decimals", defaultValue = "80", minimum = "0", maximum = "100")
        public Double qaPassMark;
        @JsonProperty("complaint_tag")
        @Schema(description = "The tag (matched case-insensitively; answered in lower case) that makes a ticket a "
                + "complaint; 1 to 128 characters", defaultValue = "complaint")
        public String complaintTag;
    }

    @Schema(name = "Settings", description = "The tenant's latest settings, every default filled in, and its version")
    static class Current extends Document {
        @Schema(description = "0 when never saved (the defaults); also the ETag, for If-Match")
        public int version;
        @JsonProperty("changed_at")
        @Schema(format = "date-time", nullable = true, description = "null for version 0")
        public String changedAt;
        @JsonProperty("changed_by")
        @Schema(nullable = true, description = "The X-DeskPulse-Actor header of the change, else key:<the first 12 hex "
                + "digits of the SHA-256 of the API key>; null for version 0", example = "key:083854c91b44")
        public String changedBy;
        @JsonProperty("pending_recomputation")
        @Schema(nullable = true, description = "The running recomputation, while it builds settings that reports do "
                + "not show yet; else null")
        public SettingsJson.RecomputationRef pendingRecomputation;
    }

    @Schema(name = "SavedSettings", description = "As GET /v1/settings, plus the recomputation this PUT started")
    static class Saved extends Current {
        @Schema(nullable = true, description = "Started by this PUT (null: none was needed, or nothing changed)")
        public SettingsJson.RecomputationRef recomputation;
    }

    @Schema(name = "SettingsVersionSummary")
    static class Summary {
        public int version;
        @JsonProperty("changed_at")
        @Schema(format = "date-time")
        public String changedAt;
        @JsonProperty("changed_by")
        public String changedBy;
        @JsonProperty("changed_fields")
        @Schema(description = "Top-level fields whose effective value differs from the previous version",
                example = "[\"business_hours\", \"qa_pass_mark\"]")
        public List<String> changedFields;
    }

    @Schema(name = "SettingsVersion", description = "One version's whole document and who changed what")
    static class Version extends Document {
        public int version;
        @JsonProperty("changed_at")
        @Schema(format = "date-time", nullable = true)
        public String changedAt;
        @JsonProperty("changed_by")
        @Schema(nullable = true)
        public String changedBy;
        @JsonProperty("changed_fields")
        public List<String> changedFields;
    }
}
