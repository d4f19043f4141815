package io.deskpulse.ingestion.service;

import io.deskpulse.platform.concurrent.Poller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.config.ConnectorConfig;
import io.deskpulse.ingestion.connector.Platform;
import io.deskpulse.ingestion.repository.ConnectorRows;
import io.deskpulse.platform.crypto.SecretCipher;
import io.deskpulse.platform.crypto.SecretsConfig;
import io.deskpulse.platform.crypto.UndecryptableSecretException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live connectors, in memory: a webhook never waits on PostgreSQL. A background thread reads the rows changed
 * since the last read every {@code deskpulse.connectors.refresh} (rows are numbered in commit order, so none is passed
 * over), so a connector created, rotated or disabled through scoring's admin API takes effect here within seconds.
 * When PostgreSQL cannot be reached the directory keeps what it knows: known connectors go on working through an
 * outage. Without deskpulse.secrets.encryption-key no secret can be read, and the directory stays empty.
 */
@Startup
@ApplicationScoped
public class ConnectorDirectory {

    private static final Logger LOG = Logger.getLogger(ConnectorDirectory.class);

    /** Where the changed rows come from: the table, or a test's rows. */
    interface Changes {
        List<ConnectorRows.Row> since(long change) throws SQLException;
    }

    private final Changes rows;
    private final Optional<SecretCipher> cipher;
    private final Duration refresh;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, KnownConnector> live = new ConcurrentHashMap<>();
    private volatile long lastChange;
    private volatile Instant lastRead;
    private volatile boolean failing;
    private Poller poller;

    @Inject
    public ConnectorDirectory(ConnectorRows rows, Instance<SecretCipher> cipher, SecretsConfig secrets,
            ConnectorConfig config, Clock clock) {
        this(rows::changesSince, secrets.encryptionKey().filter(key -> !key.isBlank()).map(key -> cipher.get()), config.refresh(), clock);
    }

    ConnectorDirectory(Changes rows, Optional<SecretCipher> cipher, Duration refresh, Clock clock) {
        this.rows = rows;
        this.cipher = cipher;
        this.refresh = refresh;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        if (cipher.isEmpty()) {
            LOG.warn("deskpulse.secrets.encryption-key (DESKPULSE_SECRETS_ENCRYPTION_KEY) is not set: connector secrets "
                    + "cannot be read, and POST /v1/hooks/{connector_id} answers 503 until it is set (the same key as "
                    + "scoring-service's)");
            return;
        }
        refresh();
        poller = Poller.every("connector-refresh", refresh, this::refresh);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.close();
        }
    }

    /** Whether connector secrets can be read at all (the encryption key is configured). */
    public boolean configured() {
        return cipher.isPresent();
    }

    /** The connector if it exists and is enabled; unknown and disabled look the same. */
    public Optional<KnownConnector> find(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Time since the connectors were last read; zero while reads succeed. */
    public Duration staleness() {
        return failing && lastRead != null ? Duration.between(lastRead, clock.instant()) : Duration.ZERO;
    }

    /** Reads the changes since the last read; a failure keeps the directory as it is. Never throws. */
    void refresh() {
        try {
            long last = lastChange;
            for (ConnectorRows.Row row : rows.since(last)) {
                apply(row);
                last = row.change();
            }
            lastChange = last;
            lastRead = clock.instant();
            if (failing) {
                LOG.infof("Connectors read from the database again (%d live)", live.size());
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            // Logged once per outage: the poll runs every second.
            if (!failing) {
                LOG.warnf("Cannot read the connectors from the database, serving the %d known ones until it is back: %s",
                        live.size(), e.getMessage());
            }
            failing = true;
        }
    }

    private void apply(ConnectorRows.Row row) {
        if (row.disabledAt() != null) {
            live.remove(row.id());
            return;
        }
        SecretCipher secrets = cipher.orElseThrow();
        String context = "connector-secret:" + row.tenant() + ":" + row.id();
        try {
            byte[] secret = secrets.decrypt(row.secret(), context).getBytes(StandardCharsets.UTF_8);
            byte[] previous = row.previousSecret() == null ? null
                    : secrets.decrypt(row.previousSecret(), context).getBytes(StandardCharsets.UTF_8);
            live.put(row.id(), new KnownConnector(row.id(), row.tenant(), Platform.fromJson(row.platform()),
                    allowUnsigned(row.options()), secret, previous, row.previousValidUntil()));
        } catch (UndecryptableSecretException | IllegalArgumentException e) {
            // A key that is not (or no longer) configured: the connector cannot be verified, so it is not served.
            live.remove(row.id());
            LOG.errorf("Connector %s of tenant %s cannot be served: %s", row.id(), row.tenant(), e.getMessage());
        }
    }

    private boolean allowUnsigned(String options) {
        try {
            JsonNode node = mapper.readTree(options == null ? "{}" : options);
            return node.path("allow_unsigned").asBoolean(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** For tests: the connectors known now. */
    List<String> ids() {
        return List.copyOf(live.keySet());
    }
}
