package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.HOOLI_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.AdminApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.platform.crypto.UndecryptableSecretException;
import io.deskpulse.scoring.service.WebhookSecrets;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Webhook secrets are stored encrypted, bound to their rule; rows written in clear text before V22 are encrypted by
 * scoring at start (here: the same step, called again after such a row is put back), and from then on the database
 * refuses a clear-text secret.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class WebhookSecretsTest {

    static final String SECRET = "whsec-at-rest-test-0123456789";

    @Inject
    DataSource dataSource;
    @Inject
    WebhookSecrets secrets;
    @Inject
    SecretCipher cipher;

    int createRule(String name) {
        return post(HOOLI_ADMIN, "/v1/alert-rules", json("{'name': '" + name + "', 'metric': 'complaints',"
                + " 'dimension': 'tenant', 'comparison': '>', 'threshold': 1000,"
                + " 'webhook': {'url': 'http://127.0.0.1:9/hook', 'secret': '" + SECRET + "'}}"))
                .then().statusCode(201).extract().path("id");
    }

    String stored(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT webhook_secret FROM alert_rules WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aSecretIsStoredEncryptedForItsRuleAndOnlyThere() throws Exception {
        int rule = createRule("at rest");
        int other = createRule("at rest, other");
        try {
            String stored = stored(rule);
            assertThat(stored).startsWith("v1.").doesNotContain(SECRET);
            assertThat(secrets.open("hooli", rule, stored)).isEqualTo(SECRET);
            // bound to the rule: copied to another rule or tenant, it does not decrypt
            assertThatThrownBy(() -> secrets.open("hooli", other, stored)).isInstanceOf(UndecryptableSecretException.class);
            assertThatThrownBy(() -> secrets.open("acme", rule, stored)).isInstanceOf(UndecryptableSecretException.class);

            // a PUT without secret keeps the stored one as it is; a new secret is encrypted anew
            put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, json("{'name': 'renamed', 'metric': 'complaints',"
                    + " 'dimension': 'tenant', 'comparison': '>', 'threshold': 1000,"
                    + " 'webhook': {'url': 'http://127.0.0.1:9/other'}}")).then().statusCode(200);
            assertThat(stored(rule)).isEqualTo(stored);
            put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, json("{'name': 'renamed', 'metric': 'complaints',"
                    + " 'dimension': 'tenant', 'comparison': '>', 'threshold': 1000,"
                    + " 'webhook': {'url': 'http://127.0.0.1:9/other', 'secret': 'whsec-rotated-0123456789'}}"))
                    .then().statusCode(200);
            assertThat(stored(rule)).startsWith("v1.").isNotEqualTo(stored);
            assertThat(secrets.open("hooli", rule, stored(rule))).isEqualTo("whsec-rotated-0123456789");
        } finally {
            as(HOOLI_ADMIN).delete("/v1/alert-rules/" + rule).then().statusCode(204);
            as(HOOLI_ADMIN).delete("/v1/alert-rules/" + other).then().statusCode(204);
        }
    }

    @Test
    void clearTextSecretsFromBeforeV22AreEncryptedOnceAndThenRefusedByTheDatabase() throws Exception {
        int rule = createRule("from before V22");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the table as V22 leaves it on a database with secrets written by an older version
            s.execute("ALTER TABLE alert_rules DROP CONSTRAINT alert_rules_webhook_secret_encrypted");
            s.execute("UPDATE alert_rules SET webhook_secret = '" + SECRET + "' WHERE id = " + rule);
            s.execute("ALTER TABLE alert_rules ADD CONSTRAINT alert_rules_webhook_secret_encrypted"
                    + " CHECK (webhook_secret IS NULL OR webhook_secret LIKE 'v1.%') NOT VALID");
        }
        try {
            assertThat(secrets.encryptClearText()).isEqualTo(1);
            assertThat(stored(rule)).startsWith("v1.").doesNotContain(SECRET);
            assertThat(cipher.decrypt(stored(rule), "webhook-secret:hooli:" + rule)).isEqualTo(SECRET);
            assertThat(secrets.encryptClearText()).isZero();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT convalidated FROM pg_constraint"
                        + " WHERE conname = 'alert_rules_webhook_secret_encrypted'")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).isTrue();
                }
                assertThatThrownBy(() -> s.execute("UPDATE alert_rules SET webhook_secret = 'clear-text-secret-0123'"
                        + " WHERE id = " + rule)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("alert_rules_webhook_secret_encrypted");
            }
        } finally {
            as(HOOLI_ADMIN).delete("/v1/alert-rules/" + rule).then().statusCode(204);
        }
    }
}
