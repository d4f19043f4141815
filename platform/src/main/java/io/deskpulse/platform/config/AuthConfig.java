package io.deskpulse.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "deskpulse.auth")
public interface AuthConfig {

    /**
     * The bootstrap keys: entries {@code <tenant>:<scope>[+<scope>...]:<sha256-hex-of-key>}; see docs/security.md.
     * They work beside the keys issued through the admin API, and only they can hold the {@code operator} scope.
     */
    Optional<List<String>> apiKeys();

    /**
     * How often each instance reads the changes to the issued keys: a revoked key is refused by every instance
     * within this period (plus one query), without a restart.
     */
    @WithDefault("1s")
    Duration keyRefresh();
}
