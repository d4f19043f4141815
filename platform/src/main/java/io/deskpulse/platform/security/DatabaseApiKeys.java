package io.deskpulse.platform.security;

import io.deskpulse.platform.concurrent.Poller;
import io.deskpulse.platform.config.AuthConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The keys of every service: the issued keys of table {@code api_keys} and the configured (bootstrap) keys of
 * {@link ConfiguredApiKeys}. A request never waits on the database: lookups read a cache of all live issued keys,
 * which a background thread brings up to date every {@code deskpulse.auth.key-refresh} by reading only the rows
 * changed since the last read (each write numbers its row in commit order, see V21). When PostgreSQL cannot be
 * reached the cache keeps the last keys it read, so known keys go on working through an outage; the gauge
 * {@value #STALENESS_GAUGE} and the log say since when it is stale. Expiry is checked at each request by
 * {@link ApiKeyIdentityProvider}, so an expired key is refused even while the cache is stale.
 */
@Startup
@ApplicationScoped
public class DatabaseApiKeys implements ApiKeyStore {

    public static final String STALENESS_GAUGE = "deskpulse.auth.keys.staleness";

    private static final Logger LOG = Logger.getLogger(DatabaseApiKeys.class);
    private static final String CHANGES = """
            SELECT id, tenant, sha256, scopes, expires_at, revoked_at, change
            FROM api_keys WHERE change > ? ORDER BY change""";

    private final ConfiguredApiKeys configured;
    private final DataSource dataSource;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, ApiKey> issued = new ConcurrentHashMap<>();
    private volatile long lastChange;
    private volatile Instant lastRefresh;
    private volatile boolean failing;
    private Poller poller;

    @Inject
    public DatabaseApiKeys(AuthConfig config, DataSource dataSource, MeterRegistry registry, Clock clock) {
        this(new ConfiguredApiKeys(config), dataSource, config.keyRefresh(), clock);
        Gauge.builder(STALENESS_GAUGE, this, keys -> keys.staleness().toMillis() / 1000.0).baseUnit("seconds")
                .description("Time since the API keys were last read from the database").register(registry);
    }

    DatabaseApiKeys(ConfiguredApiKeys configured, DataSource dataSource, Duration refresh, Clock clock) {
        this.configured = configured;
        this.dataSource = dataSource;
        this.refresh = refresh;
        this.clock = clock;
        this.lastRefresh = clock.instant();
    }

    @PostConstruct
    void start() {
        refresh();
        poller = Poller.every("api-key-refresh", refresh, this::refresh);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.close();
        }
    }

    @Override
    public Optional<ApiKey> findBySha256(String sha256Hex) {
        ApiKey key = issued.get(sha256Hex);
        return key != null ? Optional.of(key) : configured.findBySha256(sha256Hex);
    }

    /** The configured keys, whose tenants scoring registers at startup. */
    public ConfiguredApiKeys configured() {
        return configured;
    }

    /** Time since the last successful read of the table; zero while reads succeed. */
    public Duration staleness() {
        return failing ? Duration.between(lastRefresh, clock.instant()) : Duration.ZERO;
    }

    /** Reads the changes since the last read; a failure keeps the cache as it is. Never throws. */
    void refresh() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CHANGES)) {
            s.setLong(1, lastChange);
            long last = lastChange;
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    apply(rows);
                    last = rows.getLong("change");
                }
            }
            lastChange = last;
            lastRefresh = clock.instant();
            if (failing) {
                LOG.infof("API keys read from the database again (issued keys in use: %d)", issued.size());
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            // Logged once per outage: the poll runs every second.
            if (!failing) {
                LOG.warnf("Cannot read the API keys from the database, serving the %d known ones until it is back: %s",
                        issued.size(), e.getMessage());
            }
            failing = true;
        }
    }

    private void apply(ResultSet row) throws SQLException {
        String hash = row.getString("sha256");
        if (row.getTimestamp("revoked_at") != null) {
            issued.remove(hash);
            return;
        }
        Timestamp expires = row.getTimestamp("expires_at");
        issued.put(hash, new ApiKey(row.getObject("id").toString(), row.getString("tenant"), scopes(row.getArray("scopes")),
                hash, expires == null ? null : expires.toInstant()));
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Object scope : (Object[]) array.getArray()) {
            // Only configured keys may be operators, whatever a row says.
            Scope parsed = Scope.parse(scope.toString());
            if (parsed != Scope.OPERATOR) {
                scopes.add(parsed);
            }
        }
        return Set.copyOf(scopes);
    }
}
