package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Replay;
import io.deskpulse.scoring.messaging.TopicPositions;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.repository.ReplayRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Asks for replays of the event topic from a point in time, for one tenant: its events since then are
 * fed through scoring again. Events already applied are recognised and change nothing, so a replay
 * applies exactly what was missing (events a past version did not use, or lost with a restored
 * database). A tenant has at most one replay queued or running: asking for another meanwhile is refused (409
 * naming it).
 */
@ApplicationScoped
public class Replays {

    private final DataSource dataSource;
    private final ReplayRepository replays;
    private final OffsetRepository offsets;
    private final TopicPositions positions;

    public Replays(DataSource dataSource, ReplayRepository replays, OffsetRepository offsets, TopicPositions positions) {
        this.dataSource = dataSource;
        this.replays = replays;
        this.offsets = offsets;
        this.positions = positions;
    }

    /** @throws JobRunningException when the tenant has a replay queued or running, whatever its instant */
    public Replay request(String tenant, Instant from, String requestedBy) throws SQLException {
        // Looked at before Kafka is asked for the range, and again under the tenant's lock before the insert.
        refuseIfRunning(Transactions.autoCommit(dataSource, c -> replays.running(c, tenant)));
        Map<Integer, long[]> range = positions.range(from);
        Map<Integer, Long> start = new HashMap<>();
        Map<Integer, Long> end = new HashMap<>();
        range.forEach((partition, r) -> {
            start.put(partition, r[0]);
            end.put(partition, r[1]);
        });
        Replay replay = new Replay(UUID.randomUUID(), tenant, from, positions.topic(), end, Replay.RUNNING, 0, 0,
                requestedBy, Instant.now(), null, null);
        return Transactions.run(dataSource, false, c -> {
            replays.lockRequests(c, tenant);
            refuseIfRunning(replays.running(c, tenant));
            replays.insert(c, replay);
            offsets.initialize(c, replay.consumerGroup(), replay.topic(), start);
            return replay;
        });
    }

    private static void refuseIfRunning(Optional<Replay> running) {
        if (running.isPresent()) {
            throw new JobRunningException(JobRunningException.Kind.REPLAY, running.get().id());
        }
    }

    public Optional<Replay> find(String tenant, UUID id) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> replays.find(c, tenant, id));
    }

    public List<Replay> list(String tenant) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> replays.list(c, tenant, 100));
    }
}
