package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "deskpulse.scoring")
public interface ScoringConfig {

    /** Kafka consumer group; also the key of the offsets stored in PostgreSQL. */
    @WithDefault("deskpulse-scoring")
    String consumerGroup();

    /** Off only in tests that drive the batch processor directly. */
    @WithDefault("true")
    boolean consumerEnabled();

    /**
     * Poll loops in this service, each a consumer of the group with its share of the partitions: while one waits for
     * PostgreSQL, another decodes and derives. More loops than partitions leave some idle.
     */
    @WithDefault("2")
    int consumerThreads();

    /**
     * Whether the service vacuums its own tables (repository.TableMaintenance): {@code auto} when the server's
     * autovacuum is off, {@code always}, or {@code never}.
     */
    @WithDefault("auto")
    VacuumMode vacuum();

    /** Records per poll, and so per database transaction. */
    @WithDefault("2000")
    int maxPollRecords();

    @WithDefault("500ms")
    Duration pollTimeout();

    /** How long to wait before retrying a batch after a database or Kafka failure. */
    @WithDefault("2s")
    Duration retryBackoff();

    /**
     * PostgreSQL's lock_timeout for the service's connections (a PostgreSQL duration such as 30s): a
     * batch blocked by someone else's long transaction fails and is retried instead of hanging.
     * Read by quarkus.datasource.jdbc.new-connection-sql.
     */
    @WithDefault("30s")
    String lockTimeout();

    /**
     * PostgreSQL's idle_in_transaction_session_timeout for the service's sessions (a PostgreSQL duration): the server
     * ends a session that sits this long inside a transaction without a statement, and releases its locks. A scoring
     * instance that lost its connection unnoticed by the server (its node gone, a network partition longer than TCP
     * waits) leaves exactly such a session, holding rows every other instance's batches need: without this, until the
     * server's TCP keepalive notices, two hours by default. Longer than any pause inside the service's own transactions
     * (they run no statement-free work longer than a batch's derivation). Read by
     * quarkus.datasource.jdbc.new-connection-sql.
     */
    @WithDefault("60s")
    String idleTransactionTimeout();

    /** Timelines per recomputation step (one transaction each). */
    @WithDefault("500")
    int recomputationChunk();

    /** How long event identities are remembered to recognise resent events. */
    @WithDefault("30d")
    Duration dedupWindow();

    /**
     * How far back the first refresh of open online sessions after a start looks: sessions still open when
     * every instance stopped are counted to their end then. Later refreshes look at the last two days.
     */
    @WithDefault("31d")
    Duration onlineCatchUp();
}
