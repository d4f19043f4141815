package io.deskpulse.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything a run starts, and only that: its own PostgreSQL cluster, its own Kafka broker, the proxy scoring reaches
 * PostgreSQL through, and the three packaged services (plus a second scoring instance when a fault needs one), all on
 * the run's ports. {@link #close()} stops all of it; nothing else on the machine is ever touched.
 */
final class Stack implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(180);
    static final String SCORING_1 = "faults-scoring-1";
    static final String SCORING_2 = "faults-scoring-2";
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError");

    final Ports ports;
    final Profile profile;
    final PostgresCluster postgres;
    final KafkaBroker kafka;
    final Path logs;
    private final Path root;
    private final String apiKeys;
    private final String secretsKey = randomKey();
    private final List<AutoCloseable> started = new ArrayList<>();
    TcpProxy proxy;
    ServiceProcess ingestion;
    ServiceProcess scoring;
    ServiceProcess reporting;
    private ServiceProcess scoring2;
    ScoringDatabase database;
    KafkaGroup group;

    Stack(Path root, Path workDir, Path postgresDir, Ports ports, Profile profile, List<Tenant> tenants) {
        this.root = root;
        this.ports = ports;
        this.profile = profile;
        this.logs = workDir.resolve("logs");
        Shell shell = new Shell(root.resolve("deploy/local/lib.sh"), logs.resolve("shell.log"));
        this.postgres = new PostgresCluster(shell, postgresDir, ports.postgres());
        this.kafka = new KafkaBroker(shell, workDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
        this.apiKeys = tenants.stream().map(Tenant::apiKeyEntry).collect(Collectors.joining(","));
    }

    void start() throws Exception {
        Files.createDirectories(logs);
        Log.info("PostgreSQL cluster on %d, Kafka broker on %d, proxy on %d, services on %d (ingestion), %d (scoring), "
                + "%d (reporting); logs in %s", ports.postgres(), ports.kafka(), ports.proxy(), ports.ingestion(),
                ports.scoring(), ports.reporting(), logs);
        kafka.ensureJars();
        started.add(postgres);
        postgres.create();
        started.add(kafka);
        kafka.start();
        proxy = new TcpProxy(ports.proxy(), ports.postgres());
        started.add(proxy);
        database = new ScoringDatabase(postgres);
        started.add(database);
        group = new KafkaGroup(kafka.bootstrap());

        scoring = scoringInstance(SCORING_1, ports.scoring(), ports.proxy());
        // ingestion reads the issued API keys from PostgreSQL: directly, so that the proxy's faults stay scoring's
        ingestion = service("ingestion-service", ports.ingestion(), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", PostgresCluster.USER,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresCluster.PASSWORD));
        reporting = service("reporting-service", ports.reporting(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", PostgresCluster.USER,
                "QUARKUS_DATASOURCE_PASSWORD", PostgresCluster.PASSWORD));
        // scoring first: it migrates the schema reporting reads
        scoring.start();
        ingestion.start();
        scoring.awaitReady(READY);
        reporting.start();
        ingestion.awaitReady(READY);
        reporting.awaitReady(READY);
    }

    /** The second scoring instance (rebalance and partition faults): same group, PostgreSQL reached directly. */
    ServiceProcess scoring2() throws IOException {
        if (scoring2 == null) {
            scoring2 = scoringInstance(SCORING_2, ports.scoring2(), ports.postgres());
        }
        return scoring2;
    }

    private ServiceProcess scoringInstance(String name, int httpPort, int postgresPort) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        // the client id tells the instances apart in the consumer group; the application name in pg_stat_activity
        environment.put("KAFKA_CLIENT_ID", name);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/"
                + PostgresCluster.DATABASE + "?ApplicationName=" + name);
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresCluster.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresCluster.PASSWORD);
        environment.put("DESKPULSE_SCORING_LOCK_TIMEOUT", profile.lockTimeout());
        environment.put("DESKPULSE_SCORING_IDLE_TRANSACTION_TIMEOUT", profile.idleTransactionTimeout());
        environment.put("DESKPULSE_SCORING_POLL_TIMEOUT", "100ms");
        return service("scoring-service", httpPort, environment);
    }

    private ServiceProcess service(String name, int port, Map<String, String> specific) throws IOException {
        Map<String, String> environment = new HashMap<>(specific);
        environment.put("DESKPULSE_AUTH_API_KEYS", apiKeys);
        // one key per run, the same for every service and restart: the run's database starts empty
        environment.put("DESKPULSE_SECRETS_ENCRYPTION_KEY", secretsKey);
        ServiceProcess service = new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"),
                port, JVM, environment, logs.resolve(name + "-" + port + ".log"));
        started.add(service);
        return service;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Stops what was started, the services first, in reverse order; every step is tried. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                Log.info("stopping %s failed: %s", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}
