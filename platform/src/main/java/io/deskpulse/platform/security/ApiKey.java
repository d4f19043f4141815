package io.deskpulse.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One API key: its id (for audit trails), its tenant, its scopes, the SHA-256 of the key and when it stops working
 * (null: never). A configured key is written {@code <tenant>:<scope>[+<scope>...]:<sha256-hex>} so that a single
 * environment variable or Kubernetes Secret value holds all keys, and no plain key is ever written in
 * configuration; its id is {@value #CONFIGURED_ID_PREFIX} and the first hex digits of its hash.
 */
public record ApiKey(String id, String tenant, Set<Scope> scopes, String sha256Hex, Instant expiresAt) {

    /** Ids of configured keys start so; those of issued keys are UUIDs. */
    public static final String CONFIGURED_ID_PREFIX = "cfg:";

    /** A configured key: it never expires. */
    public ApiKey(String tenant, Set<Scope> scopes, String sha256Hex) {
        this(CONFIGURED_ID_PREFIX + sha256Hex.substring(0, Caller.FINGERPRINT_LENGTH), tenant, scopes, sha256Hex, null);
    }

    /** Whether the key still works at {@code now}. */
    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** What a tenant's name may be, for configured keys and tenants created through the API alike. */
    public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public static ApiKey parse(String entry) {
        String[] parts = entry.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("API key entry must be <tenant>:<scopes>:<sha256-hex>, got '"
                    + redact(entry) + "'");
        }
        if (!TENANT.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("tenant '" + parts[0] + "' must match " + TENANT.pattern());
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scope : parts[1].split("\\+")) {
            scopes.add(Scope.parse(scope));
        }
        String hash = parts[2].toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("key hash of tenant '" + parts[0]
                    + "' must be 64 hex digits (the SHA-256 of the key, e.g. from sha256sum)");
        }
        return new ApiKey(parts[0], Set.copyOf(scopes), hash);
    }

    /** The hex SHA-256 of a key, the only form in which keys are configured and looked up. */
    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // A misconfigured entry may hold a plain key by mistake: never echo more than its start.
    private static String redact(String entry) {
        return entry.length() <= 12 ? entry : entry.substring(0, 12) + "...";
    }
}
