package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.AlertConfig;
import io.deskpulse.scoring.domain.AlertDecisions;
import io.deskpulse.scoring.domain.AlertMetric;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.domain.AlertWindow;
import io.deskpulse.scoring.repository.AlertRepository;
import io.deskpulse.scoring.repository.AlertRuleRepository;
import io.deskpulse.scoring.repository.StoredAlert;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.scoring.repository.WebhookDeliveryRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Evaluates alert rules (docs/alerts.md) continuously, apart from the batches: every interval, the rules of
 * the tenants this instance's batches touched since the last look, and of the tenants whose rules nobody
 * looked at for a while (windows move on without data too). One transaction per tenant locks its rules (an
 * evaluator busy with them elsewhere is skipped), reads each rule's window, raises and resolves alerts and
 * writes their webhooks to the outbox.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    /** What an evaluation changed. */
    public record Outcome(int tenants, int raised, int resolved) {
    }

    private final DataSource dataSource;
    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final WebhookDeliveryRepository outbox;
    private final TenantActivity activity;
    private final AlertConfig config;
    private final Clock clock;

    public AlertEvaluator(DataSource dataSource, AlertRuleRepository rules, AlertRepository alerts,
            WebhookDeliveryRepository outbox, TenantActivity activity, AlertConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.alerts = alerts;
        this.outbox = outbox;
        this.activity = activity;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${deskpulse.alerts.interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            evaluate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Evaluating alert rules failed, will retry: %s", e.getMessage());
        }
    }

    /** Evaluates the touched tenants and those not looked at within the refresh interval. */
    public Outcome evaluate() throws SQLException {
        Instant now = clock.instant();
        List<String> touched = activity.drain();
        TreeSet<String> tenants = Transactions.run(dataSource, true, c -> {
            TreeSet<String> due = new TreeSet<>(rules.withEnabledRules(c, touched));
            due.addAll(rules.staleTenants(c, now.minus(config.refresh())));
            return due;
        });
        int raised = 0;
        int resolved = 0;
        for (String tenant : tenants) {
            Outcome outcome = evaluate(tenant, now);
            raised += outcome.raised();
            resolved += outcome.resolved();
        }
        return new Outcome(tenants.size(), raised, resolved);
    }

    /** Evaluates the tenant's enabled rules as of {@code now}. */
    public Outcome evaluate(String tenant, Instant now) throws SQLException {
        return Transactions.retryingDeadlocks(dataSource, c -> {
            List<AlertRule> enabled = rules.lockEnabled(c, tenant);
            if (enabled.isEmpty()) {
                return new Outcome(1, 0, 0);
            }
            int generation = alerts.activeGeneration(c, tenant);
            int raised = 0;
            int resolved = 0;
            for (AlertRule rule : enabled) {
                AlertWindow window = AlertWindow.ending(now, rule.windowMinutes());
                Map<String, AlertMetric.Reading> readings = alerts.readings(c, tenant, generation, rule, window);
                Map<String, StoredAlert> open = alerts.open(c, rule.id());
                for (AlertDecisions.Decision decision : AlertDecisions.decide(rule, readings, open.keySet())) {
                    if (decision.raise()) {
                        StoredAlert alert = alerts.raise(c, rule, decision.member(), decision.reading(), window);
                        notify(c, rule, AlertPayloads.RAISED, alert, now);
                        raised++;
                    } else {
                        StoredAlert alert = alerts.resolve(c, open.get(decision.member()).id(), decision.reading(),
                                decision.reason(), now);
                        notify(c, rule, AlertPayloads.RESOLVED, alert, now);
                        resolved++;
                    }
                }
            }
            rules.markEvaluated(c, enabled.stream().map(AlertRule::id).toList(), now);
            return new Outcome(1, raised, resolved);
        });
    }

    /** Resolves every open alert of a rule that changed or goes, with its webhook if it keeps one. */
    void resolveAll(Connection c, AlertRule rule, String reason, boolean withWebhook, Instant now) throws SQLException {
        for (StoredAlert open : alerts.open(c, rule.id()).values()) {
            StoredAlert alert = alerts.resolve(c, open.id(), null, reason, now);
            if (withWebhook) {
                notify(c, rule, AlertPayloads.RESOLVED, alert, now);
            }
        }
    }

    private void notify(Connection c, AlertRule rule, String event, StoredAlert alert, Instant now) throws SQLException {
        if (rule.hasWebhook()) {
            outbox.enqueue(c, rule.tenant(), rule.id(), alert.id(), event, AlertPayloads.of(event, rule.tenant(), alert), now);
        }
    }
}
