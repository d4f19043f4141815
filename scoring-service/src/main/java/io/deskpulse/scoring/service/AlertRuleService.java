package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.WebhookConfig;
import io.deskpulse.scoring.domain.AlertRule;
import io.deskpulse.scoring.domain.WebhookDelivery;
import io.deskpulse.scoring.repository.AlertRuleRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.scoring.repository.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A tenant's alert rules (docs/alerts.md#rules). An alert belongs to the definition that raised it: changing
 * what a rule watches, disabling it or deleting it resolves its open alerts (the next evaluation raises them
 * again under a new definition if it holds); a new name or webhook keeps them.
 */
@ApplicationScoped
public class AlertRuleService {

    public static final String RESOURCE = "/v1/alert-rules";
    public static final int MAX_RULES = 200;
    public static final int MIN_SECRET_LENGTH = 16;
    static final String RULE_CHANGED = "the rule changed";
    static final String RULE_DISABLED = "the rule was disabled";
    static final String RULE_DELETED = "the rule was deleted";

    private final DataSource dataSource;
    private final AlertRuleRepository repository;
    private final WebhookDeliveryRepository outbox;
    private final AlertEvaluator evaluator;
    private final Clock clock;
    private final WebhookConfig webhooks;
    private final WebhookSecrets secrets;

    public AlertRuleService(DataSource dataSource, AlertRuleRepository repository, WebhookDeliveryRepository outbox,
            AlertEvaluator evaluator, Clock clock, WebhookConfig webhooks, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.dataSource = dataSource;
        this.repository = repository;
        this.outbox = outbox;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    public List<AlertRule> list(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> repository.list(c, tenant));
    }

    public AlertRule find(String tenant, long id) throws SQLException {
        return Transactions.run(dataSource, true, c -> existing(c, tenant, id, false));
    }

    public List<WebhookDelivery> deliveries(String tenant, long id) throws SQLException {
        return Transactions.run(dataSource, true, c -> {
            existing(c, tenant, id, false);
            return outbox.recent(c, tenant, WebhookDelivery.Kind.ALERT, id, 100);
        });
    }

    public AlertRule create(String tenant, AlertRule.Draft draft, String actor) throws SQLException {
        if (draft.webhookUrl() != null && draft.webhookSecret() == null) {
            throw secretRequired();
        }
        checkWebhookAddress(draft);
        return Transactions.retryingDeadlocks(dataSource, c -> {
            if (repository.count(c, tenant) >= MAX_RULES) {
                throw new InvalidAlertRuleException(List.of(new FieldError(null, "a tenant has at most " + MAX_RULES
                        + " alert rules; delete one first")));
            }
            // The secret is encrypted for the rule's id, known once the row is there: stored in the same transaction.
            AlertRule inserted = repository.insert(c, tenant, draft, null, actor);
            return draft.webhookUrl() == null ? inserted : repository.storeSecret(c, tenant, inserted.id(),
                    secrets.seal(tenant, inserted.id(), draft.webhookSecret()));
        });
    }

    public AlertRule replace(String tenant, long id, AlertRule.Draft draft, Precondition precondition, String actor)
            throws SQLException {
        checkWebhookAddress(draft);
        return Transactions.retryingDeadlocks(dataSource, c -> {
            AlertRule current = existing(c, tenant, id, true);
            checkPrecondition(current, precondition);
            // A new secret is encrypted; a kept one stays as stored (already encrypted for this rule).
            String secret = draft.webhookSecret() != null ? secrets.seal(tenant, id, draft.webhookSecret())
                    : current.webhookSecret();
            if (draft.webhookUrl() != null && secret == null) {
                throw secretRequired();
            }
            AlertRule updated = repository.update(c, tenant, id, draft, secret, actor);
            // A new name or webhook keeps the open alerts; a new definition or a disabled rule ends them.
            if (!updated.sameDefinition(current)) {
                evaluator.resolveAll(c, updated, RULE_CHANGED, true, clock.instant());
            } else if (current.enabled() && !updated.enabled()) {
                evaluator.resolveAll(c, updated, RULE_DISABLED, true, clock.instant());
            }
            if (!updated.hasWebhook()) {
                outbox.cancelPending(c, id, clock.instant(), "the rule no longer has a webhook");
            }
            return updated;
        });
    }

    /**
     * A webhook to the internal network is refused when the rule is saved, not only at delivery, where the refusal
     * would show in the delivery log only.
     */
    private void checkWebhookAddress(AlertRule.Draft draft) {
        webhookRefusal(draft.webhookUrl(), webhooks.allowPrivateAddresses()).ifPresent(error -> {
            throw new InvalidAlertRuleException(List.of(error));
        });
    }

    /** Why a rule may not have this webhook URL, named as the field of the rule. */
    static Optional<FieldError> webhookRefusal(String url, boolean allowPrivate) {
        return WebhookAddresses.refusalWhenSaved(url, allowPrivate).map(reason -> new FieldError("webhook.url", reason));
    }

    public void delete(String tenant, long id, Precondition precondition) throws SQLException {
        Transactions.retryingDeadlocks(dataSource, c -> {
            AlertRule current = existing(c, tenant, id, true);
            checkPrecondition(current, precondition);
            evaluator.resolveAll(c, current, RULE_DELETED, false, clock.instant());
            outbox.cancelPending(c, id, clock.instant(), RULE_DELETED);
            repository.delete(c, tenant, id);
            return null;
        });
    }

    private AlertRule existing(Connection c, String tenant, long id, boolean forUpdate) throws SQLException {
        return repository.find(c, tenant, id, forUpdate).orElseThrow(() -> new UnknownResourceException(
                "There is no alert rule " + id + " (GET " + RESOURCE + " lists them)"));
    }

    private static void checkPrecondition(AlertRule current, Precondition precondition) {
        if (!precondition.holds(current.version())) {
            throw new VersionConflictException(precondition.header(), current.version(), RESOURCE + "/" + current.id());
        }
    }

    private static InvalidAlertRuleException secretRequired() {
        return new InvalidAlertRuleException(List.of(new FieldError("webhook.secret", "is required with a webhook "
                + "url: at least " + MIN_SECRET_LENGTH + " characters (e.g. openssl rand -hex 32)")));
    }
}
