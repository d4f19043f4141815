package io.deskpulse.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What every phase shares: the options, the results being filled, the traffic, and the instruments. */
final class Context implements AutoCloseable {

    final Options options;
    final Profile profile;
    final Results results;
    final TrafficGenerator traffic;
    final ScoringMonitor scoring;
    final ProcessProbe processes;
    final IngestDriver ingest;
    final Path workDir;
    final Instant now;

    Context(Options options, Results results, Path workDir) {
        this.options = options;
        this.profile = options.profile;
        this.results = results;
        this.workDir = workDir;
        this.now = Instant.now();
        String runId = "r" + Long.toString(options.seed, 36);
        this.traffic = new TrafficGenerator(options.seed, runId, options.tenantB != null, 0.1, now);
        this.scoring = new ScoringMonitor(options.scoringUrl, options.bootstrap, options.topic, options.scoringGroup);
        this.processes = new ProcessProbe(options.pidDir, options.pids);
        this.ingest = options.tenantB != null ? new IngestDriver(options.ingestUrl, options.ingestKey, options.ingestKeyB)
                : new IngestDriver(options.ingestUrl, options.ingestKey, options.ingestKey);
        results.runId = runId;
    }

    /** The 90 days ending now: [now - 90 days, now). */
    Instant ninetyDaysAgo() {
        return now.minus(Duration.ofDays(90));
    }

    Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection(options.jdbcUrl, options.dbUser, options.dbPassword);
        connection.setReadOnly(true);
        return connection;
    }

    /** Waits for scoring to apply everything so far; a timeout is a warning, not a failure. */
    void drain(String what) throws InterruptedException {
        long start = System.nanoTime();
        if (!scoring.awaitDrained(Duration.ofSeconds((long) profile.drainTimeoutSeconds()), what)) {
            warn("scoring had not applied " + what + " within " + (long) profile.drainTimeoutSeconds()
                    + " s; the next phase starts with a backlog");
        } else {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds > 2) {
                Log.info("  scoring applied %s (waited %.1f s)", what, seconds);
            }
        }
    }

    void warn(String warning) {
        Log.info("WARNING: %s", warning);
        results.warnings.add(warning);
    }

    /** Measures the CPU each process uses from now until the returned window is closed. */
    CpuWindow cpu(String phase) {
        return new CpuWindow(phase);
    }

    final class CpuWindow implements AutoCloseable {
        private final String phase;
        private final Map<String, Long> before;
        private final long start = System.nanoTime();

        CpuWindow(String phase) {
            this.phase = phase;
            this.before = processes.cpuTicks();
        }

        @Override
        public void close() {
            results.cpu.put(phase, ProcessProbe.cores(before, processes.cpuTicks(), (System.nanoTime() - start) / 1e9));
        }
    }

    @Override
    public void close() {
        scoring.close();
    }
}
