package io.deskpulse.ingestion.connector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Freshdesk, which cannot sign: its automation rule's webhook sends the connector's secret, either as the password of
 * HTTP Basic ({@code Authorization: Basic base64(user:secret)}, any user name) or in the header
 * {@code X-DeskPulse-Secret}. Nothing is signed, so there is no timestamp to check; retries are caught by the
 * deterministic event ids.
 */
final class SharedSecretAuth implements SignatureVerifier {

    static final String HEADER = "x-deskpulse-secret";

    @Override
    public Verdict verify(HookRequest request, List<byte[]> secrets, Instant now) {
        String header = request.header(HEADER);
        if (header != null) {
            return Hmac.equalsAny(header.trim(), secrets) ? Verdict.accept()
                    : Verdict.refuse("X-DeskPulse-Secret does not match any secret of the connector");
        }
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Verdict.refuse("neither Authorization nor X-DeskPulse-Secret header present");
        }
        String text = authorization.trim();
        if (text.length() < 6 || !text.substring(0, 6).equalsIgnoreCase("basic ")) {
            return Verdict.refuse("Authorization is not HTTP Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(text.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verdict.refuse("Authorization Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.refuse("Authorization Basic credentials have no user:password separator");
        }
        return Hmac.equalsAny(decoded.substring(colon + 1), secrets) ? Verdict.accept()
                : Verdict.refuse("Basic password does not match any secret of the connector");
    }
}
