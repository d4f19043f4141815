package io.deskpulse.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Turns a presented key into a security identity: the principal is the key's tenant, its roles are the key's scopes
 * ({@link Scope#label()}), and the attributes {@value #KEY_FINGERPRINT} and {@value #KEY_ID} name the key in audit
 * trails. An unknown key, and a key past its expiry (checked against the clock at each request, not when the store
 * last refreshed), fail the authentication.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** Attribute of the identity: the first {@value Caller#FINGERPRINT_LENGTH} hex digits of the key's SHA-256. */
    public static final String KEY_FINGERPRINT = "deskpulse.key-fingerprint";

    /** Attribute of the identity: the key's {@link ApiKey#id()}. */
    public static final String KEY_ID = "deskpulse.key-id";

    private final ApiKeyStore store;
    private final Clock clock;

    @Inject
    public ApiKeyIdentityProvider(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ApiKeyIdentityProvider(ApiKeyStore store) {
        this(store, Clock.systemUTC());
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // On the calling (event-loop) thread: the store is in memory (the database keys are polled in the background),
        // and a hash and a map lookup take about a microsecond. runBlocking would move every authenticated request to
        // a worker thread and back before the endpoint's own hop: two thread switches that bounded one-event requests.
        return Uni.createFrom().item(() -> store.findBySha256(ApiKey.sha256Hex(request.key()))
                .filter(key -> key.validAt(clock.instant()))
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown API key")));
    }

    static SecurityIdentity identity(ApiKey key) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.tenant()))
                .addAttribute(KEY_FINGERPRINT, key.sha256Hex().substring(0, Caller.FINGERPRINT_LENGTH))
                .addAttribute(KEY_ID, key.id());
        key.scopes().forEach(scope -> identity.addRole(scope.label()));
        return identity.build();
    }
}
