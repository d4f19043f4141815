package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Webhooks never reach the internal network unless the operator allows it. Literal addresses: no DNS needed. */
class WebhookAddressesTest {

    @Test
    void internalAddressesAreRefused() throws Exception {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
            "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"}) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void theRefusalNamesTheAddressAndTheSetting() throws Exception {
        assertThat(WebhookAddresses.refusal(URI.create("http://127.0.0.1:9/hook"), false)).hasValueSatisfying(reason ->
                assertThat(reason).contains("127.0.0.1").contains("deskpulse.webhooks.allow-private-addresses"));
        assertThat(WebhookAddresses.refusal(URI.create("http://127.0.0.1:9/hook"), true)).isEmpty();
        assertThat(WebhookAddresses.refusal(URI.create("https://93.184.216.34/hook"), false)).isEmpty();
    }
}
