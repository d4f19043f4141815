package io.deskpulse.platform.security;

import java.util.Optional;

/**
 * Where the API keys come from, looked up by the SHA-256 of the key a request presents (the key itself is never
 * stored). Every service uses {@link DatabaseApiKeys}: the issued keys of the database and the configured ones
 * ({@link ConfiguredApiKeys}). A lookup must not block: it runs on the event loop, so implementations answer from
 * memory (DatabaseApiKeys polls the table in the background).
 */
public interface ApiKeyStore {

    Optional<ApiKey> findBySha256(String sha256Hex);
}
