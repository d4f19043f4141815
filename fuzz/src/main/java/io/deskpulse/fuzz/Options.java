package io.deskpulse.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The suite's command line. */
final class Options {

    static final String USAGE = """
            java -jar fuzz/target/deskpulse-fuzz.jar [options]
              --requests N          generated requests (default 10000; the CI variant sends 2000)
              --seed S              the seed every request is made from (default 13)
              --slow N              slow-body (slowloris) requests (default 6)
              --slow-seconds S      how long each slow body trickles (default 3)
              --threads N           requests in flight (default 4)
              --ports fixed|free    services on 28081-28083, or on free ports (default fixed)
              --kafka HOST:PORT     the broker (default 127.0.0.1:19092)
              --jdbc-url URL        an empty database (default: jdbc:postgresql://127.0.0.1:5432/deskpulse_fuzz, recreated)
              --recreate-database   drop and create the database of --jdbc-url first
              --pg-user U --pg-password P   (default deskpulse/deskpulse)
              --no-isolation        skip the tenant-isolation matrix
              --root DIR            the repository (default .)
              --work-dir DIR        logs and results (default deploy/local/.run/fuzz)
              --json FILE           the results as JSON
              --markdown FILE       rewrites the generated part of the ## Fuzzing section of this file (docs/security.md)
            """;

    Path root = Path.of(".");
    Path workDir;
    long seed = 13;
    int requests = 10_000;
    int slow = 6;
    int slowSeconds = 3;
    int threads = 4;
    int[] ports = {28081, 28082, 28083};
    String kafka = "127.0.0.1:19092";
    String jdbcUrl;
    boolean recreateDatabase;
    String pgUser = "deskpulse";
    String pgPassword = "deskpulse";
    boolean isolation = true;
    Path json;
    Path markdown;

    static Options parse(String... args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--recreate-database")) {
                options.recreateDatabase = true;
                continue;
            }
            if (arg.equals("--no-isolation")) {
                options.isolation = false;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--requests" -> options.requests = Integer.parseInt(value);
                case "--seed" -> options.seed = Long.parseLong(value);
                case "--slow" -> options.slow = Integer.parseInt(value);
                case "--slow-seconds" -> options.slowSeconds = Integer.parseInt(value);
                case "--threads" -> options.threads = Integer.parseInt(value);
                case "--ports" -> options.ports = switch (value) {
                    case "fixed" -> new int[] {28081, 28082, 28083};
                    case "free" -> new int[] {freePort(), freePort(), freePort()};
                    default -> throw new IllegalArgumentException("--ports is fixed or free");
                };
                case "--kafka" -> options.kafka = value;
                case "--jdbc-url" -> options.jdbcUrl = value;
                case "--pg-user" -> options.pgUser = value;
                case "--pg-password" -> options.pgPassword = value;
                case "--root" -> options.root = Path.of(value);
                case "--work-dir" -> options.workDir = Path.of(value);
                case "--json" -> options.json = Path.of(value);
                case "--markdown" -> options.markdown = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        options.root = options.root.toAbsolutePath().normalize();
        if (options.workDir == null) {
            options.workDir = options.root.resolve("deploy/local/.run/fuzz");
        }
        options.workDir = options.workDir.toAbsolutePath();
        if (options.jdbcUrl == null) {
            options.jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/deskpulse_fuzz";
            options.recreateDatabase = true;
        }
        return options;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
