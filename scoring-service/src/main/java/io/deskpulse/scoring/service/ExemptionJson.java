package io.deskpulse.scoring.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.deskpulse.scoring.domain.Exemption;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exemption as the API answers it, and as period reports keep it (reporting-service reads that copy: its shape
 * is part of the storage contract).
 */
@Schema(name = "Exemption", description = "An exemption period with its identity and history")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExemptionJson(@Schema(example = "4") long id,
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

    public static ExemptionJson of(Exemption e) {
        Map<String, BigDecimal> relaxed = new TreeMap<>();
        // written plainly, 450 and not 4.5E+2, whichever mapper writes it
        e.relaxedTargets().forEach((metric, target) -> relaxed.put(metric, new BigDecimal(Decimals.plain(target).toString())));
        return new ExemptionJson(e.id(), e.version(), e.teams(), e.from().toString(), e.to().toString(), e.reason(),
                relaxed, e.leftOut(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }
}
