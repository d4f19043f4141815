package io.deskpulse.scoring.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook may go. A tenant's admin chooses the URL, so unless the operator allows it, addresses of
 * the internal network are refused — loopback, private (RFC 1918), shared (CGNAT, 100.64.0.0/10), benchmarking
 * (198.18.0.0/15), link-local (cloud metadata), reserved (0.0.0.0/8, 240.0.0.0/4), unique-local IPv6, NAT64
 * (64:ff9b::/96) and 6to4 (2002::/16), which reach IPv4 addresses through a gateway, any-local, multicast:
 * scoring-service must not become a way into its own network. Checked when a rule is saved and again at every
 * delivery, where the connection goes to the very address that was checked ({@link WebhookClient}). A refusal
 * never names the address the host resolved to: tenants read it, and it would tell them what the internal DNS
 * answers.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** Whether a webhook may have this URL at all: absolute, http or https, with a host and no user info. */
    public static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null && uri.getUserInfo() == null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Why a webhook may not be saved with this URL, or empty when it may: refused when it is saved, not only at
     * delivery, where the refusal would show in the delivery log only. A host that does not resolve now is left to
     * delivery (DNS may lag).
     */
    static Optional<String> refusalWhenSaved(String url, boolean allowPrivate) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return refusal(URI.create(url), allowPrivate);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why the URL's host may not be called, or empty when it may. */
    static Optional<String> refusal(URI url, boolean allowPrivate) throws UnknownHostException {
        if (allowPrivate) {
            return Optional.empty();
        }
        return refusal(url.getHost(), List.of(InetAddress.getAllByName(url.getHost())), false);
    }

    /**
     * Why {@code host} may not be called at these addresses (what it resolved to), or empty when it may. Every
     * address must pass, not only the one connected to: a name that answers a public and an internal address is
     * refused as a whole.
     */
    static Optional<String> refusal(String host, List<InetAddress> addresses, boolean allowPrivate) {
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of(host + " resolves to an address of an internal network; webhooks go to "
                        + "public addresses only (deskpulse.webhooks.allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                   // 0.0.0.0/8, "this network"
                    || (first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, shared address space (CGNAT)
                    || (first == 198 && (second & 0xfe) == 18)  // 198.18.0.0/15, benchmarking
                    || first >= 240;                            // 240.0.0.0/4 reserved, and the broadcast address
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                    && allZero(bytes, 4, 12);
            boolean sixToFour = first == 0x20 && bytes[1] == 0x02;
            // fc00::/7, unique local addresses (isSiteLocalAddress only knows the deprecated fec0::/10)
            return (first & 0xfe) == 0xfc || nat64 || sixToFour;
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
