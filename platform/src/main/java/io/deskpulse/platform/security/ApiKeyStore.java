package io.deskpulse.platform.security;

import java.util.Optional;

/**
 * Where the API keys come from, looked up by the SHA-256 of the key a request presents (the key itself is never
 * stored). Every service uses {@link DatabaseApiKeys}: the issued keys of the database and the configured ones
 * ({@link ConfiguredApiKeys}). A lookup may block: it runs on a worker thread.
 */
public interface ApiKeyStore {

    Optional<ApiKey> findBySha256(String sha256Hex);
}
