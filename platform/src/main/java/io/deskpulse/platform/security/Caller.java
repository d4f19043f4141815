package io.deskpulse.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant whose key authenticated the current request, and that key's fingerprint: the security identity, as
 * the resources use it; set by {@link ScopeFilter}.
 */
@RequestScoped
public class Caller {

    /** Hex digits of the key's SHA-256 that name it in audit trails: enough to tell keys apart, useless to guess one. */
    static final int FINGERPRINT_LENGTH = 12;

    private String tenant;
    private String keyFingerprint;
    private String keyId;

    public String tenant() {
        return require(tenant);
    }

    /**
     * The first {@value #FINGERPRINT_LENGTH} hex digits of the SHA-256 of the key (never the key), to record
     * which key made a change; an operator finds it with {@code printf %s "$KEY" | sha256sum | cut -c1-12}.
     */
    public String keyFingerprint() {
        return require(keyFingerprint);
    }

    /** The key's id: that of an issued key (a UUID), or {@code cfg:<fingerprint>} for a configured key. */
    public String keyId() {
        return require(keyId);
    }

    void authenticate(SecurityIdentity identity) {
        this.tenant = identity.getPrincipal().getName();
        this.keyFingerprint = identity.getAttribute(ApiKeyIdentityProvider.KEY_FINGERPRINT);
        this.keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
    }

    private static String require(String value) {
        if (value == null) {
            throw new IllegalStateException("no authenticated caller: is the resource missing @RequiresScope?");
        }
        return value;
    }
}
