package io.deskpulse.scoring.service;

import io.deskpulse.platform.security.ApiKey;
import io.deskpulse.platform.security.DatabaseApiKeys;
import io.deskpulse.scoring.repository.TenantRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The tenants scoring accepts records of: those of table {@code tenants}, where the tenants of the configured keys
 * are registered at every start. A record of any other tenant is dead-lettered (reason {@value #REASON_CODE}): the
 * event topic is not trusted to name only real tenants. Tenants are never deleted, so a known one is remembered;
 * an unknown one is asked for again each time (records of unknown tenants are rare, and a tenant created a moment
 * ago must count at once).
 */
@ApplicationScoped
public class KnownTenants {

    public static final String REASON_CODE = "unknown-tenant";

    private static final Logger LOG = Logger.getLogger(KnownTenants.class);

    private final DataSource dataSource;
    private final TenantRepository tenants;
    private final DatabaseApiKeys keys;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public KnownTenants(DataSource dataSource, TenantRepository tenants, DatabaseApiKeys keys) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.keys = keys;
    }

    /** Registers the configured keys' tenants (after the migrations, which run before startup observers). */
    void onStart(@Observes StartupEvent event) throws SQLException {
        Set<String> configured = keys.configured().tenants();
        Transactions.run(dataSource, false, c -> {
            tenants.register(c, configured);
            return null;
        });
        known.addAll(configured);
        LOG.infof("Tenants of the configured keys registered: %s", configured);
    }

    public boolean isKnown(String tenant) throws SQLException {
        if (known.contains(tenant)) {
            return true;
        }
        // No key can name such a tenant (and a NUL in it would make PostgreSQL refuse the query): no need to ask.
        if (!ApiKey.TENANT.matcher(tenant).matches()) {
            return false;
        }
        boolean exists = Transactions.run(dataSource, true, c -> tenants.exists(c, tenant));
        if (exists) {
            known.add(tenant);
        }
        return exists;
    }

    /** Why a record of the tenant is refused, as the dead letter says it. */
    public static String reason(String tenant) {
        return REASON_CODE + ": tenant '" + tenant + "' is not registered (POST /v1/tenants)";
    }

    void remember(String tenant) {
        known.add(tenant);
    }
}
