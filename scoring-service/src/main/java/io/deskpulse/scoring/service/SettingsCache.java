package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.DocumentVersion;
import io.deskpulse.scoring.domain.TenantSettings;
import io.deskpulse.scoring.repository.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a tenant's version, for the KPI derivation, which asks for them on every batch. A saved
 * version never changes, so once read it is kept in memory: a hit is one map lookup. Bounded (least
 * recently used out first) so that many tenants and versions cannot exhaust the heap.
 */
@ApplicationScoped
public class SettingsCache {

    static final int DEFAULT_CAPACITY = 10_000;

    private final SettingsRepository repository;
    // A lock around an access-ordered LinkedHashMap: a hit holds it for a lookup and a relink, far below what
    // would make the batch threads (one per consumer) wait on each other.
    private final Map<Key, TenantSettings> entries;

    @Inject
    public SettingsCache(SettingsRepository repository) {
        this(repository, DEFAULT_CAPACITY);
    }

    SettingsCache(SettingsRepository repository, int capacity) {
        this.repository = repository;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TenantSettings> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The settings of this version of the tenant: {@link TenantSettings#DEFAULTS} for version 0, else the saved
     * version, read through {@code c} (so inside the caller's transaction) the first time it is asked for.
     *
     * @throws IllegalStateException when the tenant has no such version
     */
    public TenantSettings settings(Connection c, String tenant, int version) throws SQLException {
        if (version == 0) {
            return TenantSettings.DEFAULTS;
        }
        TenantSettings cached = get(new Key(tenant, version));
        if (cached != null) {
            return cached;
        }
        // Read and decoded outside the lock: a database round trip must not hold up other tenants' hits.
        DocumentVersion row = repository.find(c, tenant, version).orElseThrow(() -> new IllegalStateException(
                "tenant '" + tenant + "' has no settings version " + version));
        return of(tenant, row);
    }

    /** The settings of a version row already read (with its document), cached like {@link #settings}. */
    TenantSettings of(String tenant, DocumentVersion row) {
        if (row.version() == 0) {
            return TenantSettings.DEFAULTS;
        }
        Key key = new Key(tenant, row.version());
        TenantSettings cached = get(key);
        return cached != null ? cached : putIfAbsent(key, SettingsDocument.fromStored(row.document()));
    }

    synchronized int size() {
        return entries.size();
    }

    private synchronized TenantSettings get(Key key) {
        return entries.get(key);
    }

    private synchronized TenantSettings putIfAbsent(Key key, TenantSettings settings) {
        TenantSettings earlier = entries.putIfAbsent(key, settings);
        return earlier != null ? earlier : settings;
    }

    private record Key(String tenant, int version) {
    }
}
