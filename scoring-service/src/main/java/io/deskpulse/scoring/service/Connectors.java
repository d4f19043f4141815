package io.deskpulse.scoring.service;

import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.scoring.config.ConnectorConfig;
import io.deskpulse.scoring.domain.Connector;
import io.deskpulse.scoring.repository.ConnectorRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.deskpulse.platform.crypto.SecretsConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The tenants' helpdesk connectors (docs/connectors.md). A connector's id is 128 random bits, since its webhook URL is
 * all a platform that cannot sign presents; its secret is stored encrypted with {@link SecretCipher} (ingestion needs
 * the secret itself to check HMACs, so a hash cannot do) and shown only in the answers of create and rotate.
 * Without deskpulse.secrets.encryption-key the service still starts (its other APIs need no key) and this API answers
 * 503 naming the setting ({@link SecretsUnconfiguredException}).
 */
@ApplicationScoped
public class Connectors {

    public static final String RESOURCE = "/v1/connectors";
    private static final int LIST_LIMIT = 200;

    private final DataSource dataSource;
    private final ConnectorRepository connectors;
    private final Instance<SecretCipher> cipher;
    private final SecretsConfig secrets;
    private final ConnectorConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Connectors(DataSource dataSource, ConnectorRepository connectors, Instance<SecretCipher> cipher,
            SecretsConfig secrets, ConnectorConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.connectors = connectors;
        this.cipher = cipher;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /** A created or rotated connector with the secret in the clear: the one time it is shown. */
    public record WithSecret(Connector connector, String secret) {
    }

    /** {@code secret}: the platform's own (Zendesk, Intercom, Chatwoot generate theirs), or null to generate one. */
    public WithSecret create(String tenant, String platform, String name, Map<String, Object> options, String secret,
            String createdBy) throws SQLException {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String id = "cn_" + HexFormat.of().formatHex(randomBytes(16));
        String plain = secret != null ? secret : newSecret();
        Connector connector = new Connector(id, tenant, platform, name, options, null, null, createdBy, now, now);
        return Transactions.run(dataSource, false, c -> {
            if (connectors.count(c, tenant) >= config.maxPerTenant()) {
                throw new ConnectorLimitException("This tenant has " + config.maxPerTenant() + " connectors, the most "
                        + "allowed (deskpulse.connectors.max-per-tenant); disabled ones count too.");
            }
            connectors.lockForChange(c);
            connectors.insert(c, connector, cipher().encrypt(plain, context(tenant, id)));
            return new WithSecret(connector, plain);
        });
    }

    public List<Connector> list(String tenant) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> connectors.list(c, tenant, LIST_LIMIT));
    }

    public Connector find(String tenant, String id) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> connectors.find(c, tenant, id)).orElseThrow(() -> unknown(id));
    }

    /** {@code grace}: how long the current secret stays valid; null for the configured default; zero ends it now. */
    public WithSecret rotate(String tenant, String id, String secret, Duration grace) throws SQLException {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Duration keep = grace != null ? grace : config.defaultGracePeriod();
        String plain = secret != null ? secret : newSecret();
        return Transactions.run(dataSource, false, c -> {
            connectors.lockForChange(c);
            if (!connectors.rotate(c, tenant, id, cipher().encrypt(plain, context(tenant, id)), now.plus(keep), now)) {
                throw unknown(id);
            }
            return new WithSecret(connectors.find(c, tenant, id).orElseThrow(), plain);
        });
    }

    public Connector disable(String tenant, String id) throws SQLException {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return Transactions.run(dataSource, false, c -> {
            connectors.lockForChange(c);
            if (!connectors.disable(c, tenant, id, now)) {
                throw unknown(id);
            }
            return connectors.find(c, tenant, id).orElseThrow();
        });
    }

    /** The webhook URL to paste into the helpdesk. */
    public String webhookUrl(String id) {
        String base = config.publicIngestionUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/hooks/" + id;
    }

    /** What the stored secret is bound to: a ciphertext copied to another connector or tenant does not decrypt. */
    public static String context(String tenant, String id) {
        return "connector-secret:" + tenant + ":" + id;
    }

    private SecretCipher cipher() {
        if (secrets.encryptionKey().filter(key -> !key.isBlank()).isEmpty()) {
            throw new SecretsUnconfiguredException();
        }
        return cipher.get();
    }

    private String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static UnknownResourceException unknown(String id) {
        return new UnknownResourceException("This tenant has no connector " + id + " (GET " + RESOURCE + " lists them).");
    }
}
