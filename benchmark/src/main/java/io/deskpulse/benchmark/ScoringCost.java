package io.deskpulse.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What scoring-service asks of PostgreSQL per event, counted rather than timed (counts do not depend on what else
 * runs on the machine): statements, rows written per table, index entries, WAL bytes (by statement, by resource
 * manager and by relation) for N events of the benchmark's traffic applied from a backlog, as the scoring drain
 * applies them. Run by {@code deploy/local/scoring-cost.sh}, which starts a private PostgreSQL cluster with
 * {@code pg_stat_statements} and {@code pg_walinspect} and a scoring-service reading a topic of its own.
 *
 * <p>Steps: a warm-up load (so the measured events land in tables that already hold data), drained; scoring held
 * still (SIGSTOP) while the statistics are reset, a checkpoint is taken (so full-page images are those of a
 * steady state: first touch of a page after a checkpoint) and the measured events are produced; then resumed, and
 * everything read again once the stored offsets reach the topic's end. Then a manual VACUUM of the written tables,
 * whose WAL is the deferred part of the cost (scoring's own vacuum is switched off during the run).
 */
public final class ScoringCost {

    /** Scoring's statements: it connects as deskpulse, this tool as the cluster's superuser. */
    private static final String SCORING = "userid = (SELECT oid FROM pg_roles WHERE rolname = 'deskpulse')";

    private final String pgUrl;
    private final String bootstrap;
    private final String topic;
    private final long pid;
    private final long events;
    private final long warmup;
    private final int partitions;
    private final TrafficGenerator traffic;

    private ScoringCost(Map<String, String> args) {
        pgUrl = required(args, "pg-url");
        bootstrap = required(args, "bootstrap");
        topic = required(args, "topic");
        pid = Long.parseLong(required(args, "pid"));
        events = Long.parseLong(args.getOrDefault("events", "50000"));
        warmup = Long.parseLong(args.getOrDefault("warmup", "100000"));
        partitions = Integer.parseInt(args.getOrDefault("partitions", "1"));
        long seed = Long.parseLong(args.getOrDefault("seed", "42"));
        // The same day gives the same traffic: event times are drawn back from this instant.
        traffic = new TrafficGenerator(seed, "cost" + seed, false, 0, Instant.now().truncatedTo(ChronoUnit.DAYS));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        new ScoringCost(args).run(args.getOrDefault("tenant", "cost"));
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void run(String tenant) throws Exception {
        createTopic();
        Instant from = traffic.now().minus(Duration.ofDays(90));
        try (Connection pg = DriverManager.getConnection(pgUrl);
             KafkaProducer<byte[], byte[]> producer = producer()) {
            Log.info("warm-up: %,d events", warmup);
            long produced = produce(producer, tenant, "warm", from, warmup);
            waitDrained(pg, produced);
            statsFlushed();
            Snapshot before;
            long measured;
            try (ScoringPause pause = ScoringPause.of(pid)) {
                exec(pg, "SELECT pg_stat_statements_reset()");
                exec(pg, "SELECT pg_stat_reset_shared('wal')");
                exec(pg, "CHECKPOINT");
                before = Snapshot.take(pg);
                Log.info("measured: %,d events (scoring held still while they are produced)", events);
                measured = produce(producer, tenant, "cost", from, events);
            }
            long start = System.nanoTime();
            long ticksBefore = scoringTicks();
            waitDrained(pg, produced + measured);
            double seconds = (System.nanoTime() - start) / 1e9;
            long ticks = scoringTicks() - ticksBefore;
            statsFlushed();
            Snapshot after = Snapshot.take(pg);
            report(pg, before, after, measured, seconds);
            // CPU time, unlike wall time, hardly moves with other processes' load: scoring's Java side per record.
            out("");
            out("scoring-service's CPU while it drained: %.2f s = %.1f µs per record (user + system, from /proc)",
                    ticks / ProcessProbe.CLOCK_TICKS, ticks / ProcessProbe.CLOCK_TICKS * 1e6 / measured);
        }
    }

    private long scoringTicks() {
        return new ProcessProbe(null, Map.of("scoring-service", pid)).cpuTicks().get("scoring-service");
    }

    private void createTopic() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Produces the generator's deliveries as ingestion writes them: the event with the tenant attribute appended.
     * Keyed by nothing: with one partition (the default) the key decides nothing, and the batches scoring reads are
     * then the same from run to run.
     */
    private long produce(KafkaProducer<byte[], byte[]> producer, String tenant, String segment, Instant from,
            long count) {
        String tenantMember = ",\"deskpulsetenant\":\"" + tenant + "\"}";
        long[] sent = {0};
        traffic.generate(segment, from, traffic.now(), count, (t, json) -> {
            String value = json.substring(0, json.length() - 1) + tenantMember;
            producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8)));
            sent[0]++;
        });
        producer.flush();
        return sent[0];
    }

    /**
     * Waits until scoring's idle sessions have reported their table counters: a backend sends them at most once a
     * second, and an idle one within 10 s (PostgreSQL 15). Read earlier, a batch's rows land in the next window (a run
     * counted 284 identities of the warm-up's last batch as measured). pg_stat_statements and the WAL position are
     * exact at once.
     */
    private static void statsFlushed() throws InterruptedException {
        TimeUnit.SECONDS.sleep(11);
    }

    /** Waits until scoring's stored offsets for the topic add up to {@code records}. */
    private void waitDrained(Connection pg, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long stored = longOf(pg, "SELECT coalesce(sum(greatest(next_offset, 0)), 0) FROM scoring_offsets WHERE topic = '"
                    + topic + "'");
            if (stored >= records) {
                return;
            }
            if (stored != last) {
                last = stored;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("scoring did not apply " + records + " records within 30 minutes");
    }

    /** The server's counters that a run moves. */
    private record Snapshot(String lsn, Map<String, long[]> tables, Map<String, Long> relationSizes) {

        static Snapshot take(Connection pg) throws SQLException {
            // Flushed: pg_walinspect reads no further.
            String lsn = stringOf(pg, "SELECT pg_current_wal_flush_lsn()::text");
            Map<String, long[]> tables = new LinkedHashMap<>();
            try (Statement s = pg.createStatement();
                 ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,"
                         + " (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.relid)"
                         + " FROM pg_stat_user_tables t ORDER BY relname")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)});
                }
            }
            Map<String, Long> sizes = new LinkedHashMap<>();
            try (Statement s = pg.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c"
                         + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                         + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') ORDER BY 1")) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Snapshot(lsn, tables, sizes);
        }
    }

    private void report(Connection pg, Snapshot before, Snapshot after, long measured, double seconds)
            throws SQLException {
        long walBytes = longOf(pg, "SELECT pg_wal_lsn_diff('" + after.lsn() + "', '" + before.lsn() + "')::bigint");
        long batches = longOf(pg, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + SCORING
                + " AND query LIKE 'UPDATE scoring_offsets o SET next_offset%'");
        long statements = longOf(pg, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + SCORING);
        out("");
        out("scoring's PostgreSQL work for %,d records (%s partition(s); drained in %.1f s, %.0f records/s: timing"
                + " is noisy on a shared machine, the counts are not)", measured, partitions, seconds, measured / seconds);
        // Every batch attempt inserts its identities first; one that failed (lock timeout, a conflict) was rolled back and
        // its statements and WAL are in the figures too.
        long attempts = longOf(pg, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE " + SCORING
                + " AND query LIKE 'INSERT INTO seen_events%'");
        out("  batches (offset writes)        %,d (%,.0f records a batch); attempts rolled back: %,d%s", batches,
                (double) measured / Math.max(1, batches), Math.max(0, attempts - batches),
                attempts > batches ? " (their work is in the figures below)" : "");
        out("  statements executed            %,d  = %.2f per record, %.1f per batch", statements,
                (double) statements / measured, (double) statements / Math.max(1, batches));
        out("  WAL                            %,d bytes = %,.0f bytes per record", walBytes, (double) walBytes / measured);
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
            rs.next();
            out("  pg_stat_wal                    %,d records (%.1f per record), %,d full-page images, %,d bytes",
                    rs.getLong(1), rs.getDouble(1) / measured, rs.getLong(2), rs.getLong(3));
        }

        out("");
        out("statements by calls (pg_stat_statements; per record = calls / records)");
        out("  %9s %8s %9s %9s %10s %10s %9s  %s", "calls", "/batch", "rows", "rows/rec", "WAL bytes", "WAL/rec",
                "dirtied", "statement");
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, rows, wal_bytes, shared_blks_dirtied,"
                     + " regexp_replace(left(query, 400), '\\s+', ' ', 'g') FROM pg_stat_statements"
                     + " WHERE " + SCORING
                     + " ORDER BY wal_bytes DESC, calls DESC LIMIT 25")) {
            while (rs.next()) {
                out("  %,9d %8.1f %,9d %9.3f %,10d %10.1f %,9d  %s", rs.getLong(1),
                        rs.getDouble(1) / Math.max(1, batches), rs.getLong(2), rs.getDouble(2) / measured,
                        rs.getLong(3), rs.getDouble(3) / measured, rs.getLong(4), shorten(rs.getString(5)));
            }
        }

        out("");
        // Buffer accesses are PostgreSQL's work in pages touched, a count like the others: where the server's CPU goes
        // when the timings (execution time, shown for the split only) are disturbed by a shared machine.
        out("statements by buffer accesses (shared_blks_hit + read; read: not in shared_buffers; exec ms: time in the"
                + " executor, noisy)");
        out("  %9s %12s %10s %9s %9s %10s %6s  %s", "calls", "buffers", "buf/rec", "buf/call", "read/rec", "exec ms",
                "exec%", "statement");
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, shared_blks_hit + shared_blks_read, total_exec_time,"
                     + " 100 * total_exec_time / nullif(sum(total_exec_time) OVER (), 0),"
                     + " regexp_replace(left(query, 400), '\\s+', ' ', 'g'), shared_blks_read FROM pg_stat_statements"
                     + " WHERE " + SCORING
                     + " ORDER BY 2 DESC, calls DESC LIMIT 25")) {
            long total = 0;
            long read = 0;
            while (rs.next()) {
                total += rs.getLong(2);
                read += rs.getLong(6);
                out("  %,9d %,12d %10.1f %9.1f %9.2f %,10.0f %6.1f  %s", rs.getLong(1), rs.getLong(2),
                        rs.getDouble(2) / measured, rs.getDouble(2) / Math.max(1, rs.getLong(1)),
                        rs.getDouble(6) / measured, rs.getDouble(3), rs.getDouble(4), shorten(rs.getString(5)));
            }
            out("  buffer accesses per record (top 25 statements): %.1f, of them read from outside shared_buffers: %.2f",
                    (double) total / measured, (double) read / measured);
        }

        out("");
        out("rows written per table (pg_stat_user_tables), and index entries they add: an insert or a non-HOT update"
                + " adds one to every index");
        out("  %-26s %9s %9s %9s %9s %7s %9s %11s", "table", "inserted", "updated", "HOT", "deleted", "indexes",
                "idx/rec", "size +bytes");
        double rowsPerRecord = 0;
        double indexPerRecord = 0;
        for (Map.Entry<String, long[]> t : after.tables().entrySet()) {
            long[] a = t.getValue();
            long[] b = before.tables().getOrDefault(t.getKey(), new long[5]);
            long ins = a[0] - b[0];
            long upd = a[1] - b[1];
            long hot = a[2] - b[2];
            long del = a[3] - b[3];
            if (ins + upd + del == 0) {
                continue;
            }
            long indexEntries = (ins + upd - hot) * a[4];
            rowsPerRecord += (double) (ins + upd + del) / measured;
            indexPerRecord += (double) indexEntries / measured;
            long grown = after.relationSizes().getOrDefault(t.getKey(), 0L)
                    - before.relationSizes().getOrDefault(t.getKey(), 0L);
            out("  %-26s %,9d %,9d %,9d %,9d %7d %9.2f %,11d", t.getKey(), ins, upd, hot, del, a[4],
                    (double) indexEntries / measured, grown);
        }
        out("  rows written per record: %.2f; index entries per record: %.2f", rowsPerRecord, indexPerRecord);

        walByRelation(pg, before.lsn(), after.lsn(), measured);
        vacuum(pg, after, measured);
    }

    /** WAL by resource manager and by relation (pg_walinspect): which tables and indexes the bytes are for. */
    private void walByRelation(Connection pg, String from, String to, long measured) throws SQLException {
        out("");
        out("WAL by resource manager (pg_walinspect)");
        out("  %-14s %10s %14s %14s %9s", "rmgr", "records", "bytes", "FPI bytes", "bytes/rec");
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"resource_manager/record_type\", count, combined_size, fpi_size"
                     + " FROM pg_get_wal_stats('" + from + "', '" + to + "') WHERE count > 0"
                     + " ORDER BY combined_size DESC")) {
            while (rs.next()) {
                out("  %-14s %,10d %,14d %,14d %9.1f", rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(3) / measured);
            }
        }
        out("");
        out("WAL by relation (a record counted for the first block it names)");
        out("  %-44s %10s %14s %14s %9s", "relation", "records", "bytes", "FPI bytes", "bytes/rec");
        try (Statement s = pg.createStatement();
             ResultSet rs = s.executeQuery("WITH r AS (SELECT record_length, fpi_length,"
                     + " substring(block_ref from 'rel \\d+/\\d+/(\\d+)')::oid AS node"
                     + " FROM pg_get_wal_records_info('" + from + "', '" + to + "'))"
                     + " SELECT coalesce(pg_filenode_relation(0, node)::regclass::text, 'none: ' || coalesce(node::text, 'no block')),"
                     + " count(*), sum(record_length), sum(fpi_length) FROM r GROUP BY 1 ORDER BY 3 DESC LIMIT 30")) {
            while (rs.next()) {
                out("  %-44s %,10d %,14d %,14d %9.1f", rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(3) / measured);
            }
        }
    }

    /** The deferred part: vacuuming the dead row versions the run left (scoring's own vacuum is off meanwhile). */
    private void vacuum(Connection pg, Snapshot after, long measured) throws SQLException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, long[]> t : after.tables().entrySet()) {
            written.add(t.getKey());
        }
        String start = stringOf(pg, "SELECT pg_current_wal_insert_lsn()::text");
        for (String table : written) {
            exec(pg, "VACUUM " + table);
        }
        long bytes = longOf(pg, "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '" + start + "')::bigint");
        out("");
        out("VACUUM of every table afterwards: %,d WAL bytes = %,.0f bytes per record", bytes, (double) bytes / measured);
    }

    private static String shorten(String query) {
        return query.length() > 150 ? query.substring(0, 150) + "…" : query;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void exec(Connection pg, String sql) throws SQLException {
        try (Statement s = pg.createStatement()) {
            s.execute(sql);
        }
    }

    private static long longOf(Connection pg, String sql) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String stringOf(Connection pg, String sql) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
