package io.deskpulse.ingestion.service;

import io.deskpulse.ingestion.connector.Platform;
import java.time.Instant;
import java.util.List;

/** A live connector as the directory holds it: its secrets decrypted, the previous one with its end of grace. */
public record KnownConnector(String id, String tenant, Platform platform, boolean allowUnsigned, byte[] secret,
        byte[] previousSecret, Instant previousValidUntil) {

    /** The secrets a delivery may be signed with at {@code now}: the current one, and the previous one in its grace. */
    public List<byte[]> secrets(Instant now) {
        return previousSecret != null && previousValidUntil != null && now.isBefore(previousValidUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
