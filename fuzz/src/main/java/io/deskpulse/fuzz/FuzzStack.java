package io.deskpulse.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The three packaged services as child processes on the run's ports, on a topic of their own (on the broker they are
 * given) and a database of their own (on the PostgreSQL they are given), with the keys of the run's tenants.
 */
final class FuzzStack implements AutoCloseable {

    static final String[] SERVICES = {"ingestion", "scoring", "reporting"};
    static final Map<String, String> SCOPE = Map.of("ingestion", "ingest", "scoring", "admin", "reporting", "read");
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Options options;
    final String topic;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> keys = new HashMap<>();

    FuzzStack(Options options, List<String> tenants) throws Exception {
        this.options = options;
        this.topic = "fuzz.events." + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < SERVICES.length; i++) {
            ports.put(SERVICES[i], options.ports[i]);
        }
        List<String> entries = new ArrayList<>();
        for (String tenant : tenants) {
            for (String scope : List.of("ingest", "read", "admin")) {
                String key = tenant + "-" + scope + "-" + sha256(options.seed + "/" + tenant + "/" + scope).substring(0, 40);
                keys.put(tenant + "/" + scope, key);
                entries.add(tenant + ":" + scope + ":" + sha256(key));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        Files.createDirectories(options.workDir);
        // a run stopped with Ctrl-C or TERM leaves no service behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.values().forEach(Process::destroyForcibly)));
        // a key of this run for stored secrets (the database is new each run)
        byte[] secretsKey = new byte[32];
        new java.security.SecureRandom().nextBytes(secretsKey);
        Map<String, String> common = Map.of("DESKPULSE_AUTH_API_KEYS", String.join(",", entries),
                "KAFKA_BOOTSTRAP_SERVERS", options.kafka, "DESKPULSE_KAFKA_TOPIC", topic,
                "DESKPULSE_KAFKA_DEAD_LETTER_TOPIC", topic + ".dlq",
                "DESKPULSE_SECRETS_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(secretsKey));
        Map<String, String> database = Map.of("QUARKUS_DATASOURCE_JDBC_URL", options.jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", options.pgUser, "QUARKUS_DATASOURCE_PASSWORD", options.pgPassword);
        // scoring first: it migrates the schema reporting reads
        // no cleanup of retired generations during a run (neither its first run 30 s after start nor the later ones,
        // which FuzzTest once met mid-attack): it deletes rows on a timer, which the row counts before
        // and after (fuzz tenant, isolation matrix) would otherwise have to tell from the requests' doing
        // and period reports and alerts made every 2 s: what a tenant's schedule makes appears at once, so the
        // isolation matrix can wait until it is there rather than see it appear during the attack
        start("scoring", common, database, Map.of("DESKPULSE_SCORING_CONSUMER_GROUP", "fuzz-" + topic,
                "DESKPULSE_SCORING_POLL_TIMEOUT", "100ms", "DESKPULSE_SCORING_GENERATION_CLEANUP_INTERVAL", "6h",
                "DESKPULSE_SCORING_GENERATION_CLEANUP_DELAY", "6h",
                "DESKPULSE_REPORTS_INTERVAL", "2s", "DESKPULSE_ALERTS_INTERVAL", "2s"));
        start("ingestion", common, database);
        awaitReady("scoring");
        start("reporting", common, database);
        awaitReady("ingestion");
        awaitReady("reporting");
    }

    String key(String tenant, String scope) {
        return keys.get(tenant + "/" + scope);
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    @SafeVarargs
    private void start(String service, Map<String, String>... settings) throws IOException {
        String name = service + "-service";
        Path jar = options.root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        for (Map<String, String> map : settings) {
            builder.environment().putAll(map);
        }
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        processes.put(service, builder.start());
    }

    Path log(String service) {
        return options.workDir.resolve(service + "-service-" + ports.get(service) + ".log");
    }

    private void awaitReady(String service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see " + log(service));
            }
            if (ready(service)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service + " was not ready within 180 s; see " + log(service));
    }

    boolean alive(String service) {
        return processes.get(service).isAlive();
    }

    boolean ready(String service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
