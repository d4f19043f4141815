package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.ModelKpi;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.storage.ScoringModelsDocument;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documents scoring-service stores for scorecards, read as the storage contract's types without a database or Quarkus. */
class StoredDocumentsTest {

    @Test
    void versionZeroIsTheCatalogsModels() {
        ScoringModels models = ScorecardRepository.DEFAULTS;
        assertThat(models.version()).isZero();
        assertThat(models.roles()).containsOnlyKeys("frontline_agent", "team_lead", "technical_support");
        assertThat(models.roleOfAgent("anyone")).isEqualTo("frontline_agent");
        assertThat(models.roleOfTeam("any team")).isEqualTo("team_lead");
        ModelKpi csat = models.model("frontline_agent").kpis().get(0);
        assertThat(csat).isEqualTo(new ModelKpi("csat_avg", null, "satisfaction_quality", true, 4.5, 22.0));
    }

    @Test
    void aTenantsVersionWithRolesOfItsOwn() {
        ScoringModels models = ScorecardRepository.models(3, ScoringModelsDocument.fromStored("""
                {"roles": {"solo": {"kpis": [{"metric": "first_response_avg_s", "channel": "chat", "group": null,
                  "direction": "lower", "target": 30, "weight": 100}], "peer_review": {"share": 10, "target": 4.5}}},
                 "default_roles": {"agent": "solo", "team": "solo"}, "agent_roles": {"a-1": "solo"}, "team_roles": {}}"""));
        assertThat(models.version()).isEqualTo(3);
        assertThat(models.channels()).containsExactly("chat");
        assertThat(models.model("solo").kpis()).containsExactly(
                new ModelKpi("first_response_avg_s", "chat", null, false, 30.0, 100.0));
        assertThat(models.model("solo").peerShare()).isEqualTo(10.0);
        assertThat(models.model("solo").peerTarget()).isEqualTo(4.5);
    }

    @Test
    void exemptionsAsAKeptReportHoldsThem() {
        List<Exemption> exemptions = ScorecardRepository.exemptions("""
                [{"id": 4, "version": 1, "teams": ["billing"], "from": "2026-11-04", "to": "2026-11-05",
                  "reason": "Recall", "relaxed_targets": {"csat_avg": 4.0}, "left_out": ["fcr_rate", "csat_avg"],
                  "created_at": "2026-11-01T00:00:00Z", "created_by": "x", "updated_at": "2026-11-01T00:00:00Z",
                  "updated_by": "x"},
                 {"id": 5, "teams": null, "from": "2026-11-06", "to": "2026-11-06", "reason": "Outage",
                  "relaxed_targets": {}, "left_out": []}]""");
        assertThat(exemptions).containsExactly(
                new Exemption(4, List.of("billing"), LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-05"),
                        "Recall", Map.of("csat_avg", 4.0), Set.of("fcr_rate", "csat_avg")),
                new Exemption(5, null, LocalDate.parse("2026-11-06"), LocalDate.parse("2026-11-06"), "Outage", Map.of(),
                        Set.of()));
    }

    @Test
    void aDocumentThatDoesNotReadSaysWhich() {
        assertThatThrownBy(() -> ScorecardRepository.exemptions("[{\"id\": "))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ExemptionDocument");
    }
}
