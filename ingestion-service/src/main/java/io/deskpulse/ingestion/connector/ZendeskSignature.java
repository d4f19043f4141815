package io.deskpulse.ingestion.connector;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Zendesk: {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret, timestamp + body)), the timestamp being
 * the {@code X-Zendesk-Webhook-Signature-Timestamp} header's text exactly as sent (ISO 8601, e.g.
 * {@code 2024-04-17T17:18:10Z}), with no separator.
 */
final class ZendeskSignature implements SignatureVerifier {

    static final String SIGNATURE = "x-zendesk-webhook-signature";
    static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";

    @Override
    public Verdict verify(HookRequest request, List<byte[]> secrets, Instant now) {
        String signature = request.header(SIGNATURE);
        String timestamp = request.header(TIMESTAMP);
        if (signature == null || timestamp == null) {
            return Verdict.refuse("Zendesk signature or timestamp header missing");
        }
        Instant signedAt;
        try {
            signedAt = OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return Verdict.refuse("Zendesk signature timestamp is not ISO 8601: " + timestamp);
        }
        if (outsideWindow(signedAt, now)) {
            return Verdict.refuse("Zendesk signature timestamp " + timestamp + " is more than 5 minutes from " + now);
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.refuse("Zendesk signature is not base64");
        }
        return Hmac.matchesAny(Hmac.SHA256, presented, secrets, Hmac.utf8(timestamp), request.body())
                ? Verdict.accept() : Verdict.refuse("Zendesk signature does not match any secret of the connector");
    }

    static boolean outsideWindow(Instant signedAt, Instant now) {
        return Duration.between(signedAt, now).abs().compareTo(WINDOW) > 0;
    }
}
