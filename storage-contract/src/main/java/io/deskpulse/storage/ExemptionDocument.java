package io.deskpulse.storage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exemption as scoring-service's API answers it, and as period reports keep it: reporting-service reads that copy,
 * so this one type is its shape for both. Relaxed targets are written plainly (450, not 4.5E+2).
 */
@Schema(name = "Exemption", description = "An exemption period with its identity and history")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExemptionDocument(@Schema(example = "4") long id,
        @Schema(description = "Counts up with every change; the ETag, for If-Match", example = "1") int version,
        @Schema(nullable = true, description = "1 to 100 team ids, sorted; null: every team", example = "[\"billing\"]")
        List<String> teams,
        @Schema(format = "date", description = "First day (local, in the zone scorecards are reported in)",
                example = "2026-11-03") String from,
        @Schema(format = "date", description = "Last day, inclusive", example = "2026-11-05") String to,
        @Schema(example = "Product recall R-12: call volume tripled") String reason,
        @Schema(description = "KPI → the target that replaces the model's", example = "{\"csat_avg\": 4, \"handle_avg_s\": 450}")
        Map<String, BigDecimal> relaxedTargets,
        @Schema(example = "[\"fcr_rate\"]") List<String> leftOut,
        Instant createdAt, @Schema(example = "jane.doe@example.com") String createdBy,
        Instant updatedAt, @Schema(example = "jane.doe@example.com") String updatedBy) {
}
