package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.ingestion.config.UploadConfig;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadLimitsTest {

    private static UploadLimits limits(int perTenant, int perInstance, long budget) {
        return new UploadLimits(new UploadConfig() {
            @Override
            public int maxConcurrentPerTenant() {
                return perTenant;
            }

            @Override
            public int maxConcurrent() {
                return perInstance;
            }

            @Override
            public MemorySize spoolBudget() {
                return new MemorySize(BigInteger.valueOf(budget));
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofMillis(2500);
            }
        });
    }

    @Test
    void aTenantOverItsCountIsRefusedAsItsOwnDoingAndOthersStillStart() {
        UploadLimits limits = limits(1, 3, 1000);
        UploadLimits.Upload first = limits.begin("acme");
        assertThatThrownBy(() -> limits.begin("acme")).isInstanceOfSatisfying(UploadRefusedException.class, e -> {
            assertThat(e.perTenant()).isTrue();
            assertThat(e.retryAfterSeconds()).isEqualTo(3);
            assertThat(e.getMessage()).contains("max-concurrent-per-tenant");
        });
        UploadLimits.Upload other = limits.begin("globex");
        first.close();
        first.close(); // closing twice returns the slot once
        limits.begin("acme").close();
        other.close();
        assertThat(limits.running()).isZero();
    }

    @Test
    void theInstanceOverItsCountIsRefusedAsTheServersDoing() {
        UploadLimits limits = limits(2, 2, 1000);
        UploadLimits.Upload a = limits.begin("acme");
        UploadLimits.Upload b = limits.begin("globex");
        assertThatThrownBy(() -> limits.begin("initech")).isInstanceOfSatisfying(UploadRefusedException.class, e -> {
            assertThat(e.perTenant()).isFalse();
            assertThat(e.getMessage()).contains("max-concurrent");
        });
        a.close();
        limits.begin("initech").close();
        b.close();
        assertThat(limits.running()).isZero();
    }

    @Test
    void theSpoolBudgetIsSharedAndReturnedWhenAnUploadEnds() {
        UploadLimits limits = limits(2, 4, 1000);
        UploadLimits.Upload a = limits.begin("acme");
        UploadLimits.Upload b = limits.begin("globex");
        a.charge(600);
        b.charge(400);
        assertThat(limits.spooled()).isEqualTo(1000);
        assertThatThrownBy(() -> b.charge(1)).isInstanceOfSatisfying(UploadRefusedException.class, e -> {
            assertThat(e.perTenant()).isFalse();
            assertThat(e.getMessage()).contains("more than 1000 bytes (deskpulse.uploads.spool-budget)");
        });
        b.close();
        assertThat(limits.spooled()).isEqualTo(600);
        UploadLimits.Upload c = limits.begin("globex");
        c.charge(400);
        c.close();
        a.close();
        assertThat(limits.spooled()).isZero();
    }
}
