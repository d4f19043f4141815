package io.deskpulse.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The suite's own single-node KRaft broker, started by deploy/local/lib.sh's dp_kafka_start (the local stack's
 * settings, six partitions per topic) on ports of its own, from the cached Maven Central jars. Its data directory
 * survives a kill, so a restart recovers the log like a crashed broker would.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Shell shell;
    private final Path dir;
    final int port;
    private final int controllerPort;

    KafkaBroker(Shell shell, Path dir, int port, int controllerPort) {
        this.shell = shell;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Fetches the jars into the cache if they are not there yet (needs the network once). */
    void ensureJars() throws IOException, InterruptedException {
        shell.run(Duration.ofMinutes(10), "dp_kafka_ensure_jars");
    }

    void start() throws IOException, InterruptedException {
        shell.run(TIMEOUT, "dp_kafka_start", dir, port, controllerPort, dir.resolve("kafka.log"));
    }

    /** SIGKILL: no controlled shutdown, no flush. Waits until the process is gone. */
    void kill() throws InterruptedException {
        process().ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** The broker's process, from the pid file dp_kafka_start wrote: only ever one this suite started. */
    private Optional<ProcessHandle> process() {
        try {
            Path pidFile = dir.resolve("kafka.pid");
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        process().ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }
}
