package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static io.deskpulse.scoring.support.ReconciliationApi.ADMIN;
import static io.deskpulse.scoring.support.ReconciliationApi.TENANT;
import static io.deskpulse.scoring.support.ReconciliationApi.as;
import static io.deskpulse.scoring.support.ReconciliationApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.HistogramMeasure;
import io.deskpulse.scoring.domain.Measure;
import io.deskpulse.scoring.domain.Reconciliation;
import io.deskpulse.scoring.service.OnlineRefresher;
import io.deskpulse.scoring.service.RecomputationWorker;
import io.deskpulse.scoring.service.ReconciliationScheduler;
import io.deskpulse.scoring.service.ReconciliationWorker;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.scoring.support.Traffic;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation after realistic traffic through the real pipeline: five days of a tenant with business hours in
 * Berlin (a holiday, a team with hours of its own in New York), tickets and agents' shifts, events late, out of order
 * and sent twice, sessions open at "now". A healthy tenant shows no difference; rows corrupted by hand are reported
 * with their metric, period, stored and expected values, and a repair restores exactly what was there, also while
 * batches keep writing to the same rows.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ReconciliationTest {

    /** The traffic's "now": a Friday afternoon, agents online. */
    static final Instant NOW = Instant.parse("2026-11-06T14:30:00Z");
    /** When the refresher last counted open sessions, and the clock of every test. */
    static final Instant LATER = NOW.plus(Duration.ofMinutes(20));
    static final String SETTINGS = """
            {"time_zone": "Europe/Berlin",
             "business_hours": {"weekly": {"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"],
                 "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-13:00", "14:00-17:00"]},
                 "holidays": ["2026-11-04"]},
             "team_business_hours": {"tech-support": {"time_zone": "America/New_York",
                 "weekly": {"monday": ["08:00-20:00"], "tuesday": ["08:00-20:00"], "wednesday": ["08:00-20:00"],
                            "thursday": ["08:00-20:00"], "friday": ["08:00-20:00"]}}},
             "first_response_sla_s": {"chat": 60, "email": 7200},
             "qa_pass_mark": 75}""";
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    ReconciliationWorker worker;

    @Inject
    ReconciliationScheduler scheduler;

    @Inject
    RecomputationWorker recomputations;

    @Inject
    OnlineRefresher refresher;

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void traffic() throws Exception {
        if (!loaded) {
            as(ADMIN).contentType("application/json").body(SETTINGS).put("/v1/settings").then().statusCode(200);
            while (recomputations.step()) {
                // the settings' recomputation (of nothing yet), and any other test's
            }
            clock.set(NOW);
            EventTopic.send(Traffic.records(TENANT, 42, Instant.parse("2026-11-02T00:00:00Z"), NOW, NOW, 6_000));
            new Aggregates(dataSource).awaitDrained(config.consumerGroup());
            clock.set(LATER);
            refresher.refresh();
            loaded = true;
        }
        clock.set(LATER);
        finishAll();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aHealthyTenantShowsNoDifferenceWithOpenSessionsCountedAsStored() throws Exception {
        assertThat(scalar("SELECT count(*) FROM agent_timelines WHERE tenant_id = ? AND day = '2026-11-06'"
                + " AND carry_out_status IN ('online', 'busy') AND as_of = ?", TENANT, Timestamp.from(LATER)))
                .as("agents whose session is open at now").isPositive();
        long tickets = scalar("SELECT count(*) FROM ticket_timelines WHERE tenant_id = ?", TENANT);

        JsonPath done = reconcile("{'from': '2026-11-01T00:00:00Z', 'to': '2026-11-07T00:00:00Z', 'repair': false}");

        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getList("differences")).isEmpty();
        assertThat(done.getLong("difference_count")).isZero();
        assertThat(done.getLong("timelines_checked")).isGreaterThanOrEqualTo(tickets);
        assertThat(done.getString("checked_until")).isEqualTo("2026-11-07T00:00:00Z");
        assertThat(done.getBoolean("repaired")).isFalse();
    }

    @Test
    void timelinesWithoutEventBoundsAreReadAndGetThem() throws Exception {
        // As a version before V20 left them, and as an older instance leaves a timeline it changed during an upgrade.
        execute("UPDATE ticket_timelines SET first_event_at = NULL, last_event_at = NULL, bounds_event_count = NULL"
                + " WHERE tenant_id = ? AND ticket_id IN (SELECT ticket_id FROM ticket_timelines WHERE tenant_id = ?"
                + " ORDER BY ticket_id LIMIT 300)", TENANT, TENANT);
        execute("UPDATE ticket_timelines SET last_event_at = first_event_at, bounds_event_count = event_count - 1"
                + " WHERE tenant_id = ? AND event_count > 3 AND ticket_id IN (SELECT ticket_id FROM ticket_timelines"
                + " WHERE tenant_id = ? ORDER BY ticket_id DESC LIMIT 300)", TENANT, TENANT);
        assertThat(scalar("SELECT count(*) FROM ticket_timelines WHERE tenant_id = ?"
                + " AND bounds_event_count IS DISTINCT FROM event_count", TENANT)).isGreaterThan(300);

        JsonPath done = reconcile("{'from': '2026-11-04T23:00:00Z', 'to': '2026-11-06T23:00:00Z'}");

        assertThat(done.getLong("difference_count")).as("stale bounds must not hide a timeline").isZero();
        assertThat(scalar("SELECT count(*) FROM ticket_timelines WHERE tenant_id = ?"
                + " AND bounds_event_count IS DISTINCT FROM event_count", TENANT)).isZero();
        assertThat(scalar("SELECT count(*) FROM ticket_timelines WHERE tenant_id = ? AND (first_event_at > last_event_at"
                + " OR first_event_at IS NULL)", TENANT)).isZero();
    }

    @Test
    void corruptedRowsAreReportedExactlyAndARepairRestoresWhatWasThere() throws Exception {
        // The Berlin days of 2 and 3 November, whole, so that their daily rows are checked too.
        Instant from = Instant.parse("2026-11-01T23:00:00Z");
        Instant to = Instant.parse("2026-11-03T23:00:00Z");
        int generation = generation();
        Map<String, Map<String, Object>> hourlyBefore = rows("kpi_hourly", "bucket", generation, from, to);
        Map<String, Map<String, Object>> dailyBefore = rows("kpi_daily", "day", generation, LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-03"));
        Map<String, Map<String, Object>> teamDailyBefore = rows("kpi_team_daily", "day", generation,
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        Set<String> expected = new HashSet<>();

        // a count too high
        Map<String, Object> inflated = first(hourlyBefore, r -> (long) r.get("tickets_created") > 0, Set.of());
        update("kpi_hourly", inflated, "tickets_created = tickets_created + 3");
        expected.add(difference("kpi_hourly", "tickets_created", inflated, null, (long) inflated.get("tickets_created") + 3,
                (long) inflated.get("tickets_created")));
        // a row lost: every measure and every histogram bin it held
        Map<String, Object> deleted = first(hourlyBefore, r -> (long) r.get("first_response_count") > 0,
                Set.of(inflated));
        update("kpi_hourly", deleted, null);
        for (Measure m : Measure.values()) {
            if ((long) deleted.get(m.column()) != 0) {
                expected.add(difference("kpi_hourly", m.column(), deleted, null, 0, (long) deleted.get(m.column())));
            }
        }
        for (HistogramMeasure h : HistogramMeasure.values()) {
            List<Integer> pairs = bins(deleted, h);
            for (int i = 0; i < pairs.size(); i += 2) {
                expected.add(difference("kpi_hourly", h.column(), deleted, pairs.get(i), 0, pairs.get(i + 1)));
            }
        }
        // one bin of a histogram
        Map<String, Object> binned = first(hourlyBefore, r -> !bins(r, HistogramMeasure.FIRST_RESPONSE).isEmpty(),
                Set.of(inflated, deleted));
        List<Integer> pairs = bins(binned, HistogramMeasure.FIRST_RESPONSE);
        update("kpi_hourly", binned, "first_response_hist = hist_merge(first_response_hist, '{" + pairs.get(0) + ",1}')");
        expected.add(difference("kpi_hourly", "first_response_hist", binned, pairs.get(0), pairs.get(1) + 1, pairs.get(1)));
        // a row nothing contributes to
        execute("INSERT INTO kpi_hourly (tenant_id, generation, bucket, team_id, agent_id, channel, tickets_created,"
                + " agent_replies) VALUES (?, ?, '2026-11-03T10:00:00Z', 'ghost-team', 'ghost', 'email', 2, 5)",
                TENANT, generation);
        Map<String, Object> stray = Map.of("bucket", Instant.parse("2026-11-03T10:00:00Z"), "team_id", "ghost-team",
                "agent_id", "ghost", "channel", "email");
        expected.add(difference("kpi_hourly", "tickets_created", stray, null, 2, 0));
        expected.add(difference("kpi_hourly", "agent_replies", stray, null, 5, 0));
        // the rollups: a day's sum off, a team-day's online time off
        Map<String, Object> day = first(dailyBefore, r -> (long) r.get("first_response_count") > 1, Set.of());
        double teamDayFirstResponseAvg = firstResponseAvgSeconds(day);
        update("kpi_daily", day, "first_response_sum_ms = first_response_sum_ms - 1000");
        expected.add(difference("kpi_daily", "first_response_sum_ms", day, null,
                (long) day.get("first_response_sum_ms") - 1000, (long) day.get("first_response_sum_ms")));
        Map<String, Object> teamDay = first(teamDailyBefore, r -> (long) r.get("online_ms") > 0, Set.of());
        update("kpi_team_daily", teamDay, "online_ms = online_ms + 60000");
        expected.add(difference("kpi_team_daily", "online_ms", teamDay, null, (long) teamDay.get("online_ms") + 60_000,
                (long) teamDay.get("online_ms")));

        JsonPath found = reconcile("{'from': '" + from + "', 'to': '" + to + "', 'repair': false}");

        assertThat(found.getLong("difference_count")).isEqualTo(expected.size());
        assertThat(differences(found)).containsExactlyInAnyOrderElementsOf(expected);
        List<String> periods = found.getList("differences.period");
        assertThat(periods).as("in period order").isSorted();
        assertThat(firstResponseAvgSeconds(day)).as("what a report shows meanwhile").isNotEqualTo(teamDayFirstResponseAvg);

        JsonPath repaired = reconcile("{'from': '" + from + "', 'to': '" + to + "', 'repair': true}");

        assertThat(repaired.getBoolean("repaired")).isTrue();
        assertThat(differences(repaired)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reconcile("{'from': '" + from + "', 'to': '" + to + "'}").getLong("difference_count")).isZero();
        // Every row as it was; the stray row stays, all zeros (readers skip it).
        Map<String, Map<String, Object>> hourlyAfter = rows("kpi_hourly", "bucket", generation, from, to);
        Map<String, Object> strayAfter = hourlyAfter.remove(key(stray));
        assertThat(strayAfter.get("tickets_created")).isEqualTo(0L);
        assertThat(strayAfter.get("agent_replies")).isEqualTo(0L);
        assertThat(hourlyAfter).isEqualTo(hourlyBefore);
        assertThat(rows("kpi_daily", "day", generation, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")))
                .isEqualTo(dailyBefore);
        assertThat(rows("kpi_team_daily", "day", generation, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")))
                .isEqualTo(teamDailyBefore);
        assertThat(firstResponseAvgSeconds(day)).isEqualTo(teamDayFirstResponseAvg);
    }

    @Test
    void aRepairWhileBatchesWriteToTheSameRowsNeitherLosesNorDoublesTheirDeltas() throws Exception {
        Instant from = Instant.parse("2026-11-04T23:00:00Z");
        Instant to = Instant.parse("2026-11-05T23:00:00Z");
        int generation = generation();
        Map<String, Map<String, Object>> before = rows("kpi_hourly", "bucket", generation, from, to);
        Map<String, Object> target = first(before, r -> (long) r.get("tickets_created") > 0
                && !"".equals(r.get("agent_id")) && !"".equals(r.get("channel")), Set.of());
        long created = (long) target.get("tickets_created");
        update("kpi_hourly", target, "tickets_created = tickets_created + 1, agent_replies = agent_replies + 7");
        Map<String, Object> online = first(before, r -> (long) r.get("online_ms") > 0
                && ((Instant) r.get("bucket")).isAfter(Instant.parse("2026-11-05T09:00:00Z")), Set.of());
        update("kpi_hourly", online, "online_ms = online_ms - 5000");

        post(ADMIN, "{'from': '" + from + "', 'to': '" + to + "', 'repair': true}").then().statusCode(202);
        Reconciliation claimed = worker.claim().orElseThrow();
        assertThat(claimed.tenantId()).isEqualTo(TENANT);
        ReconciliationWorker.SliceCheck check = worker.check(claimed);
        assertThat(check.result().differences()).hasSize(3);

        // Between the snapshot and the repair, batches change the same rows: three more tickets created in the
        // corrupted row, a late break in the shift of the agent whose online time is off, a late rating.
        Instant hour = (Instant) target.get("bucket");
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String ticket = "recon-late-" + i;
            records.add(Traffic.record(TENANT, event(TENANT, ticket + "-c", "ticket.created",
                    hour.plusSeconds(600 + i).toString(), "{\"ticket_id\": \"" + ticket + "\", \"channel\": \""
                            + target.get("channel") + "\", \"team_id\": \"" + target.get("team_id") + "\", \"agent_id\": \""
                            + target.get("agent_id") + "\"}")));
        }
        Instant onlineHour = (Instant) online.get("bucket");
        String agent = (String) online.get("agent_id");
        records.add(Traffic.record(TENANT, event(TENANT, "recon-break-1", "agent.status_changed",
                onlineHour.plusSeconds(300).toString(), "{\"agent_id\": \"" + agent + "\", \"status\": \"away\"}")));
        records.add(Traffic.record(TENANT, event(TENANT, "recon-break-2", "agent.status_changed",
                onlineHour.plusSeconds(1500).toString(), "{\"agent_id\": \"" + agent + "\", \"status\": \"online\"}")));
        String rated = stringScalar("SELECT ticket_id FROM ticket_facts WHERE tenant_id = ? AND last_solved_at >= ?"
                + " AND last_solved_at < ? ORDER BY ticket_id LIMIT 1", TENANT, Timestamp.from(from), Timestamp.from(to));
        records.add(Traffic.record(TENANT, event(TENANT, "recon-csat-1", "survey.csat",
                Instant.parse("2026-11-05T16:00:00Z").toString(), "{\"ticket_id\": \"" + rated + "\", \"score\": 2}")));
        EventTopic.send(records);
        new Aggregates(dataSource).awaitDrained(config.consumerGroup());
        assertThat(rows("kpi_hourly", "bucket", generation, from, to).get(key(target)).get("tickets_created"))
                .as("the batch added to the corrupted row").isEqualTo(created + 1 + 3);

        Reconciliation recorded = worker.record(claimed, check).orElseThrow();

        assertThat(recorded.status()).isEqualTo(Reconciliation.DONE);
        assertThat(recorded.repaired()).isTrue();
        Map<String, Map<String, Object>> after = rows("kpi_hourly", "bucket", generation, from, to);
        assertThat(after.get(key(target)).get("tickets_created")).isEqualTo(created + 3);
        assertThat(after.get(key(target)).get("agent_replies")).isEqualTo(before.get(key(target)).get("agent_replies"));
        assertThat(reconcile("{'from': '" + from + "', 'to': '" + to + "'}").getLong("difference_count"))
                .as("the repair kept the batches' deltas, and added each correction once").isZero();
    }

    @Test
    void anInstanceThatLostItsLeaseWritesNothingAndAnotherCarriesOnWhereTheRunStood() throws Exception {
        // Two slices of seven Berlin days: 27 October to 2 November, 3 to 9 November.
        Instant from = Instant.parse("2026-10-26T23:00:00Z");
        Instant to = Instant.parse("2026-11-09T23:00:00Z");
        int generation = generation();
        Map<String, Map<String, Object>> rows = rows("kpi_hourly", "bucket", generation,
                Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-02T23:00:00Z"));
        Map<String, Object> corrupted = first(rows, r -> (long) r.get("customer_messages") > 0, Set.of());
        long messages = (long) corrupted.get("customer_messages");
        update("kpi_hourly", corrupted, "customer_messages = customer_messages + 2");
        String id = post(ADMIN, "{'from': '" + from + "', 'to': '" + to + "', 'repair': true}").then().statusCode(202)
                .extract().path("id");
        Reconciliation claimed = worker.claim().orElseThrow();
        ReconciliationWorker.SliceCheck first = worker.check(claimed);
        assertThat(first.result().differences()).hasSize(1);
        assertThat(first.last()).isFalse();

        // Meanwhile this instance stalled past its lease and another took the run over.
        execute("UPDATE reconciliations SET lease_owner = 'scoring-other', lease_until = now() + interval '5 minutes'"
                + " WHERE id = ?::uuid", id);
        assertThat(worker.record(claimed, first)).isEmpty();
        assertThat(rows("kpi_hourly", "bucket", generation, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-02T23:00:00Z")).get(key(corrupted)).get("customer_messages"))
                .as("no repair from an instance that lost the run").isEqualTo(messages + 2);
        assertThat(worker.runNext()).as("nothing to take while the other instance holds it").isFalse();

        // The other instance dies: once its lease runs out, any instance takes the run where it stood.
        execute("UPDATE reconciliations SET lease_until = now() - interval '1 second' WHERE id = ?::uuid", id);
        finishAll();

        JsonPath done = as(ADMIN).get("/v1/reconciliations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("done");
        assertThat(done.getBoolean("repaired")).isTrue();
        assertThat(done.getLong("difference_count")).isEqualTo(1);
        assertThat(done.getString("checked_until")).isEqualTo(to.toString());
        assertThat(rows("kpi_hourly", "bucket", generation, Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-02T23:00:00Z")).get(key(corrupted)).get("customer_messages")).isEqualTo(messages);
        assertThat(reconcile("{'from': '" + from + "', 'to': '" + to + "'}").getLong("difference_count")).isZero();
    }

    @Test
    void theScheduleChecksTheLastDaysAndPublishesWhatItFound() throws Exception {
        clock.set(Instant.parse("2026-11-06T15:02:00Z"));
        int generation = generation();
        Map<String, Map<String, Object>> rows = rows("kpi_hourly", "bucket", generation,
                Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"));
        Map<String, Object> corrupted = first(rows, r -> (long) r.get("agent_replies") > 0, Set.of());
        update("kpi_hourly", corrupted, "agent_replies = agent_replies + 1");

        assertThat(scheduler.schedule()).isPositive();
        String scheduled = stringScalar("SELECT id::text FROM reconciliations WHERE tenant_id = ? AND status = 'running'"
                + " AND requested_by = 'schedule'", TENANT);
        as(ADMIN).get("/v1/reconciliations/" + scheduled).then().statusCode(200)
                .body("from", is("2026-11-04T14:00:00Z"))
                .body("to", is("2026-11-06T14:00:00Z")).body("repair", is(false));
        assertThat(scheduler.schedule()).as("not again within the interval, on any instance").isZero();
        finishAll();

        as(ADMIN).get("/v1/reconciliations/" + scheduled).then().statusCode(200)
                .body("status", is("done")).body("difference_count", is(1))
                .body("differences[0].metric", is("agent_replies"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("deskpulse_reconciliation_differences{tenant=\"" + TENANT + "\"} 1.0"))
                .body(containsString("deskpulse_reconciliation_last_run_timestamp_seconds{tenant=\"" + TENANT + "\"}"))
                .body(containsString("deskpulse_reconciliation_runs_total{outcome=\"done\"}"));

        reconcile("{'from': '2026-11-05T00:00:00Z', 'to': '2026-11-06T00:00:00Z', 'repair': true}");
        assertThat(reconcile("{'from': '2026-11-05T00:00:00Z', 'to': '2026-11-06T00:00:00Z'}").getLong("difference_count"))
                .isZero();
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("deskpulse_reconciliation_differences{tenant=\"" + TENANT + "\"} 0.0"));
    }

    // --- helpers

    private void finishAll() throws SQLException {
        while (worker.runNext()) {
            // every queued reconciliation, whichever test queued it
        }
    }

    /** Asks for a reconciliation, runs it, and returns it as GET answers it. */
    private JsonPath reconcile(String singleQuotedBody) throws SQLException {
        String id = post(ADMIN, singleQuotedBody).then().statusCode(202).extract().path("id");
        finishAll();
        JsonPath done = as(ADMIN).get("/v1/reconciliations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("done");
        return done;
    }

    private static Set<String> differences(JsonPath reconciliation) {
        Set<String> found = new HashSet<>();
        for (Map<String, Object> d : reconciliation.<Map<String, Object>>getList("differences")) {
            found.add(d.get("table") + "|" + d.get("metric") + "|" + d.get("period") + "|" + d.get("team_id") + "|"
                    + d.get("agent_id") + "|" + d.get("channel") + "|" + d.get("bin") + "|" + ((Number) d.get("stored")).longValue()
                    + "|" + ((Number) d.get("expected")).longValue());
        }
        return found;
    }

    /** A difference as {@link #differences} writes it; a daily row's period is its Berlin day's first UTC hour. */
    private static String difference(String table, String metric, Map<String, Object> row, Integer bin, long stored,
            long expected) {
        Object period = row.containsKey("bucket") ? row.get("bucket")
                : ((LocalDate) row.get("day")).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        return table + "|" + metric + "|" + period + "|" + row.get("team_id") + "|" + row.getOrDefault("agent_id", null)
                + "|" + row.getOrDefault("channel", null) + "|" + bin + "|" + stored + "|" + expected;
    }

    /** A team-day's first response average in seconds, as reporting computes it from kpi_daily (storage.md). */
    private double firstResponseAvgSeconds(Map<String, Object> day) {
        long sum = scalar("SELECT sum(first_response_sum_ms) FROM kpi_daily WHERE tenant_id = ? AND generation = ?"
                + " AND day = ? AND team_id = ?", TENANT, generation(), day.get("day"), day.get("team_id"));
        long count = scalar("SELECT sum(first_response_count) FROM kpi_daily WHERE tenant_id = ? AND generation = ?"
                + " AND day = ? AND team_id = ?", TENANT, generation(), day.get("day"), day.get("team_id"));
        return sum / (double) count / 1000;
    }

    private int generation() {
        return (int) scalar("SELECT generation FROM tenant_reporting WHERE tenant_id = ?", TENANT);
    }

    private static Map<String, Object> first(Map<String, Map<String, Object>> rows,
            Predicate<Map<String, Object>> test, Set<Map<String, Object>> not) {
        return rows.values().stream().filter(test).filter(r -> !not.contains(r)).findFirst().orElseThrow();
    }

    private static String key(Map<String, Object> row) {
        return row.getOrDefault("bucket", row.get("day")) + "|" + row.get("team_id") + "|" + row.getOrDefault("agent_id", "")
                + "|" + row.getOrDefault("channel", "");
    }

    /** Every row of a table of the tenant's generation in a range, by key, each measure a long, each histogram int[]. */
    private Map<String, Map<String, Object>> rows(String table, String period, int generation, Object from, Object to)
            throws SQLException {
        boolean hourly = period.equals("bucket");
        String sql = "SELECT * FROM " + table + " WHERE tenant_id = ? AND generation = ? AND " + period
                + (hourly ? " >= ? AND " + period + " < ?" : " BETWEEN ? AND ?");
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, TENANT);
            s.setInt(2, generation);
            s.setObject(3, hourly ? Timestamp.from((Instant) from) : from);
            s.setObject(4, hourly ? Timestamp.from((Instant) to) : to);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(period, hourly ? rs.getTimestamp(period).toInstant() : rs.getObject(period, LocalDate.class));
                    row.put("team_id", rs.getString("team_id"));
                    if (!table.equals("kpi_team_daily")) {
                        row.put("agent_id", rs.getString("agent_id"));
                        row.put("channel", rs.getString("channel"));
                    }
                    for (Measure m : Measure.values()) {
                        row.put(m.column(), rs.getLong(m.column()));
                    }
                    for (HistogramMeasure h : HistogramMeasure.values()) {
                        row.put(h.column(), List.of((Integer[]) rs.getArray(h.column()).getArray()));
                    }
                    rows.put(key(row), row);
                }
            }
        }
        return rows;
    }

    /** A row's histogram: (bin, count) pairs. */
    @SuppressWarnings("unchecked")
    private static List<Integer> bins(Map<String, Object> row, HistogramMeasure histogram) {
        return (List<Integer>) row.get(histogram.column());
    }

    /** Updates (or with {@code set} null deletes) the row of a table that {@code row} was read from. */
    private void update(String table, Map<String, Object> row, String set) throws SQLException {
        boolean hourly = row.containsKey("bucket");
        StringBuilder sql = new StringBuilder(set == null ? "DELETE FROM " + table : "UPDATE " + table + " SET " + set)
                .append(" WHERE tenant_id = ? AND generation = ? AND ").append(hourly ? "bucket" : "day")
                .append(" = ? AND team_id = ?");
        List<Object> args = new ArrayList<>(List.of(TENANT, generation(),
                hourly ? Timestamp.from((Instant) row.get("bucket")) : row.get("day"), row.get("team_id")));
        if (row.containsKey("agent_id")) {
            sql.append(" AND agent_id = ? AND channel = ?");
            args.add(row.get("agent_id"));
            args.add(row.get("channel"));
        }
        assertThat(execute(sql.toString(), args.toArray())).isEqualTo(1);
    }

    private int execute(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    private long scalar(String sql, Object... args) {
        return new Aggregates(dataSource).scalar(sql, args);
    }

    private String stringScalar(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
