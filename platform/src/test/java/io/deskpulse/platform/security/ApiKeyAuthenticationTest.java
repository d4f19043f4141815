package io.deskpulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.platform.config.AuthConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The mechanism's reading of the header and the provider's identity, without a server. */
class ApiKeyAuthenticationTest {

    private static final String KEY = "acme-key-0001";
    private static final AuthenticationRequestContext INLINE = new AuthenticationRequestContext() {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return Uni.createFrom().item(function);
        }
    };

    @Test
    void onlyAWellFormedBearerHeaderPresentsAKey() {
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Bearer " + KEY)).isEqualTo(KEY);
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("bearer  " + KEY + " ")).isEqualTo(KEY);
        assertThat(ApiKeyAuthenticationMechanism.presentedKey(null)).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Bearer ")).isNull();
        assertThat(ApiKeyAuthenticationMechanism.presentedKey("Basic YWNtZTpzZWNyZXQ=")).isNull();
    }

    @Test
    void aKnownKeyIsItsTenantWithItsScopesAsRoles() {
        SecurityIdentity identity = provider("acme:read+admin:" + ApiKey.sha256Hex(KEY))
                .authenticate(new ApiKeyAuthenticationRequest(KEY), INLINE).await().indefinitely();
        assertThat(identity.getPrincipal().getName()).isEqualTo("acme");
        assertThat(identity.getRoles()).containsExactlyInAnyOrder("read", "admin");
        assertThat((String) identity.getAttribute(ApiKeyIdentityProvider.KEY_FINGERPRINT))
                .isEqualTo(ApiKey.sha256Hex(KEY).substring(0, 12));
    }

    @Test
    void anUnknownKeyFailsTheAuthentication() {
        ApiKeyIdentityProvider provider = provider("acme:read:" + ApiKey.sha256Hex(KEY));
        assertThatThrownBy(() -> provider.authenticate(new ApiKeyAuthenticationRequest("other-key"), INLINE)
                .await().indefinitely()).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void oneKeyConfiguredForTwoTenantsStopsTheStart() {
        String hash = ApiKey.sha256Hex(KEY);
        assertThatThrownBy(() -> store("acme:read:" + hash, "globex:read:" + hash))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configured twice");
    }

    @Test
    void aMalformedEntryNamesWhatIsWrongWithoutEchoingAKey() {
        assertThatThrownBy(() -> store("acme:read:" + KEY + "-plain-key-by-mistake"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> store("acme-read-" + KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> store("acme:write:" + ApiKey.sha256Hex(KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scope 'write'");
    }

    private static ApiKeyIdentityProvider provider(String... entries) {
        return new ApiKeyIdentityProvider(store(entries));
    }

    private static ConfiguredApiKeys store(String... entries) {
        return new ConfiguredApiKeys(config(entries));
    }

    static AuthConfig config(String... entries) {
        return new AuthConfig() {
            @Override
            public Optional<List<String>> apiKeys() {
                return Optional.of(List.of(entries));
            }

            @Override
            public Duration keyRefresh() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
