package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.scoring.config.WebhookConfig;
import io.deskpulse.scoring.domain.ReportPeriod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report webhook to the internal network is refused before anything is stored, naming the field, not the address
 * (the database is never reached: the service has none here).
 */
class ReportWebhookAddressTest {

    static WebhookConfig config(boolean allowPrivate) {
        return new WebhookConfig() {
            public Duration interval() { return Duration.ofSeconds(2); }
            public Duration timeout() { return Duration.ofSeconds(10); }
            public Duration initialBackoff() { return Duration.ofSeconds(30); }
            public Duration maxBackoff() { return Duration.ofHours(1); }
            public int maxAttempts() { return 10; }
            public int batch() { return 20; }
            public boolean allowPrivateAddresses() { return allowPrivate; }
        };
    }

    @Test
    void internalAddressesAreRefusedNamingUrl() {
        ReportWebhooks webhooks = new ReportWebhooks(null, null, null, null, config(false), null, null);
        for (String url : List.of("http://localhost:8080/hook", "http://10.1.2.3/hook", "https://[fd00::1]/hook",
                "http://169.254.169.254/latest/meta-data")) {
            assertThatThrownBy(() -> webhooks.create("acme", "x", url, List.of(ReportPeriod.Length.DAY), null, "test"))
                    .as(url).isInstanceOfSatisfying(InvalidReportWebhookException.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("url");
                        assertThat(e.errors().get(0).reason()).contains("internal network").doesNotContain("127.0.0.1");
                    });
        }
    }

    @Test
    void publicOrNotYetResolvableHostsAreLeftToDelivery() {
        assertThat(WebhookAddresses.refusalWhenSaved("https://93.184.216.34/hook", false)).isEmpty();
        assertThat(WebhookAddresses.refusalWhenSaved("https://no-such-host.invalid/hook", false)).isEmpty();
        assertThat(WebhookAddresses.refusalWhenSaved("http://localhost/hook", true)).isEmpty();
    }
}
