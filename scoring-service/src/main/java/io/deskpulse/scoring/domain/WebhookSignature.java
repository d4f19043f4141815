package io.deskpulse.scoring.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery (docs/alerts.md#verifying-a-delivery): HMAC-SHA256 with the rule's
 * secret over {@code <timestamp>.<body>}, hex, sent as {@code X-DeskPulse-Signature: v1=<hex>} beside
 * {@code X-DeskPulse-Timestamp: <timestamp>} (Unix seconds). Signing the timestamp lets a receiver refuse
 * old deliveries replayed by someone who captured one.
 */
public final class WebhookSignature {

    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** {@code v1=<hex of HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
