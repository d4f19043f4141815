package io.deskpulse.platform.security;

import io.deskpulse.platform.config.AuthConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The API keys of {@code deskpulse.auth.api-keys}. Built at startup so that a malformed entry stops the service with
 * a clear message instead of failing its first request.
 */
@Startup
@DefaultBean
@ApplicationScoped
public class ConfiguredApiKeys implements ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredApiKeys.class);

    private final Map<String, ApiKey> byHash = new HashMap<>();

    public ConfiguredApiKeys(AuthConfig config) {
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

    @Override
    public Optional<ApiKey> findBySha256(String sha256Hex) {
        return Optional.ofNullable(byHash.get(sha256Hex));
    }
}
