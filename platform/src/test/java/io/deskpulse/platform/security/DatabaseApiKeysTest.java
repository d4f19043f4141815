package io.deskpulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key cache against the real table: changes reach it by polling, a revoked key leaves it, and an outage of the
 * database (connections refused by the data source, the database itself untouched) keeps the known keys working.
 */
class DatabaseApiKeysTest {

    private static final AuthenticationRequestContext INLINE = new AuthenticationRequestContext() {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return Uni.createFrom().item(function);
        }
    };
    private static String url;

    private final SwitchableDataSource dataSource = new SwitchableDataSource();
    private DatabaseApiKeys keys;

    @BeforeAll
    static void migrate() {
        url = PostgresTestDatabase.recreate("deskpulse_test_platform_keys");
        Flyway.configure().dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("classpath:db/migration").load().migrate();
    }

    @BeforeEach
    void startCache() {
        keys = new DatabaseApiKeys(new ConfiguredApiKeys(ApiKeyAuthenticationTest.config(
                "boot:operator:" + ApiKey.sha256Hex("bootstrap-key"))), dataSource, Duration.ofMillis(100),
                Clock.systemUTC());
        keys.start();
    }

    @AfterEach
    void stopCache() {
        keys.stop();
    }

    @Test
    void anIssuedKeyWorksOnceWrittenAndNotOnceRevoked() throws SQLException {
        UUID id = insert("cache-a", "key-of-cache-a", null);
        String hash = ApiKey.sha256Hex("key-of-cache-a");
        await().atMost(Duration.ofSeconds(5)).until(() -> keys.findBySha256(hash).isPresent());
        ApiKey key = keys.findBySha256(hash).orElseThrow();
        assertThat(key.id()).isEqualTo(id.toString());
        assertThat(key.tenant()).isEqualTo("cache-a");
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.INGEST, Scope.READ);

        sql("UPDATE api_keys SET revoked_at = now(), change = nextval('api_key_changes') WHERE id = ?", id);
        await().atMost(Duration.ofSeconds(5)).until(() -> keys.findBySha256(hash).isEmpty());
    }

    @Test
    void theConfiguredKeysWorkBesideTheIssuedOnesWithAStableId() {
        ApiKey boot = keys.findBySha256(ApiKey.sha256Hex("bootstrap-key")).orElseThrow();
        assertThat(boot.id()).isEqualTo("cfg:" + ApiKey.sha256Hex("bootstrap-key").substring(0, 12));
        assertThat(boot.scopes()).containsExactly(Scope.OPERATOR);
        assertThat(keys.configured().tenants()).containsExactly("boot");
    }

    @Test
    void knownKeysKeepWorkingWhileTheDatabaseIsUnreachable() throws SQLException {
        insert("cache-b", "key-of-cache-b", null);
        String hash = ApiKey.sha256Hex("key-of-cache-b");
        await().atMost(Duration.ofSeconds(5)).until(() -> keys.findBySha256(hash).isPresent());

        dataSource.down.set(true);
        UUID later = insert("cache-b", "key-issued-during-the-outage", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> keys.staleness().compareTo(Duration.ZERO) > 0);
        assertThat(keys.findBySha256(hash)).isPresent();
        assertThat(keys.findBySha256(ApiKey.sha256Hex("key-issued-during-the-outage"))).isEmpty();

        dataSource.down.set(false);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> keys.findBySha256(ApiKey.sha256Hex("key-issued-during-the-outage")).isPresent());
        assertThat(keys.staleness()).isZero();
        assertThat(keys.findBySha256(ApiKey.sha256Hex("key-issued-during-the-outage")).orElseThrow().id())
                .isEqualTo(later.toString());
    }

    @Test
    void anExpiredKeyIsRefusedAtRequestTimeWhateverTheCacheHolds() throws SQLException {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        insert("cache-c", "key-of-cache-c", expiry);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> keys.findBySha256(ApiKey.sha256Hex("key-of-cache-c")).isPresent());

        ApiKeyIdentityProvider before = new ApiKeyIdentityProvider(keys,
                Clock.fixed(expiry.minusMillis(1), ZoneOffset.UTC));
        assertThat(before.authenticate(new ApiKeyAuthenticationRequest("key-of-cache-c"), INLINE).await()
                .indefinitely().getPrincipal().getName()).isEqualTo("cache-c");
        ApiKeyIdentityProvider at = new ApiKeyIdentityProvider(keys, Clock.fixed(expiry, ZoneOffset.UTC));
        assertThatThrownBy(() -> at.authenticate(
                new ApiKeyAuthenticationRequest("key-of-cache-c"), INLINE).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static UUID insert(String tenant, String key, Instant expires) throws SQLException {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO tenants (id) VALUES (?) ON CONFLICT DO NOTHING", tenant);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO api_keys (id, tenant, name, prefix, sha256, scopes, created_at, expires_at, change)
                VALUES (?, ?, 'test', ?, ?, ARRAY['ingest', 'read'], now(), ?, nextval('api_key_changes'))""")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.setString(3, key.substring(0, 6));
            s.setString(4, ApiKey.sha256Hex(key));
            s.setTimestamp(5, expires == null ? null : Timestamp.from(expires));
            s.executeUpdate();
        }
        return id;
    }

    private static void sql(String statement, Object parameter) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, parameter);
            s.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword());
    }

    /** The real database, or, while {@code down}, the refusal a client meets when PostgreSQL is unreachable. */
    private static final class SwitchableDataSource implements DataSource {

        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            return connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
