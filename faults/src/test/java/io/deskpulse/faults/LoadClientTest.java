package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retrying client against an HTTP server that answers what the test tells it to. */
class LoadClientTest {

    private HttpServer server;
    private final ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();

    private String serve(int... statuses) throws IOException {
        AtomicInteger call = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/events", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            int i = call.getAndIncrement();
            int status = i < statuses.length ? statuses[i] : 202;
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] answer = (status == 202 ? "{\"accepted\":1,\"duplicates\":0}" : "{\"status\":" + status + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Profile quick() {
        return Profile.named("ci").with("--rate", "10000");
    }

    @Test
    void refusalsAreResentAsTheSameBodyUntilAccepted() throws Exception {
        Traffic traffic = Traffic.generate(3, 1, 60, 100);
        assertThat(traffic.batches).hasSize(1);
        String url = serve(503, 500, 429, 202);
        Ledger ledger = new Ledger(traffic);

        new LoadClient(url, quick()).start("key", traffic, ledger).join();

        assertThat(ledger.refusalsByReason()).isEqualTo(Map.of("503", 1L, "500", 1L, "429", 1L));
        assertThat(ledger.requests()).isEqualTo(4);
        assertThat(ledger.okRequests()).isEqualTo(1);
        assertThat(ledger.acceptedCount()).isEqualTo(traffic.events.size());
        assertThat(bodies).hasSize(4).allSatisfy(body -> assertThat(body).isEqualTo(traffic.batches.get(0).body()));
    }

    @Test
    void aClientErrorStopsTheRun() throws Exception {
        Traffic traffic = Traffic.generate(3, 1, 60, 100);
        String url = serve(422);

        LoadClient.Run run = new LoadClient(url, quick()).start("key", traffic, new Ledger(traffic));

        assertThatThrownBy(run::join).isInstanceOf(IllegalStateException.class).hasMessageContaining("422");
    }

    @Test
    void failedConnectionsAreNamedAsTheClientSawThem() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/";
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()))
                .isInstanceOfSatisfying(IOException.class,
                        e -> assertThat(LoadClient.reason(e)).isEqualTo("connection refused"));
        assertThat(LoadClient.reason(new ConnectException())).isEqualTo("connection refused");
        assertThat(LoadClient.reason(new java.net.http.HttpTimeoutException("request timed out"))).isEqualTo("timeout");
        assertThat(LoadClient.reason(new IOException("Connection reset"))).isEqualTo("connection reset");
        assertThat(LoadClient.reason(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo("connection closed");
    }
}
