package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rule's webhook to the internal network is refused when the rule is saved, naming the field, not the address. */
class AlertRuleWebhookAddressTest {

    @Test
    void anInternalWebhookIsRefusedWhenTheRuleIsSaved() {
        assertThat(AlertRuleService.webhookRefusal("http://localhost:8080/hook", false)).hasValue(new FieldError(
                "webhook.url", "localhost resolves to an address of an internal network; webhooks go to public "
                        + "addresses only (deskpulse.webhooks.allow-private-addresses)"));
        assertThat(AlertRuleService.webhookRefusal("https://100.64.1.2/hook", false)).isPresent();
        assertThat(AlertRuleService.webhookRefusal("https://[64:ff9b::a9fe:a9fe]/latest/meta-data", false)).isPresent();
    }

    @Test
    void publicOrAllowedOrNotYetResolvableWebhooksAreLeftToDelivery() {
        assertThat(AlertRuleService.webhookRefusal("https://93.184.216.34/hook", false)).isEmpty();
        assertThat(AlertRuleService.webhookRefusal("http://localhost:8080/hook", true)).isEmpty();
        assertThat(AlertRuleService.webhookRefusal("https://no-such-host.invalid/hook", false)).isEmpty();
        assertThat(AlertRuleService.webhookRefusal(null, false)).isEmpty();
    }
}
