package io.deskpulse.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node KRaft broker of a test's own, for tests that kill Kafka: the shared test broker must never be
 * touched. Started from the cached broker jars ({@link TestInfrastructure#kafkaLibs()}) with the settings of
 * deploy/local/lib.sh's {@code dp_kafka_start}. Its data directory survives {@link #kill()}, so {@link #start()}
 * afterwards recovers the log as a crashed broker would.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    /** Formats the storage in {@code dir} (once) and starts the broker; the ports must be free. */
    public static KafkaBrokerProcess start(Path dir, int port, int controllerPort) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, port, controllerPort);
        broker.format();
        broker.start();
        return broker;
    }

    private KafkaBrokerProcess(Path dir, int port, int controllerPort) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker on its data (again) and waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker already runs");
        }
        if (listening(port)) {
            throw new IllegalStateException("port " + port + " is taken: another broker runs there");
        }
        process = java(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dlog4j2.level=WARN"),
                "kafka.Kafka", dir.resolve("server.properties").toString());
        Process started = process;
        // A test that dies must not leave its broker running.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            await("the test broker on " + bootstrap() + " (log: " + dir.resolve("kafka.log") + ")")
                    .atMost(STARTUP).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("the broker exited with " + started.exitValue());
                        }
                        return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                                .get(3, TimeUnit.SECONDS).isEmpty();
                    });
        }
    }

    /** SIGKILL: no controlled shutdown, no flush, as when a machine dies. Returns once the process is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void format() {
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false", ""));
            if (Files.exists(dir.resolve("data/meta.properties"))) {
                return;
            }
            Process formatting = java(List.of(), "kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString(),
                    "-c", dir.resolve("server.properties").toString(), "--standalone");
            if (waitFor(formatting) != 0) {
                throw new IllegalStateException("could not format the test broker's storage, see " + dir.resolve("kafka.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process java(List<String> options, String mainClass, String... args) {
        Path libs = TestInfrastructure.kafkaLibs();
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("no Kafka broker jars in " + libs + " (DESKPULSE_KAFKA_LIBS): run "
                    + "deploy/local/test.sh once, or deploy/local/lib.sh's dp_kafka_ensure_jars");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(libs + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker process", e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
