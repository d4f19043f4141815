package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.deskpulse.scoring.domain.ReportPeriod;
import io.deskpulse.scoring.service.CheckedDocument;
import io.deskpulse.scoring.service.FieldErrors;
import io.deskpulse.scoring.service.WebhookAddresses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the report webhook API's requests. Fields they do not know are refused, each named. */
final class ReportWebhookRequests {

    static final int MAX_URL_LENGTH = 2000;
    private static final String SECRET_PATTERN = "[\\x21-\\x7e]+";
    private static final String SECRET_REASON = "must be 16 to 512 printable ASCII characters without spaces";
    private static final String URL_REASON = "must be an absolute http or https URL of at most " + MAX_URL_LENGTH
            + " characters, without user info";
    private static final String LENGTHS = "day, week, month";

    private ReportWebhookRequests() {
    }

    @Schema(name = "ReportWebhookCreateRequest", description = "Where to post period reports, and which")
    @CheckedDocument.Valid
    record Create(
            @NotBlank(message = "is required: a name people recognise, at most 200 characters")
            @Size(max = 200, message = "must be at most 200 characters")
            @Schema(required = true, maxLength = 200, example = "Team leads' channel") String name,
            @NotNull(message = "is required: " + URL_REASON)
            @Schema(required = true, maxLength = MAX_URL_LENGTH, description = "Where the reports are posted: a public "
                    + "address (internal ones are refused unless deskpulse.webhooks.allow-private-addresses)",
                    example = "https://hooks.example.com/deskpulse/reports") String url,
            @Schema(type = SchemaType.ARRAY, implementation = ReportGranularity.class, description = "The period "
                    + "lengths posted, each at most once; omitted: all three", example = "[\"week\", \"month\"]")
            List<String> granularities,
            @Size(min = 16, max = 512, message = SECRET_REASON) @Pattern(regexp = SECRET_PATTERN, message = SECRET_REASON)
            @Schema(description = "The signing secret; omitted: DeskPulse generates one (256 random bits). Answered "
                    + "once", minLength = 16, maxLength = 512, writeOnly = true) String secret,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

        @Override
        public FieldErrors check() {
            FieldErrors errors = new FieldErrors();
            unknown(errors, unknownFields, "name, url, granularities, secret");
            if (url != null && (url.length() > MAX_URL_LENGTH || !WebhookAddresses.httpUrl(url))) {
                errors.add("url", URL_REASON);
            }
            if (granularities != null) {
                if (granularities.isEmpty()) {
                    errors.add("granularities", "must name at least one of " + LENGTHS + " (omit it for all three)");
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < granularities.size(); i++) {
                    String g = granularities.get(i);
                    if (g == null || !List.of("day", "week", "month").contains(g)) {
                        errors.add("granularities[" + i + "]", "must be one of " + LENGTHS);
                    } else if (!seen.add(g)) {
                        errors.add("granularities[" + i + "]", "repeats " + g);
                    }
                }
            }
            return errors;
        }

        /** The lengths asked for, in the order day, week, month; all of them when none were named. */
        List<ReportPeriod.Length> lengths() {
            if (granularities == null) {
                return List.of(ReportPeriod.Length.values());
            }
            return granularities.stream().map(g -> ReportPeriod.Length.valueOf(g.toUpperCase(Locale.ROOT))).sorted()
                    .toList();
        }
    }

    @CheckedDocument.Valid
    @Schema(name = "ReportWebhookRotateRequest", description = "The new secret; the body may be empty or {}")
    record Rotate(
            @Size(min = 16, max = 512, message = SECRET_REASON) @Pattern(regexp = SECRET_PATTERN, message = SECRET_REASON)
            @Schema(description = "The new secret; omitted: DeskPulse generates one", minLength = 16, maxLength = 512,
                    writeOnly = true) String secret,
            @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknownFields) implements CheckedDocument {

        @Override
        public FieldErrors check() {
            FieldErrors errors = new FieldErrors();
            unknown(errors, unknownFields, "secret");
            return errors;
        }
    }

    private static void unknown(FieldErrors errors, Map<String, Object> fields, String known) {
        if (fields != null) {
            for (String field : new TreeSet<>(fields.keySet())) {
                errors.add(field, "is not a field here; they are " + known);
            }
        }
    }
}
