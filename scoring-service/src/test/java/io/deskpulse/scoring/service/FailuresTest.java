package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures scoring retries forever and which ones make it isolate (and dead-letter) a record. */
class FailuresTest {

    @Test
    void whatTheConnectionOrTheServersTimeoutsCauseIsRetried() {
        assertThat(Failures.isTransient(new SQLException("closed", "08003"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("terminating connection due to idle-in-transaction timeout",
                "25P03"))).isTrue();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("admin shutdown", "57P01")))).isTrue();
        assertThat(Failures.isTransient(new SQLException("pool timeout"))).isTrue();
    }

    @Test
    void whatTheDataCausesIsNot() {
        assertThat(Failures.isTransient(new SQLException("invalid byte sequence", "22021"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("not in a transaction", "25P01"))).isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
