package io.deskpulse.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.support.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook goes to the address its host resolved to when it was checked, never to what a second lookup answers;
 * the texts a tenant reads never name an address. A scripted resolver stands in for DNS; the receiver is a real HTTP
 * server on 127.0.0.1.
 */
class WebhookClientTest {

    /** TEST-NET-3 (RFC 5737): public as far as the check goes, and nothing answers there. */
    static final String PUBLIC = "203.0.113.10";

    /** Answers each lookup with the next scripted list (the last one again once the script is used up). */
    static final class ScriptedResolver extends WebhookResolver {
        final Deque<List<InetAddress>> answers = new ConcurrentLinkedDeque<>();
        final List<String> asked = new ArrayList<>();

        ScriptedResolver answer(String... addresses) throws UnknownHostException {
            List<InetAddress> answer = new ArrayList<>();
            for (String address : addresses) {
                answer.add(InetAddress.getByName(address));
            }
            answers.add(answer);
            return this;
        }

        @Override
        public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            if (answers.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    Vertx vertx;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    WebhookClient.Outcome post(WebhookResolver resolver, boolean allowPrivate, String url) {
        try (WebhookClient client = new WebhookClient(vertx, resolver, allowPrivate, Duration.ofSeconds(1), 4)) {
            return client.post(URI.create(url), Map.of("X-DeskPulse-Event", "alert.raised"),
                    "{\"n\": 1}".getBytes(StandardCharsets.UTF_8)).join();
        }
    }

    @Test
    void aNameThatAnswersAPublicAddressForTheCheckAndLoopbackAfterwardsNeverReachesTheLocalListener()
            throws Exception {
        ScriptedResolver rebinding = new ScriptedResolver().answer(PUBLIC).answer("127.0.0.1");
        WebhookClient.Outcome outcome = post(rebinding, false, "http://rebind.example.com:" + receiver.port() + "/hook");

        // the connection went to the checked public address (where nothing answers), not to a second lookup's
        assertThat(rebinding.asked).containsExactly("rebind.example.com");
        assertThat(outcome.kind()).isEqualTo(WebhookClient.Kind.FAILED);
        assertThat(receiver.received()).isEmpty();
        assertThat(outcome.error()).contains("rebind.example.com:" + receiver.port());
        assertThat(outcome.error()).doesNotContain(PUBLIC).doesNotContain("127.0.0.1");
    }

    @Test
    void aNameWithAnyInternalAddressIsRefusedWithoutNamingIt() throws Exception {
        for (ScriptedResolver resolver : List.of(new ScriptedResolver().answer("127.0.0.1"),
                new ScriptedResolver().answer(PUBLIC, "10.0.0.7"), new ScriptedResolver().answer("169.254.169.254"))) {
            WebhookClient.Outcome outcome = post(resolver, false, "http://inside.example.com:" + receiver.port() + "/hook");
            assertThat(outcome).isEqualTo(new WebhookClient.Outcome(WebhookClient.Kind.REFUSED, null,
                    "inside.example.com resolves to an address of an internal network; webhooks go to public "
                            + "addresses only (deskpulse.webhooks.allow-private-addresses)"));
        }
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anAllowedDeliveryGoesToTheResolvedAddressWithTheUrlsHostInTheHostHeader() throws Exception {
        ScriptedResolver resolver = new ScriptedResolver().answer("127.0.0.1");
        WebhookClient.Outcome outcome = post(resolver, true,
                "http://hooks.example.com:" + receiver.port() + "/hook?team=a%20b");

        assertThat(outcome).isEqualTo(new WebhookClient.Outcome(WebhookClient.Kind.ANSWERED, 204, null));
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received received = receiver.received().get(0);
        assertThat(received.headers().get("host")).isEqualTo("hooks.example.com:" + receiver.port());
        assertThat(received.uri()).isEqualTo("/hook?team=a%20b");
        assertThat(received.headers().get("x-deskpulse-event")).isEqualTo("alert.raised");
        assertThat(received.body()).isEqualTo("{\"n\": 1}");
    }

    @Test
    void failuresAreDescribedWithoutTheAddress() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WebhookClient.Outcome refused = post(new ScriptedResolver().answer("127.0.0.1"), true,
                "http://down.example.com:" + closed + "/hook");
        assertThat(refused).isEqualTo(new WebhookClient.Outcome(WebhookClient.Kind.FAILED, null,
                "ConnectException: could not connect to down.example.com:" + closed));

        receiver.holdRequests();
        WebhookClient.Outcome slow = post(new ScriptedResolver().answer("127.0.0.1"), true,
                "http://slow.example.com:" + receiver.port() + "/hook");
        receiver.release();
        assertThat(slow).isEqualTo(new WebhookClient.Outcome(WebhookClient.Kind.FAILED, null,
                "Timeout: slow.example.com:" + receiver.port() + " did not answer within 1000 ms"));

        assertThat(post(new ScriptedResolver(), true, "http://nowhere.example.com/hook")).isEqualTo(
                new WebhookClient.Outcome(WebhookClient.Kind.FAILED, null, "unknown host nowhere.example.com"));
    }

    @Test
    void overTlsTheUrlsHostIsTheServerNameAndTheNameTheCertificateMustBeValidFor() throws Exception {
        // a receiver with a certificate for hooks.example.com only, reached at 127.0.0.1 (made by the JDK's keytool)
        Path dir = Files.createTempDirectory("webhook-tls");
        Path keystore = dir.resolve("receiver.p12");
        Path certificate = dir.resolve("receiver.pem");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=hooks.example.com",
                "-ext", "SAN=dns:hooks.example.com", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "receiver-pass");
        keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(), "-storepass",
                "receiver-pass", "-file", certificate.toString());
        List<String> serverNames = new CopyOnWriteArrayList<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("receiver-pass")))
                .requestHandler(request -> {
                    serverNames.add(request.connection().indicatedServerName() + " " + request.getHeader("Host"));
                    request.response().setStatusCode(204).end();
                })
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        try {
            HttpClientOptions trusting = new HttpClientOptions()
                    .setTrustOptions(new PemTrustOptions().addCertPath(certificate.toString()));
            try (WebhookClient client = new WebhookClient(vertx, new ScriptedResolver().answer("127.0.0.1"), true,
                    Duration.ofSeconds(20), trusting)) {
                WebhookClient.Outcome outcome = client.post(URI.create("https://hooks.example.com:" + server.actualPort()
                        + "/hook"), Map.of(), new byte[0]).join();
                assertThat(outcome).isEqualTo(new WebhookClient.Outcome(WebhookClient.Kind.ANSWERED, 204, null));
                assertThat(serverNames).containsExactly("hooks.example.com hooks.example.com:" + server.actualPort());

                // the same receiver under another name: its certificate is not valid for it
                WebhookClient.Outcome wrongName = client.post(URI.create("https://other.example.com:"
                        + server.actualPort() + "/hook"), Map.of(), new byte[0]).join();
                assertThat(wrongName.kind()).isEqualTo(WebhookClient.Kind.FAILED);
                assertThat(wrongName.error()).startsWith("SSLException: TLS with other.example.com:" + server.actualPort())
                        .doesNotContain("127.0.0.1");
                assertThat(serverNames).hasSize(1);
            }
        } finally {
            server.close().toCompletionStage().toCompletableFuture().join();
            Files.delete(keystore);
            Files.delete(certificate);
            Files.delete(dir);
        }
    }

    static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
