package io.deskpulse.faults;

import io.deskpulse.benchmark.ResultWriter;
import io.deskpulse.benchmark.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fault-injection suite (docs/faults.md): exactly once, whatever fails. On a stack of its own it posts the same
 * traffic for a control tenant in a quiet phase, then once per fault for a tenant of that fault while the fault is
 * injected mid-stream, and checks every KPI and ticket of each fault's tenant against the control tenant's and the
 * counts against the accepted events themselves.
 */
public final class FaultSuite {

    /** At least this much staleness is normal: a batch is polled, applied and committed, then read. */
    private static final double FRESHNESS_FLOOR_S = 1.0;

    private FaultSuite() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            SuiteResults results = run(options);
            System.out.print(ResultTables.text(results));
            System.exit(results.passed() ? 0 : 1);
        } catch (Exception e) {
            System.err.println("[faults] failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the suite with these arguments (see {@link Options#USAGE}); the results say whether it passed. */
    public static SuiteResults run(String... args) throws Exception {
        return run(Options.parse(args));
    }

    static SuiteResults run(Options options) throws Exception {
        Profile profile = options.profile;
        SuiteResults results = new SuiteResults();
        Instant started = Instant.now();
        results.profile = profile.name();
        results.seed = options.seed;
        results.startedAt = started.truncatedTo(ChronoUnit.SECONDS).toString();
        results.stack = options.stackInfo;
        Traffic traffic = Traffic.generate(options.seed, profile.days(), profile.events(), profile.batchSize());
        settings(results.settings, profile, traffic);
        Log.info("profile %s, seed %d: %,d events (%,d deliveries in %d batches of %d) over %d days, %d events/s "
                        + "from %d clients; faults: %s", profile.name(), options.seed, traffic.events.size(),
                traffic.deliveries, traffic.batches.size(), profile.batchSize(), profile.days(), profile.rate(),
                profile.clients(), options.faults.stream().map(Fault::name).toList());

        Path workDir = options.workDir != null ? options.workDir : Files.createTempDirectory("deskpulse-faults");
        // a fresh broker and fresh logs: a topic left by an earlier run would be scored into this run's database
        delete(workDir.resolve("kafka"));
        delete(workDir.resolve("logs"));
        // PostgreSQL runs as the postgres OS user when we are root: its directory must be reachable for it
        Path postgresDir = Files.createTempDirectory("deskpulse-faults-pg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<Tenant> tenants = new ArrayList<>();
        tenants.add(Tenant.create("control"));
        options.faults.forEach(f -> tenants.add(Tenant.create("fault-" + f.name())));
        Stack stack = new Stack(options.root.toAbsolutePath().normalize(), workDir, postgresDir.resolve("cluster"),
                options.freePorts ? Ports.free() : Ports.fixed(), profile, tenants);
        Thread cleanup = new Thread(stack::close, "faults-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            stack.start();
            results.machine = machine(stack);
            phases(stack, traffic, tenants, options.faults, results);
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
            delete(postgresDir);
            if (options.workDir == null && results.passed()) {
                delete(workDir);
            } else {
                Log.info("logs kept in %s", workDir.resolve("logs"));
            }
        }
        Instant finished = Instant.now();
        results.finishedAt = finished.truncatedTo(ChronoUnit.SECONDS).toString();
        results.durationS = Math.round((finished.toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0;
        if (options.json != null) {
            Files.writeString(options.json, ResultWriter.JSON.writeValueAsString(results) + "\n", StandardCharsets.UTF_8);
        }
        if (options.markdown != null) {
            Tables.replaceSection(options.markdown, ResultTables.markdown(results));
        }
        return results;
    }

    private static void phases(Stack stack, Traffic traffic, List<Tenant> tenants, List<Fault> faults,
            SuiteResults results) {
        PhaseRunner runner = new PhaseRunner(stack, traffic);
        PhaseRunner.TenantReports control;
        try {
            runner.saveCostRates(tenants);
            results.control = new SuiteResults.Phase();
            results.control.name = "control";
            results.control.summary = "no fault: the reference numbers";
            Log.info("control: %s", tenants.get(0).id());
            PhaseRunner.Outcome outcome = runner.run(tenants.get(0), null, results.control, null, 0);
            control = outcome.reports();
            results.settings.freshnessBoundS = Recovery.bound(outcome.samples(), outcome.acceptances(),
                    FRESHNESS_FLOOR_S);
            collect(results, results.control);
        } catch (Exception e) {
            results.failures.add("control: aborted: " + e);
            Log.info("control phase aborted: %s", e);
            return;
        }
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            SuiteResults.Phase phase = new SuiteResults.Phase();
            phase.name = fault.name();
            phase.summary = fault.summary();
            results.faults.add(phase);
            Log.info("%s: %s", fault.name(), fault.summary());
            try {
                runner.run(tenants.get(i + 1), fault, phase, control, results.settings.freshnessBoundS);
                collect(results, phase);
            } catch (Exception e) {
                // the stack may be broken: the later phases would only wait out their timeouts
                phase.failures.add("aborted: " + e);
                results.failures.add(fault.name() + ": aborted: " + e);
                Log.info("%s aborted: %s", fault.name(), e);
                return;
            }
        }
    }

    private static void collect(SuiteResults results, SuiteResults.Phase phase) {
        Log.info("%s: %,d accepted, %,d applied, %d lost, %d doubled, recovered after %s s, %d refused attempts %s; %s",
                phase.name, phase.accepted, phase.applied, phase.lost, phase.doubled, phase.recoverS, phase.refusedRequests,
                phase.refusals, phase.failures.isEmpty() ? "passed" : "FAILED: " + phase.failures);
        phase.failures.forEach(f -> results.failures.add(phase.name + ": " + f));
    }

    private static void settings(SuiteResults.Settings settings, Profile profile, Traffic traffic) {
        settings.days = profile.days();
        settings.distinctEvents = traffic.events.size();
        settings.deliveries = traffic.deliveries;
        settings.tiesLeftOut = traffic.tiesLeftOut;
        settings.batches = traffic.batches.size();
        settings.batchSize = profile.batchSize();
        settings.rate = profile.rate();
        settings.clients = profile.clients();
        settings.injectAt = profile.injectAt();
        settings.downS = profile.downSeconds();
        settings.partitionS = profile.partitionSeconds();
        settings.lockTimeout = profile.lockTimeout();
    }

    private static String machine(Stack stack) {
        String postgres = "?";
        try (Connection c = stack.postgres.superuser(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SHOW server_version")) {
            postgres = row.next() ? row.getString(1) : "?";
        } catch (Exception e) {
            // only a label
        }
        return String.format(Locale.ROOT, "%d cores, %s %s, Java %s, PostgreSQL %s, Kafka 4.3.1 (one KRaft node)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), postgres);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Log.info("could not remove %s: %s", dir, e.getMessage());
        }
    }
}
