package io.deskpulse.scoring.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.DocumentVersion;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a versioned document's history (settings, scoring models): who changed which fields, when. */
@Schema(name = "SettingsVersionSummary")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record VersionSummary(int version, Instant changedAt, @Schema(example = "jane.doe@example.com") String changedBy,
        @Schema(description = "Top-level fields whose effective value differs from the previous version",
                example = "[\"business_hours\", \"qa_pass_mark\"]") List<String> changedFields) {

    static List<VersionSummary> history(List<DocumentVersion> versions) {
        return versions.stream().map(v -> new VersionSummary(v.version(), v.changedAt(), v.changedBy(), v.changedFields()))
                .toList();
    }

    static String etag(DocumentVersion version) {
        return "\"" + version.version() + "\"";
    }

    /** A version number from a path: text, so that "abc" or "-1" is the same 404 as a version that does not exist. */
    static int parse(String text, RuntimeException notFound) {
        if (text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        throw notFound;
    }
}
