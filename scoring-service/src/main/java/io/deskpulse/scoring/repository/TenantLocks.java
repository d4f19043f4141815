package io.deskpulse.scoring.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Transaction-scoped advisory locks, one per tenant and purpose: {@code lockClass} keeps the purposes apart (the
 * two-int advisory locks are a key space of their own, apart from the bigint ones the timelines use).
 */
final class TenantLocks {

    static final int EXEMPTIONS = 0xe8e41;
    static final int SETTINGS = 0x5e771;
    static final int SCORING_MODELS = 0x5c0e1;
    static final int REPLAY_REQUESTS = 0x4e91a;
    static final int RECOMPUTATION_REQUESTS = 0x4ec09;
    static final int REPORT_WEBHOOKS = 0x4e9b0;

    private TenantLocks() {
    }

    /** Waits for, then holds until the transaction ends, the tenant's lock of this class. */
    static void lock(Connection c, int lockClass, String tenant) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, lockClass);
            s.setString(2, tenant);
            s.executeQuery().close();
        }
    }
}
