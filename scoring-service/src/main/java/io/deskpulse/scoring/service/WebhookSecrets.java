package io.deskpulse.scoring.service;

import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.scoring.domain.WebhookDelivery;
import io.deskpulse.scoring.repository.AlertRuleRepository;
import io.deskpulse.scoring.repository.AlertRuleRepository.StoredSecret;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Webhook signing secrets at rest: encrypted with the platform's {@link SecretCipher} (key
 * {@code deskpulse.secrets.encryption-key}, never in the database), bound to their rule, so a secret copied into
 * another rule or tenant does not decrypt there. At start, the cipher is built (a missing or malformed key stops
 * scoring-service with a message naming the setting), the secrets stored in clear text before V22 are encrypted,
 * and V22's constraint is validated: from then on no row holds a clear-text secret.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final SecretCipher cipher;
    private final DataSource dataSource;
    private final AlertRuleRepository rules;

    public WebhookSecrets(SecretCipher cipher, DataSource dataSource, AlertRuleRepository rules) {
        this.cipher = cipher;
        this.dataSource = dataSource;
        this.rules = rules;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        // The cipher is a lazy proxy: a round trip builds it now, so a missing or malformed key stops the start
        // instead of the first webhook.
        if (!"started".equals(cipher.decrypt(cipher.encrypt("started", "startup-check"), "startup-check"))) {
            throw new IllegalStateException("the secrets cipher does not decrypt what it encrypts");
        }
        int encrypted = encryptClearText();
        if (encrypted > 0) {
            LOG.infof("Encrypted %d webhook secrets stored in clear text before V22", encrypted);
        }
    }

    /** The stored form of a report webhook's secret (docs/report-webhooks.md). */
    public String sealReport(String tenant, long webhookId, String secret) {
        return cipher.encrypt(secret, reportContext(tenant, webhookId));
    }

    /**
     * The secret of a delivery's target: an alert rule's or a report webhook's.
     *
     * @throws io.deskpulse.platform.crypto.UndecryptableSecretException when no configured key opens it for this target
     */
    public String open(WebhookDelivery.Kind kind, String tenant, long target, String stored) {
        return cipher.decrypt(stored, kind == WebhookDelivery.Kind.ALERT ? context(tenant, target)
                : reportContext(tenant, target));
    }

    /** The stored form of a rule's secret. */
    public String seal(String tenant, long ruleId, String secret) {
        return cipher.encrypt(secret, context(tenant, ruleId));
    }

    /**
     * The secret itself.
     *
     * @throws io.deskpulse.platform.crypto.UndecryptableSecretException when no configured key opens it for this rule
     */
    public String open(String tenant, long ruleId, String stored) {
        return cipher.decrypt(stored, context(tenant, ruleId));
    }

    /** Encrypts the secrets still in clear text and validates V22's constraint; idempotent. */
    public int encryptClearText() throws SQLException {
        return Transactions.run(dataSource, false, c -> {
            List<StoredSecret> clear = rules.clearTextSecrets(c);
            for (StoredSecret secret : clear) {
                rules.storeSecret(c, secret.tenant(), secret.id(), seal(secret.tenant(), secret.id(), secret.stored()));
            }
            rules.validateEncryptedSecrets(c);
            return clear.size();
        });
    }

    static String context(String tenant, long ruleId) {
        return "webhook-secret:" + tenant + ":" + ruleId;
    }

    /** Bound to the report webhook: a ciphertext copied into another webhook, a rule or a tenant does not decrypt. */
    static String reportContext(String tenant, long webhookId) {
        return "report-webhook-secret:" + tenant + ":" + webhookId;
    }
}
