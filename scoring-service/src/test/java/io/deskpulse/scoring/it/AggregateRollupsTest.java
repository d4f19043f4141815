package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.domain.Contribution;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.storage.DurationHistogram;
import io.deskpulse.scoring.domain.Observation;
import io.deskpulse.scoring.domain.Target;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.repository.AggregateRepository;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.service.BatchProcessor;
import io.deskpulse.scoring.service.ScoringBatch;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The four aggregate tables agree, whatever path a row took: merged in Java under a row lock (the common
 * path), inserted new, or inserted by two writers at once (the conflict path merges in SQL).
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class AggregateRollupsTest {

    private static final String[] CHANNELS = {"email", "chat", "phone", "web"};
    private static final String MEASURES = "tickets_created, tickets_resolved, resolution_count, resolution_sum_ms, "
            + "first_response_count, first_response_sum_ms, agent_replies, customer_messages, csat_count, csat_sum";
    private static final String HISTOGRAMS = "first_response_hist, resolution_hist";

    @Inject
    BatchProcessor processor;

    @Inject
    CloudEventDecoder decoder;

    @Inject
    AggregateRepository aggregates;

    @Inject
    DataSource dataSource;

    @Test
    void teamAndAgentDaysAreTheSumOfTheirDaysAndDaysTheSumOfTheirHours() throws Exception {
        String tenant = "tenant-rollup";
        String topic = "unit-" + UUID.randomUUID();
        processor.storedOffsets("unit-tests", topic, Set.of(0));
        Random random = new Random(11);
        long offset = OffsetRepository.NONE;
        // several batches, so that later ones merge into rows earlier ones created, some retracting (reopens, re-rated)
        for (int batch = 0; batch < 6; batch++) {
            List<IncomingEvent> events = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                events.addAll(lifecycle(tenant, "T-" + random.nextInt(120), random));
            }
            java.util.Collections.shuffle(events, random);
            processor.apply(new ScoringBatch("unit-tests", topic, Map.of(0, offset), Map.of(0, offset + 1000),
                    events));
            offset += 1000;
        }

        Aggregates stored = new Aggregates(dataSource);
        assertThat(stored.scalar("SELECT count(*) FROM kpi_team_daily WHERE tenant_id = ?", tenant)).isGreaterThan(4);
        assertThat(stored.scalar("SELECT sum(first_response_count) FROM kpi_team_daily WHERE tenant_id = ?", tenant))
                .isPositive();
        // every team-day equals its agent-and-channel days, measures and histograms; every day equals its hours
        assertThat(differences("kpi_team_daily", "tenant_id, generation, day, team_id",
                "kpi_daily", "tenant_id, generation, day, team_id", tenant)).isZero();
        // every agent-day equals its channel-and-queue days (V33)
        assertThat(stored.scalar("SELECT count(*) FROM kpi_agent_daily WHERE tenant_id = ?", tenant)).isGreaterThan(
                stored.scalar("SELECT count(*) FROM kpi_team_daily WHERE tenant_id = ?", tenant));
        assertThat(stored.scalar("SELECT count(*) FROM kpi_agent_daily WHERE tenant_id = ?", tenant)).isLessThan(
                stored.scalar("SELECT count(*) FROM kpi_daily WHERE tenant_id = ?", tenant));
        assertThat(differences("kpi_agent_daily", "tenant_id, generation, day, team_id, agent_id",
                "kpi_daily", "tenant_id, generation, day, team_id, agent_id", tenant)).isZero();
        assertThat(differences("kpi_daily", "tenant_id, generation, day, team_id, agent_id, channel",
                "kpi_hourly", "tenant_id, generation, (bucket AT TIME ZONE 'UTC')::date, team_id, agent_id, channel",
                tenant)).isZero();
        // and the contribution rows, written with them, add up to every hour's every measure (kpi_contributions, V25)
        assertThat(stored.scalar("SELECT count(*) FROM kpi_contributions WHERE tenant_id = ?", tenant)).isGreaterThan(100);
        assertThat(stored.scalar("SELECT count(*) FROM kpi_contributions WHERE tenant_id = ? AND n <= 0", tenant)).isZero();
        assertThat(itemDifferences(tenant)).isZero();
    }

    /** Hours (and measures) where the sum of the contribution rows is not the stored row. */
    private long itemDifferences(String tenant) {
        List<String> columns = java.util.Arrays.stream(io.deskpulse.scoring.domain.Measure.values())
                .map(io.deskpulse.scoring.domain.Measure::column).toList();
        String items = "SELECT generation, date_trunc('hour', at) AS bucket, team_id, agent_id, channel, "
                + String.join(", ", columns.stream().map(c -> "sum(coalesce((parts->>'" + c + "')::bigint, 0) * n) AS " + c)
                        .toList())
                + " FROM kpi_contributions WHERE tenant_id = ? GROUP BY 1, 2, 3, 4, 5";
        String hours = "SELECT generation, bucket, team_id, agent_id, channel, " + String.join(", ", columns)
                + " FROM kpi_hourly WHERE tenant_id = ?";
        String differs = String.join(" OR ", columns.stream()
                .map(c -> "coalesce(i." + c + ", 0) <> coalesce(h." + c + ", 0)").toList());
        return new Aggregates(dataSource).scalar("SELECT count(*) FROM (" + items + ") i FULL JOIN (" + hours + ") h"
                + " USING (generation, bucket, team_id, agent_id, channel) WHERE " + differs, tenant, tenant);
    }

    @Test
    void twoWritersInsertingTheSameRowAddUpBothDeltas() throws Exception {
        Target target = new Target("tenant-race", 0, TenantSettings.DEFAULTS);
        long nine = Instant.parse("2026-11-03T09:00:00Z").toEpochMilli();
        DeltaAccumulator first = new DeltaAccumulator();
        first.add(target, List.of(new Contribution(nine, "t-1", "a-1", "chat", new Observation.FirstResponse(30_000, 30_000, true))));
        DeltaAccumulator second = new DeltaAccumulator();
        second.add(target, List.of(new Contribution(nine + 60_000, "t-1", "a-1", "chat",
                new Observation.FirstResponse(90_000, 90_000, false))));

        // a inserts, uncommitted: invisible to b's lock, but b's insert must wait
        assertThat(applyWhileTheOtherWaits(first, second)).isOne();

        Aggregates stored = new Aggregates(dataSource);
        for (String table : AggregateRepository.tables()) {
            assertThat(stored.scalar("SELECT first_response_count FROM " + table + " WHERE tenant_id = 'tenant-race'"))
                    .as(table).isEqualTo(2);
            assertThat(stored.scalar("SELECT first_response_sum_ms FROM " + table + " WHERE tenant_id = 'tenant-race'"))
                    .as(table).isEqualTo(120_000);
            assertThat(stored.scalar("SELECT cardinality(first_response_hist) FROM " + table
                    + " WHERE tenant_id = 'tenant-race' AND first_response_hist = ?::int[]",
                    "{" + DurationHistogram.binOf(30_000) + ",1," + DurationHistogram.binOf(90_000) + ",1}"))
                    .as(table).isEqualTo(4);
        }
    }

    @Test
    void aWriterThatWaitedForAnotherUpdatesTheRowAsTheOtherLeftIt() throws Exception {
        // The rows exist; a's update moves each to a new ctid while b waits for its lock. b must update the
        // version a left (its lock returns that version's ctid), not the one it first found.
        Target target = new Target("tenant-wait", 0, TenantSettings.DEFAULTS);
        long nine = Instant.parse("2026-11-03T09:00:00Z").toEpochMilli();
        DeltaAccumulator[] writes = new DeltaAccumulator[3];
        long[] millis = {30_000, 90_000, 600_000};
        for (int i = 0; i < writes.length; i++) {
            writes[i] = new DeltaAccumulator();
            writes[i].add(target, List.of(new Contribution(nine + i * 60_000L, "t-1", "a-1", "chat",
                    new Observation.FirstResponse(millis[i], millis[i], true))));
        }
        try (Connection c = dataSource.getConnection()) {
            aggregates.apply(c, writes[0]); // auto-commit: the rows exist before the two writers start
        }
        // a locks and updates the rows, uncommitted
        assertThat(applyWhileTheOtherWaits(writes[1], writes[2])).isOne();

        Aggregates stored = new Aggregates(dataSource);
        String histogram = "{" + DurationHistogram.binOf(30_000) + ",1," + DurationHistogram.binOf(90_000) + ",1,"
                + DurationHistogram.binOf(600_000) + ",1}";
        for (String table : AggregateRepository.tables()) {
            assertThat(stored.scalar("SELECT count(*) FROM " + table + " WHERE tenant_id = 'tenant-wait'"))
                    .as(table).isOne();
            assertThat(stored.scalar("SELECT first_response_count FROM " + table + " WHERE tenant_id = 'tenant-wait'"))
                    .as(table).isEqualTo(3);
            assertThat(stored.scalar("SELECT first_response_sum_ms FROM " + table + " WHERE tenant_id = 'tenant-wait'"))
                    .as(table).isEqualTo(720_000);
            assertThat(stored.scalar("SELECT count(*) FROM " + table
                    + " WHERE tenant_id = 'tenant-wait' AND first_response_hist = ?::int[]", histogram))
                    .as(table).isOne();
        }
    }

    /**
     * Two writers on the same rows: {@code first} applied in a transaction left open, then {@code second} in another
     * that must wait for the first's locks; the first commits once the second is seen waiting. The second's rows.
     */
    private int applyWhileTheOtherWaits(DeltaAccumulator first, DeltaAccumulator second) throws Exception {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            int waiting = pid(b);
            try (var longer = b.createStatement()) {
                longer.execute("SET lock_timeout = '60s'"); // the tests' 1 s would race the await below
            }
            aggregates.apply(a, first);
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    int rows = aggregates.apply(b, second);
                    b.commit();
                    return rows;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock(waiting));
            a.commit();
            return blocked.get(30, TimeUnit.SECONDS);
        }
    }

    /** A ticket's life, with a random share of reopens and changed ratings. */
    private List<IncomingEvent> lifecycle(String tenant, String ticket, Random random) throws Exception {
        String prefix = ticket + "-" + UUID.randomUUID();
        int day = 2 + random.nextInt(3);
        int hour = random.nextInt(23);
        String team = "team-" + random.nextInt(3);
        String agent = "a-" + random.nextInt(5);
        String time = "2026-11-0" + day + "T" + (hour < 10 ? "0" : "") + hour + ":";
        List<IncomingEvent> events = new ArrayList<>();
        events.add(decode(event(tenant, prefix + "-c", "ticket.created", time + "00:00Z",
                "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)]
                        + "\",\"team_id\":\"" + team + "\",\"agent_id\":\"" + agent + "\"}")));
        events.add(decode(event(tenant, prefix + "-m", "ticket.message", time + (10 + random.nextInt(40)) + ":00Z",
                "{\"ticket_id\":\"" + ticket + "\",\"author\":\"agent\",\"agent_id\":\"" + agent + "\"}")));
        events.add(decode(event(tenant, prefix + "-s", "ticket.status_changed", time + "55:00Z",
                "{\"ticket_id\":\"" + ticket + "\",\"status\":\"solved\",\"agent_id\":\"" + agent + "\"}")));
        if (random.nextBoolean()) {
            events.add(decode(event(tenant, prefix + "-r", "survey.csat", time + "58:00Z",
                    "{\"ticket_id\":\"" + ticket + "\",\"score\":" + (1 + random.nextInt(5)) + "}")));
        }
        return events;
    }

    private IncomingEvent decode(String json) throws Exception {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Groups of {@code detail} summed to the key of {@code rollup} that differ from it in any measure or histogram. */
    private long differences(String rollup, String rollupKey, String detail, String detailKey, String tenant) {
        String sums = String.join(", ", java.util.Arrays.stream(MEASURES.split(", ")).map(m -> "sum(" + m + ") AS " + m).toList());
        String hists = String.join(", ", java.util.Arrays.stream(HISTOGRAMS.split(", ")).map(h -> "hist_sum(" + h + ") AS " + h).toList());
        String sql = "SELECT count(*) FROM ((SELECT " + rollupKey + ", " + MEASURES + ", " + HISTOGRAMS + " FROM " + rollup
                + " WHERE tenant_id = ? EXCEPT SELECT " + detailKey + ", " + sums + ", " + hists + " FROM " + detail
                + " WHERE tenant_id = ? GROUP BY " + detailKey + ") UNION ALL (SELECT " + detailKey + ", " + sums + ", " + hists
                + " FROM " + detail + " WHERE tenant_id = ? GROUP BY " + detailKey + " EXCEPT SELECT " + rollupKey + ", "
                + MEASURES + ", " + HISTOGRAMS + " FROM " + rollup + " WHERE tenant_id = ?)) d";
        return new Aggregates(dataSource).scalar(sql, tenant, tenant, tenant, tenant);
    }

    private static int pid(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean waitsForALock(int pid) {
        return new Aggregates(dataSource).scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'",
                pid) == 1;
    }
}
