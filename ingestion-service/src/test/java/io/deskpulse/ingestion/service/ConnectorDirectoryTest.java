package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.ingestion.connector.Platform;
import io.deskpulse.ingestion.repository.ConnectorRows;
import io.deskpulse.platform.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The directory applies only the rows past the last change it saw, drops disabled connectors, keeps what it knows
 * while the database fails, and never serves a connector whose secret does not decrypt here.
 */
class ConnectorDirectoryTest {

    private static final SecretCipher CIPHER = new SecretCipher(new byte[32], List.of());
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** Rows as the database would answer, or a failure. */
    private static final class FakeRows implements ConnectorDirectory.Changes {
        final List<ConnectorRows.Row> rows = new ArrayList<>();
        final List<Long> asked = new ArrayList<>();
        boolean down;

        @Override
        public List<ConnectorRows.Row> since(long change) throws SQLException {
            asked.add(change);
            if (down) {
                throw new SQLException("connection refused");
            }
            return rows.stream().filter(r -> r.change() > change).toList();
        }
    }

    private static ConnectorRows.Row row(String id, long change, String secret, Instant disabledAt) {
        return new ConnectorRows.Row(id, "acme", "chatwoot", "{\"allow_unsigned\": true}",
                CIPHER.encrypt(secret, "connector-secret:acme:" + id), null, null, disabledAt, change);
    }

    private static ConnectorDirectory directory(FakeRows rows) {
        return new ConnectorDirectory(rows, Optional.of(CIPHER), Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void changesAreReadIncrementallyAndADisabledConnectorIsDropped() {
        FakeRows rows = new FakeRows();
        rows.rows.add(row("cn_a", 1, "secret-a-0000000001", null));
        rows.rows.add(row("cn_b", 2, "secret-b-0000000001", null));
        ConnectorDirectory directory = directory(rows);
        directory.refresh();
        KnownConnector a = directory.find("cn_a").orElseThrow();
        assertThat(a.platform()).isEqualTo(Platform.CHATWOOT);
        assertThat(a.allowUnsigned()).isTrue();
        assertThat(new String(a.secrets(NOW).get(0), StandardCharsets.UTF_8)).isEqualTo("secret-a-0000000001");

        rows.rows.add(row("cn_a", 3, "secret-a-0000000001", NOW));
        directory.refresh();
        assertThat(directory.find("cn_a")).isEmpty();
        assertThat(directory.find("cn_b")).isPresent();
        assertThat(rows.asked).containsExactly(0L, 2L);
    }

    @Test
    void knownConnectorsKeepWorkingWhileTheDatabaseIsDown() {
        FakeRows rows = new FakeRows();
        rows.rows.add(row("cn_a", 1, "secret-a-0000000001", null));
        ConnectorDirectory directory = directory(rows);
        directory.refresh();
        rows.down = true;
        directory.refresh();
        directory.refresh();
        assertThat(directory.find("cn_a")).isPresent();

        rows.down = false;
        rows.rows.add(row("cn_c", 2, "secret-c-0000000001", null));
        directory.refresh();
        assertThat(directory.find("cn_c")).isPresent();
        assertThat(directory.staleness()).isZero();
        assertThat(rows.asked).containsExactly(0L, 1L, 1L, 1L);
    }

    @Test
    void aSecretThatDoesNotDecryptHereIsNotServed() {
        FakeRows rows = new FakeRows();
        SecretCipher other = new SecretCipher(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, List.of());
        rows.rows.add(new ConnectorRows.Row("cn_x", "acme", "zammad", "{}",
                other.encrypt("secret-x-0000000001", "connector-secret:acme:cn_x"), null, null, null, 1));
        // a ciphertext copied from another connector: its context does not match
        rows.rows.add(new ConnectorRows.Row("cn_y", "acme", "zammad", "{}",
                CIPHER.encrypt("secret-y-0000000001", "connector-secret:acme:cn_other"), null, null, null, 2));
        ConnectorDirectory directory = directory(rows);
        directory.refresh();
        assertThat(directory.find("cn_x")).isEmpty();
        assertThat(directory.find("cn_y")).isEmpty();
    }

    @Test
    void thePreviousSecretCountsOnlyUntilItsGraceEnds() {
        KnownConnector connector = new KnownConnector("cn_a", "acme", Platform.ZAMMAD, false,
                "new".getBytes(StandardCharsets.UTF_8), "old".getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(60));
        assertThat(connector.secrets(NOW)).hasSize(2);
        assertThat(connector.secrets(NOW.plusSeconds(60))).hasSize(1);
    }
}
