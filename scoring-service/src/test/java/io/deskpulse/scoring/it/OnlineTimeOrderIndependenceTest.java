package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.AgentFact;
import io.deskpulse.scoring.service.OnlineRefresher;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.AgentHistoryReference;
import io.deskpulse.scoring.support.AgentHistoryReference.Sent;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agents' status histories across the midnights of several zones, through the real pipeline: shuffled, resent,
 * keyed at random so that one agent's events land on every partition and are applied by different consumer
 * threads in batches of any composition, while the clock moves and the online refresher runs alongside. The
 * online time stored per hour, team and agent, and per day in the daily rollup, must equal an independent
 * computation over the whole history.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class OnlineTimeOrderIndependenceTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-26");
    private static final int DAYS = 4;
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Tokyo"));
    private static final long HOUR = 3_600_000L;

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    OnlineRefresher refresher;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void anyArrivalGivesTheOnlineTimeOfTheWholeHistory(long seed) throws Exception {
        String tenant = "online-order-" + seed;
        Random random = new Random(seed);
        List<Sent> history = AgentHistoryReference.randomHistory(random, FIRST_DAY, DAYS, ZONES, 6);
        List<Sent> arriving = new ArrayList<>(history);
        for (int i = history.size() / 4; i > 0; i--) {
            arriving.add(history.get(random.nextInt(history.size())));
        }
        Collections.shuffle(arriving, random);
        long first = history.stream().mapToLong(s -> s.event().epochMillis()).min().orElseThrow();
        long last = history.stream().mapToLong(s -> s.event().epochMillis()).max().orElseThrow();
        long end = last + 20 * HOUR;

        Aggregates db = new Aggregates(dataSource);
        long now = first + (last - first) / 3;
        List<CompletableFuture<Integer>> refreshes = new ArrayList<>();
        for (int at = 0; at < arriving.size(); ) {
            int size = 1 + random.nextInt(25);
            clock.set(Instant.ofEpochMilli(now));
            EventTopic.send(records(tenant, arriving.subList(at, Math.min(at + size, arriving.size())), random));
            if (random.nextBoolean()) {
                // the refresher runs while the consumers apply what was just sent
                refreshes.add(CompletableFuture.supplyAsync(this::refresh));
            }
            at += size;
            now = Math.min(end, now + (long) (random.nextDouble() * 4 * HOUR));
        }
        CompletableFuture.allOf(refreshes.toArray(CompletableFuture[]::new)).join();
        db.awaitDrained(config.consumerGroup());
        clock.set(Instant.ofEpochMilli(end));
        refresher.refresh();

        Map<String, Long> expected = AgentHistoryReference.onlineByHour(history, end);
        assertThat(AgentHistoryReference.differences(expected, storedOnlineByHour(tenant)))
                .as("online ms by hour|team|agent that differ, seed %d", seed).isEmpty();
        Map<String, Long> expectedDays = new TreeMap<>();
        expected.forEach((row, ms) -> {
            String[] parts = row.split("\\|", -1);
            LocalDate day = Instant.ofEpochMilli(Long.parseLong(parts[0])).atZone(ZoneOffset.UTC).toLocalDate();
            expectedDays.merge(day + "|" + parts[1] + "|" + parts[2], ms, Long::sum);
        });
        assertThat(AgentHistoryReference.differences(expectedDays, storedOnlineByDay(tenant)))
                .as("online ms by UTC day|team|agent that differ, seed %d", seed).isEmpty();
    }

    private int refresh() {
        try {
            return refresher.refresh();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each event as ingestion would write it, but under a random key: any partition, any consumer. */
    private static List<String[]> records(String tenant, List<Sent> sent, Random random) {
        List<String[]> records = new ArrayList<>();
        for (Sent s : sent) {
            String time = Instant.ofEpochMilli(s.event().epochMillis()).toString();
            String id = "ev-" + s.event().identity();
            String data;
            String type;
            if (s.event().fact() instanceof AgentFact.StatusChanged change) {
                type = "agent.status_changed";
                data = "{\"agent_id\":\"" + s.agent() + "\",\"status\":\"" + change.status().name().toLowerCase(Locale.ROOT) + "\""
                        + (change.teamId() == null ? "" : ",\"team_id\":\"" + change.teamId() + "\"") + "}";
            } else {
                AgentFact.Interaction interaction = (AgentFact.Interaction) s.event().fact();
                type = "interaction.completed";
                data = "{\"agent_id\":\"" + s.agent() + "\",\"channel\":\"" + interaction.channel() + "\",\"talk_s\":"
                        + interaction.handleMillis() / 1000 + "}";
            }
            records.add(new String[] {tenant + ":agent:" + s.agent() + ":" + random.nextInt(1000),
                    event(tenant, id, type, time, data)});
        }
        return records;
    }

    private Map<String, Long> storedOnlineByHour(String tenant) throws SQLException {
        return rows("SELECT (extract(epoch FROM bucket) * 1000)::bigint, team_id, agent_id, sum(online_ms) FROM kpi_hourly"
                + " WHERE tenant_id = ? GROUP BY 1, 2, 3 HAVING sum(online_ms) > 0", tenant);
    }

    private Map<String, Long> storedOnlineByDay(String tenant) throws SQLException {
        return rows("SELECT day::text, team_id, agent_id, sum(online_ms) FROM kpi_daily"
                + " WHERE tenant_id = ? GROUP BY 1, 2, 3 HAVING sum(online_ms) > 0", tenant);
    }

    private Map<String, Long> rows(String sql, String tenant) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getLong(4));
                }
            }
        }
        return rows;
    }
}
