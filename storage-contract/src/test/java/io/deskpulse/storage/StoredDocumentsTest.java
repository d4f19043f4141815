package io.deskpulse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documents one service stores and the other reads: written and read back with the same types. */
class StoredDocumentsTest {

    @Test
    void theCatalogsModelsAreVersionZeroAndReadBackAsWritten() {
        ScoringModelsDocument defaults = ScoringModelsDocument.DEFAULTS;
        assertThat(defaults.roles()).containsOnlyKeys("frontline_agent", "team_lead", "technical_support");
        assertThat(defaults.defaultRoles().agent()).isEqualTo("frontline_agent");
        assertThat(defaults.defaultRoles().team()).isEqualTo("team_lead");
        assertThat(defaults.roles().get("frontline_agent").kpis()).allSatisfy(kpi ->
                assertThat(kpi.direction()).isIn("higher", "lower"));
        assertThat(ScoringModelsDocument.fromStored(defaults.toStored())).isEqualTo(defaults);
    }

    @Test
    void theStreakThresholdDefaultsTo80AndIsKeptPlainly() {
        assertThat(ScoringModelsDocument.DEFAULTS.streaks().minScore()).isEqualTo(80L);
        assertThat(ScoringModelsDocument.DEFAULTS.streakMinScore()).isEqualTo(80.0);
        // a document stored before streaks existed reads back with the default
        String withoutStreaks = ScoringModelsDocument.DEFAULTS.toStored().replace(",\"streaks\":{\"min_score\":80}", "");
        assertThat(withoutStreaks).doesNotContain("streaks");
        assertThat(ScoringModelsDocument.fromStored(withoutStreaks)).isEqualTo(ScoringModelsDocument.DEFAULTS);
        ScoringModelsDocument set = StoredJson.read("{\"streaks\": {\"min_score\": 92.50}}", ScoringModelsDocument.class)
                .canonical(ScoringModelsDocument.DEFAULTS);
        assertThat(set.streaks().minScore()).isEqualTo(new BigDecimal("92.5"));
        assertThat(set.streakMinScore()).isEqualTo(92.5);
        assertThat(ScoringModelsDocument.changedFields(ScoringModelsDocument.DEFAULTS, set)).containsExactly("streaks");
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(ScoringModelsDocument.plain(new BigDecimal("80.000"))).isEqualTo(80L);
        assertThat(ScoringModelsDocument.plain(new BigDecimal("8E+1"))).isEqualTo(80L);
        assertThat(ScoringModelsDocument.plain(new BigDecimal("0.850"))).isEqualTo(new BigDecimal("0.85"));
    }

    @Test
    void anExemptionAsAPeriodReportKeepsIt() {
        ExemptionDocument exemption = new ExemptionDocument(4, 1, List.of("billing"), "2026-11-03", "2026-11-05",
                "Recall", Map.of("csat_avg", new BigDecimal("4")), List.of("fcr_rate"),
                Instant.parse("2026-11-01T00:00:00Z"), "x", Instant.parse("2026-11-01T00:00:00Z"), "y");
        String stored = StoredJson.write(List.of(exemption));
        assertThat(stored).contains("\"relaxed_targets\":{\"csat_avg\":4}", "\"created_at\":\"2026-11-01T00:00:00Z\"");
        assertThat(StoredJson.read(stored, ExemptionDocument[].class)).containsExactly(exemption);
        assertThatThrownBy(() -> StoredJson.read("{", ExemptionDocument.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ExemptionDocument");
    }
}
