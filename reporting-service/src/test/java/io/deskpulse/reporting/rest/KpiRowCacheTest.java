package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.repository.AggregateRowCache;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Daily reports keep the rows they read, and read a row again as soon as it changes: neither a count nor a
 * percentile ever lags behind the database.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiRowCacheTest {

    // This class's own tenant (TestTenant): it writes, reads and deletes only its rows.
    private static final String TENANT = TestTenant.KPI_ROW_CACHE.id();
    private static final String KEY = TestTenant.KPI_ROW_CACHE.readKey();

    private static final String TEAM_DAYS = "from=2026-11-02&to=2026-11-03&dimension=team"
            + "&metrics=first_response_count,first_response_p50_s,first_response_p90_s";

    @Inject
    AggregateRowCache cache;

    @BeforeEach
    void data() {
        TestData.reset(TestTenant.KPI_ROW_CACHE);
        row(TENANT, "2026-11-02T09:00:00Z").team("t-1").agent("a-1").channel("chat")
                .firstResponses(10_000L, 20_000L, 30_000L).insert();
        row(TENANT, "2026-11-03T09:00:00Z").team("t-1").agent("a-2").channel("email")
                .firstResponses(600_000L).insert();
    }

    @Test
    void aRowThatChangesIsReadAgainAndTheOthersComeFromTheCache() {
        List<Map<String, Object>> first = rows(Api.page(KEY, TEAM_DAYS));
        // within the histograms' 1 %
        assertThat((Double) first.get(0).get("first_response_p50_s")).isCloseTo(20.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat((Double) first.get(1).get("first_response_p50_s")).isCloseTo(600.0, org.assertj.core.data.Percentage.withPercentage(1));
        long cachedBytes = cache.sizeBytes();
        assertThat(cachedBytes).isPositive();

        // a late first response of 1000 s on 2 November: scoring updates that day's row (a new row version)
        row(TENANT, "2026-11-02T10:00:00Z").team("t-1").agent("a-1").channel("chat").firstResponses(1_000_000L).insert();

        List<Map<String, Object>> second = rows(Api.page(KEY, TEAM_DAYS));
        assertThat(second).extracting(r -> r.get("first_response_count")).containsExactly(4, 1);
        // nearest rank: p50 of {10, 20, 30, 1000} s is the 2nd value, p90 the 4th; within the histograms' 1 %
        assertThat((Double) second.get(0).get("first_response_p50_s")).isCloseTo(20.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat((Double) second.get(0).get("first_response_p90_s")).isCloseTo(1000.0, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(second.get(1)).isEqualTo(first.get(1));
    }

    @Test
    void theSameAnswersWithAndWithoutTheCache() {
        Map<String, Object> filled = Api.page(KEY, TEAM_DAYS + "&granularity=total");
        Map<String, Object> fromCache = Api.page(KEY, TEAM_DAYS + "&granularity=total");
        // the hourly path (another zone) never uses the cache
        Map<String, Object> hourly = Api.page(KEY, TEAM_DAYS + "&granularity=total&tz=Etc/GMT-1");
        assertThat(fromCache.get("rows")).isEqualTo(filled.get("rows"));
        assertThat(rows(fromCache)).extracting(r -> r.get("first_response_count")).containsExactly(4);
        assertThat(rows(hourly)).extracting(r -> r.get("first_response_p90_s")).isEqualTo(rows(fromCache).stream()
                .map(r -> r.get("first_response_p90_s")).toList());
    }

    @Test
    void membersComeInTheSameOrderAddedUpInJavaAsInSql() {
        for (String team : new String[] {"Z", "\u00e9", "\ufffd", "\ud83d\ude00", "b"}) {
            row(TENANT, "2026-11-02T11:00:00Z").team(team).agent("a-9").channel("web").created(1).insert();
        }
        String teams = "from=2026-11-02&to=2026-11-02&dimension=team&metrics=tickets_created";
        List<Map<String, Object>> daily = rows(Api.page(KEY, teams));
        List<Map<String, Object>> hourly = rows(Api.page(KEY, teams + "&tz=Etc/GMT-1"));
        assertThat(daily).extracting(r -> r.get("id")).containsExactly("Z", "b", "t-1", "\u00e9", "\ufffd", "\ud83d\ude00");
        assertThat(daily).isEqualTo(hourly);
        // and page by page, one row a page, the same way
        assertThat(pageByPage(teams + "&limit=1")).isEqualTo(pageByPage(teams + "&limit=1&tz=Etc/GMT-1"))
                .extracting(r -> r.get("id")).containsExactly("Z", "b", "t-1", "\u00e9", "\ufffd", "\ud83d\ude00");
    }

    private static List<Map<String, Object>> pageByPage(String query) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = Api.page(KEY, query + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            all.addAll(rows(page));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("rows");
    }
}
