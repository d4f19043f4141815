package io.deskpulse.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a presented key into a security identity: the principal is the key's tenant, its roles are the key's scopes
 * ({@link Scope#label()}), and the attribute {@value #KEY_FINGERPRINT} names the key in audit trails. An unknown key
 * fails the authentication.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    /** Attribute of the identity: the first {@value Caller#FINGERPRINT_LENGTH} hex digits of the key's SHA-256. */
    public static final String KEY_FINGERPRINT = "deskpulse.key-fingerprint";

    private final ApiKeyStore store;

    public ApiKeyIdentityProvider(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> store.findBySha256(ApiKey.sha256Hex(request.key()))
                .map(ApiKeyIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown API key")));
    }

    static SecurityIdentity identity(ApiKey key) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.tenant()))
                .addAttribute(KEY_FINGERPRINT, key.sha256Hex().substring(0, Caller.FINGERPRINT_LENGTH));
        key.scopes().forEach(scope -> identity.addRole(scope.label()));
        return identity.build();
    }
}
