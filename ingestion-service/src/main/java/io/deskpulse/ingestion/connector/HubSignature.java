package io.deskpulse.ingestion.connector;

import java.time.Instant;
import java.util.List;

/**
 * Intercom and Zammad: {@code X-Hub-Signature: sha1=<hex>} = HMAC-SHA1(secret, body). Neither platform signs a
 * timestamp, so there is no window to check: a replayed delivery is caught by its deterministic event ids instead
 * (it counts once).
 */
final class HubSignature implements SignatureVerifier {

    static final String SIGNATURE = "x-hub-signature";

    @Override
    public Verdict verify(HookRequest request, List<byte[]> secrets, Instant now) {
        String signature = request.header(SIGNATURE);
        if (signature == null) {
            return Verdict.refuse("X-Hub-Signature header missing");
        }
        String text = signature.trim();
        if (!text.startsWith("sha1=")) {
            return Verdict.refuse("X-Hub-Signature does not start with sha1=");
        }
        byte[] presented = Hmac.hex(text.substring("sha1=".length()));
        if (presented == null) {
            return Verdict.refuse("X-Hub-Signature is not hex");
        }
        return Hmac.matchesAny(Hmac.SHA1, presented, secrets, request.body())
                ? Verdict.accept() : Verdict.refuse("X-Hub-Signature does not match any secret of the connector");
    }
}
