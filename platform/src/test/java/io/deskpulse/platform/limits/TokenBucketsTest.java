package io.deskpulse.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.platform.limits.TokenBuckets.Decision;
import io.deskpulse.platform.limits.TokenBuckets.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aBurstIsServedThenRefusedUntilATokenComesBack() {
        TokenBuckets buckets = new TokenBuckets(clock, tenant -> new Policy(2, 3), 60_000);
        Decision first = buckets.take("acme");
        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.resetSeconds()).isEqualTo(1); // one token back at 2/s: half a second, rounded up
        assertThat(buckets.take("acme").remaining()).isEqualTo(1);
        assertThat(buckets.take("acme").remaining()).isZero();

        Decision refused = buckets.take("acme");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(2); // 3 tokens at 2/s

        clock.advance(Duration.ofMillis(499));
        assertThat(buckets.take("acme").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(buckets.take("acme").allowed()).isTrue();
        assertThat(buckets.take("acme").allowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWaitForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(clock, tenant -> new Policy(0.1, 1), 60_000);
        assertThat(buckets.take("acme").allowed()).isTrue();
        Decision refused = buckets.take("acme");
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(4));
        assertThat(buckets.take("acme").retryAfterSeconds()).isEqualTo(6);
        assertThat(new Policy(0.1, 1).windowSeconds()).isEqualTo(10);
        assertThat(new Policy(5000, 10000).windowSeconds()).isEqualTo(2);
    }

    @Test
    void tenantsHaveTheirOwnBucketsAndPolicies() {
        Map<String, Policy> configured = Map.of("small", new Policy(1, 1));
        TokenBuckets buckets = new TokenBuckets(clock,
                tenant -> configured.getOrDefault(tenant, new Policy(100, 100)), 60_000);
        assertThat(buckets.take("small").allowed()).isTrue();
        assertThat(buckets.take("small").allowed()).isFalse();
        Decision other = buckets.take("acme");
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(99);
        assertThat(other.policy()).isEqualTo(new Policy(100, 100));
    }

    @Test
    void aFullBucketIsForgottenAtTheNextSweepWithoutChangingAnyAnswer() {
        TokenBuckets buckets = new TokenBuckets(clock, tenant -> new Policy(1, 10), 60_000);
        for (int i = 0; i < 1000; i++) {
            buckets.take("idle-" + i);
        }
        buckets.take("busy");
        assertThat(buckets.size()).isEqualTo(1001);

        clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            buckets.take("busy"); // the sweep runs first, then this tenant's 10 requests empty its bucket
        }
        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.take("busy").allowed()).isFalse();
        Decision returning = buckets.take("idle-7");
        assertThat(returning.allowed()).isTrue();
        assertThat(returning.remaining()).isEqualTo(9);
    }

    @Test
    void aBucketStillRefillingSurvivesTheSweep() {
        TokenBuckets buckets = new TokenBuckets(clock, tenant -> new Policy(0.01, 5), 1_000);
        for (int i = 0; i < 5; i++) {
            buckets.take("slow");
        }
        clock.advance(Duration.ofSeconds(2));
        buckets.take("other");
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.take("slow").allowed()).isFalse();
    }

    @Test
    void aClockGoingBackGivesNoTokens() {
        TokenBuckets buckets = new TokenBuckets(clock, tenant -> new Policy(1, 1), 60_000);
        buckets.take("acme");
        clock.advance(Duration.ofSeconds(-30));
        assertThat(buckets.take("acme").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(buckets.take("acme").allowed()).isFalse(); // time lost going back is not credited twice
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.take("acme").allowed()).isTrue();
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new Policy(0, 1)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new Policy(Double.NaN, 1)).hasMessageContaining("requests-per-second");
        assertThatThrownBy(() -> new Policy(1, 0)).hasMessageContaining("burst");
    }
}
