package io.deskpulse.platform.security;

import java.util.Optional;

/**
 * Where the API keys come from, looked up by the SHA-256 of the key a request presents (the key itself is never
 * stored). The configured keys ({@link ConfiguredApiKeys}) are the default; a service that declares a bean of this
 * type of its own (a database table with an admin API, for example) replaces them. A lookup may block: it runs on a
 * worker thread.
 */
public interface ApiKeyStore {

    Optional<ApiKey> findBySha256(String sha256Hex);
}
