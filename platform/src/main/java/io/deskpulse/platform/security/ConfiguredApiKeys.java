package io.deskpulse.platform.security;

import io.deskpulse.platform.config.AuthConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The API keys of {@code deskpulse.auth.api-keys}, the bootstrap keys. Built at startup (by {@link DatabaseApiKeys})
 * so that a malformed entry stops the service with a clear message instead of failing its first request.
 */
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
            LOG.warn("No API keys configured (deskpulse.auth.api-keys): only keys issued through the admin API work");
        }
    }

    /** The tenants of the configured keys. */
    public Set<String> tenants() {
        return byHash.values().stream().map(ApiKey::tenant).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<ApiKey> findBySha256(String sha256Hex) {
        return Optional.ofNullable(byHash.get(sha256Hex));
    }
}
