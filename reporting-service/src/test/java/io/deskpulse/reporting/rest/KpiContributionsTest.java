package io.deskpulse.reporting.rest;

import static io.deskpulse.reporting.support.KpiRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.support.Api;
import io.deskpulse.reporting.support.KpiRows;
import io.deskpulse.reporting.support.ReportingTestDatabase;
import io.deskpulse.reporting.support.TestData;
import io.deskpulse.reporting.support.TestTenant;
import io.deskpulse.storage.DurationHistogram;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /v1/kpis/contributions} adds up to the {@code /v1/kpis} cell, for every metric of the catalog (driven by
 * {@link MetricCatalog}: a metric added there is checked here without a change) and several kinds of cell, on
 * generated items whose every stored column and histogram is drawn from the catalog's columns; paging, CSV,
 * isolation and every bad parameter. That scoring's item rows add up to its aggregates is scoring's
 * ContributionItemsTest.
 */
@QuarkusTest
@WithTestResource(ReportingTestDatabase.class)
class KpiContributionsTest {

    private static final String TENANT = TestTenant.KPI_CONTRIBUTIONS.id();
    private static final String KEY = TestTenant.KPI_CONTRIBUTIONS.readKey();
    private static final String OTHER = TestTenant.KPI_CONTRIBUTIONS_OTHER.id();
    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final List<String> TEAMS = List.of("t-1", "t-2", "");
    private static final List<String> AGENTS = List.of("a-1", "a-2", "");
    private static final List<String> CHANNELS = List.of("email", "chat", "");

    /** The cells checked, as the query both endpoints share (dimension, id, team, channel, dates, tz). */
    private static final List<Cell> CELLS = List.of(
            new Cell("dimension=tenant&granularity=week&from=2026-11-02&to=2026-11-08", "granularity=week&period=2026-11-02"),
            new Cell("dimension=team&id=t-1&from=2026-11-03&to=2026-11-03", "dimension=team&id=t-1&period=2026-11-03"),
            new Cell("dimension=agent&id=a-2&channel=email&granularity=total&from=2026-11-02&to=2026-11-05",
                    "dimension=agent&id=a-2&channel=email&granularity=total&period=2026-11-02&to=2026-11-05"),
            new Cell("dimension=agent&id=a-1&team=t-2&granularity=month&from=2026-11-04&to=2026-11-30&tz=America/New_York",
                    "dimension=agent&id=a-1&team=t-2&granularity=month&period=2026-11-01&from=2026-11-04&to=2026-11-30"
                            + "&tz=America/New_York"));

    record Cell(String kpis, String contributions) {
    }

    @BeforeAll
    static void data() {
        TestData.reset(TestTenant.KPI_CONTRIBUTIONS, TestTenant.KPI_CONTRIBUTIONS_OTHER);
        Random random = new Random(17);
        List<String> columns = Stream.concat(MetricCatalog.SUMMED_COLUMNS.stream(),
                MetricCatalog.HISTOGRAM_COLUMNS.stream()).toList();
        // Items in random order with random parts; the hourly rows are their sums, as scoring writes both.
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        Map<String, Map<String, List<Long>>> histograms = new TreeMap<>();
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Instant at = MONDAY.plusMillis((long) (random.nextDouble() * 7 * 24 * 3_600_000L));
            String team = TEAMS.get(random.nextInt(TEAMS.size()));
            String agent = AGENTS.get(random.nextInt(AGENTS.size()));
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            int n = random.nextInt(10) == 0 ? 2 : 1;
            Map<String, Long> parts = new TreeMap<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                String column = columns.get(random.nextInt(columns.size()));
                boolean large = column.endsWith("_ms") || column.endsWith("_milli") || column.endsWith("_hist");
                parts.put(column, (long) (large ? random.nextInt(20_000_000) : 1 + random.nextInt(5)));
            }
            String hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "|" + team + "|" + agent + "|" + channel;
            parts.forEach((column, value) -> {
                if (column.endsWith("_hist")) {
                    for (int c = 0; c < n; c++) {
                        histograms.computeIfAbsent(hour, h -> new HashMap<>()).computeIfAbsent(column, x -> new ArrayList<>())
                                .add(value);
                    }
                } else {
                    sums.computeIfAbsent(hour, h -> new HashMap<>()).merge(column, value * n, Long::sum);
                }
            });
            items.add(new Object[] {"ticket", "T-" + i, at, team, agent, channel, parts, n});
        }
        Stream.concat(sums.keySet().stream(), histograms.keySet().stream()).distinct().forEach(hour -> {
            String[] key = hour.split("\\|", -1);
            KpiRows.Row row = row(TENANT, key[0]).team(key[1]).agent(key[2]).channel(key[3]);
            sums.getOrDefault(hour, Map.of()).forEach(row::set);
            histograms.getOrDefault(hour, Map.of()).forEach((column, values) ->
                    row.histogramOf(column, values.stream().mapToLong(Long::longValue).toArray()));
            row.insert();
        });
        insert(TENANT, items);
        // Another tenant's item in the same cells: never listed.
        insert(OTHER, List.<Object[]>of(new Object[] {"ticket", "T-other", MONDAY.plusSeconds(3600), "t-1", "a-1", "email",
                Map.of("tickets_created", 1L), 1}));
    }

    @Test
    void everyMetricOfEveryCellIsTheSumOfItsContributions() {
        int compared = 0;
        for (Cell cell : CELLS) {
            List<Map<String, Object>> kpiRows = Api.rows(KEY, cell.kpis());
            assertThat(kpiRows).as(cell.kpis()).hasSize(1);
            Map<String, Object> kpis = kpiRows.get(0);
            for (Metric metric : MetricCatalog.METRICS) {
                List<Map<String, Object>> items = allPages("metric=" + metric.name() + "&" + cell.contributions(), 1000);
                assertThat(cellOf(metric, items)).as("%s of %s", metric.name(), cell.kpis())
                        .isEqualTo(kpis.get(metric.name()) instanceof Integer i ? Long.valueOf(i) : kpis.get(metric.name()));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(CELLS.size() * MetricCatalog.METRICS.size());
    }

    @Test
    void pagesInSmallStepsListEveryItemOnce() {
        String query = "metric=tickets_created&granularity=week&period=2026-11-02";
        List<Map<String, Object>> whole = allPages(query, 10_000);
        List<Map<String, Object>> paged = allPages(query, 7);
        assertThat(paged).isEqualTo(whole);
        assertThat(whole).hasSizeGreaterThan(14);
        assertThat(whole).extracting(r -> (String) r.get("at")).isSorted();
        assertThat(whole).extracting(r -> r.get("item_id")).doesNotContain("T-other");
    }

    @Test
    void aPercentileListsTheValuesItCameFrom() {
        Map<String, Object> page = page("metric=first_response_p90_s&granularity=week&period=2026-11-02&limit=10000");
        assertThat(page).containsEntry("metric", "first_response_p90_s").containsEntry("tz", "UTC")
                .containsEntry("from", "2026-11-02").containsEntry("to", "2026-11-08");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("denominator")).isNull();
            assertThat(r.get("item_type")).isEqualTo("ticket");
        });
    }

    @Test
    void csvHasTheRowsColumns() {
        Response response = Api.as(KEY).get("/v1/kpis/contributions?metric=csat_avg&granularity=week&period=2026-11-02"
                + "&format=csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        String[] lines = response.asString().split("\r\n");
        assertThat(lines[0]).isEqualTo("item_type,item_id,kind,at,team_id,agent_id,channel,value,denominator");
        int json = allPages("metric=csat_avg&granularity=week&period=2026-11-02", 10_000).size();
        assertThat(lines).hasSize(json + 1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "period=2026-11-02                                 | metric      | is required",
        "metric=aht&period=2026-11-02                      | metric      | unknown metric 'aht'",
        "metric=nps                                        | period      | is required",
        "metric=nps&period=2026-11-31                      | period      | must be a date",
        "metric=nps&granularity=week&period=2026-11-03     | period      | must be a Monday",
        "metric=nps&granularity=month&period=2026-11-02    | period      | first of a month",
        "metric=nps&granularity=total&period=2026-11-02    | to          | is required with granularity=total",
        "metric=nps&period=2026-11-02&from=2026-11-03      | period      | has no day between from and to",
        "metric=nps&period=2026-11-02&dimension=agent      | id          | is required with dimension=agent",
        "metric=nps&period=2026-11-02&id=a-1               | id          | only allowed with dimension=team",
        "metric=nps&period=2026-11-02&dimension=team&team=t-1&id=t-2 | team | only allowed with dimension=agent",
        "metric=nps&period=2026-11-02&channel=fax          | channel     | must be one of",
        "metric=nps&period=2026-11-02&tz=Asia/Kolkata      | tz          | +05:30",
        "metric=nps&period=2026-11-02&granularity=hour     | granularity | must be one of",
        "metric=nps&period=2026-11-02&limit=0              | limit       | from 1 to 10000",
        "metric=nps&period=2026-11-02&cursor=!!            | cursor      | not a cursor",
        "metric=nps&period=2026-11-02&metrics=nps          | metrics     | not a parameter of this endpoint",
    })
    void eachBadParameterIsAProblemNamingIt(String query, String field, String reason) {
        Api.assertOneInvalidParameter(Api.as(KEY).get("/v1/kpis/contributions?" + query), field, reason);
    }

    @Test
    void aCursorOfAnotherCellIsRefused() {
        String next = (String) page("metric=tickets_created&granularity=week&period=2026-11-02&limit=1").get("next_cursor");
        Response response = Api.as(KEY).get("/v1/kpis/contributions?metric=agent_replies&granularity=week"
                + "&period=2026-11-02&cursor=" + next);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("\"field\":\"cursor\"");
    }

    @Test
    void withoutAReadKeyNothingIsListed() {
        Api.as(TestTenant.INGEST_ONLY_KEY).get("/v1/kpis/contributions?metric=nps&period=2026-11-02").then()
                .statusCode(403);
        io.restassured.RestAssured.given().get("/v1/kpis/contributions?metric=nps&period=2026-11-02").then()
                .statusCode(401);
    }

    /** The cell as /v1/kpis computes it, from the items' shares (the rules of docs/reporting-api.md). */
    private static Object cellOf(Metric metric, List<Map<String, Object>> items) {
        BigDecimal value = items.stream().map(r -> new BigDecimal(r.get("value").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long denominator = items.stream().map(r -> r.get("denominator")).filter(d -> d != null)
                .mapToLong(d -> ((Number) d).longValue()).sum();
        if (metric instanceof Metric.Count) {
            return value.longValueExact();
        } else if (metric instanceof Metric.Thousandths) {
            return value.doubleValue();
        } else if (metric instanceof Metric.PercentileSeconds p) {
            return percentile(items, p.percent());
        } else if (denominator == 0) {
            return null;
        } else if (metric instanceof Metric.AverageSeconds) {
            return Metric.roundedSeconds(value.movePointRight(3).longValueExact(), denominator);
        } else if (metric instanceof Metric.Ratio || metric instanceof Metric.Rate) {
            // a rate of several columns: each item's denominator is what it adds to the base (added less excluded)
            return denominator < 0 ? null : value.longValueExact() / (double) denominator;
        } else if (metric instanceof Metric.CostPer) {
            // no cost recorded is no value either (docs/kpis.md)
            return value.signum() == 0 ? null : value.movePointRight(3).longValueExact() / (denominator * 1000.0);
        } else if (metric instanceof Metric.AverageOfThousandths) {
            return value.movePointRight(3).longValueExact() / (denominator * 1000.0);
        } else if (metric instanceof Metric.NetScore) {
            return (double) (value.longValueExact() * 100) / denominator;
        }
        throw new IllegalStateException("a new kind of metric: say here (and in docs/reporting-api.md) how its cell is "
                + "made of its contributions: " + metric);
    }

    private static Double percentile(List<Map<String, Object>> items, int percent) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        items.forEach(r -> bins.merge(DurationHistogram.binOf(new BigDecimal(r.get("value").toString())
                .movePointRight(3).longValueExact()), 1L, Long::sum));
        Double millis = DurationHistogram.percentileMillis(bins.keySet().stream().mapToInt(Integer::intValue).toArray(),
                bins.values().stream().mapToLong(Long::longValue).toArray(), percent);
        return millis == null ? null : Math.round(millis) / 1000.0;
    }

    private static Map<String, Object> page(String query) {
        Response response = Api.as(KEY).get("/v1/kpis/contributions?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.asString()).isEqualTo(200);
        return Api.parse(response.asString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allPages(String query, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = "";
        do {
            Map<String, Object> page = page(query + "&limit=" + limit + "&cursor=" + cursor);
            rows.addAll((List<Map<String, Object>>) page.get("rows"));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return rows;
    }

    private static void insert(String tenant, List<Object[]> items) {
        String sql = "INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id,"
                + " channel, kind, parts, n) VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'test', CAST(? AS jsonb), ?)";
        try (Connection connection = TestData.connect(); PreparedStatement s = connection.prepareStatement(sql)) {
            for (Object[] item : items) {
                s.setString(1, tenant);
                s.setString(2, (String) item[0]);
                s.setString(3, (String) item[1]);
                s.setObject(4, OffsetDateTime.ofInstant((Instant) item[2], ZoneOffset.UTC));
                s.setString(5, (String) item[3]);
                s.setString(6, (String) item[4]);
                s.setString(7, (String) item[5]);
                @SuppressWarnings("unchecked")
                Map<String, Long> parts = (Map<String, Long>) item[6];
                s.setString(8, parts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
                s.setInt(9, (Integer) item[7]);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
