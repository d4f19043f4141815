package io.deskpulse.scoring.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may go. A tenant's admin chooses the URL, so unless the operator allows it, addresses of
 * the internal network — loopback, private (RFC 1918), link-local (cloud metadata), unique-local IPv6, any-
 * local, multicast — are refused: scoring-service must not become a way into its own network.
 */
final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Why the URL's host may not be called, or empty when it may. */
    static Optional<String> refusal(URI url, boolean allowPrivate) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
            if (internal(address)) {
                return Optional.of(url.getHost() + " resolves to " + address.getHostAddress() + ", an address of an "
                        + "internal network; webhooks go to public addresses only (deskpulse.webhooks.allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        // fc00::/7, IPv6 unique local addresses (isSiteLocalAddress only knows the deprecated fec0::/10)
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
