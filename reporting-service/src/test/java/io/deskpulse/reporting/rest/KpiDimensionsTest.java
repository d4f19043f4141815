package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant, team and agent rows, their filters, and the null-member rows that make every dimension
 * add up to the tenant's totals. tickets_created values are powers of two-ish so every sum is unique.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiDimensionsTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_DIMENSIONS.id();
    private static final String KEY = TestTenant.KPI_DIMENSIONS.readKey();

    private static final String DAY = "from=2026-11-02&to=2026-11-02&metrics=tickets_created";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_DIMENSIONS);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat").created(2).insert();
        row(TENANT, "2026-11-02T10:00:00Z").team("t-1").agent("a-2").channel("email").created(3).insert();
        // a-1 moved to t-2 later that day: attribution is frozen per contribution
        row(TENANT, "2026-11-02T11:00:00Z").team("t-2").agent("a-1").channel("chat").created(5).insert();
        row(TENANT, "2026-11-02T12:00:00Z").team("").agent("a-3").channel("phone").created(7).insert();
        row(TENANT, "2026-11-02T13:00:00Z").team("t-2").agent("").channel("chat").created(11).insert();
        row(TENANT, "2026-11-02T14:00:00Z").team("").agent("").channel("").created(13).insert();
    }

    @Test
    void tenantRowIsTheWholeAccount() {
        assertThat(created(Api.rows(KEY, DAY))).containsExactly(tuple(TENANT, 41L));
        assertThat(created(Api.rows(KEY, "dimension=tenant&" + DAY))).containsExactly(tuple(TENANT, 41L));
    }

    @Test
    void teamRowsWithTheNullTeamFirstAddUpToTheTenant() {
        assertThat(created(Api.rows(KEY, "dimension=team&" + DAY)))
                .containsExactly(tuple(null, 20L), tuple("t-1", 5L), tuple("t-2", 16L));
    }

    @Test
    void agentRowsWithTheNullAgentFirstAddUpToTheTenant() {
        assertThat(created(Api.rows(KEY, "dimension=agent&" + DAY)))
                .containsExactly(tuple(null, 24L), tuple("a-1", 7L), tuple("a-2", 3L), tuple("a-3", 7L));
    }

    @Test
    void idFilterKeepsTheNamedMembers() {
        assertThat(created(Api.rows(KEY, "dimension=agent&id=a-3&id=a-1&" + DAY)))
                .containsExactly(tuple("a-1", 7L), tuple("a-3", 7L));
        assertThat(created(Api.rows(KEY, "dimension=team&id=t-2&" + DAY))).containsExactly(tuple("t-2", 16L));
        assertThat(Api.rows(KEY, "dimension=team&id=nobody&" + DAY)).isEmpty();
    }

    @Test
    void teamFilterKeepsContributionsCreditedWithThatTeam() {
        assertThat(created(Api.rows(KEY, "dimension=agent&team=t-2&" + DAY)))
                .containsExactly(tuple(null, 11L), tuple("a-1", 5L));
        assertThat(created(Api.rows(KEY, "dimension=agent&team=t-2&id=a-1&" + DAY))).containsExactly(tuple("a-1", 5L));
    }

    @Test
    void channelFilterIsCaseInsensitive() {
        assertThat(created(Api.rows(KEY, "channel=chat&" + DAY))).containsExactly(tuple(TENANT, 18L));
        assertThat(created(Api.rows(KEY, "channel=CHAT&" + DAY))).containsExactly(tuple(TENANT, 18L));
        assertThat(created(Api.rows(KEY, "dimension=team&channel=chat&" + DAY)))
                .containsExactly(tuple("t-1", 2L), tuple("t-2", 16L));
        assertThat(Api.rows(KEY, "channel=social&" + DAY)).isEmpty();
    }

    @Test
    void responseEchoesTheQuery() {
        Map<String, Object> page = Api.page(KEY, "dimension=AGENT&granularity=Total&" + DAY);
        assertThat(page).containsEntry("dimension", "agent").containsEntry("granularity", "total")
                .containsEntry("tz", "UTC").containsEntry("from", "2026-11-02").containsEntry("to", "2026-11-02")
                .containsEntry("next_cursor", null);
        assertThat(page.keySet()).containsExactly("dimension", "granularity", "tz", "from", "to", "rows", "next_cursor");
    }

    private static List<org.assertj.core.groups.Tuple> created(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> tuple(r.get("id"), Api.count(r, "tickets_created"))).toList();
    }
}
