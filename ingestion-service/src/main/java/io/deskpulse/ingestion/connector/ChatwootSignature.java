package io.deskpulse.ingestion.connector;

import java.time.Instant;
import java.util.List;

/**
 * Chatwoot (from early 2026, when a webhook has a secret): {@code X-Chatwoot-Signature: sha256=<hex>} =
 * HMAC-SHA256(secret, timestamp + "." + body), {@code X-Chatwoot-Timestamp} in epoch seconds, made anew for every
 * attempt. Older installations send neither header: such a delivery is accepted only when the connector allows
 * unsigned deliveries, and then its unguessable URL is the only credential.
 */
final class ChatwootSignature implements SignatureVerifier {

    static final String SIGNATURE = "x-chatwoot-signature";
    static final String TIMESTAMP = "x-chatwoot-timestamp";

    private final boolean allowUnsigned;

    ChatwootSignature(boolean allowUnsigned) {
        this.allowUnsigned = allowUnsigned;
    }

    @Override
    public Verdict verify(HookRequest request, List<byte[]> secrets, Instant now) {
        String signature = request.header(SIGNATURE);
        String timestamp = request.header(TIMESTAMP);
        if (signature == null && timestamp == null) {
            return allowUnsigned ? Verdict.accept()
                    : Verdict.refuse("Chatwoot delivery is unsigned and the connector requires a signature");
        }
        if (signature == null || timestamp == null) {
            return Verdict.refuse("Chatwoot delivery has only one of the signature and timestamp headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.refuse("Chatwoot timestamp is not epoch seconds: " + timestamp);
        }
        long window = WINDOW.toSeconds();
        if (seconds < now.getEpochSecond() - window || seconds > now.getEpochSecond() + window) {
            return Verdict.refuse("Chatwoot timestamp " + timestamp + " is more than 5 minutes from " + now);
        }
        String text = signature.trim();
        if (!text.startsWith("sha256=")) {
            return Verdict.refuse("Chatwoot signature does not start with sha256=");
        }
        byte[] presented = Hmac.hex(text.substring("sha256=".length()));
        if (presented == null) {
            return Verdict.refuse("Chatwoot signature is not hex");
        }
        return Hmac.matchesAny(Hmac.SHA256, presented, secrets, Hmac.utf8(timestamp.trim() + "."), request.body())
                ? Verdict.accept() : Verdict.refuse("Chatwoot signature does not match any secret of the connector");
    }
}
