package io.deskpulse.scoring.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Registers tenants in the service's database, as POST /v1/tenants does, for tests that send their events. */
public final class Tenants {

    /** Registered in this JVM, by database: each once. */
    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private Tenants() {
    }

    public static void register(Collection<String> tenants) {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        if (tenants.stream().allMatch(t -> REGISTERED.contains(url + " " + t))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url,
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             PreparedStatement s = c.prepareStatement("INSERT INTO tenants (id) VALUES (?) ON CONFLICT DO NOTHING")) {
            for (String tenant : tenants) {
                s.setString(1, tenant);
                s.addBatch();
            }
            s.executeBatch();
            tenants.forEach(t -> REGISTERED.add(url + " " + t));
        } catch (SQLException e) {
            throw new IllegalStateException("could not register tenants " + tenants, e);
        }
    }
}
