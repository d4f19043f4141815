package io.deskpulse.reporting.security;

import io.deskpulse.reporting.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The configured API keys, looked up by the SHA-256 of the key a request presents. */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final Map<String, ApiKey> byHash = new HashMap<>();

    public ApiKeyRegistry(AuthConfig config) {
        for (String entry : config.apiKeys().orElse(java.util.List.of())) {
            if (entry.isBlank()) {
                continue;
            }
            ApiKey key = ApiKey.parse(entry);
            byHash.put(key.sha256Hex(), key);
        }
        if (byHash.isEmpty()) {
            LOG.warn("No API keys configured (deskpulse.auth.api-keys): every request will be refused with 401");
        }
    }

    public Optional<ApiKey> find(String presentedKey) {
        return Optional.ofNullable(byHash.get(sha256Hex(presentedKey)));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
