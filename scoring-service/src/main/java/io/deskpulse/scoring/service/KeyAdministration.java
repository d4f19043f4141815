package io.deskpulse.scoring.service;

import io.deskpulse.platform.security.ApiKey;
import io.deskpulse.scoring.domain.ManagedKey;
import io.deskpulse.scoring.domain.Tenant;
import io.deskpulse.scoring.repository.ApiKeyRepository;
import io.deskpulse.scoring.repository.TenantRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Tenants and their API keys (docs/security.md, "Key management"). A key is 32 random bytes from
 * {@link SecureRandom} (256 bits), written {@value #KEY_PREFIX} and their unpadded base64url; only its SHA-256 and
 * its first {@value #SHOWN} characters are stored, so the key is shown once, in the answer that issues it. Every
 * service's key cache sees a change within its refresh period.
 */
@ApplicationScoped
public class KeyAdministration {

    /** Marks DeskPulse keys, so secret scanners and people recognise one. */
    public static final String KEY_PREFIX = "dp_";
    /** Characters of a key kept for listings: the marker and 7 of its 43 random ones (42 of its 256 bits). */
    public static final int SHOWN = 10;
    /** How long a rotated key keeps working beside its successor, unless the caller says otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An issued key with the only copy of its secret. */
    public record IssuedKey(ManagedKey key, String secret) {
    }

    private final DataSource dataSource;
    private final TenantRepository tenants;
    private final ApiKeyRepository keys;
    private final KnownTenants known;
    private final Clock clock;

    public KeyAdministration(DataSource dataSource, TenantRepository tenants, ApiKeyRepository keys, KnownTenants known,
            Clock clock) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.keys = keys;
        this.known = known;
        this.clock = clock;
    }

    public Tenant createTenant(String id) throws SQLException {
        Tenant created = Transactions.run(dataSource, false, c -> tenants.insert(c, id))
                .orElseThrow(() -> new TenantExistsException(id));
        known.remember(id);
        return created;
    }

    public List<Tenant> tenants() throws SQLException {
        return Transactions.run(dataSource, true, tenants::list);
    }

    /** Issues a key of the tenant; {@code expiresAt} null: it works until revoked. */
    public IssuedKey issue(String tenant, String name, List<String> scopes, Instant expiresAt) throws SQLException {
        return Transactions.run(dataSource, false, c -> {
            if (!tenants.exists(c, tenant)) {
                throw new UnknownResourceException("No tenant '" + tenant + "'; create it with POST /v1/tenants");
            }
            keys.lock(c);
            return insert(c, tenant, name, scopes, expiresAt);
        });
    }

    public List<ManagedKey> keys(String tenant) throws SQLException {
        return Transactions.run(dataSource, true, c -> keys.list(c, tenant));
    }

    /**
     * Issues the key's successor (same name and scopes) and ends the old key at {@code oldKeyUntil} (default: in
     * {@link #DEFAULT_OVERLAP}): until then both work, so clients can switch without a gap.
     */
    public IssuedKey rotate(String tenant, UUID id, Instant oldKeyUntil, Instant expiresAt) throws SQLException {
        Instant until = oldKeyUntil != null ? oldKeyUntil : clock.instant().plus(DEFAULT_OVERLAP);
        return Transactions.run(dataSource, false, c -> {
            keys.lock(c);
            ManagedKey old = keys.findForUpdate(c, tenant, id).orElseThrow(() -> unknownKey(id));
            if (!old.activeAt(clock.instant())) {
                throw new InactiveKeyException("Key " + id + " is revoked or expired: issue a new key instead of "
                        + "rotating it");
            }
            IssuedKey successor = insert(c, tenant, old.name(), old.scopes(), expiresAt);
            keys.replace(c, tenant, id, successor.key().id(), until);
            return successor;
        });
    }

    /** Revokes the key; revoking it again changes nothing and answers it as it is. */
    public ManagedKey revoke(String tenant, UUID id) throws SQLException {
        return Transactions.run(dataSource, false, c -> {
            keys.lock(c);
            ManagedKey key = keys.findForUpdate(c, tenant, id).orElseThrow(() -> unknownKey(id));
            return key.revokedAt() != null ? key : keys.revoke(c, tenant, id, clock.instant());
        });
    }

    private IssuedKey insert(java.sql.Connection c, String tenant, String name, List<String> scopes, Instant expiresAt)
            throws SQLException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ManagedKey key = new ManagedKey(UUID.randomUUID(), tenant, name, secret.substring(0, SHOWN),
                scopes.stream().distinct().sorted().toList(), clock.instant(), expiresAt, null, null);
        keys.insert(c, key, ApiKey.sha256Hex(secret));
        return new IssuedKey(key, secret);
    }

    private static UnknownResourceException unknownKey(UUID id) {
        return new UnknownResourceException("No key " + id + " of this tenant.");
    }
}
