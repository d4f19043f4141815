package io.deskpulse.benchmark;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Holds scoring-service still (SIGSTOP, then SIGCONT) while ingestion's batches are timed. {@code ProducerPerformance}
 * has the machine to itself; without the pause, the ingestion it is compared with shared the two cores with scoring
 * and PostgreSQL applying the same events as they came (0.8 cores in the full profile), which the ratio would
 * charge to ingestion. The records wait in Kafka, and the scoring phase then measures a drain of them alone.
 *
 * <p>Only a local scoring-service whose pid is known can be paused; otherwise nothing happens and the run says so.
 * The pause never outlasts {@link #MAX_SECONDS} (below the consumer's 45 s session timeout, so the group is not
 * rebalanced), and a shutdown hook resumes scoring should the harness be stopped during it.
 */
final class ScoringPause implements AutoCloseable {

    static final long MAX_SECONDS = 30;

    private final Long pid;
    private final Thread hook;
    private final Thread watchdog;
    private volatile boolean resumed;

    private ScoringPause(Long pid) {
        this.pid = pid;
        if (pid == null) {
            hook = null;
            watchdog = null;
            return;
        }
        hook = new Thread(this::resume, "resume-scoring");
        Runtime.getRuntime().addShutdownHook(hook);
        signal("STOP");
        watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(MAX_SECONDS);
                Log.info("  (scoring resumed after %d s: the pause's limit)", MAX_SECONDS);
                resume();
            } catch (InterruptedException e) {
                // closed in time
            }
        }, "scoring-pause-limit");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Pauses scoring when it runs here (pid known); a no-op pause otherwise. */
    static ScoringPause start(Context ctx) {
        return of(ctx.processes.pids().get("scoring-service"));
    }

    /** Pauses the process {@code pid}; null: a no-op pause. */
    static ScoringPause of(Long pid) {
        return new ScoringPause(pid);
    }

    /** Whether scoring was paused (false: its pid was unknown). */
    boolean active() {
        return pid != null;
    }

    private synchronized void resume() {
        if (pid != null && !resumed) {
            resumed = true;
            signal("CONT");
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pid == null) {
            return;
        }
        watchdog.interrupt();
        resume();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }
}
