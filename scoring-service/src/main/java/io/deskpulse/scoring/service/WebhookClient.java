package io.deskpulse.scoring.service;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * Posts one webhook, resolving its host once: every address of that answer is checked against the refused ranges
 * ({@link WebhookAddresses}), and the connection goes to the first of them, the very address checked, so the
 * receiver's DNS cannot answer a public address for the check and an internal one for the connection (DNS
 * rebinding), which an HTTP client that resolves the host itself would allow. The host of the URL is still the
 * Host header, the TLS server name (SNI) and the name the certificate must be valid for.
 *
 * <p>No text it returns names an address: tenants read them in the delivery log, and the address an internal name
 * resolved to, or where a connection failed, would tell them what the internal network looks like.
 */
final class WebhookClient implements AutoCloseable {

    /** How an attempt ended: an answer (any status), a failure worth retrying, or a refusal (never retried). */
    enum Kind { ANSWERED, FAILED, REFUSED }

    record Outcome(Kind kind, Integer status, String error) {
    }

    private final HttpClient http;
    private final WebhookResolver resolver;
    private final boolean allowPrivate;
    private final Duration timeout;

    WebhookClient(Vertx vertx, WebhookResolver resolver, boolean allowPrivate, Duration timeout, int maxParallel) {
        this(vertx, resolver, allowPrivate, timeout, new HttpClientOptions().setMaxPoolSize(Math.max(1, maxParallel)));
    }

    /** {@code options} carry what tests change (the trusted certificates); the rest is set here. */
    WebhookClient(Vertx vertx, WebhookResolver resolver, boolean allowPrivate, Duration timeout,
            HttpClientOptions options) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
        // No connection is kept: each attempt resolves and checks again. Host names are verified; SNI is sent
        // even though the connection is made to an address.
        this.http = vertx.createHttpClient(options.setKeepAlive(false).setVerifyHost(true).setForceSni(true)
                .setConnectTimeout((int) timeout.toMillis()));
    }

    CompletableFuture<Outcome> post(URI url, Map<String, String> headers, byte[] body) {
        String host = url.getHost();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (host == null || !(https || "http".equalsIgnoreCase(url.getScheme()))) {
            return done(Kind.REFUSED, null, "not an http or https URL with a host");
        }
        // An IPv6 literal is [..] in a URL; the resolver and the Host header take it bare.
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return done(Kind.FAILED, null, "unknown host " + host);
        }
        if (addresses.isEmpty()) {
            return done(Kind.FAILED, null, "unknown host " + host);
        }
        Optional<String> refusal = WebhookAddresses.refusal(host, addresses, allowPrivate);
        if (refusal.isPresent()) {
            return done(Kind.REFUSED, null, refusal.get());
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                // The checked address as a literal: nothing is resolved again on the way to the socket.
                .setServer(SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress()))
                .setHost(bareHost).setPort(port).setSsl(https)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis()).setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        String target = host + ":" + port;
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                // The answer's body is read and dropped: only the status counts.
                .compose(response -> response.end().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture()
                .handle((status, failure) -> failure == null ? new Outcome(Kind.ANSWERED, status, null)
                        : new Outcome(Kind.FAILED, null, describe(failure, target)));
    }

    /**
     * The failure in words of our own: the exceptions' messages name the address connected to, which must not reach
     * the tenant.
     */
    String describe(Throwable failure, String target) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return "Timeout: " + target + " did not answer within " + timeout.toMillis() + " ms";
            }
            if (t instanceof ConnectException) {
                return "ConnectException: could not connect to " + target;
            }
            if (t instanceof SSLException) {
                return "SSLException: TLS with " + target + " failed (certificate not valid for the host, or not"
                        + " trusted)";
            }
        }
        return failure.getClass().getSimpleName() + ": the exchange with " + target + " failed";
    }

    private static CompletableFuture<Outcome> done(Kind kind, Integer status, String error) {
        return CompletableFuture.completedFuture(new Outcome(kind, status, error));
    }

    @Override
    public void close() {
        http.close();
    }
}
