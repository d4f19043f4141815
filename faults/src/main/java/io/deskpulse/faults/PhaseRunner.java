package io.deskpulse.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One phase: the load for one tenant, the fault injected mid-stream (none for the control tenant), the wait until
 * every accepted event is applied and visible, and the checks: counts against the accepted events, every report
 * against the control tenant's, dead letters, and scoring's reconciliation.
 */
final class PhaseRunner {

    /** A tenant's whole reports: the KPI tables by dimension, the tickets, and the churn per day. */
    record TenantReports(Map<String, List<ObjectNode>> kpis, List<ObjectNode> tickets, List<ObjectNode> churn) {
    }

    /** What a phase leaves for the next ones: the tenant's reports, the freshness samples, the client's 202s. */
    record Outcome(TenantReports reports, List<FreshnessMonitor.Sample> samples, List<Ledger.Acceptance> acceptances) {
    }

    static final List<String> DIMENSIONS = List.of("tenant", "team", "agent", "queue");
    static final String EXPORT_COPY = "tickets export copy";

    private final Stack stack;
    private final Traffic traffic;
    private final Profile profile;
    private final Reports reports;
    private final LoadClient client;
    private final Reconciliation reconciliation;
    private final TenantSettings settings;

    PhaseRunner(Stack stack, Traffic traffic) {
        this.stack = stack;
        this.traffic = traffic;
        this.profile = stack.profile;
        this.reports = new Reports(stack.reporting.url());
        this.client = new LoadClient(stack.ingestion.url(), profile);
        this.reconciliation = new Reconciliation(stack.scoring.url());
        this.settings = new TenantSettings(stack.scoring.url());
    }

    /**
     * Saves every tenant's cost rates before the first phase, all at once so that their recomputations (of nothing yet)
     * run together, and waits until none is pending.
     */
    void saveCostRates(List<Tenant> tenants) throws Exception {
        for (Tenant tenant : tenants) {
            settings.saveCostRates(tenant.key(), CostSettings.RUN);
        }
        for (Tenant tenant : tenants) {
            settings.awaitNoRecomputation(tenant.key());
        }
    }

    /**
     * Runs the phase and fills {@code phase}; returns the tenant's reports (the control phase's are what the faults'
     * are compared with) and what the freshness bound is measured from.
     */
    Outcome run(Tenant tenant, Fault fault, SuiteResults.Phase phase, TenantReports control, double freshnessBound)
            throws Exception {
        phase.tenant = tenant.id();
        phase.distinctEvents = traffic.events.size();
        Ledger ledger = new Ledger(traffic);
        if (fault != null) {
            fault.prepare(stack);
        }
        List<FreshnessMonitor.Sample> samples;
        List<ObjectNode> exported;
        Fault.Injection injection = null;
        long loadStart;
        long loadEnd;
        try (FreshnessMonitor monitor = new FreshnessMonitor(reports, tenant.key(), traffic, ledger, profile.sampleMillis());
             TicketExporter exporter = new TicketExporter(reports, tenant.key(), profile.sampleMillis())) {
            loadStart = System.nanoTime();
            LoadClient.Run load = client.start(tenant.key(), traffic, ledger);
            if (fault != null) {
                load.awaitStarted((int) Math.ceil(traffic.batches.size() * profile.injectAt()));
                Log.info("%s: injecting after %d of %d batches", fault.name(), load.started(), traffic.batches.size());
                injection = fault.inject(new Fault.Target(stack, load));
                Log.info("%s: %s", fault.name(), injection.detail());
            }
            load.join();
            loadEnd = load.finishedNanos();
            phase.loadS = seconds(loadEnd - loadStart);
            List<UUID> keys = ledger.acceptedEvents().stream().map(e -> e.key(tenant.id())).toList();
            long settled = Waits.until(() -> stack.database.applied(keys) == keys.size() && complete(monitor, loadEnd),
                    Duration.ofSeconds(profile.settleSeconds()), Duration.ofMillis(250));
            phase.settledS = settled < 0 ? null : Math.round(settled / 100.0) / 10.0;
            phase.accepted = ledger.acceptedCount();
            phase.applied = stack.database.applied(keys);
            samples = monitor.samples();
            exported = exporter.finish();
            phase.exportPages = exporter.pages();
        }
        phase.requests = ledger.requests();
        phase.refusedRequests = ledger.requests() - ledger.okRequests();
        phase.refusals = ledger.refusalsByReason();
        if (injection != null) {
            phase.injection = injection.detail();
            phase.injectedAtS = seconds(injection.injectedNanos() - loadStart);
            phase.restoredAfterS = seconds(injection.restoredNanos() - injection.injectedNanos());
            Recovery recovery = Recovery.of(injection.injectedNanos(), samples, ledger.refusals(),
                    ledger.acceptances(), freshnessBound);
            phase.recoverS = recovery.recoverSeconds();
            phase.maxStalenessS = round(recovery.maxStalenessSeconds());
            phase.unavailableSamples = recovery.unavailableSamples();
            phase.refusedFromS = recovery.refusedFromSeconds();
            phase.refusedUntilS = recovery.refusedUntilSeconds();
        }

        try {
            TenantReports tables = read(tenant);
            check(phase, ledger, tables, control);
            diff(phase, DifferentialOracle.compare(EXPORT_COPY, tables.tickets(), exported, DifferentialOracle::ticketKey,
                    Set.of(), "listing", "export copy"));
            phase.deadLetters = stack.group.deadLetters();
            phase.reconciliation = reconcile(tenant);
            verdicts(phase, fault);
            return new Outcome(tables, samples, ledger.acceptances());
        } finally {
            if (fault != null) {
                fault.cleanup(stack);
            }
        }
    }

    /** The latest report, asked for after the last batch was accepted, shows every accepted event. */
    private static boolean complete(FreshnessMonitor monitor, long loadEnd) {
        FreshnessMonitor.Sample latest = monitor.latest();
        return latest != null && latest.nanos() > loadEnd && latest.stalenessSeconds() == 0;
    }

    private TenantReports read(Tenant tenant) throws Exception {
        Map<String, List<ObjectNode>> kpis = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            kpis.put(dimension, reports.kpis(tenant.key(), dimension, traffic.firstDay(), traffic.lastDay()));
        }
        return new TenantReports(kpis, reports.tickets(tenant.key()),
                reports.churn(tenant.key(), traffic.firstDay(), traffic.lastDay()));
    }

    private void check(SuiteResults.Phase phase, Ledger ledger, TenantReports tables, TenantReports control) {
        CountOracle.Check kpis = CountOracle.compare(CountOracle.expected(ledger.acceptedEvents(), CostSettings.RUN),
                tables.kpis().get("tenant"));
        CountOracle.Check churn = CountOracle.compare(ChurnOracle.expected(ledger.acceptedEvents()), tables.churn());
        List<CountOracle.MetricCheck> metrics = new ArrayList<>(kpis.metrics());
        metrics.addAll(churn.metrics());
        for (CountOracle.MetricCheck metric : metrics) {
            SuiteResults.MetricCheck line = new SuiteResults.MetricCheck();
            line.metric = metric.metric();
            line.expected = metric.expected();
            line.actual = metric.actual();
            line.lost = metric.lost();
            line.doubled = metric.doubled();
            phase.counts.add(line);
        }
        phase.lost = kpis.lost() + churn.lost();
        phase.doubled = kpis.doubled() + churn.doubled();
        phase.totalsOffThousandths = kpis.totalsOff() + churn.totalsOff();
        if (control == null) {
            return;
        }
        for (String dimension : DIMENSIONS) {
            boolean tenantRows = dimension.equals("tenant");
            diff(phase, DifferentialOracle.compare("kpis/" + dimension, control.kpis().get(dimension),
                    tables.kpis().get(dimension), tenantRows ? row -> row.path("period").asText() : DifferentialOracle::kpiKey,
                    tenantRows ? Set.of("id") : Set.of()));
        }
        diff(phase, DifferentialOracle.compare("tickets", control.tickets(), tables.tickets(), DifferentialOracle::ticketKey,
                Set.of("updated_at")));
        diff(phase, DifferentialOracle.compare("customers/churn", control.churn(), tables.churn(),
                row -> row.path("period").asText(), Set.of()));
    }

    private static void diff(SuiteResults.Phase phase, DifferentialOracle.Diff diff) {
        SuiteResults.Diff line = new SuiteResults.Diff();
        line.table = diff.table();
        line.rows = diff.rows();
        line.cells = diff.cells();
        line.mismatches = diff.mismatches();
        line.examples = diff.examples();
        phase.differential.add(line);
    }

    private SuiteResults.Check reconcile(Tenant tenant) throws Exception {
        Reconciliation.Outcome outcome = reconciliation.run(tenant.key(), traffic.from,
                traffic.until.plus(1, ChronoUnit.DAYS));
        if (outcome.note() != null) {
            Log.info("reconciliation: %s", outcome.note());
        }
        SuiteResults.Check check = new SuiteResults.Check();
        check.passed = outcome.passed();
        check.status = outcome.status();
        check.differenceCount = outcome.differenceCount();
        check.differences = outcome.differences();
        check.note = outcome.note();
        return check;
    }

    /** Every way the phase can fail, in words. */
    private void verdicts(SuiteResults.Phase phase, Fault fault) {
        List<String> failures = phase.failures;
        if (phase.accepted != phase.distinctEvents) {
            failures.add(phase.accepted + " of " + phase.distinctEvents + " events accepted");
        }
        if (phase.applied != phase.accepted) {
            failures.add((phase.accepted - phase.applied) + " accepted events not applied");
        }
        if (phase.settledS == null) {
            failures.add("the reports did not show every accepted event within " + profile.settleSeconds() + " s");
        }
        if (phase.lost > 0 || phase.doubled > 0 || phase.totalsOffThousandths > 0) {
            failures.add("counts: " + phase.lost + " lost, " + phase.doubled + " doubled, totals off by "
                    + phase.totalsOffThousandths + " thousandths");
        }
        for (SuiteResults.Diff diff : phase.differential) {
            if (diff.mismatches > 0) {
                failures.add(diff.table + ": " + diff.mismatches + " of " + diff.cells + " cells differ from the control "
                        + "tenant's, e.g. " + diff.examples);
            }
        }
        if (phase.deadLetters == null || phase.deadLetters != 0) {
            failures.add("dead-letter topic: " + phase.deadLetters + " records");
        }
        if (fault != null && phase.recoverS == null) {
            failures.add("did not recover before the phase ended");
        }
        if (!phase.reconciliation.passed) {
            failures.add("reconciliation " + phase.reconciliation.status + ": " + phase.reconciliation.differenceCount
                    + " differences " + phase.reconciliation.differences + (phase.reconciliation.note == null ? ""
                    : " (" + phase.reconciliation.note + ")"));
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
