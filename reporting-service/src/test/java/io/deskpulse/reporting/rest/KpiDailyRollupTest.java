package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
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
 * Reports in the zone of the active generation's daily rollups read kpi_team_daily, kpi_agent_daily or kpi_daily; in
 * any other zone they sum kpi_hourly. The two paths give the same answers: America/New_York in November (after
 * daylight saving ended, UTC-5) against the fixed zone Etc/GMT+5 (also UTC-5, but not the rollups' zone).
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiDailyRollupTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_DAILY_ROLLUP.id();
    private static final String KEY = TestTenant.KPI_DAILY_ROLLUP.readKey();

    private static final String RANGE = "from=2026-11-02&to=2026-11-15";

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_DAILY_ROLLUP);
        // the tenant's active settings are in New York, so its daily rows are New York days
        KpiRows.settings(TENANT, 1, "{\"time_zone\": \"America/New_York\"}");
        KpiRows.execute("INSERT INTO tenant_state (tenant_id, active_settings_version) VALUES ('" + TENANT + "', 1)");
        String[] hours = {"2026-11-02T04:00:00Z", "2026-11-02T05:00:00Z", "2026-11-03T04:00:00Z",
                "2026-11-09T14:00:00Z", "2026-11-10T03:00:00Z"};
        for (int i = 0; i < hours.length; i++) {
            row(TENANT, hours[i]).team("t-" + (i % 2)).agent("a-" + i).channel("chat").created(1 + i)
                    .firstResponses(1_000L * (10 + i), 60_000L * (i + 1)).csat(5, 4 - i % 3).onlineMs(600_000L * i).insert();
        }
        // an agent's day on two channels, one of them in a queue: an agent-day row adds them up
        row(TENANT, "2026-11-02T15:00:00Z").team("t-1").agent("a-1").channel("email").created(4)
                .firstResponses(45_000L, 300_000L).csat(5, 1).insert();
        row(TENANT, "2026-11-02T16:00:00Z").team("t-1").agent("a-1").channel("phone").queue("q-1").created(2)
                .firstResponses(5_000L).insert();
    }

    @Test
    void theDailyAndTheHourlyPathGiveTheSameAnswers() {
        for (String shape : List.of("&granularity=day", "&granularity=week&dimension=team", "&granularity=total&dimension=agent",
                "&granularity=month&dimension=team&metrics=first_response_p90_s,csat_avg,online_s",
                "&granularity=day&dimension=agent", "&granularity=week&dimension=agent&team=t-1",
                "&granularity=day&dimension=agent&channel=email", "&granularity=day&dimension=queue")) {
            Map<String, Object> daily = Api.page(KEY, RANGE + shape);
            Map<String, Object> hourly = Api.page(KEY, RANGE + shape + "&tz=Etc/GMT%2B5");
            assertThat(daily.get("tz")).isEqualTo("America/New_York");
            assertThat(daily.get("rows")).as(shape).isEqualTo(hourly.get("rows"));
            assertThat((List<?>) daily.get("rows")).as(shape).isNotEmpty();
        }
    }

    @Test
    void aRowAtFourInTheMorningUtcIsTheDayBeforeInNewYork() {
        List<Map<String, Object>> rows = rows(Api.page(KEY, RANGE + "&granularity=day&metrics=tickets_created"));
        // 04:00Z on 2 November is 23:00 on 1 November in New York, outside the range; 05:00Z on the 2nd and
        // 04:00Z on the 3rd are both 2 November there; 03:00Z on the 10th is 9 November
        assertThat(rows).extracting(r -> r.get("period")).containsExactly("2026-11-02", "2026-11-09");
        assertThat(rows).extracting(r -> r.get("tickets_created")).containsExactly(2 + 3 + 4 + 2, 4 + 5);
    }

    @Test
    void anAgentsDayAddsUpItsChannelsAndQueues() {
        List<Map<String, Object>> rows = rows(Api.page(KEY, RANGE
                + "&granularity=day&dimension=agent&team=t-1&metrics=tickets_created,first_response_count,csat_count"));
        // a-1's chat row (05:00Z) and its email and phone rows (15:00Z, 16:00Z) are one New York day, 2 November;
        // a-3 is team t-1's other agent (9 November); the odd rows are team t-0's
        assertThat(rows).extracting(r -> r.get("period"), r -> r.get("id"), r -> r.get("tickets_created"),
                r -> r.get("first_response_count"), r -> r.get("csat_count")).containsExactly(
                tuple("2026-11-02", "a-1", 2 + 4 + 2, 2 + 2 + 1, 2 + 2),
                tuple("2026-11-09", "a-3", 4, 2, 2));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("rows");
    }
}
