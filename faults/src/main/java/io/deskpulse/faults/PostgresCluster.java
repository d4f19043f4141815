package io.deskpulse.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The suite's own PostgreSQL cluster (deploy/local/lib.sh's dp_pg_private_*): created in a directory of its own, on a
 * port of its own, so that crashing it disturbs nothing else on the machine. Holds the {@code deskpulse} database
 * that scoring-service migrates and reporting-service reads.
 */
final class PostgresCluster implements AutoCloseable {

    static final String DATABASE = "deskpulse";
    static final String USER = "deskpulse";
    static final String PASSWORD = "deskpulse";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Shell shell;
    private final Path dir;
    final int port;
    private boolean running;

    PostgresCluster(Shell shell, Path dir, int port) {
        this.shell = shell;
        this.dir = dir;
        this.port = port;
    }

    /** initdb, start, and the deskpulse role and database. */
    void create() throws IOException, InterruptedException, SQLException {
        shell.run(TIMEOUT, "dp_pg_private_init", dir, port);
        start();
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    void start() throws IOException, InterruptedException {
        shell.run(TIMEOUT, "dp_pg_private_start", dir);
        running = true;
    }

    /**
     * SIGQUIT to the postmaster, which is what {@code pg_ctl stop -m immediate} sends, without the few tens of
     * milliseconds of starting pg_ctl: every server process quits at once, WAL not yet written is gone, and the next
     * start runs crash recovery. Returns once the postmaster has exited.
     */
    void crash() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IOException("the postmaster " + pid + " is not running"));
        running = false;
        if (new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor() != 0) {
            throw new IOException("could not signal the postmaster " + pid);
        }
        try {
            postmaster.onExit().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the postmaster " + pid + " did not exit after SIGQUIT", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A superuser connection to the maintenance database postgres. */
    Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** A superuser connection to the deskpulse database: the suite's own checks (locks, applied events). */
    Connection deskpulseAsSuperuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (running) {
            running = false;
            shell.run(TIMEOUT, "dp_pg_private_stop", dir, "fast");
        }
    }
}
