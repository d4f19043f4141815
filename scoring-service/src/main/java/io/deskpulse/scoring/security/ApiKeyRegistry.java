package io.deskpulse.scoring.security;

import io.deskpulse.scoring.config.AuthConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The configured API keys, looked up by the SHA-256 of the key a request presents. Built at startup so that
 * a malformed entry stops the service with a clear message instead of failing its first request.
 */
@Startup
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final Map<String, ApiKey> byHash = new HashMap<>();

    public ApiKeyRegistry(AuthConfig config) {
        for (String entry : config.apiKeys().orElse(List.of())) {
            if (entry.isBlank()) {
                continue;
            }
            ApiKey key = ApiKey.parse(entry);
            ApiKey earlier = byHash.put(key.sha256Hex(), key);
            // One key for two entries would make its tenant depend on the order of the list.
            if (earlier != null) {
                throw new IllegalArgumentException("the same key hash is configured twice (tenants '"
                        + earlier.tenant() + "' and '" + key.tenant() + "'); give each entry its own key");
            }
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
