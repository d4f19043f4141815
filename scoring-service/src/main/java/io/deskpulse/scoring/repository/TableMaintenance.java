package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.config.VacuumMode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Vacuums the service's own tables where PostgreSQL's autovacuum does not: scoring rewrites aggregate rows,
 * timelines, facts and offsets on every batch, and without vacuum the dead row versions pile up until every read
 * and write wades through them (a team-day table at 20 times its live size was measured on a server started with
 * {@code autovacuum = off}, as some CI images are). In mode {@code auto} (the default) it acts only when the server's
 * autovacuum is off; a table is due after 1,000 dead rows plus 2 % of its live ones, the thresholds migration V19
 * gives autovacuum. {@code SKIP_LOCKED}: a table another replica is vacuuming is left to it.
 */
@ApplicationScoped
public class TableMaintenance {

    private static final Logger LOG = Logger.getLogger(TableMaintenance.class);

    private final DataSource dataSource;
    private final ScoringConfig config;

    public TableMaintenance(DataSource dataSource, ScoringConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${deskpulse.scoring.vacuum-interval:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            vacuumDue(config.vacuum());
        } catch (SQLException e) {
            LOG.warnf("Vacuuming the service's tables failed, will retry: %s", e.getMessage());
        }
    }

    /** Vacuums (and analyzes) the tables that are due, when {@code mode} says so; returns their names. */
    public List<String> vacuumDue(VacuumMode mode) throws SQLException {
        // VACUUM cannot run in a transaction
        List<String> vacuumed = Transactions.autoCommit(dataSource, c -> vacuumDue(c, mode));
        if (!vacuumed.isEmpty()) {
            LOG.debugf("Vacuumed %s", vacuumed);
        }
        return vacuumed;
    }

    private static List<String> vacuumDue(Connection c, VacuumMode mode) throws SQLException {
        List<String> vacuumed = new ArrayList<>();
        try (Statement statement = c.createStatement()) {
            boolean autovacuumOn;
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('autovacuum')::boolean")) {
                rs.next();
                autovacuumOn = rs.getBoolean(1);
            }
            if (!mode.vacuums(autovacuumOn)) {
                return vacuumed;
            }
            List<String> due = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT relname FROM pg_stat_user_tables
                    WHERE schemaname = current_schema() AND n_dead_tup > 1000 + 0.02 * n_live_tup
                    ORDER BY n_dead_tup DESC""")) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
            for (String table : due) {
                statement.execute("VACUUM (ANALYZE, SKIP_LOCKED) \"" + table.replace("\"", "\"\"") + "\"");
                vacuumed.add(table);
            }
        }
        return vacuumed;
    }
}
