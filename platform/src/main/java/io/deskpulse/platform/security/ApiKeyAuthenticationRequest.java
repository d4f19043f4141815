package io.deskpulse.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a request presented as {@code Authorization: Bearer <key>}, for {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
