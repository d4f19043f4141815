package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferentialOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode row(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void theSameReportCellForCellMatches() throws Exception {
        List<ObjectNode> control = List.of(row("{\"period\":\"2026-11-02\",\"id\":\"a\",\"tickets_created\":2,\"csat_avg\":4.5}"),
                row("{\"period\":\"2026-11-02\",\"id\":null,\"tickets_created\":1,\"csat_avg\":null}"));
        List<ObjectNode> faulted = List.of(control.get(1).deepCopy(), control.get(0).deepCopy());

        DifferentialOracle.Diff diff = DifferentialOracle.compare("kpis/agent", control, faulted,
                DifferentialOracle::kpiKey, Set.of());

        assertThat(diff.rows()).isEqualTo(2);
        assertThat(diff.cells()).isEqualTo(8);
        assertThat(diff.mismatches()).isZero();
    }

    @Test
    void aDifferentCellAndAMissingRowAreCountedAndShown() throws Exception {
        List<ObjectNode> control = List.of(row("{\"period\":\"2026-11-02\",\"id\":\"a\",\"tickets_created\":2}"),
                row("{\"period\":\"2026-11-03\",\"id\":\"a\",\"tickets_created\":1}"));
        List<ObjectNode> faulted = List.of(row("{\"period\":\"2026-11-02\",\"id\":\"a\",\"tickets_created\":3}"));

        DifferentialOracle.Diff diff = DifferentialOracle.compare("kpis/agent", control, faulted,
                DifferentialOracle::kpiKey, Set.of());

        assertThat(diff.mismatches()).isEqualTo(1 + 3);
        assertThat(diff.examples()).containsExactly(
                "kpis/agent 2026-11-02/a tickets_created: control 2, faulted 3",
                "kpis/agent 2026-11-03/a: row only in the control");
    }

    @Test
    void ignoredColumnsAreLeftOut() throws Exception {
        List<ObjectNode> listing = List.of(row("{\"ticket_id\":\"T-1\",\"status\":\"solved\",\"updated_at\":\"x\"}"));
        List<ObjectNode> copy = List.of(row("{\"ticket_id\":\"T-1\",\"status\":\"solved\",\"updated_at\":\"y\"}"));

        assertThat(DifferentialOracle.compare("tickets", listing, copy, DifferentialOracle::ticketKey,
                Set.of("updated_at")).mismatches()).isZero();
        assertThat(DifferentialOracle.compare("tickets export copy", listing, copy, DifferentialOracle::ticketKey,
                Set.of(), "listing", "export copy").examples())
                .containsExactly("tickets export copy T-1 updated_at: listing \"x\", export copy \"y\"");
    }
}
