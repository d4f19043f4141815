package io.deskpulse.ingestion.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks that a delivery comes from the helpdesk, by its platform's scheme. Every comparison takes constant time;
 * a signed timestamp more than {@link #WINDOW} away from {@code now} is refused. Thread-safe.
 */
public interface SignatureVerifier {

    /** How far a signed timestamp may lie from the receiver's clock, either way. */
    Duration WINDOW = Duration.ofMinutes(5);

    /**
     * @param secrets the connector's current secret and, during a rotation's grace period, the previous one: a
     *                delivery signed with any of them is accepted
     */
    Verdict verify(HookRequest request, List<byte[]> secrets, Instant now);

    /**
     * The verifier of a platform. {@code allowUnsigned} matters only for Chatwoot, whose installations before 2026
     * do not sign: with it, a delivery without signature headers is accepted on the connector's unguessable URL
     * alone (one with a signature is still checked).
     */
    static SignatureVerifier forPlatform(Platform platform, boolean allowUnsigned) {
        return switch (platform) {
            case ZENDESK -> new ZendeskSignature();
            case CHATWOOT -> new ChatwootSignature(allowUnsigned);
            case INTERCOM, ZAMMAD -> new HubSignature();
            case FRESHDESK -> new SharedSecretAuth();
        };
    }
}
