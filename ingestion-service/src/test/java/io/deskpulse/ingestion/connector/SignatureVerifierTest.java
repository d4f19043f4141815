package io.deskpulse.ingestion.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each platform's scheme, with signatures computed here independently of the verifiers' code. */
class SignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-02-10T12:00:00Z");
    private static final byte[] BODY = "{\"event\":\"message_created\",\"id\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "s3cr3t-current".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "s3cr3t-previous".getBytes(StandardCharsets.UTF_8);
    private static final List<byte[]> SECRETS = List.of(SECRET, PREVIOUS);

    private static byte[] hmac(String algorithm, byte[] key, String prefix, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(algorithm);
            mac.init(new javax.crypto.spec.SecretKeySpec(key, algorithm));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static Verdict verify(Platform platform, boolean allowUnsigned, Map<String, String> headers) {
        return SignatureVerifier.forPlatform(platform, allowUnsigned)
                .verify(new HookRequest(headers, BODY, NOW), SECRETS, NOW);
    }

    private static void assertRefused(Verdict verdict, String logReason) {
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.clientReason()).isEqualTo("The webhook's signature or credentials are not valid.");
        assertThat(verdict.logReason()).isEqualTo(logReason);
    }

    private static Map<String, String> zendesk(byte[] key, String timestamp) {
        return Map.of("X-Zendesk-Webhook-Signature",
                Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, timestamp, BODY)),
                "X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    }

    @Test
    void zendeskSignsTimestampThenBodyInBase64() {
        assertThat(verify(Platform.ZENDESK, false, zendesk(SECRET, "2026-02-10T11:58:00Z")).accepted()).isTrue();
        assertThat(verify(Platform.ZENDESK, false, zendesk(PREVIOUS, "2026-02-10T12:04:59Z")).accepted()).isTrue();
        assertRefused(verify(Platform.ZENDESK, false, zendesk("other".getBytes(), "2026-02-10T11:58:00Z")),
                "Zendesk signature does not match any secret of the connector");
        assertRefused(verify(Platform.ZENDESK, false, zendesk(SECRET, "2026-02-10T11:54:59Z")),
                "Zendesk signature timestamp 2026-02-10T11:54:59Z is more than 5 minutes from 2026-02-10T12:00:00Z");
        assertRefused(verify(Platform.ZENDESK, false, zendesk(SECRET, "1770724800")),
                "Zendesk signature timestamp is not ISO 8601: 1770724800");
        assertRefused(verify(Platform.ZENDESK, false, Map.of()), "Zendesk signature or timestamp header missing");
        Map<String, String> signed = zendesk(SECRET, "2026-02-10T11:58:00Z");
        assertRefused(verify(Platform.ZENDESK, false, Map.of("X-Zendesk-Webhook-Signature", "%%%",
                "X-Zendesk-Webhook-Signature-Timestamp", "2026-02-10T11:58:00Z")), "Zendesk signature is not base64");
        // the body is what is signed: one byte changed is refused
        assertThat(SignatureVerifier.forPlatform(Platform.ZENDESK, false).verify(
                new HookRequest(signed, "{\"event\":\"message_created\",\"id\":2}".getBytes(), NOW), SECRETS, NOW)
                .accepted()).isFalse();
    }

    private static Map<String, String> chatwoot(byte[] key, long timestamp) {
        return Map.of("X-Chatwoot-Signature", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", key, timestamp + ".", BODY)),
                "X-Chatwoot-Timestamp", Long.toString(timestamp), "X-Chatwoot-Delivery", "6f0d2c1e");
    }

    @Test
    void chatwootSignsTimestampDotBodyAndUnsignedOnlyWhereAllowed() {
        long now = NOW.getEpochSecond();
        assertThat(verify(Platform.CHATWOOT, false, chatwoot(SECRET, now - 10)).accepted()).isTrue();
        assertThat(verify(Platform.CHATWOOT, true, chatwoot(PREVIOUS, now + 299)).accepted()).isTrue();
        assertRefused(verify(Platform.CHATWOOT, true, chatwoot("x".getBytes(), now)),
                "Chatwoot signature does not match any secret of the connector");
        assertRefused(verify(Platform.CHATWOOT, false, chatwoot(SECRET, now - 301)),
                "Chatwoot timestamp " + (now - 301) + " is more than 5 minutes from 2026-02-10T12:00:00Z");
        assertRefused(verify(Platform.CHATWOOT, false, chatwoot(SECRET, Long.MIN_VALUE)),
                "Chatwoot timestamp " + Long.MIN_VALUE + " is more than 5 minutes from 2026-02-10T12:00:00Z");
        assertRefused(verify(Platform.CHATWOOT, false, Map.of()),
                "Chatwoot delivery is unsigned and the connector requires a signature");
        assertThat(verify(Platform.CHATWOOT, true, Map.of()).accepted()).isTrue();
        assertRefused(verify(Platform.CHATWOOT, true, Map.of("X-Chatwoot-Timestamp", Long.toString(now))),
                "Chatwoot delivery has only one of the signature and timestamp headers");
        assertRefused(verify(Platform.CHATWOOT, false, Map.of("X-Chatwoot-Signature", "sha1=00",
                "X-Chatwoot-Timestamp", Long.toString(now))), "Chatwoot signature does not start with sha256=");
        assertRefused(verify(Platform.CHATWOOT, false, Map.of("X-Chatwoot-Signature", "sha256=zz",
                "X-Chatwoot-Timestamp", Long.toString(now))), "Chatwoot signature is not hex");
    }

    @Test
    void intercomAndZammadSignTheBodyWithSha1() {
        for (Platform platform : List.of(Platform.INTERCOM, Platform.ZAMMAD)) {
            String good = "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", SECRET, "", BODY));
            assertThat(verify(platform, false, Map.of("X-Hub-Signature", good)).accepted()).isTrue();
            assertThat(verify(platform, false, Map.of("x-hub-signature",
                    "sha1=" + HexFormat.of().withUpperCase().formatHex(hmac("HmacSHA1", PREVIOUS, "", BODY)))).accepted())
                    .isTrue();
            assertRefused(verify(platform, false, Map.of("X-Hub-Signature",
                    "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", "x".getBytes(), "", BODY)))),
                    "X-Hub-Signature does not match any secret of the connector");
            assertRefused(verify(platform, false, Map.of("X-Hub-Signature", good.replace("sha1=", "sha256="))),
                    "X-Hub-Signature does not start with sha1=");
            assertRefused(verify(platform, false, Map.of()), "X-Hub-Signature header missing");
        }
    }

    @Test
    void headerNamesAreReadInAnyCaseAndNullHeadersAreDropped() {
        java.util.HashMap<String, String> headers = new java.util.HashMap<>();
        headers.put("X-DESKPULSE-SECRET", "s3cr3t-current");
        headers.put("X-Other", null);
        HookRequest request = new HookRequest(headers, BODY, NOW);
        assertThat(request.header("x-deskpulse-secret")).isEqualTo("s3cr3t-current");
        assertThat(request.headers()).containsOnlyKeys("x-deskpulse-secret");
        assertThat(SignatureVerifier.forPlatform(Platform.FRESHDESK, false).verify(request, SECRETS, NOW).accepted())
                .isTrue();
        assertThat(SignatureVerifier.forPlatform(Platform.FRESHDESK, false).verify(request, List.of(), NOW).accepted())
                .isFalse();
    }

    @Test
    void freshdeskSendsTheSecretAsBasicPasswordOrInAHeader() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("deskpulse:s3cr3t-current".getBytes());
        assertThat(verify(Platform.FRESHDESK, false, Map.of("Authorization", basic)).accepted()).isTrue();
        assertThat(verify(Platform.FRESHDESK, false, Map.of("X-DeskPulse-Secret", "s3cr3t-previous")).accepted()).isTrue();
        assertRefused(verify(Platform.FRESHDESK, false, Map.of("X-DeskPulse-Secret", "s3cr3t")),
                "X-DeskPulse-Secret does not match any secret of the connector");
        assertRefused(verify(Platform.FRESHDESK, false, Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("s3cr3t-current:X".getBytes()))),
                "Basic password does not match any secret of the connector");
        assertRefused(verify(Platform.FRESHDESK, false, Map.of("Authorization", "Bearer s3cr3t-current")),
                "Authorization is not HTTP Basic");
        assertRefused(verify(Platform.FRESHDESK, false, Map.of("Authorization", "Basic !!")),
                "Authorization Basic credentials are not base64");
        assertRefused(verify(Platform.FRESHDESK, false, Map.of()),
                "neither Authorization nor X-DeskPulse-Secret header present");
    }

    @Test
    void platformsHaveLowerCaseJsonNames() {
        assertThat(Platform.CHATWOOT.jsonName()).isEqualTo("chatwoot");
        assertThat(Platform.fromJson("Zammad")).isEqualTo(Platform.ZAMMAD);
        assertThat(Platform.ZENDESK.secretChosenByPlatform()).isTrue();
        assertThat(Platform.ZAMMAD.secretChosenByPlatform()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Platform.fromJson("helpscout"))
                .hasMessage("must be one of: zendesk, chatwoot, freshdesk, intercom, zammad");
    }

    @Test
    void theHeadersKeptWithARawPayloadNeverCarryACredential() {
        for (Platform platform : Platform.values()) {
            assertThat(platform.headersToKeep()).contains("content-type").doesNotContain("authorization",
                    "x-deskpulse-secret", "x-hub-signature", "x-chatwoot-signature", "x-zendesk-webhook-signature");
        }
        assertThat(Platform.ZAMMAD.headersToKeep()).contains("x-zammad-delivery", "x-zammad-trigger");
        assertThat(Platform.CHATWOOT.headersToKeep()).contains("x-chatwoot-delivery");
    }
}
