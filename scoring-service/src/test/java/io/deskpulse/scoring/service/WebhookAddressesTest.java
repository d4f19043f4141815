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
            "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1",
            // the ranges the security review found open
            "100.64.0.1", "100.127.255.254", "198.18.0.1", "198.19.255.254", "240.0.0.1", "255.255.255.255",
            "0.1.2.3", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "::ffff:127.0.0.1"}) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1",
            "100.63.255.255", "198.20.0.1", "223.255.255.255", "2001:4860::1"}) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void theRefusalNamesTheSettingButNeverTheResolvedAddress() throws Exception {
        // "localhost" resolves here; the tenant learns that it is internal, not which address it resolved to
        assertThat(WebhookAddresses.refusal(URI.create("http://localhost:9/hook"), false)).hasValue("localhost resolves "
                + "to an address of an internal network; webhooks go to public addresses only "
                + "(deskpulse.webhooks.allow-private-addresses)");
        assertThat(WebhookAddresses.refusal(URI.create("http://127.0.0.1:9/hook"), true)).isEmpty();
        assertThat(WebhookAddresses.refusal(URI.create("https://93.184.216.34/hook"), false)).isEmpty();
    }
}
