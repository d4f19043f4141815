package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.Api.decimal;
import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost KPIs of issue 16 (docs/kpis.md, "Cost") through /v1/kpis, CSV and leaderboards, on the rows scoring writes for
 * kpis.md's example: default 24 an hour and 0.5 a contact, team t-2 36 an hour, a-2's role 48 an hour, phone 1.2.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiCostTest {

    private static final String TENANT = TestTenant.KPI_COSTS.id();
    private static final String KEY = TestTenant.KPI_COSTS.readKey();
    private static final String DAY = "from=2026-11-02&to=2026-11-02";
    private static final String COSTS = "&metrics=cost_total,cost_per_contact,cost_per_resolution";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_COSTS);
        // a-1 (t-1): 2 h online (48), a chat (0.5) with a solve, a phone call (1.2)
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").onlineMs(7_200_000).set("cost_milli", 48_000)
                .insert();
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").handles(300_000)
                .set("cost_milli", 500).set("tickets_resolved", 1).insert();
        row(TENANT, "2026-11-02T10:00:00Z").team("t-1").agent("a-1").channel("phone").handles(200_000)
                .set("cost_milli", 1_200).insert();
        // a-2 (t-2, role senior): 30 min online (24), a chat (0.5)
        row(TENANT, "2026-11-02T09:00:00Z").team("t-2").agent("a-2").onlineMs(1_800_000).set("cost_milli", 24_000)
                .insert();
        row(TENANT, "2026-11-02T09:00:00Z").team("t-2").agent("a-2").channel("chat").handles(120_000)
                .set("cost_milli", 500).insert();
        // a-3 (t-2): 1 h online at the team's 36, no contact
        row(TENANT, "2026-11-02T13:00:00Z").team("t-2").agent("a-3").onlineMs(3_600_000).set("cost_milli", 36_000)
                .insert();
        // a-4 (t-3): a contact without any cost recorded
        row(TENANT, "2026-11-02T14:00:00Z").team("t-3").agent("a-4").channel("email").handles(60_000).insert();
    }

    private static Map<String, Object> member(List<Map<String, Object>> rows, String id) {
        return rows.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
    }

    @Test
    void costsOfAgentsWithTheirDenominators() {
        List<Map<String, Object>> agents = Api.rows(KEY, "dimension=agent&" + DAY + COSTS);
        assertThat(member(agents, "a-1")).containsEntry("cost_total", 49.7).containsEntry("cost_per_contact", 24.85)
                .containsEntry("cost_per_resolution", 49.7);
        assertThat(member(agents, "a-2")).containsEntry("cost_total", 24.5).containsEntry("cost_per_contact", 24.5)
                .containsEntry("cost_per_resolution", null);
        // a cost without contacts, and contacts without a cost: no cost per contact either way
        assertThat(member(agents, "a-3")).containsEntry("cost_total", 36.0).containsEntry("cost_per_contact", null);
        assertThat(member(agents, "a-4")).containsEntry("cost_total", 0.0).containsEntry("cost_per_contact", null)
                .containsEntry("cost_per_resolution", null);
    }

    @Test
    void costsOfTheTenantAndOfAChannel() {
        Map<String, Object> tenant = Api.rows(KEY, DAY + COSTS).get(0);
        assertThat(decimal(tenant, "cost_total")).isEqualTo(110.2);
        assertThat(decimal(tenant, "cost_per_contact")).isEqualTo(110.2 / 4);
        assertThat(decimal(tenant, "cost_per_resolution")).isEqualTo(110.2);
        // by channel only the per-contact costs: online time is on no channel
        Map<String, Object> phone = Api.rows(KEY, "channel=phone&" + DAY + COSTS).get(0);
        assertThat(phone).containsEntry("cost_total", 1.2).containsEntry("cost_per_contact", 1.2);
    }

    @Test
    void csvHasTheCostColumns() {
        String csv = Api.as(KEY).get("/v1/kpis?dimension=team&" + DAY + COSTS + "&format=csv").asString();
        assertThat(csv).isEqualTo("period,id,cost_total,cost_per_contact,cost_per_resolution\r\n"
                + "2026-11-02,t-1,49.7,24.85,49.7\r\n"
                + "2026-11-02,t-2,60.5,60.5,\r\n"
                + "2026-11-02,t-3,0.0,,\r\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leaderboardsRankTheCostPerContactLowestFirst() {
        Response board = Api.as(KEY).get("/v1/leaderboards/cost_per_contact?" + DAY + "&min_volume=1");
        assertThat(board.statusCode()).as(board.asString()).isEqualTo(200);
        Map<String, Object> body = Api.parse(board.asString());
        assertThat(body).containsEntry("direction", "lower_is_better").containsEntry("volume_metric", "handle_count");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        assertThat(rows).extracting(r -> r.get("id")).startsWith("a-2", "a-1");
        assertThat(rows.get(0)).containsEntry("value", 24.5);
    }
}
