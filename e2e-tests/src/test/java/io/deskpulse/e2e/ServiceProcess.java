package io.deskpulse.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged service (its target/quarkus-app) running as a real child process, as the local stack
 * runs it: configured by environment variables, logging to a file, ready when /q/health/ready says so.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The key that encrypts stored secrets in every service the tests start (32 bytes, base64; a test value). */
    static final String SECRETS_ENCRYPTION_KEY = "ZTJlLXRlc3RzLXNlY3JldHMta2V5LTMyLWJ5dGVzISE=";

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    final int port;
    private Process process;

    ServiceProcess(String name, Map<String, String> environment) {
        this.name = name;
        this.jar = packaged(name);
        this.port = freePort();
        this.environment = environment;
        this.log = Path.of("target", name + "-" + port + ".log").toAbsolutePath();
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        // Any service that stores secrets needs the key; one fixed key for all, as the test databases outlive a run.
        builder.environment().putIfAbsent("DESKPULSE_SECRETS_ENCRYPTION_KEY", SECRETS_ENCRYPTION_KEY);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
    }

    void awaitReady() {
        // 3 minutes: on the shared 2-core machine, under a full build, scoring-service was seen taking 113 s to start
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return status("/q/health/ready") == 200;
        });
    }

    /** Waits for a process that is meant to exit by itself (a migrate-only run) and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " still running after " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    /** What the process wrote so far (standard output and error). */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the process the hard way (SIGKILL): no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The HTTP status of a GET on this service, or -1 when nothing answers. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The service's quarkus-run.jar, which e2e-tests' POM names (Failsafe passes it as a system property). */
    private static Path packaged(String name) {
        String property = "deskpulse.e2e.app." + name;
        String set = System.getProperty(property);
        if (set == null || set.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through Maven (./mvnw verify), "
                    + "whose Failsafe configuration in e2e-tests/pom.xml sets it");
        }
        Path jar = Path.of(set).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        return jar;
    }

    /** The repository's root directory, which e2e-tests' POM names (Failsafe passes it as a system property). */
    static Path root() {
        String set = System.getProperty("deskpulse.e2e.root");
        if (set == null || set.isBlank()) {
            throw new IllegalStateException("deskpulse.e2e.root is not set: run the tests through Maven (./mvnw "
                    + "verify), whose Failsafe configuration in e2e-tests/pom.xml sets it");
        }
        return Path.of(set).toAbsolutePath().normalize();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
