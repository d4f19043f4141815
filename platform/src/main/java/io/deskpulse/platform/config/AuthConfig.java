package io.deskpulse.platform.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "deskpulse.auth")
public interface AuthConfig {

    /** Entries {@code <tenant>:<scope>[+<scope>...]:<sha256-hex-of-key>}; see docs/architecture.md. */
    Optional<List<String>> apiKeys();
}
