package io.deskpulse.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A tenant of the run, with one random key holding every scope (ingest, read, admin). */
record Tenant(String id, String key) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Tenant create(String id) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return new Tenant(id, id + "-" + HexFormat.of().formatHex(secret));
    }

    /** The entry of DESKPULSE_AUTH_API_KEYS: only the key's SHA-256, as in production. */
    String apiKeyEntry() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return id + ":ingest+read+admin:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
