package io.deskpulse.scoring.service;

import io.deskpulse.scoring.repository.AuditRepository;
import io.deskpulse.scoring.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The audit trail of admin changes (table {@code admin_audit}): which key made each accepted change, whatever actor
 * name the caller gave. Written after the change committed, so a failure to write it is logged (with everything the
 * row would have held) rather than undoing a change the client is told about.
 */
@ApplicationScoped
public class AdminAudit {

    private static final Logger LOG = Logger.getLogger(AdminAudit.class);

    private final DataSource dataSource;
    private final AuditRepository audit;

    public AdminAudit(DataSource dataSource, AuditRepository audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    public void record(String tenant, String keyId, String actor, String method, String path, int status) {
        try {
            Transactions.autoCommit(dataSource, c -> {
                audit.insert(c, tenant, keyId, actor, method, path, status);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Audit row not written (tenant %s, key %s, actor %s, %s %s -> %d): %s", tenant, keyId, actor,
                    method, path, status, e.getMessage());
        }
    }
}
