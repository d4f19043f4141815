package io.deskpulse.reporting.rest.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskpulse.reporting.domain.alert.AlertPage;
import io.deskpulse.reporting.domain.alert.AlertRow;
import io.deskpulse.storage.AlertDocument;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /v1/alerts}, newest first. */
@Schema(name = "AlertPage", requiredProperties = {"rows", "next_cursor"}, additionalProperties = Schema.False.class)
public record AlertsBody(
        List<AlertDocument> rows,
        @JsonProperty("next_cursor")
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor)
        implements ReportBody {

    public static AlertsBody of(AlertPage page) {
        return new AlertsBody(page.rows().stream().map(AlertsBody::row).toList(), page.nextCursor());
    }

    @Override
    public CsvRecords csv() {
        return CsvRecords.of(AlertDocument.class, rows);
    }

    static AlertDocument row(AlertRow a) {
        return new AlertDocument(a.id(), a.state(), a.ruleId(), a.ruleVersion(), a.ruleName(), a.metric(), a.dimension(),
                a.member(), a.channel(), a.windowMinutes(), a.comparison(), a.threshold(), a.minVolume(), a.raisedAt(),
                a.raisedValue(), a.raisedVolume(), a.windowStart(), a.windowEnd(), a.resolvedAt(), a.resolvedValue(),
                a.resolvedVolume(), a.resolvedReason());
    }
}
